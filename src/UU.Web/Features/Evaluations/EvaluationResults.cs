using Microsoft.EntityFrameworkCore;
using UU.Web.Data;

namespace UU.Web.Features.Evaluations;

public sealed record QuestionResult(int QuestionId, QuestionKind Kind, string TextSv, string? TextEn, double? Average, int Count);

public sealed record EvaluationComment(int AnswerId, Respondent Respondent, string QuestionSv, string? QuestionEn, string Text, bool MayQuote);

/// <summary>Where a case's links stand: how many went out and how many were answered (never who answered).</summary>
public sealed record InvitationSummary(int ClientInvited, bool ClientAnswered, int ParticipantsEntered, int ParticipantsSent, int AnonymousLinks, int ParticipantsAnswered,
    IReadOnlyList<string> OpenAnonymousTokens);

public sealed record CaseEvaluation(int Responses, int ClientResponses, double? Average, IReadOnlyList<QuestionResult> Questions, IReadOnlyList<EvaluationComment> Comments, InvitationSummary Invitations);

/// <summary>A module's or a subject's rating: the average of every rating given, over this many answers.</summary>
public sealed record Rating(double Average, int Count)
{
    /// <summary>Rounded to one decimal, as the pages and the structured data show it.</summary>
    public double Rounded => Math.Round(Average, 1, MidpointRounding.AwayFromZero);
}

public sealed record RatingRow(string Slug, string NameSv, string? NameEn, Rating Rating);

public sealed record CaseRatingRow(string Reference, string Organisation, Rating Rating);

/// <summary>The results: per case, per module, per subject. An answer counts when it has at least one rating.</summary>
public sealed class EvaluationResults(UuDbContext db)
{
    public async Task<CaseEvaluation> ForCaseAsync(int inquiryId, CancellationToken cancellationToken)
    {
        var questions = await db.EvaluationQuestions.AsNoTracking().OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(cancellationToken);
        var responses = await db.EvaluationResponses.AsNoTracking().Include(r => r.Answers).Where(r => r.InquiryId == inquiryId).ToListAsync(cancellationToken);
        var answers = responses.SelectMany(r => r.Answers.Select(a => (Response: r, Answer: a))).ToList();
        var results = questions
            .Select(q =>
            {
                var given = answers.Where(a => a.Answer.QuestionId == q.Id).ToList();
                var ratings = given.Where(a => a.Answer.Rating is not null).Select(a => (double)a.Answer.Rating!.Value).ToList();
                return new QuestionResult(q.Id, q.Kind, q.TextSv, q.TextEn, ratings.Count > 0 ? ratings.Average() : null, q.Kind == QuestionKind.Rating ? ratings.Count : given.Count(a => a.Answer.Text is not null));
            })
            .Where(r => r.Count > 0 || questions.First(q => q.Id == r.QuestionId).Active)
            .ToList();
        var byId = questions.ToDictionary(q => q.Id);
        var comments = answers.Where(a => a.Answer.Text is not null)
            .OrderBy(a => byId[a.Answer.QuestionId].SortOrder).ThenBy(a => a.Answer.Id)
            .Select(a => new EvaluationComment(a.Answer.Id, a.Response.Respondent, byId[a.Answer.QuestionId].TextSv, byId[a.Answer.QuestionId].TextEn, a.Answer.Text!, a.Response.MayQuote))
            .ToList();
        var allRatings = answers.Where(a => a.Answer.Rating is not null).Select(a => (double)a.Answer.Rating!.Value).ToList();
        var invitations = await db.EvaluationInvitations.AsNoTracking().Where(i => i.InquiryId == inquiryId).ToListAsync(cancellationToken);
        var participants = invitations.Where(i => i.Respondent == Respondent.Participant).ToList();
        var summary = new InvitationSummary(
            invitations.Count(i => i.Respondent == Respondent.Client),
            invitations.Any(i => i.Respondent == Respondent.Client && i.Answered),
            participants.Count(i => i.Email is not null),
            participants.Count(i => i.Email is not null && i.SentAt is not null),
            participants.Count(i => i.Email is null),
            participants.Count(i => i.Answered),
            participants.Where(i => i.Email is null && !i.Answered).OrderBy(i => i.Id).Select(i => i.Token).ToList());
        return new CaseEvaluation(responses.Count(r => r.Answers.Any(a => a.Rating is not null)), responses.Count(r => r.Respondent == Respondent.Client),
            allRatings.Count > 0 ? allRatings.Average() : null, results, comments, summary);
    }

    /// <summary>The module's rating, or null while fewer than five answers exist (too few to show, and too few to stay anonymous).</summary>
    public async Task<Rating?> ForModuleAsync(int moduleId, CancellationToken cancellationToken)
    {
        var rated = db.EvaluationResponses.Where(r => db.InquiryModules.Any(m => m.InquiryId == r.InquiryId && m.ModuleId == moduleId) && r.Answers.Any(a => a.Rating != null));
        var count = await rated.CountAsync(cancellationToken);
        if (count < EvaluationLimits.AnswersBeforeRatingShows)
        {
            return null;
        }
        var average = await rated.SelectMany(r => r.Answers).Where(a => a.Rating != null).AverageAsync(a => (double)a.Rating!.Value, cancellationToken);
        return new Rating(average, count);
    }

    /// <summary>Every module and subject with answers, best first, and the cases with answers, for the office overview.</summary>
    public async Task<(IReadOnlyList<RatingRow> Modules, IReadOnlyList<RatingRow> Subjects, IReadOnlyList<CaseRatingRow> Cases)> OverviewAsync(CancellationToken cancellationToken)
    {
        var ratings = await db.EvaluationAnswers.AsNoTracking().Where(a => a.Rating != null)
            .Join(db.EvaluationResponses, a => a.ResponseId, r => r.Id, (a, r) => new { r.InquiryId, ResponseId = r.Id, Rating = a.Rating!.Value })
            .ToListAsync(cancellationToken);
        var inquiryIds = ratings.Select(r => r.InquiryId).Distinct().ToList();
        var modules = await db.InquiryModules.AsNoTracking().Where(m => inquiryIds.Contains(m.InquiryId))
            .Select(m => new { m.InquiryId, m.Module!.Slug, m.Module.TitleSv, m.Module.TitleEn }).ToListAsync(cancellationToken);
        var subjects = await db.Set<Commissions.CaseSubject>().AsNoTracking().Where(s => inquiryIds.Contains(s.InquiryId))
            .Select(s => new { s.InquiryId, s.Subject!.Slug, s.Subject.NameSv, s.Subject.NameEn }).ToListAsync(cancellationToken);
        var cases = await db.Inquiries.AsNoTracking().Where(i => inquiryIds.Contains(i.Id))
            .Select(i => new { i.Id, i.ReferenceNumber, i.OrganisationName }).ToListAsync(cancellationToken);
        Rating Of(IEnumerable<int> ids)
        {
            var set = ids.ToHashSet();
            var given = ratings.Where(r => set.Contains(r.InquiryId)).ToList();
            return new Rating(given.Average(r => r.Rating), given.Select(r => r.ResponseId).Distinct().Count());
        }
        var moduleRows = modules.GroupBy(m => (m.Slug, m.TitleSv, m.TitleEn))
            .Select(g => new RatingRow(g.Key.Slug, g.Key.TitleSv, g.Key.TitleEn, Of(g.Select(m => m.InquiryId))))
            .OrderByDescending(r => r.Rating.Average).ThenBy(r => r.NameSv, StringComparer.Ordinal).ToList();
        var subjectRows = subjects.GroupBy(s => (s.Slug, s.NameSv, s.NameEn))
            .Select(g => new RatingRow(g.Key.Slug, g.Key.NameSv, g.Key.NameEn, Of(g.Select(s => s.InquiryId))))
            .OrderByDescending(r => r.Rating.Average).ThenBy(r => r.NameSv, StringComparer.Ordinal).ToList();
        var caseRows = cases.Select(c => new CaseRatingRow(c.ReferenceNumber, c.OrganisationName, Of([c.Id])))
            .OrderByDescending(c => c.Reference, StringComparer.Ordinal).ToList();
        return (moduleRows, subjectRows, caseRows);
    }
}
