using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Commissions;
using UU.Web.Features.Content;
using UU.Web.Infrastructure;
using UU.Web.Localization;

namespace UU.Web.Features.Evaluations;

/// <summary>
/// A good result becomes a success story in one step: a draft story with the case's client and modules, the comment the
/// respondent allowed to be quoted, and the rating as a result in figures. The editor finishes it in the story editor.
/// </summary>
public sealed class StoryFromEvaluation(UuDbContext db, ContentService content, EvaluationResults results, Texts texts)
{
    /// <returns>The new story's id.</returns>
    public async Task<int> CreateDraftAsync(string reference, int answerId, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.AsNoTracking().Include(i => i.Client).Include(i => i.Modules).ThenInclude(m => m.Module!).ThenInclude(m => m.Subject)
            .Include(i => i.Subjects).ThenInclude(s => s.Subject)
            .AsSplitQuery().FirstOrDefaultAsync(i => i.ReferenceNumber == reference, cancellationToken)
            ?? throw new CaseRuleException(texts["evaluation.error.noCase"]);
        var evaluation = await results.ForCaseAsync(inquiry.Id, cancellationToken);
        var comment = evaluation.Comments.FirstOrDefault(c => c.AnswerId == answerId)
            ?? throw new CaseRuleException(texts["evaluation.error.noComment"]);
        if (!comment.MayQuote)
        {
            throw new CaseRuleException(texts["evaluation.error.notQuotable"]);
        }
        var modules = inquiry.Modules.Select(m => m.Module!).OrderBy(m => m.TitleSv, StringComparer.Ordinal).ToList();
        var client = inquiry.Client?.Name ?? inquiry.OrganisationName;
        var what = modules.Count > 0 ? modules[0].TitleSv : texts.All["evaluation.courseFallback"][0];
        var title = texts.All["evaluation.story.title"][0].Replace("{client}", client, StringComparison.Ordinal).Replace("{course}", what, StringComparison.Ordinal);
        string? figures = null;
        if (evaluation.Average is { } average)
        {
            var value = new Rating(average, evaluation.Responses).Rounded.ToString("0.0", CultureInfo.GetCultureInfo("sv-SE"));
            figures = value + " | " + texts.All["evaluation.story.results"][0].Replace("{count}", evaluation.Responses.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        var fields = new ContentFields
        {
            TitleSv = title.Length > 200 ? title[..200] : title,
            Slug = await FreeSlugAsync(Slugs.From(title), cancellationToken),
            ClientName = client,
            SubjectSlug = modules.FirstOrDefault()?.Subject?.Slug ?? inquiry.Subjects.FirstOrDefault()?.Subject?.Slug,
            ModuleSlugs = modules.Select(m => m.Slug).ToList(),
            QuoteSv = comment.Text.Length > 600 ? comment.Text[..600] : comment.Text,
            QuoteBy = texts.All["evaluation.story.quoteBy." + comment.Respondent][0],
            ResultsSv = figures,
        };
        var outcome = await content.CreateAsync(ContentTypes.Story, fields, cancellationToken);
        if (!outcome.Succeeded)
        {
            throw new CaseRuleException(texts["evaluation.error.story", string.Join(", ", outcome.Errors.Select(e => $"{e.Key}: {texts[e.Value]}"))]);
        }
        return outcome.Item!.Id;
    }

    private async Task<string> FreeSlugAsync(string slug, CancellationToken cancellationToken)
    {
        var stem = slug.Length > 140 ? slug[..140].TrimEnd('-') : slug;
        var candidate = stem;
        for (var n = 2; await db.ContentItems.AnyAsync(c => c.Type == ContentTypes.Story && (c.DraftSlug == candidate || c.PublishedSlug == candidate), cancellationToken); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
        }
        return candidate;
    }
}
