using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Commissions.Office;

/// <summary>
/// One case on one screen, with only the actions the signed-in user may take: coordinators and admins everything,
/// a subject's contact person notes, documents and their own checklist steps, a faculty office reads.
/// </summary>
public sealed class CaseModel(UuDbContext db, CaseFiles files, CaseWorkflow workflow, CaseDocuments documents, AuditTrail audit, FollowUp.FollowUpService followUp) : PageModel
{
    public FollowUp.FollowUpFile FollowUp { get; private set; } = null!;
    [BindProperty] public string? MeetingOn { get; set; }
    [BindProperty] public string? Attendees { get; set; }
    [BindProperty] public string? MeetingText { get; set; }
    [BindProperty] public Dictionary<int, string?> Shares { get; set; } = [];
    [BindProperty] public string? Revenue { get; set; }
    [BindProperty] public string? Cost { get; set; }
    [BindProperty] public string? DecidedBy { get; set; }
    [BindProperty] public string? DecidedOn { get; set; }
    [BindProperty] public string? ParticipantCount { get; set; }
    [BindProperty] public string? Women { get; set; }
    [BindProperty] public string? Hst { get; set; }
    [BindProperty] public string? Hpr { get; set; }

    public CaseFile Current { get; private set; } = null!;
    public CaseAccess Access { get; private set; } = null!;
    /// <summary>A subject contact person on one of the case's subjects: they tick the subject contact's steps.</summary>
    public bool IsSubjectContact { get; private set; }
    public IReadOnlyList<CommissionType> Types { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> AllSubjects { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int StepId { get; set; }
    [BindProperty] public string? State { get; set; }
    [BindProperty] public CaseOutcome? Outcome { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Holder { get; set; }
    [BindProperty] public string? NextStep { get; set; }
    [BindProperty] public DateOnly? NextStepDue { get; set; }
    [BindProperty] public int? TypeId { get; set; }
    [BindProperty] public string? Credits { get; set; }
    [BindProperty] public bool OutsideSupport { get; set; }
    [BindProperty] public int? ForYear { get; set; }
    [BindProperty] public StatisticsExclusion? Excluded { get; set; }
    [BindProperty] public string? RegistryNumber { get; set; }
    [BindProperty] public List<int> SubjectIds { get; set; } = [];
    [BindProperty] public IFormFile? Upload { get; set; }

    public bool CanManage => Access.SeesAll && CasePhases.IsOpen(Current.Case.Phase);
    public bool CanWork => Access.CanWork && CasePhases.IsOpen(Current.Case.Phase);

    /// <summary>Whether the user may tick this step: coordinators any, a subject contact the subject contact's.</summary>
    public bool MayTick(ChecklistItem step) => CanWork && (Access.SeesAll || (IsSubjectContact && step.Responsible == StepRole.SubjectContact));

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken) =>
        await LoadAsync(reference, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostNoteAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, work: true, (c, by) => workflow.AddNoteAsync(c, Text, by, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostStepAsync(string reference, CancellationToken cancellationToken)
    {
        StepState? state = State switch { "Done" => StepState.Done, "NotApplicable" => StepState.NotApplicable, _ => null };
        var access = await CaseAccess.ForAsync(User, db, cancellationToken);
        return await ActAsync(reference, work: true, (c, by) => workflow.SetStepAsync(c, StepId, state, by, onlySubjectContactSteps: !access.SeesAll, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostAdvanceAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, work: false, (c, by) => workflow.AdvanceAsync(c, by, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, work: false, (c, by) => workflow.CloseAsync(c, Outcome, Reason, by, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, work: false, (c, by) => workflow.AssignAsync(c, Holder, by, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostNextStepAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, work: false, (c, by) => workflow.SetNextStepAsync(c, NextStep, NextStepDue, by, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDetailsAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, work: false, (c, by) => workflow.UpdateDetailsAsync(c, new CaseDetails(TypeId, Credits switch { "yes" => true, "no" => false, _ => null }, OutsideSupport,
            ForYear is >= 2000 and <= 2100 ? ForYear : null, Excluded is { } e && Enum.IsDefined(e) ? e : null, string.IsNullOrWhiteSpace(RegistryNumber) ? null : RegistryNumber.Trim()), by, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSubjectsAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, work: false, (c, by) => workflow.SetSubjectsAsync(c, SubjectIds.Distinct().ToList(), by, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostMeetingAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, work: false, (c, by) => followUp.AddMeetingAsync(c, MeetingOn, Attendees, MeetingText, by, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSharesAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, work: false, (c, by) => followUp.SetSharesAsync(c, Shares, by, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostEconomyAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, work: false, (c, by) => followUp.CloseEconomyAsync(c, Revenue, Cost, DecidedBy, DecidedOn, by, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostParticipantsAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, work: false, (c, by) => followUp.SetParticipationAsync(c, ParticipantCount, Women, Hst, Hpr, by, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUploadAsync(string reference, CancellationToken cancellationToken) =>
        ActAsync(reference, work: true, async (c, by) =>
        {
            if (Upload is null)
            {
                await documents.AddAsync(c, null, Stream.Null, 0, by, cancellationToken);
                return;
            }
            await using var stream = Upload.OpenReadStream();
            await documents.AddAsync(c, Upload.FileName, stream, Upload.Length, by, cancellationToken);
        }, cancellationToken);

    /// <summary>Runs one action on the case if the user may: a refused rule shows on the page with what is wrong (400).</summary>
    private async Task<IActionResult> ActAsync(string reference, bool work, Func<Inquiry, string?, Task> action, CancellationToken cancellationToken)
    {
        var access = await CaseAccess.ForAsync(User, db, cancellationToken);
        if (!await db.Inquiries.VisibleTo(db, access).AnyAsync(i => i.ReferenceNumber == reference, cancellationToken))
        {
            return NotFound();
        }
        if (!(work ? access.CanWork : access.SeesAll))
        {
            return Forbid();
        }
        var inquiry = (await workflow.FindAsync(reference, cancellationToken))!;
        var by = User.Identity?.Name;
        try
        {
            await action(inquiry, by);
            await audit.RecordAsync("case-" + (Request.Query["handler"].ToString() is { Length: > 0 } h ? h.ToLowerInvariant() : "change"), "inquiry", reference, cancellationToken: cancellationToken);
            return Redirect(CaseRoutes.Case(reference));
        }
        catch (CaseRuleException ex)
        {
            Error = ex.Message;
            db.ChangeTracker.Clear();
            await LoadAsync(reference, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        Access = await CaseAccess.ForAsync(User, db, cancellationToken);
        if (await files.LoadAsync(reference, Access, cancellationToken) is not { } file)
        {
            return false;
        }
        Current = file;
        FollowUp = await followUp.LoadAsync(file.Case, cancellationToken);
        IsSubjectContact = Access.View == CaseView.Subjects && await db.IsContactForAsync(Access, file.Subjects.Select(s => s.Id).ToList(), cancellationToken);
        if (Access.SeesAll)
        {
            Types = await db.CommissionTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
            AllSubjects = (await db.Subjects.AsNoTracking().OrderBy(s => s.NameSv).Select(s => new { s.Id, s.NameSv }).ToListAsync(cancellationToken)).Select(s => (s.Id, s.NameSv)).ToList();
        }
        return true;
    }

}
