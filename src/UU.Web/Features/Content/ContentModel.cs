using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UU.Web.Features.Content;

public static class ContentTypes
{
    public const string Page = "page";
    public const string Story = "story";
    /// <summary>A page of the staff section (/personal): for signed-in staff only, never in public search, the sitemap or the delivery API.</summary>
    public const string Staff = "staff";
    public static readonly string[] All = [Page, Story, Staff];
    /// <summary>The types visitors may see: what public search, the sitemap and the delivery API are made of.</summary>
    public static readonly string[] Public = [Page, Story];

    /// <summary>Where the item is read: the public address of a page or story, the staff section's address of a staff page.</summary>
    public static string PublicPath(string type, string slug) => type switch
    {
        Story => "/berattelser/" + slug,
        Staff => Features.Staff.StaffSetup.Home + "/" + slug,
        _ => "/sidor/" + slug,
    };
}

public enum ContentState
{
    Draft = 0,
    Published = 1,
    Unpublished = 2,
}

/// <summary>
/// A page or success story. The draft and the published state are snapshots of <see cref="ContentFields"/>:
/// saving changes only the draft, publishing copies it. <see cref="Version"/> guards against silent overwrites.
/// </summary>
public sealed class ContentItem : Versioning.IVersionedDocument
{
    /// <summary>The longest Swedish title an editor can save (checked by the editor, stored in <see cref="DraftTitle"/>).</summary>
    public const int TitleMaxLength = 200;

    public int Id { get; set; }
    public required string Type { get; set; }
    public ContentState State { get; set; }
    public string DraftJson { get; private set; } = "{}";
    /// <summary>The draft's slug, kept beside the JSON so uniqueness can be checked by the database.</summary>
    public string DraftSlug { get; private set; } = "";
    /// <summary>The draft's Swedish title, kept beside the JSON so the office list can sort and search by it in the database.</summary>
    public string DraftTitle { get; private set; } = "";
    public string? PublishedJson { get; set; }
    /// <summary>The slug visitors reach it by (the published one); null until first published.</summary>
    public string? PublishedSlug { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? PublishAt { get; set; }
    public DateTimeOffset? UnpublishAt { get; set; }
    /// <summary>Incremented on every save; the concurrency token.</summary>
    public int Version { get; set; }
    public List<ContentVersion> Versions { get; set; } = [];

    public void SetDraft(ContentFields fields)
    {
        DraftJson = fields.ToJson();
        DraftSlug = fields.Slug;
        DraftTitle = fields.TitleSv;
    }

    public bool HasUnpublishedChanges => State != ContentState.Published || DraftJson != PublishedJson;

    public ContentFields Draft => ContentFields.FromJson(DraftJson);
    public ContentFields? Published => PublishedJson is null ? null : ContentFields.FromJson(PublishedJson);
}

public sealed class ContentVersion : Versioning.IDocumentVersion
{
    public long Id { get; set; }
    public int ContentItemId { get; set; }
    public ContentItem? ContentItem { get; set; }
    public int Number { get; set; }
    public required string Json { get; set; }
    public required string Event { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

/// <summary>A permanent redirect left behind when a published slug changes.</summary>
public sealed class Redirect
{
    public int Id { get; set; }
    public required string FromPath { get; set; }
    public required string ToPath { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The editable fields of pages and stories, Swedish and English (English falls back to Swedish).</summary>
public sealed record ContentFields
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string TitleSv { get; init; } = "";
    public string? TitleEn { get; init; }
    public string Slug { get; init; } = "";
    public string? SummarySv { get; init; }
    public string? SummaryEn { get; init; }
    /// <summary>Markdown; rendered by Markdig and sanitised on the server.</summary>
    public string? BodySv { get; init; }
    public string? BodyEn { get; init; }
    public string? MetaTitleSv { get; init; }
    public string? MetaTitleEn { get; init; }
    public string? MetaDescriptionSv { get; init; }
    public string? MetaDescriptionEn { get; init; }
    // Stories
    public string? ClientName { get; init; }
    public string? Sector { get; init; }
    public string? SubjectSlug { get; init; }
    public string? QuoteSv { get; init; }
    public string? QuoteEn { get; init; }
    public string? QuoteBy { get; init; }
    /// <summary>Results in figures, one a line: "120 | lärare fortbildade".</summary>
    public string? ResultsSv { get; init; }
    public string? ResultsEn { get; init; }
    public string? ImagePath { get; init; }
    public string? ImageAlt { get; init; }
    public IReadOnlyList<string> ModuleSlugs { get; init; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ContentFields FromJson(string json) => JsonSerializer.Deserialize<ContentFields>(json, Json) ?? new ContentFields();

    /// <summary>The fields as (name, text) pairs, for diffs.</summary>
    public IEnumerable<(string Name, string Text)> Texts()
    {
        yield return (nameof(TitleSv), TitleSv);
        yield return (nameof(TitleEn), TitleEn ?? "");
        yield return (nameof(Slug), Slug);
        yield return (nameof(SummarySv), SummarySv ?? "");
        yield return (nameof(SummaryEn), SummaryEn ?? "");
        yield return (nameof(BodySv), BodySv ?? "");
        yield return (nameof(BodyEn), BodyEn ?? "");
        yield return (nameof(MetaTitleSv), MetaTitleSv ?? "");
        yield return (nameof(MetaDescriptionSv), MetaDescriptionSv ?? "");
        yield return (nameof(ClientName), ClientName ?? "");
        yield return (nameof(Sector), Sector ?? "");
        yield return (nameof(SubjectSlug), SubjectSlug ?? "");
        yield return (nameof(QuoteSv), QuoteSv ?? "");
        yield return (nameof(QuoteBy), QuoteBy ?? "");
        yield return (nameof(ResultsSv), ResultsSv ?? "");
        yield return (nameof(ImagePath), ImagePath ?? "");
        yield return (nameof(ImageAlt), ImageAlt ?? "");
        yield return (nameof(ModuleSlugs), string.Join("\n", ModuleSlugs));
    }
}

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.Property(x => x.Type).HasMaxLength(20);
        builder.Property(x => x.PublishedSlug).HasMaxLength(160);
        builder.Property(x => x.DraftSlug).HasMaxLength(160);
        builder.Property(x => x.DraftJson);
        builder.Property(x => x.DraftTitle).HasMaxLength(ContentItem.TitleMaxLength);
        builder.HasIndex(x => new { x.Type, x.DraftSlug });
        builder.Property(x => x.UpdatedBy).HasMaxLength(256);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.HasIndex(x => new { x.Type, x.PublishedSlug });
        builder.HasIndex(x => x.PublishAt);
        builder.HasIndex(x => x.UnpublishAt);
        builder.Ignore(x => x.Draft);
        builder.Ignore(x => x.Published);
        builder.HasMany(x => x.Versions).WithOne(x => x.ContentItem).HasForeignKey(x => x.ContentItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> builder)
    {
        builder.HasIndex(x => new { x.ContentItemId, x.Number }).IsUnique();
        builder.Property(x => x.Event).HasMaxLength(100);
        builder.Property(x => x.CreatedBy).HasMaxLength(256);
    }
}

internal sealed class RedirectConfiguration : IEntityTypeConfiguration<Redirect>
{
    public void Configure(EntityTypeBuilder<Redirect> builder)
    {
        builder.HasIndex(x => x.FromPath).IsUnique();
        builder.Property(x => x.FromPath).HasMaxLength(300);
        builder.Property(x => x.ToPath).HasMaxLength(300);
    }
}
