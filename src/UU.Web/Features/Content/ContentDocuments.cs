using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Content.Versioning;
using UU.Web.Infrastructure;

namespace UU.Web.Features.Content;

/// <summary>Pages and stories as versioned documents: their fields, their rules, and what publishing means for them.</summary>
public sealed partial class ContentDocuments(UuDbContext db) : IDocumentKind<ContentItem, ContentVersion, ContentFields>
{
    public string Name => "content";

    public Task<ContentItem?> FindAsync(int id, CancellationToken cancellationToken) => db.ContentItems.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public IQueryable<ContentVersion> Versions(int documentId) => db.ContentVersions.Where(v => v.ContentItemId == documentId);

    public ContentVersion NewVersion(int documentId, int number, string json, string versionEvent, DateTimeOffset at, string? by) =>
        new() { ContentItemId = documentId, Number = number, Json = json, Event = versionEvent, CreatedAt = at, CreatedBy = by };

    public string? Draft(ContentItem document) => document.DraftJson;

    public string Current(ContentItem document) => document.DraftJson;

    public ContentFields Read(string json) => ContentFields.FromJson(json);

    public string Write(ContentFields fields) => fields.ToJson();

    public Task SetDraftAsync(ContentItem document, ContentFields fields, CancellationToken cancellationToken)
    {
        document.SetDraft(fields);
        return Task.CompletedTask;
    }

    /// <summary>Copies the draft to the published state; a changed slug leaves a permanent redirect behind.</summary>
    public async Task PublishAsync(ContentItem document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var draft = document.Draft;
        if (document.PublishedSlug is { } oldSlug && oldSlug != draft.Slug)
        {
            await Redirects.RecordMoveAsync(db, ContentTypes.PublicPath(document.Type, oldSlug), ContentTypes.PublicPath(document.Type, draft.Slug), now, cancellationToken);
        }
        document.PublishedJson = document.DraftJson;
        document.PublishedSlug = draft.Slug;
        document.State = ContentState.Published;
        document.PublishedAt = now;
        document.PublishAt = null;
    }

    public void Unpublish(ContentItem document)
    {
        document.State = ContentState.Unpublished;
        document.UnpublishAt = null;
    }

    public void Touched(ContentItem document, string? by) => document.UpdatedBy = by;

    public string Title(ContentFields fields) => fields.TitleSv;

    public IEnumerable<(string Name, string Text)> Texts(ContentFields fields) => fields.Texts();

    public Task<IReadOnlyDictionary<string, string>> ValidateAsync(ContentItem document, ContentFields fields, CancellationToken cancellationToken) =>
        ValidateAsync(document.Type, fields, document.Id, cancellationToken);

    public ContentFields Normalise(ContentFields f)
    {
        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var slug = string.IsNullOrWhiteSpace(f.Slug) ? Slugs.From(f.TitleSv ?? "") : f.Slug.Trim().ToLowerInvariant();
        return f with
        {
            TitleSv = (f.TitleSv ?? "").Trim(),
            TitleEn = Clean(f.TitleEn),
            Slug = slug,
            SummarySv = Clean(f.SummarySv),
            SummaryEn = Clean(f.SummaryEn),
            BodySv = Clean(f.BodySv),
            BodyEn = Clean(f.BodyEn),
            MetaTitleSv = Clean(f.MetaTitleSv),
            MetaTitleEn = Clean(f.MetaTitleEn),
            MetaDescriptionSv = Clean(f.MetaDescriptionSv),
            MetaDescriptionEn = Clean(f.MetaDescriptionEn),
            ClientName = Clean(f.ClientName),
            Sector = Clean(f.Sector),
            SubjectSlug = Clean(f.SubjectSlug),
            QuoteSv = Clean(f.QuoteSv),
            QuoteEn = Clean(f.QuoteEn),
            QuoteBy = Clean(f.QuoteBy),
            ResultsSv = Clean(f.ResultsSv),
            ResultsEn = Clean(f.ResultsEn),
            ImagePath = Clean(f.ImagePath),
            ImageAlt = Clean(f.ImageAlt),
            ModuleSlugs = f.ModuleSlugs.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct().ToList(),
        };
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    /// <summary>Problems as (field, text key).</summary>
    private async Task<IReadOnlyDictionary<string, string>> ValidateAsync(string type, ContentFields f, int id, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        void Check(string field, string? value, int max, bool required = false, bool multiline = false)
        {
            if (required && string.IsNullOrWhiteSpace(value)) errors.TryAdd(field, "inquiry.error.required");
            else if (value is not null && value.Length > max) errors.TryAdd(field, "inquiry.error.tooLong");
            else if (value is not null && value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\t'))) errors.TryAdd(field, "inquiry.error.controlCharacters");
        }
        Check(nameof(f.TitleSv), f.TitleSv, ContentItem.TitleMaxLength, required: true);
        Check(nameof(f.TitleEn), f.TitleEn, 200);
        Check(nameof(f.SummarySv), f.SummarySv, 600, multiline: true);
        Check(nameof(f.SummaryEn), f.SummaryEn, 600, multiline: true);
        Check(nameof(f.BodySv), f.BodySv, 50_000, multiline: true);
        Check(nameof(f.BodyEn), f.BodyEn, 50_000, multiline: true);
        foreach (var (field, body) in new[] { (nameof(f.BodySv), f.BodySv), (nameof(f.BodyEn), f.BodyEn) })
        {
            if (!errors.ContainsKey(field) && RichText.Problem(body) is { } problem)
            {
                errors[field] = problem;
            }
        }
        Check(nameof(f.MetaTitleSv), f.MetaTitleSv, 120);
        Check(nameof(f.MetaTitleEn), f.MetaTitleEn, 120);
        Check(nameof(f.MetaDescriptionSv), f.MetaDescriptionSv, 320);
        Check(nameof(f.MetaDescriptionEn), f.MetaDescriptionEn, 320);
        Check(nameof(f.QuoteSv), f.QuoteSv, 600, multiline: true);
        Check(nameof(f.QuoteEn), f.QuoteEn, 600, multiline: true);
        Check(nameof(f.QuoteBy), f.QuoteBy, 200);
        Check(nameof(f.ResultsSv), f.ResultsSv, 2000, multiline: true);
        Check(nameof(f.ResultsEn), f.ResultsEn, 2000, multiline: true);
        Check(nameof(f.Sector), f.Sector, 100);
        Check(nameof(f.ImageAlt), f.ImageAlt, 300);
        if (type == ContentTypes.Story)
        {
            Check(nameof(f.ClientName), f.ClientName, 200, required: true);
            if (f.ImagePath is not null && string.IsNullOrWhiteSpace(f.ImageAlt)) errors.TryAdd(nameof(f.ImageAlt), "content.error.altRequired");
        }
        if (f.ImagePath is not null && await Media.MediaImages.ProblemAsync(db, f.ImagePath, cancellationToken) is { } imageProblem) errors.TryAdd(nameof(f.ImagePath), imageProblem);
        // Module pages, offers and agreement clauses find the participants' rights by its address.
        if (type == ContentTypes.Staff && id != 0 && f.Slug != Staff.ParticipantRights.Slug
            && await db.ContentItems.AnyAsync(c => c.Id == id && (c.PublishedSlug == Staff.ParticipantRights.Slug || c.DraftSlug == Staff.ParticipantRights.Slug), cancellationToken))
        {
            errors.TryAdd(nameof(f.Slug), "staff.error.rightsSlug");
        }
        if (type == ContentTypes.Staff && Staff.StaffSetup.ReservedSlugs.Contains(f.Slug))
        {
            errors.TryAdd(nameof(f.Slug), "content.error.slugTaken");
        }
        if (f.Slug.Length is 0 or > 150 || !SlugPattern().IsMatch(f.Slug))
        {
            errors.TryAdd(nameof(f.Slug), "content.error.slug");
        }
        else if (await db.ContentItems.AnyAsync(c => c.Type == type && c.Id != id && (c.PublishedSlug == f.Slug || c.DraftSlug == f.Slug), cancellationToken))
        {
            errors.TryAdd(nameof(f.Slug), "content.error.slugTaken");
        }
        if (f.SubjectSlug is not null && !await db.Subjects.AnyAsync(s => s.Slug == f.SubjectSlug, cancellationToken))
        {
            errors.TryAdd(nameof(f.SubjectSlug), "content.error.subject");
        }
        if (f.ModuleSlugs.Count > 0)
        {
            var known = await db.Modules.Where(m => f.ModuleSlugs.Contains(m.Slug)).CountAsync(cancellationToken);
            if (known != f.ModuleSlugs.Count) errors.TryAdd(nameof(f.ModuleSlugs), "content.error.modules");
        }
        return errors;
    }
}
