using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Office;
using UU.Web.Infrastructure;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Content;

public sealed record ContentConflict(ContentFields Theirs, int TheirVersion, string? TheirAuthor, DateTimeOffset TheirTime);

public sealed record ContentOutcome(ContentItem? Item, IReadOnlyDictionary<string, string> Errors, ContentConflict? Conflict)
{
    public bool Succeeded => Item is not null && Errors.Count == 0 && Conflict is null;
}

/// <summary>Every change an editor makes to pages and stories; each one audited and versioned.</summary>
public sealed partial class ContentService(UuDbContext db, TimeProvider clock, AuditTrail audit, IHttpContextAccessor http)
{
    private string? Author => http.HttpContext?.User.Identity?.Name;

    public async Task<ContentOutcome> CreateAsync(string type, ContentFields fields, CancellationToken cancellationToken)
    {
        if (!ContentTypes.All.Contains(type))
        {
            return Invalid("Type", "content.error.type");
        }
        fields = Normalise(fields);
        var errors = await ValidateAsync(type, fields, null, cancellationToken);
        if (errors.Count > 0)
        {
            return new ContentOutcome(null, errors, null);
        }
        var now = clock.GetUtcNow();
        var item = new ContentItem { Type = type, State = ContentState.Draft, CreatedAt = now, UpdatedAt = now, UpdatedBy = Author, Version = 1 };
        item.SetDraft(fields);
        item.Versions.Add(new ContentVersion { Number = 1, Json = item.DraftJson, Event = "created", CreatedAt = now, CreatedBy = Author });
        db.ContentItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("content-created", type, Id(item), fields.TitleSv, cancellationToken: cancellationToken);
        return new ContentOutcome(item, Empty, null);
    }

    /// <summary>Saves the draft. A save based on an older version is refused with the other editor's text, never applied.</summary>
    public async Task<ContentOutcome> SaveAsync(int id, ContentFields fields, int basedOnVersion, CancellationToken cancellationToken)
    {
        var (item, refused) = await CurrentAsync(id, basedOnVersion, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        fields = Normalise(fields);
        var errors = await ValidateAsync(item.Type, fields, item.Id, cancellationToken);
        if (errors.Count > 0)
        {
            return new ContentOutcome(item, errors, null);
        }
        var json = fields.ToJson();
        if (json == item.DraftJson)
        {
            return new ContentOutcome(item, Empty, null);
        }
        item.SetDraft(fields);
        return await CommitAsync(item, "saved", "content-saved", cancellationToken);
    }

    public async Task<ContentOutcome> PublishAsync(int id, int basedOnVersion, CancellationToken cancellationToken)
    {
        var (item, refused) = await CurrentAsync(id, basedOnVersion, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        await PublishDraftAsync(item, cancellationToken);
        return await CommitAsync(item, "published", "content-published", cancellationToken);
    }

    /// <summary>The item to change, or why not: it is gone, or someone saved since the editor's version (never applied over them).</summary>
    private async Task<(ContentItem Item, ContentOutcome? Refused)> CurrentAsync(int id, int basedOnVersion, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (item is null)
        {
            return (null!, Invalid("Id", "content.error.notFound"));
        }
        return (item, item.Version != basedOnVersion ? Conflict(item) : null);
    }

    /// <summary>Publishes the current draft (also used by the scheduler, which has no editor and no version to check).</summary>
    public async Task PublishDraftAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var draft = item.Draft;
        var now = clock.GetUtcNow();
        if (item.PublishedSlug is { } oldSlug && oldSlug != draft.Slug)
        {
            await Redirects.RecordMoveAsync(db, ContentTypes.PublicPath(item.Type, oldSlug), ContentTypes.PublicPath(item.Type, draft.Slug), now, cancellationToken);
        }
        item.PublishedJson = item.DraftJson;
        item.PublishedSlug = draft.Slug;
        item.State = ContentState.Published;
        item.PublishedAt = now;
        item.PublishAt = null;
    }

    public async Task<ContentOutcome> UnpublishAsync(int id, int basedOnVersion, CancellationToken cancellationToken)
    {
        var (item, refused) = await CurrentAsync(id, basedOnVersion, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        item.State = ContentState.Unpublished;
        item.UnpublishAt = null;
        return await CommitAsync(item, "unpublished", "content-unpublished", cancellationToken);
    }

    public async Task<ContentOutcome> RollbackAsync(int id, int number, int basedOnVersion, CancellationToken cancellationToken)
    {
        var (item, refused) = await CurrentAsync(id, basedOnVersion, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var version = await db.ContentVersions.FirstOrDefaultAsync(v => v.ContentItemId == id && v.Number == number, cancellationToken);
        if (version is null)
        {
            return Invalid("Id", "content.error.notFound");
        }
        item.SetDraft(ContentFields.FromJson(version.Json));
        return await CommitAsync(item, $"rolled back to version {number.ToString(CultureInfo.InvariantCulture)}", "content-rolled-back", cancellationToken);
    }

    public async Task<ContentOutcome> ScheduleAsync(int id, DateTimeOffset? publishAt, DateTimeOffset? unpublishAt, int basedOnVersion, CancellationToken cancellationToken)
    {
        var (item, refused) = await CurrentAsync(id, basedOnVersion, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var now = clock.GetUtcNow();
        if (publishAt is { } p && p <= now)
        {
            return new ContentOutcome(item, new Dictionary<string, string> { ["PublishAt"] = "content.error.pastDate" }, null);
        }
        if (unpublishAt is { } u && (u <= now || (publishAt is { } p2 && u <= p2)))
        {
            return new ContentOutcome(item, new Dictionary<string, string> { ["UnpublishAt"] = "content.error.unpublishOrder" }, null);
        }
        item.PublishAt = publishAt;
        item.UnpublishAt = unpublishAt;
        return await CommitAsync(item, "scheduled", "content-scheduled", cancellationToken);
    }

    public async Task<bool> DeleteAsync(int id, int basedOnVersion, CancellationToken cancellationToken)
    {
        var item = await db.ContentItems.FirstOrDefaultAsync(c => c.Id == id && c.Version == basedOnVersion, cancellationToken);
        if (item is null)
        {
            return false;
        }
        db.ContentItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("content-deleted", item.Type, Id(item), item.Draft.TitleSv, cancellationToken: cancellationToken);
        return true;
    }

    private async Task<ContentOutcome> CommitAsync(ContentItem item, string versionEvent, string auditAction, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var seen = item.Version;
        item.Version++;
        item.UpdatedAt = now;
        item.UpdatedBy = Author;
        db.ContentVersions.Add(new ContentVersion { ContentItemId = item.Id, Number = item.Version, Json = item.DraftJson, Event = versionEvent, CreatedAt = now, CreatedBy = Author });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another editor saved between our read and our write: report theirs, keep ours unsaved.
            db.ChangeTracker.Clear();
            var current = await db.ContentItems.AsNoTracking().FirstAsync(c => c.Id == item.Id, cancellationToken);
            return current.Version == seen ? throw new InvalidOperationException("Concurrency failure without a newer version.") : Conflict(current);
        }
        await audit.RecordAsync(auditAction, item.Type, Id(item), versionEvent, cancellationToken: cancellationToken);
        return new ContentOutcome(item, Empty, null);
    }

    private static ContentOutcome Conflict(ContentItem item) =>
        new(item, Empty, new ContentConflict(item.Draft, item.Version, item.UpdatedBy, item.UpdatedAt));

    private static ContentOutcome Invalid(string field, string key) => new(null, new Dictionary<string, string> { [field] = key }, null);

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static string Id(ContentItem item) => item.Id.ToString(CultureInfo.InvariantCulture);

    private static ContentFields Normalise(ContentFields f)
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
    private async Task<Dictionary<string, string>> ValidateAsync(string type, ContentFields f, int? id, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        void Check(string field, string? value, int max, bool required = false, bool multiline = false)
        {
            if (required && string.IsNullOrWhiteSpace(value)) errors.TryAdd(field, "inquiry.error.required");
            else if (value is not null && value.Length > max) errors.TryAdd(field, "inquiry.error.tooLong");
            else if (value is not null && value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\t'))) errors.TryAdd(field, "inquiry.error.controlCharacters");
        }
        Check(nameof(f.TitleSv), f.TitleSv, 200, required: true);
        Check(nameof(f.TitleEn), f.TitleEn, 200);
        Check(nameof(f.SummarySv), f.SummarySv, 600, multiline: true);
        Check(nameof(f.SummaryEn), f.SummaryEn, 600, multiline: true);
        Check(nameof(f.BodySv), f.BodySv, 50_000, multiline: true);
        Check(nameof(f.BodyEn), f.BodyEn, 50_000, multiline: true);
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
        if (f.ImagePath is not null && !f.ImagePath.StartsWith("/media/", StringComparison.Ordinal)) errors.TryAdd(nameof(f.ImagePath), "content.error.image");
        if (f.Slug.Length is 0 or > 150 || !SlugPattern().IsMatch(f.Slug))
        {
            errors.TryAdd(nameof(f.Slug), "content.error.slug");
        }
        else if (await db.ContentItems.AnyAsync(c => c.Type == type && c.Id != (id ?? 0) && (c.PublishedSlug == f.Slug || c.DraftSlug == f.Slug), cancellationToken))
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

/// <summary>A line-by-line diff (longest common subsequence), for version history.</summary>
public static class LineDiff
{
    public enum Kind { Same, Added, Removed }

    public static List<(Kind Kind, string Line)> Compute(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        if ((long)a.Length * b.Length > 4_000_000)
        {
            return [.. a.Select(l => (Kind.Removed, l)), .. b.Select(l => (Kind.Added, l))];
        }
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var result = new List<(Kind, string)>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y]) { result.Add((Kind.Same, a[x])); x++; y++; }
            else if (lcs[x + 1, y] >= lcs[x, y + 1]) { result.Add((Kind.Removed, a[x])); x++; }
            else { result.Add((Kind.Added, b[y])); y++; }
        }
        result.AddRange(a.Skip(x).Select(l => (Kind.Removed, l)));
        result.AddRange(b.Skip(y).Select(l => (Kind.Added, l)));
        return result;
    }

    /// <summary>The fields that differ between two versions, each with its line diff.</summary>
    public static List<(string Field, List<(Kind Kind, string Line)> Lines)> Fields(ContentFields before, ContentFields after) =>
        Fields(before.Texts(), after.Texts());

    public static List<(string Field, List<(Kind Kind, string Line)> Lines)> Fields(IEnumerable<(string Name, string Text)> before, IEnumerable<(string Name, string Text)> after) =>
        before.Zip(after)
            .Where(p => p.First.Text != p.Second.Text)
            .Select(p => (p.First.Name, Compute(p.First.Text, p.Second.Text)))
            .ToList();
}
