using System.Globalization;
using UU.Web.Data;
using UU.Web.Features.Audit;
using UU.Web.Features.Content.Versioning;

namespace UU.Web.Features.Content;

public sealed record ContentOutcome(ContentItem? Item, IReadOnlyDictionary<string, string> Errors, VersionConflict<ContentFields>? Conflict)
{
    public bool Succeeded => Item is not null && Errors.Count == 0 && Conflict is null;

    public static ContentOutcome From(VersionOutcome<ContentItem, ContentFields> outcome) => new(outcome.Document, outcome.Errors, outcome.Conflict);
}

/// <summary>Every change an editor makes to pages and stories; each one audited and versioned by <see cref="DocumentVersioning{TDocument, TVersion, TFields}"/>.</summary>
public sealed class ContentService(DocumentVersioning<ContentItem, ContentVersion, ContentFields> versioning, UuDbContext db, TimeProvider clock, AuditTrail audit)
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public async Task<ContentOutcome> CreateAsync(string type, ContentFields fields, CancellationToken cancellationToken)
    {
        if (!ContentTypes.All.Contains(type))
        {
            return Invalid("Type", "content.error.type");
        }
        var now = clock.GetUtcNow();
        var item = new ContentItem { Type = type, State = ContentState.Draft, CreatedAt = now };
        return ContentOutcome.From(await versioning.CreateAsync(item, fields, cancellationToken));
    }

    /// <summary>Saves the draft. A save based on an older version is refused with the other editor's text, never applied.</summary>
    public async Task<ContentOutcome> SaveAsync(int id, ContentFields fields, int basedOnVersion, CancellationToken cancellationToken) =>
        ContentOutcome.From(await versioning.SaveDraftAsync(id, fields, basedOnVersion, cancellationToken));

    public async Task<ContentOutcome> PublishAsync(int id, int basedOnVersion, CancellationToken cancellationToken) =>
        ContentOutcome.From(await versioning.PublishAsync(id, basedOnVersion, cancellationToken));

    public async Task<ContentOutcome> UnpublishAsync(int id, int basedOnVersion, CancellationToken cancellationToken) =>
        ContentOutcome.From(await versioning.UnpublishAsync(id, basedOnVersion, cancellationToken));

    public async Task<ContentOutcome> RollbackAsync(int id, int number, int basedOnVersion, CancellationToken cancellationToken) =>
        ContentOutcome.From(await versioning.RollbackAsync(id, number, basedOnVersion, cancellationToken));

    public Task<DocumentHistory<ContentItem, ContentVersion>?> HistoryAsync(int id, int? selectedNumber, CancellationToken cancellationToken) =>
        versioning.HistoryAsync(id, selectedNumber, cancellationToken);

    public async Task<ContentOutcome> ScheduleAsync(int id, DateTimeOffset? publishAt, DateTimeOffset? unpublishAt, int basedOnVersion, CancellationToken cancellationToken)
    {
        var (item, refused) = await versioning.OpenAsync(id, basedOnVersion, cancellationToken);
        if (refused is not null)
        {
            return ContentOutcome.From(refused);
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
        item!.PublishAt = publishAt;
        item.UnpublishAt = unpublishAt;
        return ContentOutcome.From(await versioning.CommitAsync(item, "scheduled", "scheduled", cancellationToken));
    }

    /// <summary>Deletes the item with its versions; refused like any change when someone saved since <paramref name="basedOnVersion"/>.</summary>
    public async Task<ContentOutcome> DeleteAsync(int id, int basedOnVersion, CancellationToken cancellationToken)
    {
        var (item, refused) = await versioning.OpenAsync(id, basedOnVersion, cancellationToken);
        if (refused is not null)
        {
            return ContentOutcome.From(refused);
        }
        db.ContentItems.Remove(item!);
        audit.Add("content-deleted", item!.Type, item.Id.ToString(CultureInfo.InvariantCulture), item.Draft.TitleSv);
        await db.SaveChangesAsync(cancellationToken);
        return new ContentOutcome(item, NoErrors, null);
    }

    private static ContentOutcome Invalid(string field, string key) => new(null, new Dictionary<string, string> { [field] = key }, null);
}
