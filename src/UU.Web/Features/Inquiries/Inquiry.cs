using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Clients;
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
