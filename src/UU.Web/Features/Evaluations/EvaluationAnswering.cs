using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Search;

namespace UU.Web.Features.Evaluations;

/// <summary>What an evaluation link leads to.</summary>
public enum LinkState
{
    Unknown = 0,
    /// <summary>Entered for a participant, but the case has not reached follow-up yet.</summary>
    NotYetOpen = 1,
    Expired = 2,
    Answered = 3,
    Open = 4,
}

public sealed record EvaluationForm(LinkState State, string Course, string Language, IReadOnlyList<EvaluationQuestion> Questions);

public sealed record SubmitOutcome(LinkState State, IReadOnlyDictionary<int, string> Errors)
{
    public bool Saved => State == LinkState.Answered && Errors.Count == 0;
}

/// <summary>
/// The public side of a link: open it, answer it once. The answer is stored without the invitation, the participant's
/// address or a time; the invitation only learns that it was answered.
/// </summary>
public sealed class EvaluationAnswering(UuDbContext db, TimeProvider clock, EvaluationInvitations invitations, IOutputCacheStore outputCache)
{
    private static readonly IReadOnlyDictionary<int, string> NoErrors = new Dictionary<int, string>();

    public async Task<EvaluationForm> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        var invitation = await FindAsync(token, cancellationToken);
        if (invitation is null)
        {
            return new EvaluationForm(LinkState.Unknown, "", "sv", []);
        }
        var course = invitations.CourseName(await invitations.ModulesAsync(invitation.InquiryId, cancellationToken), invitation.Language);
        var state = StateOf(invitation, clock.GetUtcNow());
        var questions = state == LinkState.Open
            ? await db.EvaluationQuestions.AsNoTracking().Where(q => q.Active).OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(cancellationToken)
            : [];
        return new EvaluationForm(state, course, invitation.Language, questions);
    }

    /// <summary>
    /// Saves the answer if the link is open and every rating is given (1–5); errors are (question id, text key).
    /// Two submissions of one link at the same moment save one answer: the flag is claimed by one conditional update.
    /// </summary>
    public async Task<SubmitOutcome> SubmitAsync(string? token, IReadOnlyDictionary<int, string?> ratings, IReadOnlyDictionary<int, string?> comments, bool mayQuote, CancellationToken cancellationToken)
    {
        var invitation = await FindAsync(token, cancellationToken);
        var now = clock.GetUtcNow();
        if (invitation is null)
        {
            return new SubmitOutcome(LinkState.Unknown, NoErrors);
        }
        if (StateOf(invitation, now) is var state && state != LinkState.Open)
        {
            return new SubmitOutcome(state, NoErrors);
        }
        var questions = await db.EvaluationQuestions.AsNoTracking().Where(q => q.Active).ToListAsync(cancellationToken);
        var errors = new Dictionary<int, string>();
        var answers = new List<EvaluationAnswer>();
        foreach (var question in questions)
        {
            if (question.Kind == QuestionKind.Rating)
            {
                var raw = ratings.GetValueOrDefault(question.Id)?.Trim();
                if (string.IsNullOrEmpty(raw))
                {
                    errors[question.Id] = "evaluation.error.ratingMissing";
                }
                else if (!int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rating)
                    || rating is < EvaluationLimits.MinRating or > EvaluationLimits.MaxRating)
                {
                    errors[question.Id] = "evaluation.error.ratingRange";
                }
                else
                {
                    answers.Add(new EvaluationAnswer { QuestionId = question.Id, Rating = rating });
                }
            }
            else if (comments.GetValueOrDefault(question.Id)?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() is { Length: > 0 } text)
            {
                if (text.Length > EvaluationLimits.AnswerText)
                {
                    errors[question.Id] = "evaluation.error.textLong";
                }
                else if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\t')))
                {
                    errors[question.Id] = "inquiry.error.controlCharacters";
                }
                else
                {
                    answers.Add(new EvaluationAnswer { QuestionId = question.Id, Text = text });
                }
            }
        }
        if (errors.Count > 0)
        {
            return new SubmitOutcome(LinkState.Open, errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.EvaluationInvitations
            .Where(i => i.Id == invitation.Id && !i.Answered && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Answered, true), cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new SubmitOutcome(LinkState.Answered, new Dictionary<int, string> { [0] = "evaluation.answeredBefore" });
        }
        db.EvaluationResponses.Add(new EvaluationResponse
        {
            InquiryId = invitation.InquiryId,
            Respondent = invitation.Respondent,
            Language = invitation.Language,
            MayQuote = mayQuote,
            Answers = answers,
        });
        // The module pages show the rating: each node drops its cached pages when it reads the journal.
        foreach (var moduleId in await db.InquiryModules.Where(m => m.InquiryId == invitation.InquiryId).Select(m => m.ModuleId).ToListAsync(cancellationToken))
        {
            db.IndexChanges.Add(new IndexChange { EntityType = "module", EntityId = moduleId, CreatedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await outputCache.EvictByTagAsync(Infrastructure.PublicCache.Tag, cancellationToken);
        return new SubmitOutcome(LinkState.Answered, NoErrors);
    }

    private static LinkState StateOf(EvaluationInvitation invitation, DateTimeOffset now) =>
        invitation.Answered ? LinkState.Answered
        : invitation.SentAt is null || invitation.ExpiresAt is null ? LinkState.NotYetOpen
        : invitation.ExpiresAt <= now ? LinkState.Expired
        : LinkState.Open;

    private Task<EvaluationInvitation?> FindAsync(string? token, CancellationToken cancellationToken) =>
        token is { Length: >= 20 and <= 64 }
            ? db.EvaluationInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.Token == token, cancellationToken)
            : Task.FromResult<EvaluationInvitation?>(null);
}
