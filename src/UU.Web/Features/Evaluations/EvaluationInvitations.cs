using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UU.Web.Data;
using UU.Web.Features.Commissions;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Notifications;
using UU.Web.Infrastructure;
using UU.Web.Localization;

namespace UU.Web.Features.Evaluations;

public sealed record ModuleTitle(string TitleSv, string? TitleEn);

public static class EvaluationRoutes
{
    public const string Swedish = "/utvardering/";
    public const string English = "/en/evaluation/";
    public const string Overview = "/office/utvarderingar";
    public const string Questions = "/office/utvarderingar/fragor";

    public static string Answer(string token, string language) => (language == "en" ? English : Swedish) + token;

    public static string Case(string reference) => Overview + "/" + Uri.EscapeDataString(reference);
}

/// <summary>
/// The evaluation links of a case: the client's (made when the case reaches follow-up), the participants' (addresses the
/// case worker enters, sent at follow-up or at once when the case is there), anonymous links to hand out, and reminders.
/// </summary>
public sealed partial class EvaluationInvitations(UuDbContext db, TimeProvider clock, Texts texts, IOptions<EvaluationOptions> options, EmailComposer mails, SiteUrls urls, ILogger<EvaluationInvitations> logger)
    : ICasePhaseListener
{
    private static readonly char[] Separators = [',', ';', ' ', '\n', '\r', '\t'];

    /// <summary>A case reaching follow-up: the client's contact gets a link, and so does every participant entered before.</summary>
    public async Task PhaseChangedAsync(Inquiry inquiry, CasePhase from, CasePhase to, string? by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (to != CasePhase.FollowUp)
        {
            return;
        }
        var course = await ModulesAsync(inquiry.Id, cancellationToken);
        if (!await db.EvaluationInvitations.AnyAsync(i => i.InquiryId == inquiry.Id && i.Respondent == Respondent.Client, cancellationToken)
            && IsAddress(inquiry.Email))
        {
            var client = New(inquiry, Respondent.Client, inquiry.Email.Trim(), now);
            db.EvaluationInvitations.Add(client);
            Send(client, inquiry, course, now);
        }
        foreach (var waiting in await db.EvaluationInvitations.Where(i => i.InquiryId == inquiry.Id && i.SentAt == null).ToListAsync(cancellationToken))
        {
            Send(waiting, inquiry, course, now);
        }
        LogFollowUp(logger, inquiry.ReferenceNumber);
    }

    /// <summary>
    /// Adds the participants whose addresses the case worker pasted (any separators; addresses already invited are skipped).
    /// A case in follow-up sends their links at once; one in delivery when it gets there.
    /// </summary>
    /// <returns>How many new participants were added.</returns>
    public async Task<int> AddParticipantsAsync(Inquiry inquiry, string? pasted, CancellationToken cancellationToken)
    {
        if (inquiry.Phase is not (CasePhase.Delivery or CasePhase.FollowUp))
        {
            throw new CaseRuleException(texts["evaluation.error.phase"]);
        }
        var addresses = (pasted ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => a.Trim('<', '>', '"', '\'').ToLowerInvariant()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (addresses.Count == 0)
        {
            throw new CaseRuleException(texts["evaluation.error.noAddresses"]);
        }
        var bad = addresses.Where(a => !IsAddress(a)).ToList();
        if (bad.Count > 0)
        {
            throw new CaseRuleException(texts["evaluation.error.badAddresses", string.Join(", ", bad.Take(10))]);
        }
        if (addresses.Count > EvaluationLimits.MaxParticipantsAtOnce)
        {
            throw new CaseRuleException(texts["evaluation.error.tooMany", EvaluationLimits.MaxParticipantsAtOnce]);
        }
        var known = (await db.EvaluationInvitations.Where(i => i.InquiryId == inquiry.Id && i.Respondent == Respondent.Participant && i.Email != null)
            .Select(i => i.Email!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow();
        var course = await ModulesAsync(inquiry.Id, cancellationToken);
        var added = 0;
        foreach (var address in addresses.Where(a => !known.Contains(a)))
        {
            var invitation = New(inquiry, Respondent.Participant, address, now);
            db.EvaluationInvitations.Add(invitation);
            if (inquiry.Phase == CasePhase.FollowUp)
            {
                Send(invitation, inquiry, course, now);
            }
            added++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>Links without an address, for the case worker to hand out (on paper, in the learning platform); only in follow-up.</summary>
    public async Task<int> CreateAnonymousLinksAsync(Inquiry inquiry, int? count, CancellationToken cancellationToken)
    {
        if (inquiry.Phase != CasePhase.FollowUp)
        {
            throw new CaseRuleException(texts["evaluation.error.linksPhase"]);
        }
        if (count is not { } n || n < 1 || n > EvaluationLimits.MaxAnonymousLinksAtOnce)
        {
            throw new CaseRuleException(texts["evaluation.error.linkCount", EvaluationLimits.MaxAnonymousLinksAtOnce]);
        }
        var now = clock.GetUtcNow();
        for (var i = 0; i < n; i++)
        {
            var link = New(inquiry, Respondent.Participant, null, now);
            link.SentAt = now;
            link.ExpiresAt = now.AddDays(options.Value.LinkValidDays);
            db.EvaluationInvitations.Add(link);
        }
        await db.SaveChangesAsync(cancellationToken);
        return n;
    }

    /// <summary>Reminds everyone with an address who has not answered, whose link is still valid, once the wait is over.</summary>
    /// <returns>How many reminders went out.</returns>
    public async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        var due = now.AddDays(-o.RemindAfterDays);
        var candidates = await db.EvaluationInvitations
            .Where(i => !i.Answered && i.Email != null && i.SentAt != null && i.ExpiresAt > now && i.Reminders < o.MaxReminders)
            .ToListAsync(cancellationToken);
        var waiting = candidates.Where(i => (i.LastRemindedAt ?? i.SentAt!.Value) <= due).ToList();
        if (waiting.Count == 0)
        {
            return 0;
        }
        var ids = waiting.Select(i => i.InquiryId).Distinct().ToList();
        var cases = await db.Inquiries.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.ReferenceNumber, cancellationToken);
        var modules = (await db.InquiryModules.Where(m => ids.Contains(m.InquiryId)).Select(m => new { m.InquiryId, m.Module!.TitleSv, m.Module.TitleEn }).ToListAsync(cancellationToken))
            .ToLookup(m => m.InquiryId, m => new ModuleTitle(m.TitleSv, m.TitleEn));
        foreach (var invitation in waiting)
        {
            invitation.Reminders++;
            invitation.LastRemindedAt = now;
            db.OutboxMessages.Add(mails.EvaluationInvitation(invitation, cases[invitation.InquiryId], CourseName([.. modules[invitation.InquiryId]], invitation.Language),
                urls.Absolute(EvaluationRoutes.Answer(invitation.Token, invitation.Language)), reminder: true, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        LogReminded(logger, waiting.Count);
        return waiting.Count;
    }

    /// <summary>The course as the evaluation names it: the case's modules, or "the commissioned course" when it has none.</summary>
    public string CourseName(IReadOnlyList<ModuleTitle> modules, string language)
    {
        var titles = modules.Select(m => language == "en" && !string.IsNullOrWhiteSpace(m.TitleEn) ? m.TitleEn : m.TitleSv).Order(StringComparer.Ordinal).ToList();
        if (titles.Count > 0)
        {
            return string.Join(", ", titles);
        }
        return texts.All.TryGetValue("evaluation.courseFallback", out var values) ? values[language == "en" && values.Length > 1 ? 1 : 0] : "";
    }

    public async Task<IReadOnlyList<ModuleTitle>> ModulesAsync(int inquiryId, CancellationToken cancellationToken) =>
        await db.InquiryModules.Where(m => m.InquiryId == inquiryId).Select(m => new ModuleTitle(m.Module!.TitleSv, m.Module.TitleEn)).ToListAsync(cancellationToken);

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static EvaluationInvitation New(Inquiry inquiry, Respondent respondent, string? email, DateTimeOffset now) => new()
    {
        InquiryId = inquiry.Id,
        Respondent = respondent,
        Email = email,
        Token = NewToken(),
        Language = inquiry.Language == "en" ? "en" : "sv",
        CreatedAt = now,
    };

    private void Send(EvaluationInvitation invitation, Inquiry inquiry, IReadOnlyList<ModuleTitle> modules, DateTimeOffset now)
    {
        invitation.SentAt = now;
        invitation.ExpiresAt = now.AddDays(options.Value.LinkValidDays);
        if (invitation.Email is not null)
        {
            db.OutboxMessages.Add(mails.EvaluationInvitation(invitation, inquiry.ReferenceNumber, CourseName(modules, invitation.Language),
                urls.Absolute(EvaluationRoutes.Answer(invitation.Token, invitation.Language)), reminder: false, now));
        }
    }

    private static bool IsAddress(string? value) =>
        value is { Length: > 2 and <= InquiryLimits.Email } && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && value.Contains('.', StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {Reference} reached follow-up: evaluation links sent")]
    private static partial void LogFollowUp(ILogger logger, string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} evaluation reminders queued")]
    private static partial void LogReminded(ILogger logger, int count);
}
