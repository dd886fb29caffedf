using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UU.Web.Features.Staff;

/// <summary>What a template in the staff section's document library is for.</summary>
public enum TemplateCategory
{
    /// <summary>Mall för kunddialog: the questions for the first dialogue with a client.</summary>
    ClientDialogue = 0,
    /// <summary>Kursplaneblankett: credit-bearing and non-credit commissions.</summary>
    Syllabus = 1,
    /// <summary>Avtalsmallar.</summary>
    Agreement = 2,
    Other = 3,
}

/// <summary>A template in the document library. Every upload is a new <see cref="StaffDocumentVersion"/>; older ones stay downloadable.</summary>
public sealed class StaffDocument
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public TemplateCategory Category { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<StaffDocumentVersion> Versions { get; set; } = [];

    public StaffDocumentVersion? Latest => Versions.MaxBy(v => v.Number);
}

/// <summary>One uploaded file of a template, stored outside the web root under a random name.</summary>
public sealed class StaffDocumentVersion
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public StaffDocument? Document { get; set; }
    public int Number { get; set; }
    /// <summary>The name it is downloaded as: the uploaded name with the extension of what the content is.</summary>
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required string StoredName { get; set; }
    public long Size { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
}

public static class StaffDocumentLimits
{
    public const int Title = 200;
    public const int Description = 1000;
    public const int FileName = 200;
    public const long MaxBytes = 20 * 1024 * 1024;
}

internal sealed class StaffDocumentConfiguration : IEntityTypeConfiguration<StaffDocument>
{
    public void Configure(EntityTypeBuilder<StaffDocument> builder)
    {
        builder.Property(x => x.Title).HasMaxLength(StaffDocumentLimits.Title);
        builder.Property(x => x.Description).HasMaxLength(StaffDocumentLimits.Description);
        builder.Ignore(x => x.Latest);
        builder.HasMany(x => x.Versions).WithOne(x => x.Document).HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StaffDocumentVersionConfiguration : IEntityTypeConfiguration<StaffDocumentVersion>
{
    public void Configure(EntityTypeBuilder<StaffDocumentVersion> builder)
    {
        builder.HasIndex(x => new { x.DocumentId, x.Number }).IsUnique();
        builder.Property(x => x.FileName).HasMaxLength(StaffDocumentLimits.FileName + 10);
        builder.Property(x => x.ContentType).HasMaxLength(100);
        builder.Property(x => x.StoredName).HasMaxLength(64);
        builder.Property(x => x.UploadedBy).HasMaxLength(256);
    }
}
