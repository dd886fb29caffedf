namespace UU.Web.Features.Content.Versioning;

/// <summary>Something editors change through drafts: pages, stories, modules. <see cref="Version"/> is its concurrency token.</summary>
public interface IVersionedDocument
{
    int Id { get; }
    int Version { get; set; }
    DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A numbered snapshot of a document's fields (as JSON), written at every change.</summary>
public interface IDocumentVersion
{
    int Number { get; }
    string Json { get; }
    string Event { get; }
    DateTimeOffset CreatedAt { get; }
    string? CreatedBy { get; }
}

/// <summary>
/// What the versioning engine needs to know about one kind of document: where it and its versions are stored,
/// how its fields are checked, and what publishing and unpublishing mean for it.
/// </summary>
public interface IDocumentKind<TDocument, TVersion, TFields>
    where TDocument : class, IVersionedDocument
    where TVersion : class, IDocumentVersion
{
    /// <summary>The audit entity type and the prefix of its audit actions ("content", "module").</summary>
    string Name { get; }

    /// <summary>The document, tracked, with whatever <see cref="Current"/> and <see cref="PublishAsync"/> read.</summary>
    Task<TDocument?> FindAsync(int id, CancellationToken cancellationToken);

    IQueryable<TVersion> Versions(int documentId);

    TVersion NewVersion(int documentId, int number, string json, string versionEvent, DateTimeOffset at, string? by);

    /// <summary>The stored draft as JSON; null when the document has none.</summary>
    string? Draft(TDocument document);

    /// <summary>The fields as JSON as an editor sees them now: the draft, or the live state when there is none.</summary>
    string Current(TDocument document);

    TFields Read(string json);

    string Write(TFields fields);

    TFields Normalise(TFields fields);

    /// <summary>Problems as (field, text key); empty when the fields may be saved.</summary>
    Task<IReadOnlyDictionary<string, string>> ValidateAsync(TDocument document, TFields fields, CancellationToken cancellationToken);

    Task SetDraftAsync(TDocument document, TFields fields, CancellationToken cancellationToken);

    /// <summary>Makes the draft what visitors see.</summary>
    Task PublishAsync(TDocument document, DateTimeOffset now, CancellationToken cancellationToken);

    void Unpublish(TDocument document);

    /// <summary>Records who changed the document last, where the document keeps that.</summary>
    void Touched(TDocument document, string? by);

    string Title(TFields fields);

    /// <summary>The fields as (name, text) pairs, for diffs and for showing another editor's version.</summary>
    IEnumerable<(string Name, string Text)> Texts(TFields fields);
}

/// <summary>A change refused because someone saved since the editor's version: theirs, never overwritten.</summary>
public sealed record VersionConflict<TFields>(TFields Theirs, int TheirVersion, string? TheirAuthor, DateTimeOffset TheirTime);

public sealed record VersionOutcome<TDocument, TFields>(TDocument? Document, IReadOnlyDictionary<string, string> Errors, VersionConflict<TFields>? Conflict)
    where TDocument : class
{
    public bool Succeeded => Document is not null && Errors.Count == 0 && Conflict is null;
}

/// <summary>A document's versions, newest first, with the diff from the selected one to the document as it is now.</summary>
public sealed record DocumentHistory<TDocument, TVersion>(TDocument Document, IReadOnlyList<TVersion> Versions, TVersion? Selected, IReadOnlyList<FieldDiff> Diff);
