using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Commissions.Economy;

/// <summary>The rates admins keep: SEK per hour for each teaching category and for administration, and the two surcharges in percent.</summary>
public static class RateKeys
{
    public const string Professor = "professor";
    public const string Lektor = "lektor";
    public const string Adjunkt = "adjunkt";
    public const string Doktorand = "doktorand";
    public const string Administration = "administration";
    /// <summary>OH-påslag: the university's overhead, a percentage of the direct cost.</summary>
    public const string Overhead = "oh";
    /// <summary>The support's (UU-stödet's) general surcharge, a percentage of the direct cost plus overhead.</summary>
    public const string Support = "stod";

    public static readonly string[] Teaching = [Professor, Lektor, Adjunkt, Doktorand];
    public static readonly string[] All = [Professor, Lektor, Adjunkt, Doktorand, Administration, Overhead, Support];

    public static bool IsPercent(string key) => key is Overhead or Support;
}

/// <summary>One value of a rate, valid from a day until the next value of the same rate. Values are added, never changed, so old calculations stay explainable.</summary>
public sealed class CostRate
{
    public int Id { get; set; }
    public required string Key { get; set; }
    public decimal Value { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

public enum CalculationLineKind
{
    Teaching = 1,
    Cost = 2,
}

/// <summary>
/// One version of a case's kalkyl: the inputs as entered and the rates that applied on its date. Every figure is computed again
/// from these by <see cref="Calculator"/>; nothing derived is stored.
/// </summary>
public sealed class Calculation
{
    public int Id { get; set; }
    public int InquiryId { get; set; }
    public Inquiry? Inquiry { get; set; }
    public int Version { get; set; }
    /// <summary>The calculation's date: the rates valid on this day apply.</summary>
    public DateOnly CalculatedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public PriceModel PriceModel { get; set; }
    /// <summary>The planned number of participants (the hours that scale with participants are counted for these).</summary>
    public int Participants { get; set; }
    public int? MinParticipants { get; set; }
    public int? MaxParticipants { get; set; }
    public decimal AdministrationHours { get; set; }
    public decimal AdministrationHoursPerParticipant { get; set; }
    public string? Note { get; set; }
    public List<CalculationLine> Lines { get; set; } = [];
    public List<CalculationRate> Rates { get; set; } = [];
    public CalculationDecision? Decision { get; set; }
}

public sealed class CalculationLine
{
    public int Id { get; set; }
    public int CalculationId { get; set; }
    public int Position { get; set; }
    public CalculationLineKind Kind { get; set; }
    /// <summary>A teaching line's rate key (<see cref="RateKeys.Teaching"/>).</summary>
    public string? Category { get; set; }
    /// <summary>A cost line's text (resa, lokal, material...).</summary>
    public string? Description { get; set; }
    public decimal Hours { get; set; }
    public decimal HoursPerParticipant { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A rate as it applied to a calculation: its value and the day it became valid.</summary>
public sealed class CalculationRate
{
    public int CalculationId { get; set; }
    public required string Key { get; set; }
    public decimal Value { get; set; }
    public DateOnly ValidFrom { get; set; }
}

/// <summary>The head of department's (prefektens) decision on one calculation version.</summary>
public sealed class CalculationDecision
{
    public int Id { get; set; }
    public int CalculationId { get; set; }
    public bool Approved { get; set; }
    public string? Comment { get; set; }
    /// <summary>The head of department the decision is theirs (recorded by a coordinator on their behalf).</summary>
    public required string DecidedByName { get; set; }
    /// <summary>The signed-in user who recorded it.</summary>
    public string? RecordedBy { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}

/// <summary>A generated offer document, kept with the case: each generation a new number.</summary>
public sealed class Offer
{
    public int Id { get; set; }
    public int InquiryId { get; set; }
    public int Number { get; set; }
    public int CalculationId { get; set; }
    public Calculation? Calculation { get; set; }
    public required string Language { get; set; }
    public DateOnly ValidUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>The offer template editors keep, one per language: a text with placeholders, and the terms and participants' rights it fills in.</summary>
public sealed class OfferTemplate
{
    /// <summary>"sv" or "en".</summary>
    public required string Language { get; set; }
    public required string Body { get; set; }
    public required string Terms { get; set; }
    public required string ParticipantRights { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

public static class EconomyLimits
{
    public const int Note = 2000;
    public const int Description = 200;
    public const int Comment = 2000;
    public const int Name = 200;
    public const int Template = 20000;
    public const decimal MaxHours = 100000m;
    public const decimal MaxAmount = 100000000m;
    public const int MaxParticipants = 10000;
}

internal sealed class CostRateConfiguration : IEntityTypeConfiguration<CostRate>
{
    public void Configure(EntityTypeBuilder<CostRate> builder)
    {
        builder.ToTable("CostRates");
        builder.HasIndex(x => new { x.Key, x.ValidFrom }).IsUnique();
        builder.Property(x => x.Key).HasMaxLength(20);
        builder.Property(x => x.Value).HasPrecision(18, 2);
        builder.Property(x => x.CreatedBy).HasMaxLength(254);
    }
}

internal sealed class CalculationConfiguration : IEntityTypeConfiguration<Calculation>
{
    public void Configure(EntityTypeBuilder<Calculation> builder)
    {
        builder.ToTable("Calculations");
        builder.HasIndex(x => new { x.InquiryId, x.Version }).IsUnique();
        builder.HasOne(x => x.Inquiry).WithMany().HasForeignKey(x => x.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(x => x.CreatedBy).HasMaxLength(254);
        builder.Property(x => x.Note).HasMaxLength(EconomyLimits.Note);
        builder.Property(x => x.AdministrationHours).HasPrecision(18, 2);
        builder.Property(x => x.AdministrationHoursPerParticipant).HasPrecision(18, 2);
        builder.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.CalculationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Rates).WithOne().HasForeignKey(x => x.CalculationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Decision).WithOne().HasForeignKey<CalculationDecision>(x => x.CalculationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalculationLineConfiguration : IEntityTypeConfiguration<CalculationLine>
{
    public void Configure(EntityTypeBuilder<CalculationLine> builder)
    {
        builder.ToTable("CalculationLines");
        builder.Property(x => x.Category).HasMaxLength(20);
        builder.Property(x => x.Description).HasMaxLength(EconomyLimits.Description);
        builder.Property(x => x.Hours).HasPrecision(18, 2);
        builder.Property(x => x.HoursPerParticipant).HasPrecision(18, 2);
        builder.Property(x => x.Amount).HasPrecision(18, 2);
    }
}

internal sealed class CalculationRateConfiguration : IEntityTypeConfiguration<CalculationRate>
{
    public void Configure(EntityTypeBuilder<CalculationRate> builder)
    {
        builder.ToTable("CalculationRates");
        builder.HasKey(x => new { x.CalculationId, x.Key });
        builder.Property(x => x.Key).HasMaxLength(20);
        builder.Property(x => x.Value).HasPrecision(18, 2);
    }
}

internal sealed class CalculationDecisionConfiguration : IEntityTypeConfiguration<CalculationDecision>
{
    public void Configure(EntityTypeBuilder<CalculationDecision> builder)
    {
        builder.ToTable("CalculationDecisions");
        builder.HasIndex(x => x.CalculationId).IsUnique();
        builder.Property(x => x.Comment).HasMaxLength(EconomyLimits.Comment);
        builder.Property(x => x.DecidedByName).HasMaxLength(EconomyLimits.Name);
        builder.Property(x => x.RecordedBy).HasMaxLength(254);
    }
}

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.ToTable("Offers");
        builder.HasIndex(x => new { x.InquiryId, x.Number }).IsUnique();
        builder.HasOne<Inquiry>().WithMany().HasForeignKey(x => x.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Calculation).WithMany().HasForeignKey(x => x.CalculationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Language).HasMaxLength(8);
        builder.Property(x => x.FileName).HasMaxLength(200);
        builder.Property(x => x.CreatedBy).HasMaxLength(254);
    }
}

internal sealed class OfferTemplateConfiguration : IEntityTypeConfiguration<OfferTemplate>
{
    public void Configure(EntityTypeBuilder<OfferTemplate> builder)
    {
        builder.ToTable("OfferTemplates");
        builder.HasKey(x => x.Language);
        builder.Property(x => x.Language).HasMaxLength(8);
        builder.Property(x => x.Body).HasMaxLength(EconomyLimits.Template);
        builder.Property(x => x.Terms).HasMaxLength(EconomyLimits.Template);
        builder.Property(x => x.ParticipantRights).HasMaxLength(EconomyLimits.Template);
        builder.Property(x => x.UpdatedBy).HasMaxLength(254);
    }
}
