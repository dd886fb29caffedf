using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Clients;
using UU.Web.Features.Commissions;
using UU.Web.Features.Leads;

namespace UU.Web.Features.Inquiries;

public enum InquiryStatus
{
    Received = 0,
    InDialogue = 1,
    OfferSent = 2,
    Won = 3,
    Lost = 4,
    Closed = 5,
    Withdrawn = 6,
}

public enum CreditPreference
{
    DontKnow = 0,
    Yes = 1,
    No = 2,
}

/// <summary>A förfrågan from a potential client.</summary>
public sealed class Inquiry
{
    public int Id { get; set; }
    public required string ReferenceNumber { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    /// <summary>Secret part of the receipt link, so a sequential reference number never reveals someone else's inquiry.</summary>
    public required string ReceiptKey { get; set; }
    public int? ClientId { get; set; }
    public Client? Client { get; set; }
    public required string OrganisationName { get; set; }
    public required string OrganisationNumber { get; set; }
    public required string ContactName { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public int? Participants { get; set; }
    public string? PreferredPeriod { get; set; }
    public DeliveryFormat? PreferredFormat { get; set; }
    public CreditPreference CreditBearing { get; set; }
    public required string Description { get; set; }
    public DateTimeOffset ConsentGivenAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public InquiryStatus Status { get; set; }
    public string Language { get; set; } = "sv";
    /// <summary>The lead a coordinator converted into this inquiry, if any; one inquiry per lead.</summary>
    public int? LeadId { get; set; }
    public List<InquiryModule> Modules { get; set; } = [];

    // The case (ärende) the inquiry is, from first contact to closing: see Features/Commissions.
    public WayIn WayIn { get; set; }
    /// <summary>The registry's diarienummer, for a request that came through the registry.</summary>
    public string? RegistryNumber { get; set; }
    public int? CommissionTypeId { get; set; }
    public CommissionType? CommissionType { get; set; }
    /// <summary>Whether the commission as agreed gives credits (the buyer's own answer is <see cref="CreditBearing"/>); null until decided.</summary>
    public bool? GivesCredits { get; set; }
    /// <summary>True for a commission run by a department without the support (the audit counts these separately).</summary>
    public bool OutsideSupport { get; set; }
    /// <summary>The year the commission is for, when it is not the year it came in.</summary>
    public int? ForYear { get; set; }
    /// <summary>The coordinator who holds the case (their address, lower case).</summary>
    public string? HolderEmail { get; set; }
    public CasePhase Phase { get; set; }
    public string? NextStep { get; set; }
    public DateOnly? NextStepDue { get; set; }
    /// <summary>The last working day for a first response (a note, a phase change or an assignment); null for cases from before the rule.</summary>
    public DateOnly? FirstResponseDue { get; set; }
    public DateTimeOffset? FirstResponseAt { get; set; }
    /// <summary>When the subjects' contact persons were told; null while the case has no subject.</summary>
    public DateTimeOffset? RoutedAt { get; set; }
    public StatisticsExclusion? ExcludedFromStatistics { get; set; }
    public CaseOutcome? Outcome { get; set; }
    public string? OutcomeReason { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<CaseSubject> Subjects { get; set; } = [];
    public List<CaseEvent> Events { get; set; } = [];
}

public sealed class InquiryModule
{
    public int InquiryId { get; set; }
    public Inquiry? Inquiry { get; set; }
    public int ModuleId { get; set; }
    public Module? Module { get; set; }
}

/// <summary>Field limits shared by the inquiry form's validation and the database columns.</summary>
public static class InquiryLimits
{
    public const int OrganisationName = 200;
    public const int ContactName = 120;
    public const int Email = 254;
    public const int Phone = 40;
    public const int PreferredPeriod = 120;
    public const int Description = 5000;
    public const int MaxParticipants = 10000;
}

internal sealed class InquiryConfiguration : IEntityTypeConfiguration<Inquiry>
{
    public void Configure(EntityTypeBuilder<Inquiry> builder)
    {
        builder.HasIndex(x => x.ReferenceNumber).IsUnique();
        builder.HasIndex(x => new { x.Year, x.Sequence }).IsUnique();
        builder.HasIndex(x => x.ReceivedAt);
        builder.HasIndex(x => x.LeadId).IsUnique();
        builder.HasOne<Lead>().WithMany().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(x => x.ReferenceNumber).HasMaxLength(20);
        builder.Property(x => x.ReceiptKey).HasMaxLength(64);
        builder.Property(x => x.OrganisationName).HasMaxLength(InquiryLimits.OrganisationName);
        builder.Property(x => x.OrganisationNumber).HasMaxLength(11);
        builder.Property(x => x.ContactName).HasMaxLength(InquiryLimits.ContactName);
        builder.Property(x => x.Email).HasMaxLength(InquiryLimits.Email);
        builder.Property(x => x.Phone).HasMaxLength(InquiryLimits.Phone);
        builder.Property(x => x.PreferredPeriod).HasMaxLength(InquiryLimits.PreferredPeriod);
        builder.Property(x => x.Description).HasMaxLength(InquiryLimits.Description);
        builder.Property(x => x.Language).HasMaxLength(8);
        builder.HasIndex(x => x.Phase);
        builder.Property(x => x.RegistryNumber).HasMaxLength(CaseLimits.RegistryNumber);
        builder.Property(x => x.HolderEmail).HasMaxLength(InquiryLimits.Email);
        builder.Property(x => x.NextStep).HasMaxLength(CaseLimits.NextStep);
        builder.Property(x => x.OutcomeReason).HasMaxLength(CaseLimits.Reason);
        builder.HasOne(x => x.CommissionType).WithMany().HasForeignKey(x => x.CommissionTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.Client).WithMany(x => x.Inquiries).HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InquiryModuleConfiguration : IEntityTypeConfiguration<InquiryModule>
{
    public void Configure(EntityTypeBuilder<InquiryModule> builder)
    {
        builder.HasKey(x => new { x.InquiryId, x.ModuleId });
        builder.HasOne(x => x.Inquiry).WithMany(x => x.Modules).HasForeignKey(x => x.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Module).WithMany().HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Reference numbers (UU-YYYY-NNNN, one sequence a year) and receipt keys, for every way a case comes in. The number is
/// read and stored inside one allocation transaction that writers take in turn, on any number of nodes: on PostgreSQL
/// under a transaction-scoped advisory lock, on SQLite as an immediate transaction (the database's one write lock is
/// taken before the highest number is read). Without it, concurrent requests all read the same highest number and
/// outran the retries (40 at once through two nodes on PostgreSQL, 64 connections on SQLite: 500s). The unique index
/// on (Year, Sequence) still refuses a duplicate, and the caller tries again.
/// </summary>
public static class InquiryReferences
{
    private const long AllocationLock = 0x5555_0001;

    /// <summary>Starts the transaction the next number is taken and stored in; commit it after SaveChanges.</summary>
    public static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAllocationAsync(Data.UuDbContext db, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite begins a transaction as BEGIN IMMEDIATE: the write lock is held from here.
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AllocationLock})", cancellationToken);
        }
        return transaction;
    }

    public static async Task<(int Year, int Sequence, string Reference)> NextAsync(Data.UuDbContext db, int year, CancellationToken cancellationToken)
    {
        var sequence = 1 + (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MaxAsync(db.Inquiries.Where(i => i.Year == year), i => (int?)i.Sequence, cancellationToken) ?? 0);
        return (year, sequence, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"UU-{year}-{sequence:0000}"));
    }

    /// <summary>The secret part of a receipt link, so a sequential reference number never reveals someone else's inquiry.</summary>
    public static string NewReceiptKey() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
