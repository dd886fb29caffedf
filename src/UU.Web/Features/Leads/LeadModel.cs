namespace UU.Web.Features.Leads;

public enum LeadKind
{
    Tender = 1,
    CompetenceNeed = 2,
    WebItem = 3,
}

/// <summary>The statuses of a lead someone is working on (for follow-ups).</summary>
public static class LeadStatuses
{
    public static readonly LeadStatus[] InProgress = [LeadStatus.Assigned, LeadStatus.InDialogue, LeadStatus.OfferSent];
}

public enum LeadStatus
{
    New = 0,
    Relevant = 1,
    NotRelevant = 2,
    Assigned = 3,
    InDialogue = 4,
    OfferSent = 5,
    Won = 6,
    Lost = 7,
    NotPursued = 8,
}

/// <summary>A procurement, competence need or web item that coordinators review; one lead may be seen in several sources.</summary>
public sealed class Lead
{
    public int Id { get; set; }
    public LeadKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Buyer { get; set; }
    public UU.Scrapers.Normalisation.BuyerKind BuyerKind { get; set; }
    public string? Place { get; set; }
    /// <summary>The county (län), from a NUTS code or the source's own region field.</summary>
    public string? Region { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DateTimeOffset? Deadline { get; set; }
    /// <summary>CPV codes, comma-separated.</summary>
    public string? CpvCodes { get; set; }
    public decimal? Value { get; set; }
    public string? Currency { get; set; }
    public string? Url { get; set; }
    public string? Description { get; set; }
    public string? ProcurementId { get; set; }
    public string? TedNumber { get; set; }
    public LeadStatus Status { get; set; }
    /// <summary>0–100: fit to the catalogue, time to the deadline, the buyer's history (see LeadMatcher).</summary>
    public int Score { get; set; }
    /// <summary>Matched modules, one "slug|title" a line; read through <see cref="MatchedModuleLinks"/>.</summary>
    public string? MatchedModules { get; set; }

    /// <summary>The matched modules as (slug, title), best first.</summary>
    public IReadOnlyList<(string Slug, string Title)> MatchedModuleLinks() => ParseMatches(MatchedModules);

    public static string? FormatMatches(IEnumerable<(string Slug, string Title)> modules) =>
        string.Join('\n', modules.Select(m => m.Slug + "|" + m.Title)) is { Length: > 0 } text ? text : null;

    public static IReadOnlyList<(string Slug, string Title)> ParseMatches(string? stored) =>
        stored is null ? [] : stored.Split('\n').Select(line => line.Split('|', 2) is [var slug, var title] ? (slug, title) : (line, line)).ToList();
    /// <summary>Why: the words that matched.</summary>
    public string? MatchReasons { get; set; }
    /// <summary>The subject contact person the lead is assigned to.</summary>
    public string? AssignedToEmail { get; set; }
    public string? AssignedToName { get; set; }
    public DateOnly? FollowUpOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Set when a coordinator merged this lead into another as a duplicate: it leaves the feed, its sources move there.</summary>
    public int? MergedIntoId { get; set; }
    public List<LeadSource> Sources { get; set; } = [];
    public List<LeadEvent> Events { get; set; } = [];
    /// <summary>The subjects of the matched modules (for the subject filter and each contact person's digest).</summary>
    public List<LeadSubject> Subjects { get; set; } = [];
}

/// <summary>A subject a lead matched through its modules.</summary>
public sealed class LeadSubject
{
    public int LeadId { get; set; }
    public int SubjectId { get; set; }
}

/// <summary>A status change or a note on a lead, kept for its history.</summary>
public sealed class LeadEvent
{
    public long Id { get; set; }
    public int LeadId { get; set; }
    public LeadStatus? FromStatus { get; set; }
    public LeadStatus? ToStatus { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset At { get; set; }
    public string? By { get; set; }
}

/// <summary>Where a lead was seen: the source, its own id, and when.</summary>
public sealed class LeadSource
{
    public int Id { get; set; }
    public int LeadId { get; set; }
    public Lead? Lead { get; set; }
    public required string Source { get; set; }
    public required string ExternalId { get; set; }
    public string? Url { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    /// <summary>The raw page it was last read from (a snapshot id).</summary>
    public string? SnapshotId { get; set; }
    /// <summary>The lead this source belonged to before a coordinator merged that lead here (for unmerge).</summary>
    public int? MergedFromLeadId { get; set; }
}

/// <summary>A web list source that coordinators added in the office: a page and the CSS selectors that read it.</summary>
public sealed class WebSource
{
    public int Id { get; set; }
    /// <summary>The source's name in runs and on leads: lower-case letters, digits and hyphens.</summary>
    public required string Name { get; set; }
    public required string Url { get; set; }
    public required string ItemSelector { get; set; }
    public required string TitleSelector { get; set; }
    public required string LinkSelector { get; set; }
    public string? DateSelector { get; set; }
    public string? DeadlineSelector { get; set; }
    public string? SummarySelector { get; set; }
    public string Schedule { get; set; } = "0 30 6 * * ?";
    public bool Enabled { get; set; } = true;
    /// <summary>Keep only items about education (tenders); off for pages such as competence-supply plans.</summary>
    public bool EducationOnly { get; set; } = true;
    public string? UpdatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>The ETag and Last-Modified a URL last answered with, so the next request can be conditional on any node.</summary>
public sealed class FetchValidator
{
    public required string Url { get; set; }
    public string? ETag { get; set; }
    public DateTimeOffset? LastModified { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The record of one scrape of one source.</summary>
public sealed class ScrapeRun
{
    public long Id { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public int DurationMs { get; set; }
    public int Pages { get; set; }
    public int NotModified { get; set; }
    public int Seen { get; set; }
    public int NotEducation { get; set; }
    public int New { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public double FieldCoverage { get; set; }
    public string? Errors { get; set; }
    public string? Problems { get; set; }
    public bool Failing { get; set; }
    public string? FailingReason { get; set; }
}
