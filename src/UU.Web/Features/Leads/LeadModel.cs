using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UU.Web.Features.Catalogue;

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

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(400);
        builder.Property(x => x.Buyer).HasMaxLength(300);
        builder.Property(x => x.Place).HasMaxLength(200);
        builder.Property(x => x.CpvCodes).HasMaxLength(1000);
        builder.Property(x => x.Currency).HasMaxLength(8);
        builder.Property(x => x.Url).HasMaxLength(1000);
        builder.Property(x => x.Description).HasMaxLength(4000);
        builder.Property(x => x.ProcurementId).HasMaxLength(40);
        builder.Property(x => x.TedNumber).HasMaxLength(40);
        builder.Property(x => x.MatchedModules).HasMaxLength(2000);
        builder.Property(x => x.MatchReasons).HasMaxLength(500);
        builder.Property(x => x.AssignedToEmail).HasMaxLength(254);
        builder.Property(x => x.AssignedToName).HasMaxLength(200);
        builder.HasIndex(x => x.ProcurementId);
        builder.HasIndex(x => x.TedNumber);
        builder.HasIndex(x => x.Buyer);
        builder.HasMany(x => x.Sources).WithOne(x => x.Lead).HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.Status, x.CreatedAt });
        builder.Property(x => x.Region).HasMaxLength(100);
        builder.HasIndex(x => x.MergedIntoId);
        builder.HasOne<Lead>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Subjects).WithOne().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LeadSubjectConfiguration : IEntityTypeConfiguration<LeadSubject>
{
    public void Configure(EntityTypeBuilder<LeadSubject> builder)
    {
        builder.HasKey(x => new { x.LeadId, x.SubjectId });
        builder.HasIndex(x => x.SubjectId);
        builder.HasOne<Subject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebSourceConfiguration : IEntityTypeConfiguration<WebSource>
{
    public void Configure(EntityTypeBuilder<WebSource> builder)
    {
        builder.HasIndex(x => x.Name).IsUnique();
        builder.Property(x => x.Name).HasMaxLength(40);
        builder.Property(x => x.Url).HasMaxLength(1000);
        builder.Property(x => x.ItemSelector).HasMaxLength(300);
        builder.Property(x => x.TitleSelector).HasMaxLength(300);
        builder.Property(x => x.LinkSelector).HasMaxLength(300);
        builder.Property(x => x.DateSelector).HasMaxLength(300);
        builder.Property(x => x.DeadlineSelector).HasMaxLength(300);
        builder.Property(x => x.SummarySelector).HasMaxLength(300);
        builder.Property(x => x.Schedule).HasMaxLength(120);
        builder.Property(x => x.UpdatedBy).HasMaxLength(256);
        builder.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class FetchValidatorConfiguration : IEntityTypeConfiguration<FetchValidator>
{
    public void Configure(EntityTypeBuilder<FetchValidator> builder)
    {
        builder.HasKey(x => x.Url);
        builder.Property(x => x.Url).HasMaxLength(2000);
        builder.Property(x => x.ETag).HasMaxLength(300);
    }
}

internal sealed class LeadEventConfiguration : IEntityTypeConfiguration<LeadEvent>
{
    public void Configure(EntityTypeBuilder<LeadEvent> builder)
    {
        builder.Property(x => x.Note).HasMaxLength(4000);
        builder.Property(x => x.By).HasMaxLength(256);
    }
}

internal sealed class LeadSourceConfiguration : IEntityTypeConfiguration<LeadSource>
{
    public void Configure(EntityTypeBuilder<LeadSource> builder)
    {
        builder.HasIndex(x => new { x.Source, x.ExternalId }).IsUnique();
        builder.Property(x => x.Source).HasMaxLength(40);
        builder.Property(x => x.ExternalId).HasMaxLength(300);
        builder.Property(x => x.Url).HasMaxLength(1000);
        builder.Property(x => x.SnapshotId).HasMaxLength(120);
    }
}

internal sealed class ScrapeRunConfiguration : IEntityTypeConfiguration<ScrapeRun>
{
    public void Configure(EntityTypeBuilder<ScrapeRun> builder)
    {
        builder.HasIndex(x => new { x.Source, x.Id });
        builder.Property(x => x.Source).HasMaxLength(40);
        builder.Property(x => x.Errors).HasMaxLength(4000);
        builder.Property(x => x.Problems).HasMaxLength(4000);
        builder.Property(x => x.FailingReason).HasMaxLength(1000);
    }
}
