using UU.Web.Features.Catalogue;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Notifications;
using UU.Web.Localization;

namespace UU.Web.Features.Commissions.Economy;

/// <summary>A form read and computed: the input, the rates that apply on its date, and the result (null when something is wrong; the errors say what).</summary>
public sealed record Evaluation(CalculationInput? Input, DateOnly Day, IReadOnlyDictionary<string, AppliedRate> Rates, CalculationResult? Result, Dictionary<string, string> Errors);

/// <summary>A case's calculation versions, the head of department's decisions, and the offers generated from them.</summary>
/// <summary>A calculation sent for the head of department's decision: when, and to which addresses.</summary>
public sealed record DecisionRequest(DateTimeOffset At, string To);

public sealed partial class EconomyService(UuDbContext db, TimeProvider clock, Texts texts, AuditTrail audit, OfferDocument documents, IOptions<InquiryOptions> inquiries, EmailComposer mails, CaseMilestones milestones, Staff.ParticipantRights participantRights, ILogger<EconomyService> logger)
{
    public Task<List<Calculation>> VersionsAsync(int inquiryId, CancellationToken cancellationToken) =>
        db.Set<Calculation>().AsNoTracking().AsSplitQuery()
            .Include(c => c.Lines).Include(c => c.Rates).Include(c => c.Decision)
            .Where(c => c.InquiryId == inquiryId).OrderByDescending(c => c.Version).ToListAsync(cancellationToken);

    public Task<List<Offer>> OffersAsync(int inquiryId, CancellationToken cancellationToken) =>
        db.Set<Offer>().AsNoTracking().Include(o => o.Calculation).Where(o => o.InquiryId == inquiryId).OrderByDescending(o => o.Number).ToListAsync(cancellationToken);

    public async Task<Dictionary<string, AppliedRate>> RatesOnAsync(DateOnly day, CancellationToken cancellationToken) =>
        Calculator.RatesOn(await db.Set<CostRate>().AsNoTracking().Where(r => r.ValidFrom <= day).ToListAsync(cancellationToken), day);

    /// <summary>Reads the form, finds the rates valid on its date and computes; a missing rate is named with its category and the date.</summary>
    public async Task<Evaluation> EvaluateAsync(CalculationForm form, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var (input, day) = form.Read(texts, errors);
        if (input is null)
        {
            return new Evaluation(null, day, new Dictionary<string, AppliedRate>(), null, errors);
        }
        var rates = await RatesOnAsync(day, cancellationToken);
        var needed = input.Teaching.Select(t => t.Category).ToList();
        if (input.AdministrationHours > 0 || input.AdministrationHoursPerParticipant > 0)
        {
            needed.Add(RateKeys.Administration);
        }
        needed.Add(RateKeys.Overhead);
        needed.Add(RateKeys.Support);
        var missing = needed.Distinct().Where(k => !rates.ContainsKey(k)).Select(k => texts["rate." + k]).ToList();
        if (missing.Count > 0)
        {
            errors[CalculationForm.Prefix + nameof(CalculationForm.CalculatedOn)] = texts["economy.error.noRate", string.Join(", ", missing), Iso(day)];
        }
        if (errors.Count > 0)
        {
            return new Evaluation(input, day, rates, null, errors);
        }
        var used = rates.Where(r => needed.Contains(r.Key)).ToDictionary(r => r.Key, r => r.Value);
        return new Evaluation(input, day, used, Calculator.Compute(input, used), errors);
    }

    /// <summary>
    /// Saves the form as the case's next version. Refused, with the reason, when the form was opened on an older version than the
    /// latest (someone saved meanwhile). When the number of participants changed, the coordinators are told that the staffing plan did.
    /// </summary>
    public async Task<(Calculation? Saved, Evaluation Evaluation)> SaveAsync(Inquiry inquiry, CalculationForm form, string? user, CancellationToken cancellationToken)
    {
        var evaluation = await EvaluateAsync(form, cancellationToken);
        var previous = await db.Set<Calculation>().AsNoTracking().Include(c => c.Lines).Include(c => c.Rates)
            .Where(c => c.InquiryId == inquiry.Id).OrderByDescending(c => c.Version).FirstOrDefaultAsync(cancellationToken);
        var latest = previous?.Version ?? 0;
        if (form.BaseVersion != latest)
        {
            evaluation.Errors[CalculationForm.Prefix + nameof(CalculationForm.BaseVersion)] = texts["economy.error.stale", form.BaseVersion, latest];
        }
        if (evaluation.Result is null || evaluation.Errors.Count > 0)
        {
            return (null, evaluation);
        }
        var input = evaluation.Input!;
        var calculation = new Calculation
        {
            InquiryId = inquiry.Id,
            Version = latest + 1,
            CalculatedOn = evaluation.Day,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = user,
            PriceModel = input.PriceModel,
            Participants = input.Participants,
            MinParticipants = input.MinParticipants,
            MaxParticipants = input.MaxParticipants,
            AdministrationHours = input.AdministrationHours,
            AdministrationHoursPerParticipant = input.AdministrationHoursPerParticipant,
            Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim(),
            Lines = input.Teaching.Select((t, i) => new CalculationLine { Position = i, Kind = CalculationLineKind.Teaching, Category = t.Category, Hours = t.Hours, HoursPerParticipant = t.HoursPerParticipant })
                .Concat(input.Costs.Select((c, i) => new CalculationLine { Position = i, Kind = CalculationLineKind.Cost, Description = c.Description, Amount = c.Amount }))
                .ToList(),
            Rates = evaluation.Rates.Values.Select(r => new CalculationRate { Key = r.Key, Value = r.Value, ValidFrom = r.ValidFrom }).ToList(),
        };
        db.Add(calculation);
        audit.Add("calculation-saved", "inquiry", inquiry.ReferenceNumber, string.Create(CultureInfo.InvariantCulture, $"version {calculation.Version}: {evaluation.Result.Price} kr"));
        if (previous is not null && previous.Participants != calculation.Participants)
        {
            await QueueStaffingChangeAsync(inquiry, ResultOf(previous), previous.Participants, evaluation.Result, calculation, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two saves on the same version: the unique (case, version) index lets one through; the other is told to reload.
            db.ChangeTracker.Clear();
            evaluation.Errors[CalculationForm.Prefix + nameof(CalculationForm.BaseVersion)] = texts["economy.error.stale", form.BaseVersion, latest + 1];
            return (null, evaluation);
        }
        Log.CalculationSaved(logger, inquiry.ReferenceNumber, calculation.Version);
        return (calculation, evaluation);
    }

    /// <summary>The staffing-plan notice goes to the coordinator who holds the case, or to every coordinator while nobody holds it.</summary>
    private async Task QueueStaffingChangeAsync(Inquiry inquiry, CalculationResult before, int participantsBefore, CalculationResult after, Calculation calculation, CancellationToken cancellationToken)
    {
        var lines = new List<StaffingLine>
        {
            new(texts.All["economy.mail.teachingHours"][0], texts.All["economy.mail.teachingHours"][1], before.Planned.TeachingHours, after.Planned.TeachingHours),
            new(texts.All["economy.mail.adminHours"][0], texts.All["economy.mail.adminHours"][1], before.Planned.AdministrationHours, after.Planned.AdministrationHours),
        };
        foreach (var line in after.Planned.Teaching)
        {
            var name = texts.All.TryGetValue("rate." + line.Category, out var names) ? names : [line.Category.ToString()];
            lines.Add(new StaffingLine("  " + name[0], name.Length > 1 ? "  " + name[1] : null, before.Planned.Teaching.FirstOrDefault(t => t.Category == line.Category)?.Hours ?? 0, line.Hours));
        }
        IReadOnlyList<string> recipients = string.IsNullOrWhiteSpace(inquiry.HolderEmail) ? inquiries.Value.CoordinatorAddresses() : [inquiry.HolderEmail.Trim()];
        db.OutboxMessages.AddRange(await mails.StaffingChangedAsync(inquiry, calculation.Version, participantsBefore, calculation.Participants, lines,
            Kronor(before.Price), Kronor(after.Price), after.PriceModel == PriceModel.PerParticipant, recipients.Select(a => new MailRecipient(a)).ToList(),
            $"/office/forfragningar/{inquiry.ReferenceNumber}/kalkyl", clock.GetUtcNow(), cancellationToken));
    }

    /// <summary>Records the head of department's decision on one version; each version is decided once (a new version is decided anew).</summary>
    public async Task<Dictionary<string, string>> DecideAsync(Inquiry inquiry, int version, bool? approved, string? decidedBy, string? comment, string? user, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var calculation = await db.Set<Calculation>().Include(c => c.Decision).FirstOrDefaultAsync(c => c.InquiryId == inquiry.Id && c.Version == version, cancellationToken);
        if (calculation is null)
        {
            errors["Decision.Version"] = texts["economy.error.noVersion", version];
            return errors;
        }
        if (calculation.Decision is not null)
        {
            errors["Decision.Version"] = texts["economy.error.decided", version];
        }
        if (approved is null)
        {
            errors["Decision.Approved"] = texts["economy.error.decision"];
        }
        var name = decidedBy?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > EconomyLimits.Name)
        {
            errors["Decision.DecidedBy"] = texts["economy.error.required", texts["economy.field.DecidedBy"]];
        }
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (approved == false && text is null)
        {
            errors["Decision.Comment"] = texts["economy.error.declineComment"];
        }
        if (text is { Length: > EconomyLimits.Comment })
        {
            errors["Decision.Comment"] = texts["economy.error.tooLong", texts["economy.field.Comment"], EconomyLimits.Comment];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        calculation.Decision = new CalculationDecision { Approved = approved!.Value, DecidedByName = name!, Comment = text, RecordedBy = user, DecidedAt = clock.GetUtcNow() };
        audit.Add(approved.Value ? "calculation-approved" : "calculation-declined", "inquiry", inquiry.ReferenceNumber, string.Create(CultureInfo.InvariantCulture, $"version {version}: {name}"));
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>
    /// Sends the current, undecided calculation to the head of department (and the faculty office) for the decision: the mail names
    /// the version and price, the case's history says to whom. Returns the error, or null when it was sent.
    /// </summary>
    public async Task<string?> RequestDecisionAsync(Inquiry inquiry, int version, string? user, CancellationToken cancellationToken)
    {
        var calculation = await db.Set<Calculation>().AsNoTracking().AsSplitQuery()
            .Include(c => c.Lines).Include(c => c.Rates).Include(c => c.Decision)
            .Where(c => c.InquiryId == inquiry.Id).OrderByDescending(c => c.Version).FirstOrDefaultAsync(cancellationToken);
        if (calculation is null || calculation.Version != version)
        {
            return texts["economy.error.noVersion", version];
        }
        if (calculation.Decision is not null)
        {
            return texts["economy.error.decided", version];
        }
        var now = clock.GetUtcNow();
        var recipients = await milestones.NotifyAsync(inquiry, CaseMilestone.DecisionRequested, new MilestoneDetail(version, ResultOf(calculation).Price), now, cancellationToken);
        if (recipients.Count == 0)
        {
            return texts["economy.requestDecision.noOne"];
        }
        var to = string.Join(", ", recipients.Select(r => r.Address));
        db.CaseEvents.Add(CaseEvent.Of(inquiry.Id, now, user, "decisionRequested", string.Create(CultureInfo.InvariantCulture, $"version {version}: {to}")));
        audit.Add("calculation-decision-requested", "inquiry", inquiry.ReferenceNumber, string.Create(CultureInfo.InvariantCulture, $"version {version}"));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>When and to whom the given version was last sent for a decision (null when it was not), read from the case's history.</summary>
    public async Task<DecisionRequest?> DecisionRequestOfAsync(int inquiryId, int version, CancellationToken cancellationToken)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"version {version}:");
        var entry = await db.CaseEvents.AsNoTracking()
            .Where(e => e.InquiryId == inquiryId && e.Action == "decisionRequested" && e.Detail != null && e.Detail.StartsWith(prefix))
            .OrderByDescending(e => e.Id).Select(e => new { e.At, e.Detail }).FirstOrDefaultAsync(cancellationToken);
        return entry is null ? null : new DecisionRequest(entry.At, entry.Detail![prefix.Length..].Trim());
    }

    /// <summary>Why no offer may be generated for the case now (null when it may): it needs an approved decision on its current calculation.</summary>
    public string? OfferBlock(Calculation? current) => current switch
    {
        null => texts["economy.gate.noCalculation"],
        { Decision: null } => texts["economy.gate.noDecision", current.Version],
        { Decision.Approved: false } => texts["economy.gate.declined", current.Version, current.Decision.DecidedByName, current.Decision.Comment ?? ""],
        _ => null,
    };

    /// <summary>Generates the offer document from the template in the chosen language and keeps it with the case as its next offer.</summary>
    public async Task<(Offer? Offer, string? Error)> GenerateOfferAsync(Inquiry inquiry, string? language, string? validUntil, string? user, CancellationToken cancellationToken)
    {
        var current = (await VersionsAsync(inquiry.Id, cancellationToken)).FirstOrDefault();
        if (OfferBlock(current) is { } block)
        {
            return (null, block);
        }
        var lang = language is "sv" or "en" ? language : null;
        if (lang is null)
        {
            return (null, texts["economy.error.language", language ?? ""]);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!DateOnly.TryParseExact(validUntil?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
        {
            return (null, texts["economy.error.date", texts["economy.field.ValidUntil"], validUntil ?? ""]);
        }
        if (until < today)
        {
            return (null, texts["economy.error.validPast", Iso(until)]);
        }
        var template = await db.Set<OfferTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Language == lang, cancellationToken) ?? OfferTemplates.Default(lang);
        var modules = await db.InquiryModules.AsNoTracking().Where(m => m.InquiryId == inquiry.Id).Select(m => lang == "en" && m.Module!.TitleEn != null ? m.Module!.TitleEn : m.Module!.TitleSv).ToListAsync(cancellationToken);
        var number = (await db.Set<Offer>().Where(o => o.InquiryId == inquiry.Id).MaxAsync(o => (int?)o.Number, cancellationToken) ?? 0) + 1;
        var rights = await participantRights.InAsync(lang, cancellationToken);
        var values = OfferTemplates.Values(lang, inquiry, current!, ResultOf(current!), modules, template, until, today, number, rights?.PlainText);
        var offer = new Offer
        {
            InquiryId = inquiry.Id,
            Number = number,
            CalculationId = current!.Id,
            Language = lang,
            ValidUntil = until,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = user,
            FileName = string.Create(CultureInfo.InvariantCulture, $"{(lang == "en" ? "offer" : "offert")}-{inquiry.ReferenceNumber}-{number}.docx"),
            Content = documents.Write(OfferTemplates.Fill(template.Body, values)),
        };
        db.Add(offer);
        audit.Add("offer-generated", "inquiry", inquiry.ReferenceNumber, string.Create(CultureInfo.InvariantCulture, $"offer {number} from calculation version {current.Version}"));
        await db.SaveChangesAsync(cancellationToken);
        Log.OfferGenerated(logger, inquiry.ReferenceNumber, number);
        return (offer, null);
    }

    public static CalculationInput InputOf(Calculation c) => new(
        c.Lines.Where(l => l.Kind == CalculationLineKind.Teaching).OrderBy(l => l.Position).Select(l => new TeachingInput(l.Category!, l.Hours, l.HoursPerParticipant)).ToList(),
        c.AdministrationHours,
        c.AdministrationHoursPerParticipant,
        c.Lines.Where(l => l.Kind == CalculationLineKind.Cost).OrderBy(l => l.Position).Select(l => new CostInput(l.Description ?? "", l.Amount)).ToList(),
        c.PriceModel,
        c.Participants,
        c.MinParticipants,
        c.MaxParticipants);

    public static Dictionary<string, AppliedRate> RatesOf(Calculation c) => c.Rates.ToDictionary(r => r.Key, r => new AppliedRate(r.Key, r.Value, r.ValidFrom));

    /// <summary>A stored version computed again from its inputs and the rates it used.</summary>
    public static CalculationResult ResultOf(Calculation c) => Calculator.Compute(InputOf(c), RatesOf(c));

    internal static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.GetCultureInfo("sv-SE"));

    internal static string Kronor(decimal amount) => amount.ToString("N0", CultureInfo.GetCultureInfo("sv-SE")) + " kr";

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "Calculation of {Reference} saved as version {Version}")]
        public static partial void CalculationSaved(ILogger logger, string reference, int version);

        [LoggerMessage(Level = LogLevel.Information, Message = "Offer {Number} generated for {Reference}")]
        public static partial void OfferGenerated(ILogger logger, string reference, int number);
    }
}
