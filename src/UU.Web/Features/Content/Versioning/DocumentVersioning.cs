using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Content.Versioning;

/// <summary>
/// The one draft/publish/version flow of pages, stories and modules. Every change is checked against the version
/// the editor started from (a stale change is refused with the other editor's version, never applied over it),
/// writes a numbered version and an audit entry in the same unit of work.
/// </summary>
public sealed class DocumentVersioning<TDocument, TVersion, TFields>(
    UuDbContext db, IDocumentKind<TDocument, TVersion, TFields> kind, TimeProvider clock, AuditTrail audit, IHttpContextAccessor http)
    where TDocument : class, IVersionedDocument
    where TVersion : class, IDocumentVersion
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    private string? Editor => http.HttpContext?.User.Identity?.Name;

    /// <summary>Adds a new document with the given fields as its draft and version 1.</summary>
    public async Task<VersionOutcome<TDocument, TFields>> CreateAsync(TDocument document, TFields fields, CancellationToken cancellationToken)
    {
        fields = kind.Normalise(fields);
        var errors = await kind.ValidateAsync(document, fields, cancellationToken);
        if (errors.Count > 0)
        {
            return new(null, errors, null);
        }
        await kind.SetDraftAsync(document, fields, cancellationToken);
        var now = clock.GetUtcNow();
        document.Version = 1;
        document.UpdatedAt = now;
        kind.Touched(document, Editor);
        db.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        // The version row needs the id the insert gave.
        db.Add(kind.NewVersion(document.Id, 1, kind.Current(document), "created", now, Editor));
        audit.Add(kind.Name + "-created", kind.Name, Id(document), kind.Title(fields));
        await db.SaveChangesAsync(cancellationToken);
        return new(document, NoErrors, null);
    }

    /// <summary>The document to change, or why not: it is gone, or someone changed it since <paramref name="basedOnVersion"/>.</summary>
    public async Task<(TDocument? Document, VersionOutcome<TDocument, TFields>? Refused)> OpenAsync(int id, int basedOnVersion, CancellationToken cancellationToken)
    {
        var document = await kind.FindAsync(id, cancellationToken);
        if (document is null)
        {
            return (null, NotFound());
        }
        return document.Version == basedOnVersion ? (document, null) : (document, new(document, NoErrors, await ConflictAsync(document, cancellationToken)));
    }

    /// <summary>Saves the draft. Saving what already is the draft changes nothing and writes no version.</summary>
    public async Task<VersionOutcome<TDocument, TFields>> SaveDraftAsync(int id, TFields fields, int basedOnVersion, CancellationToken cancellationToken)
    {
        var (document, refused) = await OpenAsync(id, basedOnVersion, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        fields = kind.Normalise(fields);
        var errors = await kind.ValidateAsync(document!, fields, cancellationToken);
        if (errors.Count > 0)
        {
            return new(document, errors, null);
        }
        if (kind.Write(fields) == kind.Draft(document!))
        {
            return new(document, NoErrors, null);
        }
        await kind.SetDraftAsync(document!, fields, cancellationToken);
        return await CommitAsync(document!, "saved", "saved", null, cancellationToken);
    }

    public async Task<VersionOutcome<TDocument, TFields>> PublishAsync(int id, int basedOnVersion, CancellationToken cancellationToken)
    {
        var (document, refused) = await OpenAsync(id, basedOnVersion, cancellationToken);
        return refused ?? await PublishAsync(document!, "published", null, cancellationToken);
    }

    /// <summary>Publishes the draft without a version check (the scheduler has no editor and no version to check); <paramref name="by"/> null means the signed-in editor.</summary>
    public async Task<VersionOutcome<TDocument, TFields>> PublishAsync(TDocument document, string versionEvent, string? by, CancellationToken cancellationToken)
    {
        await kind.PublishAsync(document, clock.GetUtcNow(), cancellationToken);
        return await CommitAsync(document, versionEvent, "published", by, cancellationToken);
    }

    public async Task<VersionOutcome<TDocument, TFields>> UnpublishAsync(int id, int basedOnVersion, CancellationToken cancellationToken)
    {
        var (document, refused) = await OpenAsync(id, basedOnVersion, cancellationToken);
        return refused ?? await UnpublishAsync(document!, "unpublished", null, cancellationToken);
    }

    public Task<VersionOutcome<TDocument, TFields>> UnpublishAsync(TDocument document, string versionEvent, string? by, CancellationToken cancellationToken)
    {
        kind.Unpublish(document);
        return CommitAsync(document, versionEvent, "unpublished", by, cancellationToken);
    }

    /// <summary>Makes an earlier version the draft again, as a new version; the versions in between stay.</summary>
    public async Task<VersionOutcome<TDocument, TFields>> RollbackAsync(int id, int number, int basedOnVersion, CancellationToken cancellationToken)
    {
        var (document, refused) = await OpenAsync(id, basedOnVersion, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        var version = await kind.Versions(id).AsNoTracking().FirstOrDefaultAsync(v => v.Number == number, cancellationToken);
        if (version is null)
        {
            return NotFound();
        }
        var fields = kind.Read(version.Json);
        // An old version can clash with what changed since (a slug another document took meanwhile).
        var errors = await kind.ValidateAsync(document!, fields, cancellationToken);
        if (errors.Count > 0)
        {
            return new(document, errors, null);
        }
        await kind.SetDraftAsync(document!, fields, cancellationToken);
        return await CommitAsync(document!, "rolled back to version " + number.ToString(CultureInfo.InvariantCulture), "rolled-back", null, cancellationToken);
    }

    /// <summary>Commits a change the caller made to an opened document (scheduling, for one), as a version.</summary>
    public Task<VersionOutcome<TDocument, TFields>> CommitAsync(TDocument document, string versionEvent, string action, CancellationToken cancellationToken) =>
        CommitAsync(document, versionEvent, action, null, cancellationToken);

    /// <summary>The versions, newest first, and the diff from the selected one (by default the one before the newest) to now.</summary>
    public async Task<DocumentHistory<TDocument, TVersion>?> HistoryAsync(int id, int? selectedNumber, CancellationToken cancellationToken)
    {
        var document = await kind.FindAsync(id, cancellationToken);
        if (document is null)
        {
            return null;
        }
        var versions = await kind.Versions(id).AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        var selected = selectedNumber is { } n ? versions.FirstOrDefault(v => v.Number == n) : versions.Skip(1).FirstOrDefault();
        var diff = selected is null ? [] : Diff(selected.Json, kind.Current(document));
        return new(document, versions, selected, diff);
    }

    /// <summary>What changed from one version's fields to another's.</summary>
    public IReadOnlyList<FieldDiff> Diff(string beforeJson, string afterJson) =>
        VersionDiff.Fields(kind.Texts(kind.Read(beforeJson)), kind.Texts(kind.Read(afterJson)));

    /// <summary>The other editor's side of a conflict: their fields, version, and who made it when.</summary>
    public async Task<VersionConflict<TFields>> ConflictAsync(TDocument current, CancellationToken cancellationToken)
    {
        var latest = await kind.Versions(current.Id).AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        // Older rows may predate a version row for every change: then the time is known, the author not.
        var (author, time) = latest is not null && latest.Number == current.Version ? (latest.CreatedBy, latest.CreatedAt) : (null, current.UpdatedAt);
        return new(kind.Read(kind.Current(current)), current.Version, author, time);
    }

    private async Task<VersionOutcome<TDocument, TFields>> CommitAsync(TDocument document, string versionEvent, string action, string? by, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var seen = document.Version;
        document.Version++;
        document.UpdatedAt = now;
        var author = by ?? Editor;
        kind.Touched(document, author);
        db.Add(kind.NewVersion(document.Id, document.Version, kind.Current(document), versionEvent, now, author));
        audit.Add(kind.Name + "-" + action, kind.Name, Id(document), versionEvent, email: by);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another editor saved between our read and our write: report theirs, keep ours unsaved.
            db.ChangeTracker.Clear();
            var current = await kind.FindAsync(document.Id, cancellationToken);
            if (current is null)
            {
                return NotFound();
            }
            return current.Version == seen
                ? throw new InvalidOperationException("Concurrency failure without a newer version.")
                : new(current, NoErrors, await ConflictAsync(current, cancellationToken));
        }
        return new(document, NoErrors, null);
    }

    private static VersionOutcome<TDocument, TFields> NotFound() => new(null, new Dictionary<string, string> { ["Id"] = "content.error.notFound" }, null);

    private static string Id(TDocument document) => document.Id.ToString(CultureInfo.InvariantCulture);
}
