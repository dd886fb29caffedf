using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UU.Web.Data;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Notifications;
using UU.Web.Localization;

namespace UU.Web.Features.Commissions;

/// <summary>A step of a case's checklist as the case page shows it.</summary>
public sealed record ChecklistItem(int StepId, CasePhase Phase, string Title, StepRole Responsible, bool Required, StepState? State, bool AutoNotApplicable, DateTimeOffset? At, string? By)
{
    /// <summary>Open: neither done nor not applicable (by a person's mark, or because the case gives no credits).</summary>
    public bool IsOpen => State is null && !AutoNotApplicable;
}

/// <summary>Why an action on a case was refused, in the words the office shows.</summary>
public sealed class CaseRuleException(string message) : Exception(message);

/// <summary>
/// Everything that changes a case after it came in: notes, checklist steps, phases, closing, holder, subjects (routing),
/// next step, details. Each change writes a line of history and, where it is one, counts as the first response.
/// </summary>
public sealed partial class CaseWorkflow(UuDbContext db, TimeProvider clock, Texts texts, IOptions<InquiryOptions> inquiries, EmailComposer mails, IEnumerable<ICasePhaseListener> phaseListeners, ILogger<CaseWorkflow> logger)
{
    public Task<Inquiry?> FindAsync(string reference, CancellationToken cancellationToken) =>
        db.Inquiries.Include(i => i.Subjects).ThenInclude(s => s.Subject!).ThenInclude(s => s.Contacts)
            .AsSplitQuery().FirstOrDefaultAsync(i => i.ReferenceNumber == reference, cancellationToken);

    /// <summary>The whole checklist of the case, every phase, with what has been ticked.</summary>
    public async Task<IReadOnlyList<ChecklistItem>> ChecklistAsync(Inquiry inquiry, CancellationToken cancellationToken)
    {
        var steps = await db.ChecklistSteps.AsNoTracking().Where(s => s.Active).ToListAsync(cancellationToken);
        var states = await db.CaseSteps.AsNoTracking().Where(s => s.InquiryId == inquiry.Id).ToDictionaryAsync(s => s.ChecklistStepId, cancellationToken);
        return steps.OrderBy(s => Array.IndexOf(CasePhases.Order, s.Phase)).ThenBy(s => s.SortOrder)
            .Select(s =>
            {
                states.TryGetValue(s.Id, out var state);
                return new ChecklistItem(s.Id, s.Phase, s.TitleSv, s.Responsible, s.Required, state?.State, state is null && s.CreditBearingOnly && inquiry.GivesCredits == false, state?.At, state?.By);
            }).ToList();
    }

    /// <summary>The required steps of the case's current phase that are still open: what keeps it from moving on.</summary>
    public async Task<IReadOnlyList<ChecklistItem>> BlockingStepsAsync(Inquiry inquiry, CancellationToken cancellationToken) =>
        (await ChecklistAsync(inquiry, cancellationToken)).Where(s => s.Phase == inquiry.Phase && s.Required && s.IsOpen).ToList();

    public async Task AddNoteAsync(Inquiry inquiry, string? text, string? by, CancellationToken cancellationToken)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new CaseRuleException(texts["case.error.noteEmpty"]);
        }
        if (trimmed.Length > CaseLimits.Note)
        {
            throw new CaseRuleException(texts["case.error.noteLong", CaseLimits.Note]);
        }
        var now = clock.GetUtcNow();
        db.CaseNotes.Add(new CaseNote { InquiryId = inquiry.Id, Text = trimmed, At = now, By = by });
        Record(inquiry, now, by, "note", Shorten(trimmed, 200));
        Responded(inquiry, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Ticks a step, marks it not applicable, or (with a null state) opens it again.</summary>
    public async Task SetStepAsync(Inquiry inquiry, int stepId, StepState? state, string? by, bool onlySubjectContactSteps, CancellationToken cancellationToken)
    {
        var step = await db.ChecklistSteps.FirstOrDefaultAsync(s => s.Id == stepId && s.Active, cancellationToken)
            ?? throw new CaseRuleException(texts["case.error.noSuchStep"]);
        if (onlySubjectContactSteps && step.Responsible != StepRole.SubjectContact)
        {
            throw new CaseRuleException(texts["case.error.notYourStep", step.TitleSv]);
        }
        if (!CasePhases.IsOpen(inquiry.Phase))
        {
            throw new CaseRuleException(texts["case.error.closed"]);
        }
        var now = clock.GetUtcNow();
        var existing = await db.CaseSteps.FirstOrDefaultAsync(s => s.InquiryId == inquiry.Id && s.ChecklistStepId == stepId, cancellationToken);
        if (state is null)
        {
            if (existing is not null)
            {
                db.CaseSteps.Remove(existing);
            }
        }
        else if (existing is null)
        {
            db.CaseSteps.Add(new CaseStep { InquiryId = inquiry.Id, ChecklistStepId = stepId, State = state.Value, At = now, By = by });
        }
        else
        {
            (existing.State, existing.At, existing.By) = (state.Value, now, by);
        }
        Record(inquiry, now, by, state switch { StepState.Done => "stepDone", StepState.NotApplicable => "stepNotApplicable", _ => "stepReopened" }, step.TitleSv);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves the case to the next phase, unless a required step of this one is open: then it names them.</summary>
    public async Task<CasePhase> AdvanceAsync(Inquiry inquiry, string? by, CancellationToken cancellationToken)
    {
        if (CasePhases.Next(inquiry.Phase) is not { } next || next == CasePhase.Closed)
        {
            throw new CaseRuleException(texts[CasePhases.IsOpen(inquiry.Phase) ? "case.error.closeInstead" : "case.error.closed"]);
        }
        await EnsureStepsDoneAsync(inquiry, cancellationToken);
        var now = clock.GetUtcNow();
        Record(inquiry, now, by, "phase", $"{inquiry.Phase} → {next}");
        var from = inquiry.Phase;
        inquiry.Phase = next;
        if (next == CasePhase.Delivery)
        {
            // The agreement is signed: the commission is won, whatever happens after.
            inquiry.Status = InquiryStatus.Won;
        }
        foreach (var listener in phaseListeners)
        {
            await listener.PhaseChangedAsync(inquiry, from, next, by, now, cancellationToken);
        }
        Responded(inquiry, now);
        await db.SaveChangesAsync(cancellationToken);
        LogPhase(logger, inquiry.ReferenceNumber, next);
        return next;
    }

    /// <summary>Closes the case: won (after follow-up, with its steps done), or lost or withdrawn at any phase with a reason.</summary>
    public async Task CloseAsync(Inquiry inquiry, CaseOutcome? outcome, string? reason, string? by, CancellationToken cancellationToken)
    {
        if (!CasePhases.IsOpen(inquiry.Phase))
        {
            throw new CaseRuleException(texts["case.error.closed"]);
        }
        if (outcome is not { } chosen || !Enum.IsDefined(chosen))
        {
            throw new CaseRuleException(texts["case.error.outcomeMissing"]);
        }
        var why = reason?.Trim();
        if (chosen != CaseOutcome.Won && string.IsNullOrEmpty(why))
        {
            throw new CaseRuleException(texts["case.error.reasonMissing"]);
        }
        if (why is { Length: > CaseLimits.Reason })
        {
            throw new CaseRuleException(texts["case.error.reasonLong", CaseLimits.Reason]);
        }
        if (chosen == CaseOutcome.Won)
        {
            if (inquiry.Phase != CasePhase.FollowUp)
            {
                throw new CaseRuleException(texts["case.error.wonOnlyAfterFollowUp"]);
            }
            await EnsureStepsDoneAsync(inquiry, cancellationToken);
        }
        var now = clock.GetUtcNow();
        Record(inquiry, now, by, "closed", why is { Length: > 0 } ? $"{chosen}: {why}" : chosen.ToString());
        inquiry.Phase = CasePhase.Closed;
        inquiry.Outcome = chosen;
        inquiry.OutcomeReason = string.IsNullOrEmpty(why) ? null : why;
        inquiry.ClosedAt = now;
        inquiry.Status = chosen switch { CaseOutcome.Won => InquiryStatus.Won, CaseOutcome.Lost => InquiryStatus.Lost, _ => InquiryStatus.Withdrawn };
        Responded(inquiry, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AssignAsync(Inquiry inquiry, string? holderEmail, string? by, CancellationToken cancellationToken)
    {
        var holder = holderEmail?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(holder) || !holder.Contains('@', StringComparison.Ordinal) || holder.Length > InquiryLimits.Email)
        {
            throw new CaseRuleException(texts["case.error.holder"]);
        }
        var now = clock.GetUtcNow();
        Record(inquiry, now, by, "assigned", holder);
        inquiry.HolderEmail = holder;
        Responded(inquiry, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetNextStepAsync(Inquiry inquiry, string? text, DateOnly? due, string? by, CancellationToken cancellationToken)
    {
        var step = text?.Trim();
        if (step is { Length: > CaseLimits.NextStep })
        {
            throw new CaseRuleException(texts["case.error.nextStepLong", CaseLimits.NextStep]);
        }
        if (due is not null && string.IsNullOrEmpty(step))
        {
            throw new CaseRuleException(texts["case.error.nextStepText"]);
        }
        var now = clock.GetUtcNow();
        inquiry.NextStep = string.IsNullOrEmpty(step) ? null : step;
        inquiry.NextStepDue = inquiry.NextStep is null ? null : due;
        Record(inquiry, now, by, "nextStep", inquiry.NextStep is null ? null : $"{inquiry.NextStep} ({inquiry.NextStepDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–"})");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UpdateDetailsAsync(Inquiry inquiry, CaseDetails details, string? by, CancellationToken cancellationToken)
    {
        if (details.CommissionTypeId is { } typeId && !await db.CommissionTypes.AnyAsync(t => t.Id == typeId, cancellationToken))
        {
            throw new CaseRuleException(texts["case.error.noSuchType"]);
        }
        var now = clock.GetUtcNow();
        var changes = new List<string>();
        void Change<T>(string name, T before, T after, Action<T> set)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after))
            {
                changes.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: {before?.ToString() ?? "–"} → {after?.ToString() ?? "–"}"));
                set(after);
            }
        }
        Change("type", inquiry.CommissionTypeId, details.CommissionTypeId, v => inquiry.CommissionTypeId = v);
        Change("credits", inquiry.GivesCredits, details.GivesCredits, v => inquiry.GivesCredits = v);
        Change("outsideSupport", inquiry.OutsideSupport, details.OutsideSupport, v => inquiry.OutsideSupport = v);
        Change("forYear", inquiry.ForYear, details.ForYear, v => inquiry.ForYear = v);
        Change("excluded", inquiry.ExcludedFromStatistics, details.Excluded, v => inquiry.ExcludedFromStatistics = v);
        Change("registry", inquiry.RegistryNumber, details.RegistryNumber, v => inquiry.RegistryNumber = v);
        if (changes.Count == 0)
        {
            return;
        }
        Record(inquiry, now, by, "details", string.Join("; ", changes));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Gives the case these subjects (re-routing it): the contact persons of subjects it did not have are told at once,
    /// and a case that had none is routed now, to the coordinators as well.
    /// </summary>
    public async Task SetSubjectsAsync(Inquiry inquiry, IReadOnlyCollection<int> subjectIds, string? by, CancellationToken cancellationToken)
    {
        var subjects = await db.Subjects.Include(s => s.Contacts).Where(s => subjectIds.Contains(s.Id)).ToListAsync(cancellationToken);
        if (subjects.Count != subjectIds.Distinct().Count())
        {
            throw new CaseRuleException(texts["case.error.noSuchSubject"]);
        }
        var now = clock.GetUtcNow();
        var before = inquiry.Subjects.Select(s => s.SubjectId).ToHashSet();
        var added = subjects.Where(s => !before.Contains(s.Id)).ToList();
        var removed = inquiry.Subjects.Where(s => !subjectIds.Contains(s.SubjectId)).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            return;
        }
        foreach (var gone in removed)
        {
            inquiry.Subjects.Remove(gone);
        }
        foreach (var subject in added)
        {
            inquiry.Subjects.Add(new CaseSubject { InquiryId = inquiry.Id, SubjectId = subject.Id });
        }
        var recipients = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var contact in added.SelectMany(s => s.Contacts))
        {
            recipients.TryAdd(contact.Email.Trim(), contact.Name);
        }
        var firstRouting = inquiry.RoutedAt is null && subjects.Count > 0;
        if (firstRouting)
        {
            inquiry.RoutedAt = now;
            foreach (var coordinator in inquiries.Value.CoordinatorAddresses())
            {
                recipients.TryAdd(coordinator, null);
            }
        }
        var names = string.Join(", ", subjects.Select(s => s.NameSv).Order(StringComparer.Ordinal));
        db.OutboxMessages.AddRange(await mails.CaseRoutedAsync(inquiry, subjects, recipients.Select(r => new MailRecipient(r.Key, r.Value)).ToList(), CaseRoutes.Case(inquiry.ReferenceNumber), now, cancellationToken));
        Record(inquiry, now, by, "subjects", names.Length == 0 ? "–" : names);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureStepsDoneAsync(Inquiry inquiry, CancellationToken cancellationToken)
    {
        var blocking = await BlockingStepsAsync(inquiry, cancellationToken);
        if (blocking.Count > 0)
        {
            throw new CaseRuleException(texts["case.error.openSteps", string.Join("; ", blocking.Select(s => s.Title))]);
        }
    }

    private void Record(Inquiry inquiry, DateTimeOffset now, string? by, string action, string? detail) =>
        db.CaseEvents.Add(CaseEvent.Of(inquiry.Id, now, by, action, detail));

    /// <summary>A note, a phase change or an assignment is the case's first response: it is no longer waiting.</summary>
    private static void Responded(Inquiry inquiry, DateTimeOffset now)
    {
        inquiry.FirstResponseAt ??= now;
        if (inquiry.Status == InquiryStatus.Received)
        {
            inquiry.Status = InquiryStatus.InDialogue;
        }
    }

    private static string Shorten(string value, int max) => value.Length <= max ? value : value[..max] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {Reference} moved to phase {Phase}")]
    private static partial void LogPhase(ILogger logger, string reference, CasePhase phase);
}

/// <summary>The case's facts a coordinator sets on the case page.</summary>
public sealed record CaseDetails(int? CommissionTypeId, bool? GivesCredits, bool OutsideSupport, int? ForYear, StatisticsExclusion? Excluded, string? RegistryNumber);

public static class CaseRoutes
{
    public const string List = "/office/forfragningar";

    public static string Case(string reference) => List + "/" + Uri.EscapeDataString(reference);

    public static string Document(string reference, int id) => Case(reference) + "/dokument/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Part 2 of the case (calculation, the head of department's decision, offer): wired in at merge.</summary>
    public static string Calculation(string reference) => Case(reference) + "/kalkyl";

    public const string Agreements = "/office/avtal";
}
