using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Notifications;

namespace UU.Web.Features.Leads;

public enum LeadResult
{
    Done,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>
/// What a lead workflow step came to: done, or why not, with the message for the whole form and, where a form
/// has fields, a message per field (field name → message).
/// </summary>
public sealed record LeadOutcome(LeadResult Result, string? Error = null, IReadOnlyDictionary<string, string>? FieldErrors = null, string? InquiryReference = null)
{
    public static readonly LeadOutcome Done = new(LeadResult.Done);
    public static readonly LeadOutcome NotFound = new(LeadResult.NotFound);
    public static readonly LeadOutcome Forbidden = new(LeadResult.Forbidden);

    public bool Succeeded => Result == LeadResult.Done;

    public IReadOnlyDictionary<string, string> Fields => FieldErrors ?? new Dictionary<string, string>();
}

/// <summary>
/// The work on a lead once it is in the feed: who may see and change it (coordinators everything; a subject contact
/// person the leads they hold), status changes with their rules and history, notes, assignment to a subject's contact
/// person with a follow-up date (they are told at once), conversion into an inquiry, and merging duplicates.
/// Each change is saved with its history entries and its audit entry in one SaveChanges.
/// </summary>
public sealed class LeadWorkflow(UuDbContext db, TimeProvider clock, AuditTrail audit, Localization.Texts texts, InquiryService inquiries, LeadMerger merger, EmailComposer mails)
{
    public const int MaxNoteLength = 4000;
    public const int MaxBulk = 500;

    /// <summary>Statuses that close a lead without a win: whoever closes it says why.</summary>
    public static readonly LeadStatus[] NeedReason = [LeadStatus.Lost, LeadStatus.NotPursued];

    /// <summary>
    /// The statuses a subject contact person may move a lead they hold to: along the work after assignment. Triage
    /// (new, relevant, not relevant) and assignment are the coordinators'.
    /// </summary>
    public static readonly LeadStatus[] ContactMaySet = [LeadStatus.InDialogue, LeadStatus.OfferSent, LeadStatus.Won, LeadStatus.Lost, LeadStatus.NotPursued];

    /// <summary>The statuses this person may choose on a lead.</summary>
    public static IReadOnlyList<LeadStatus> StatusesFor(LeadActor actor) => actor.SeesAll ? Enum.GetValues<LeadStatus>() : ContactMaySet;

    /// <summary>Whether the person may see the lead: coordinators all; a subject contact person the leads they hold (an unknown id too, to answer 404).</summary>
    public async Task<bool> CanSeeAsync(int id, LeadActor actor, CancellationToken cancellationToken) =>
        actor.SeesAll || await db.Leads.Where(l => l.Id == id).VisibleTo(db, actor.ContactEmail).AnyAsync(cancellationToken)
        || !await db.Leads.AnyAsync(l => l.Id == id, cancellationToken);

    /// <summary>A note on the lead, its status unchanged.</summary>
    public Task<LeadOutcome> AddNoteAsync(int id, string? note, LeadActor actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, null, note, actor, cancellationToken);

    /// <summary>Moves the lead to <paramref name="status"/> (or keeps it, when null) with a note: one history entry and an audit entry.</summary>
    public async Task<LeadOutcome> ChangeAsync(int id, LeadStatus? status, string? note, LeadActor actor, CancellationToken cancellationToken)
    {
        if (!await CanSeeAsync(id, actor, cancellationToken))
        {
            return LeadOutcome.Forbidden;
        }
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null)
        {
            return LeadOutcome.NotFound;
        }
        note = Trimmed(note);
        if (status is { } closing && NeedReason.Contains(closing) && note is null)
        {
            return Invalid(texts["leads.error.reason"], "Note");
        }
        if (note is { Length: > MaxNoteLength } || (status is { } s && !Enum.IsDefined(s)) || (status is null && note is null))
        {
            return Invalid(texts["leads.error.change"], status is null && note is null ? "Status" : note is { Length: > MaxNoteLength } ? "Note" : "Status");
        }
        if (status is { } wanted && wanted != lead.Status && !StatusesFor(actor).Contains(wanted))
        {
            return Invalid(texts["leads.error.contactStatus", string.Join(", ", ContactMaySet.Select(x => texts["leadStatus." + x]))], "Status");
        }
        var from = lead.Status;
        if (status is { } to && to != from)
        {
            lead.Status = to;
        }
        var now = clock.GetUtcNow();
        db.LeadEvents.Add(new LeadEvent { LeadId = id, FromStatus = status is null ? null : from, ToStatus = status, Note = note, At = now, By = actor.Name });
        lead.UpdatedAt = now;
        audit.Add("lead-changed", "lead", Id(id), $"{from} → {lead.Status}");
        await db.SaveChangesAsync(cancellationToken);
        return LeadOutcome.Done;
    }

    /// <summary>Gives every chosen lead the same status (for example "not relevant" for a batch of noise), each with its history entry, in one transaction.</summary>
    public async Task<LeadOutcome> ChangeManyAsync(IEnumerable<int> ids, LeadStatus? status, string? note, LeadActor actor, CancellationToken cancellationToken)
    {
        if (!actor.SeesAll)
        {
            return LeadOutcome.Forbidden;
        }
        var chosen = ids.Distinct().ToList();
        note = Trimmed(note);
        if (status is { } closing && NeedReason.Contains(closing) && note is null)
        {
            return Invalid(texts["leads.error.reason"], "BulkNote");
        }
        if (chosen.Count is 0 or > MaxBulk || status is not { } to || !Enum.IsDefined(to) || note is { Length: > MaxNoteLength })
        {
            return Invalid(texts["leads.error.bulk"], chosen.Count is 0 or > MaxBulk ? "BulkIds" : note is { Length: > MaxNoteLength } ? "BulkNote" : "BulkStatus");
        }
        var now = clock.GetUtcNow();
        var leads = await db.Leads.Where(l => chosen.Contains(l.Id)).ToListAsync(cancellationToken);
        var together = texts["leads.bulkNote"];
        foreach (var lead in leads.Where(l => l.Status != to))
        {
            db.LeadEvents.Add(new LeadEvent { LeadId = lead.Id, FromStatus = lead.Status, ToStatus = to, Note = note is null ? together : together + ": " + note, At = now, By = actor.Name });
            lead.Status = to;
            lead.UpdatedAt = now;
        }
        audit.Add("leads-bulk-status", "lead", string.Join(',', leads.Select(l => Id(l.Id))), to.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return LeadOutcome.Done;
    }

    /// <summary>
    /// Assigns the lead to a subject's contact person, with an optional follow-up date (yyyy-MM-dd), and tells them at
    /// once through the outbox. Coordinators only.
    /// </summary>
    public async Task<LeadOutcome> AssignAsync(int id, int? contactId, string? followUp, LeadActor actor, CancellationToken cancellationToken)
    {
        if (!actor.SeesAll)
        {
            return LeadOutcome.Forbidden;
        }
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null)
        {
            return LeadOutcome.NotFound;
        }
        var fields = new Dictionary<string, string>();
        var contact = contactId is null ? null : await db.SubjectContacts.Include(c => c.Subject).FirstOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        if (contact is null)
        {
            fields["ContactId"] = texts["leads.error.assign"];
        }
        if (!TryFollowUp(followUp, out var due))
        {
            fields["FollowUp"] = texts["leads.error.assign"];
        }
        if (fields.Count > 0)
        {
            return new LeadOutcome(LeadResult.Invalid, texts["leads.error.assign"], fields);
        }
        var now = clock.GetUtcNow();
        var from = lead.Status;
        lead.Status = LeadStatus.Assigned;
        lead.AssignedToEmail = contact!.Email;
        lead.AssignedToName = contact.Name;
        lead.FollowUpOn = due;
        lead.UpdatedAt = now;
        db.LeadEvents.Add(new LeadEvent { LeadId = id, FromStatus = from, ToStatus = LeadStatus.Assigned, Note = $"{contact.Name} ({contact.Subject!.NameSv})", At = now, By = actor.Name });
        db.OutboxMessages.Add(await mails.LeadAssignedAsync(lead, contact, actor.Name, due, now, cancellationToken));
        audit.Add("lead-assigned", "lead", Id(id), contact.Email);
        await db.SaveChangesAsync(cancellationToken);
        return LeadOutcome.Done;
    }

    /// <summary>A follow-up date as the form sends it: empty for none, else yyyy-MM-dd.</summary>
    public static bool TryFollowUp(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }
        return false;
    }

    /// <summary>
    /// Turns the lead into an inquiry: stored with its client, the coordinators and the subjects' contact persons
    /// told at once, the lead moved to "in dialogue" with the inquiry's number in its history; all in one transaction.
    /// Coordinators only; a lead is converted once.
    /// </summary>
    public async Task<LeadOutcome> ConvertAsync(int id, InquiryForm form, LeadActor actor, CancellationToken cancellationToken)
    {
        if (!actor.SeesAll)
        {
            return LeadOutcome.Forbidden;
        }
        if (!await db.Leads.AnyAsync(l => l.Id == id, cancellationToken))
        {
            return LeadOutcome.NotFound;
        }
        form.Consent = true; // not a person's consent: the buyer's contact details come from a public notice
        var fields = new Dictionary<string, string>();
        foreach (var (field, key) in form.Validate())
        {
            fields.TryAdd(field, texts[key]);
        }
        if (fields.Count > 0)
        {
            return new LeadOutcome(LeadResult.Invalid, texts["leads.error.convert"], fields);
        }
        try
        {
            var inquiry = await inquiries.SubmitAsync(form, "sv", new LeadConversion(id, actor.Name), cancellationToken);
            await audit.RecordAsync("lead-converted", "lead", Id(id), inquiry.ReferenceNumber, cancellationToken: cancellationToken);
            return LeadOutcome.Done with { InquiryReference = inquiry.ReferenceNumber };
        }
        catch (LeadConversionException)
        {
            db.ChangeTracker.Clear();
            return new LeadOutcome(LeadResult.Conflict, texts["leads.error.converted"]);
        }
    }

    /// <summary>Merges the lead numbered <paramref name="duplicateId"/> into <paramref name="keptId"/>: it leaves the feed, its sources come here.</summary>
    public async Task<LeadOutcome> MergeAsync(int keptId, int? duplicateId, LeadActor actor, CancellationToken cancellationToken) =>
        !actor.SeesAll ? LeadOutcome.Forbidden
        : Merged(duplicateId is { } other ? await merger.MergeAsync(other, keptId, actor.Name, cancellationToken) : MergeOutcome.NotFound);

    /// <summary>Takes the duplicate out of the lead <paramref name="id"/> again with every source it brought (the lead itself, when no duplicate is named).</summary>
    public async Task<LeadOutcome> UnmergeAsync(int id, int? duplicateId, LeadActor actor, CancellationToken cancellationToken)
    {
        if (!actor.SeesAll)
        {
            return LeadOutcome.Forbidden;
        }
        var duplicate = duplicateId ?? id;
        var belongsHere = duplicate == id || await db.Leads.AnyAsync(l => l.Id == duplicate && l.MergedIntoId == id, cancellationToken);
        return Merged(belongsHere ? await merger.UnmergeAsync(duplicate, actor.Name, cancellationToken) : MergeOutcome.NotMerged);
    }

    private LeadOutcome Merged(MergeOutcome outcome) => outcome switch
    {
        MergeOutcome.Merged or MergeOutcome.Unmerged => LeadOutcome.Done,
        MergeOutcome.AlreadyMerged => new LeadOutcome(LeadResult.Conflict, texts["leads.error.merge." + outcome]),
        _ => new LeadOutcome(LeadResult.Invalid, texts["leads.error.merge." + outcome]),
    };

    private static LeadOutcome Invalid(string message, string field) =>
        new(LeadResult.Invalid, message, new Dictionary<string, string> { [field] = message });

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
