using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UU.Web.Features.Catalogue;

/// <summary>A module as the office edits it. Saved as the module's draft; publishing copies it to the live columns.</summary>
public sealed record ModuleDraft
{
    public string TitleSv { get; init; } = "";
    public string? TitleEn { get; init; }
    public string Slug { get; init; } = "";
    public string SummarySv { get; init; } = "";
    public string? SummaryEn { get; init; }
    public string? OutcomesSv { get; init; }
    public string? OutcomesEn { get; init; }
    public string? TargetGroupTextSv { get; init; }
    public string? TargetGroupTextEn { get; init; }
    public List<string> Targets { get; init; } = [];
    public string? SubjectSlug { get; init; }
    public bool CreditBearing { get; init; }
    public string? Credits { get; init; }
    public string? Hours { get; init; }
    public string? Level { get; init; }
    public string Format { get; init; } = "distans";
    public string Language { get; init; } = "sv";
    public string PriceModel { get; init; } = "PerParticipant";
    public string? PriceSek { get; init; }
    public string? MinParticipants { get; init; }
    public string? MaxParticipants { get; init; }
    public bool Featured { get; init; }
    public string? ImagePath { get; init; }
    public string? ImageAlt { get; init; }
    public string? ImageAltEn { get; init; }
    /// <summary>One course a line: "CODE", or "CODE | part name | part credits".</summary>
    public string? Courses { get; init; }

    private static readonly JsonSerializerOptions Json = new();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ModuleDraft FromJson(string json) => JsonSerializer.Deserialize<ModuleDraft>(json, Json)!;

    /// <summary>Every field as (name, text), for the version diff.</summary>
    public IEnumerable<(string Name, string Text)> Texts() =>
        typeof(ModuleDraft).GetProperties().Select(p => (p.Name, p.GetValue(this) switch
        {
            null => "",
            IEnumerable<string> list => string.Join("\n", list),
            bool b => b ? "ja" : "nej",
            var v => v.ToString() ?? "",
        }));

    public static ModuleDraft From(Module m) => new()
    {
        TitleSv = m.TitleSv, TitleEn = m.TitleEn, Slug = m.Slug, SummarySv = m.SummarySv, SummaryEn = m.SummaryEn,
        OutcomesSv = m.OutcomesSv, OutcomesEn = m.OutcomesEn, TargetGroupTextSv = m.TargetGroupTextSv, TargetGroupTextEn = m.TargetGroupTextEn,
        Targets = CatalogueCodes.Targets.Where(t => m.TargetGroups.HasFlag(t.Value)).Select(t => t.Key).ToList(),
        SubjectSlug = m.Subject?.Slug, CreditBearing = m.CreditBearing,
        Credits = m.Credits?.ToString(CultureInfo.InvariantCulture), Hours = m.Hours?.ToString(CultureInfo.InvariantCulture),
        Level = m.Level is { } l ? CatalogueCodes.Code(l) : null, Format = CatalogueCodes.Code(m.Format), Language = m.Language,
        PriceModel = m.PriceModel.ToString(), PriceSek = m.PriceSek?.ToString(CultureInfo.InvariantCulture),
        MinParticipants = m.MinParticipants?.ToString(CultureInfo.InvariantCulture), MaxParticipants = m.MaxParticipants?.ToString(CultureInfo.InvariantCulture),
        Featured = m.Featured, ImagePath = m.ImagePath, ImageAlt = m.ImageAlt, ImageAltEn = m.ImageAltEn,
        Courses = string.Join("\n", m.Courses.Where(c => c.Course is not null).OrderBy(c => c.Course!.Code).Select(c =>
            c.PartSv is null ? c.Course!.Code : $"{c.Course!.Code} | {c.PartSv}{(c.PartCredits is { } pc ? " | " + pc.ToString(CultureInfo.InvariantCulture) : "")}")),
    };
}

/// <summary>A snapshot of a module's draft at a save, publish or rollback.</summary>
public sealed class ModuleVersion : Content.Versioning.IDocumentVersion
{
    public long Id { get; set; }
    public int ModuleId { get; set; }
    public int Number { get; set; }
    public required string Json { get; set; }
    public required string Event { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

internal sealed class ModuleVersionConfiguration : IEntityTypeConfiguration<ModuleVersion>
{
    public void Configure(EntityTypeBuilder<ModuleVersion> builder)
    {
        builder.HasIndex(x => new { x.ModuleId, x.Number }).IsUnique();
        builder.Property(x => x.Event).HasMaxLength(100);
        builder.Property(x => x.CreatedBy).HasMaxLength(256);
        builder.HasOne<Module>().WithMany().HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Cascade);
    }
}
