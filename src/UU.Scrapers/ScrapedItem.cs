namespace UU.Scrapers;

/// <summary>One item as a source publishes it, normalised to the fields every source can fill.</summary>
public sealed record ScrapedItem
{
    public required string Source { get; init; }
    /// <summary>The source's own identifier (TED publication number, a notice id…).</summary>
    public required string ExternalId { get; init; }
    public required string Title { get; init; }
    public string? Buyer { get; init; }
    public string? Place { get; init; }
    /// <summary>The county (län), when the source says.</summary>
    public string? Region { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public IReadOnlyList<string> CpvCodes { get; init; } = [];
    public decimal? Value { get; init; }
    public string? Currency { get; init; }
    public string? Url { get; init; }
    public string? Description { get; init; }
    /// <summary>The upphandlings-ID shared by Swedish advertisement databases, when known.</summary>
    public string? ProcurementId { get; init; }
    public string? TedNumber { get; init; }
    /// <summary>The kept raw page the item was read from (set by the run).</summary>
    public string? SnapshotId { get; init; }
}

/// <summary>A page of a source's list: items, and how to get the next page when there is one.</summary>
public sealed record ScrapedPage(IReadOnlyList<ScrapedItem> Items, int? Total, string? Next, IReadOnlyList<string> Problems);

/// <summary>Thrown by a parser when a page is not what the source publishes (a changed layout, a truncated body).</summary>
public sealed class ParseException(string message) : Exception(message);
