using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UU.Web.Data;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Commissions.Economy;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Commissions.FollowUp;

/// <summary>One entry of a case's follow-up meeting log: when it was held, who took part, what was said.</summary>
public sealed class CaseMeeting
{
    public int Id { get; set; }
    public int InquiryId { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Attendees { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}

/// <summary>
/// The economic closing of a commission: what it actually earned and cost, and how the result (a surplus or a deficit)
/// was split between the faculties in proportion to their shares in the calculation, as the handling order says.
/// </summary>
public sealed class CaseClosing
{
    public int InquiryId { get; set; }
    public decimal Revenue { get; set; }
    public decimal Cost { get; set; }
    /// <summary>Who decided the split (a head of department or the faculty office), as the coordinator recorded it.</summary>
    public required string DecidedByName { get; set; }
    public DateOnly DecidedOn { get; set; }
    public string? RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public List<ClosingShare> Shares { get; set; } = [];

    public decimal Result => Revenue - Cost;
}

/// <summary>A faculty's part of a closing's result: its share (as in the calculation) and the amount in SEK.</summary>
public sealed class ClosingShare
{
    public int InquiryId { get; set; }
    public int FacultyId { get; set; }
    public Faculty? Faculty { get; set; }
    public decimal Share { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A faculty's share of a calculation version (its part of the work), in percent; the closing splits the result by these.</summary>
public sealed class CalculationShare
{
    public int CalculationId { get; set; }
    public int FacultyId { get; set; }
    public Faculty? Faculty { get; set; }
    public decimal Share { get; set; }
}

/// <summary>Who took part in a delivered commission: participants and women among them, and for credit-bearing ones HST and HPR.</summary>
public sealed class CaseParticipation
{
    public int InquiryId { get; set; }
    public int Participants { get; set; }
    public int Women { get; set; }
    /// <summary>Full-time equivalents (helårsstudenter).</summary>
    public decimal? Hst { get; set; }
    /// <summary>Completed full-time equivalents (helårsprestationer).</summary>
    public decimal? Hpr { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

public static class FollowUpLimits
{
    public const int Attendees = 500;
    public const int Text = 4000;
    public const int Name = 200;
    public const decimal MaxAmount = 1_000_000_000m;
    public const int MaxParticipants = 100_000;
    public const decimal MaxEquivalents = 10_000m;
}

public static class FollowUpSets
{
    extension(UuDbContext db)
    {
        public DbSet<CaseMeeting> CaseMeetings => db.Set<CaseMeeting>();
        public DbSet<CaseClosing> CaseClosings => db.Set<CaseClosing>();
        public DbSet<CalculationShare> CalculationShares => db.Set<CalculationShare>();
        public DbSet<CaseParticipation> CaseParticipations => db.Set<CaseParticipation>();
    }
}

internal sealed class CaseMeetingConfiguration : IEntityTypeConfiguration<CaseMeeting>
{
    public void Configure(EntityTypeBuilder<CaseMeeting> builder)
    {
        builder.ToTable("CaseMeetings");
        builder.HasOne<Inquiry>().WithMany().HasForeignKey(x => x.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.InquiryId, x.HeldOn });
        builder.Property(x => x.Attendees).HasMaxLength(FollowUpLimits.Attendees);
        builder.Property(x => x.Text).HasMaxLength(FollowUpLimits.Text);
        builder.Property(x => x.RecordedBy).HasMaxLength(InquiryLimits.Email);
    }
}

internal sealed class CaseClosingConfiguration : IEntityTypeConfiguration<CaseClosing>
{
    public void Configure(EntityTypeBuilder<CaseClosing> builder)
    {
        builder.ToTable("CaseClosings");
        builder.HasKey(x => x.InquiryId);
        builder.HasOne<Inquiry>().WithOne().HasForeignKey<CaseClosing>(x => x.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(x => x.Revenue).HasPrecision(18, 2);
        builder.Property(x => x.Cost).HasPrecision(18, 2);
        builder.Property(x => x.DecidedByName).HasMaxLength(FollowUpLimits.Name);
        builder.Property(x => x.RecordedBy).HasMaxLength(InquiryLimits.Email);
        builder.Ignore(x => x.Result);
        builder.HasMany(x => x.Shares).WithOne().HasForeignKey(x => x.InquiryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClosingShareConfiguration : IEntityTypeConfiguration<ClosingShare>
{
    public void Configure(EntityTypeBuilder<ClosingShare> builder)
    {
        builder.ToTable("ClosingShares");
        builder.HasKey(x => new { x.InquiryId, x.FacultyId });
        builder.HasOne(x => x.Faculty).WithMany().HasForeignKey(x => x.FacultyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Share).HasPrecision(9, 4);
        builder.Property(x => x.Amount).HasPrecision(18, 2);
    }
}

internal sealed class CalculationShareConfiguration : IEntityTypeConfiguration<CalculationShare>
{
    public void Configure(EntityTypeBuilder<CalculationShare> builder)
    {
        builder.ToTable("CalculationShares");
        builder.HasKey(x => new { x.CalculationId, x.FacultyId });
        builder.HasOne<Calculation>().WithMany().HasForeignKey(x => x.CalculationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Faculty).WithMany().HasForeignKey(x => x.FacultyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Share).HasPrecision(9, 4);
    }
}

internal sealed class CaseParticipationConfiguration : IEntityTypeConfiguration<CaseParticipation>
{
    public void Configure(EntityTypeBuilder<CaseParticipation> builder)
    {
        builder.ToTable("CaseParticipations");
        builder.HasKey(x => x.InquiryId);
        builder.HasOne<Inquiry>().WithOne().HasForeignKey<CaseParticipation>(x => x.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(x => x.Hst).HasPrecision(9, 2);
        builder.Property(x => x.Hpr).HasPrecision(9, 2);
        builder.Property(x => x.UpdatedBy).HasMaxLength(InquiryLimits.Email);
    }
}
