using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Commissions;

/// <summary>
/// The commission types and the phases' checklists every database starts with (demo or not); admins edit them later.
/// Written once, into a database that has none.
/// </summary>
public sealed class CaseReferenceData : IDatabaseStartupTask
{
    public static readonly (string Sv, string En, HandlingOrderScope Scope)[] Types =
    [
        ("Rektorsprogrammet", "The principals' programme", HandlingOrderScope.NotGoverned),
        ("Samverkan för bästa skola", "School-improvement collaboration", HandlingOrderScope.NotGoverned),
        ("Lärarlyftet", "Teacher upskilling programme", HandlingOrderScope.EconomicParts),
        ("Övriga Skolverket-uppdrag", "Other Skolverket commissions", HandlingOrderScope.Governed),
        ("Övriga uppdrag", "Other commissions", HandlingOrderScope.Governed),
    ];

    public static readonly (CasePhase Phase, string Title, StepRole Who, bool Required, bool CreditOnly)[] Steps =
    [
        (CasePhase.MarketWatch, "Leadet bedömt och kunden kontaktad", StepRole.Coordinator, false, false),
        (CasePhase.Initiation, "Dialog med kunden om behov", StepRole.Coordinator, true, false),
        (CasePhase.Initiation, "Institutionen prövar kompetens, tid och resurser", StepRole.SubjectContact, true, false),
        (CasePhase.Initiation, "Prefekten beslutar att starta uppdraget", StepRole.HeadOfDepartment, false, false),
        (CasePhase.Agreement, "Kalkyl", StepRole.Economist, true, false),
        (CasePhase.Agreement, "Prefektens beslut om kalkyl, prissättning och offert", StepRole.HeadOfDepartment, true, false),
        (CasePhase.Agreement, "Offert skickad", StepRole.Coordinator, true, false),
        (CasePhase.Agreement, "Avtalet granskat av jurist", StepRole.Lawyer, false, false),
        (CasePhase.Agreement, "Avtal undertecknat och diariefört", StepRole.Coordinator, true, false),
        (CasePhase.Agreement, "Avtal skickat till fakultetskansliet", StepRole.Coordinator, true, false),
        (CasePhase.Delivery, "Upplägg planerat med kunden", StepRole.SubjectContact, false, false),
        (CasePhase.Delivery, "Kursplan fastställd", StepRole.SubjectCollegium, true, true),
        (CasePhase.Delivery, "Registrerad i Ladok", StepRole.Coordinator, true, true),
        (CasePhase.Delivery, "Deltagare antagna", StepRole.Coordinator, true, false),
        (CasePhase.Delivery, "Konton på lärplattformen", StepRole.Coordinator, false, false),
        (CasePhase.FollowUp, "Utvärdering med kund och deltagare", StepRole.SubjectContact, true, false),
        (CasePhase.FollowUp, "Uppföljningsmöte", StepRole.Coordinator, true, false),
        (CasePhase.FollowUp, "Ekonomiskt utfall fördelat mellan fakulteterna", StepRole.Economist, true, false),
        (CasePhase.FollowUp, "Fakultetskansliet informerat om utfallet", StepRole.FacultyOffice, false, false),
    ];

    public async Task RunAsync(UuDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.CommissionTypes.AnyAsync(cancellationToken))
        {
            db.CommissionTypes.AddRange(Types.Select((t, i) => new CommissionType { NameSv = t.Sv, NameEn = t.En, HandlingOrder = t.Scope, SortOrder = (i + 1) * 10 }));
        }
        if (!await db.ChecklistSteps.AnyAsync(cancellationToken))
        {
            db.ChecklistSteps.AddRange(Steps.Select((s, i) => new ChecklistStep
            {
                Phase = s.Phase, TitleSv = s.Title, Responsible = s.Who, Required = s.Required, CreditBearingOnly = s.CreditOnly, SortOrder = (i + 1) * 10,
            }));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
