using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Clients;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Agreements;

public enum AgreementType
{
    /// <summary>SKO-avtal: a long-term agreement with a municipality on competence and organisational development.</summary>
    Sko = 1,
    /// <summary>Ramavtal: a framework agreement that commissions are called off under.</summary>
    Framework = 2,
    /// <summary>Enskilt uppdrag: the agreement for one commission.</summary>
    SingleCommission = 3,
}

/// <summary>A signed agreement (avtal) between a client and the university's department(s), as registered (diariefört) by the support.</summary>
public sealed class Agreement
{
    public int Id { get; set; }
    public AgreementType Type { get; set; }
    public int ClientId { get; set; }
    public Client? Client { get; set; }
    public string? DiaryNumber { get; set; }
    /// <summary>The authorised signatory (firmatecknare) who signed for the university.</summary>
    public string? SignedBy { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? StartsOn { get; set; }
    /// <summary>The last day the agreement is in force; none means until further notice.</summary>
    public DateOnly? EndsOn { get; set; }
    public string? Note { get; set; }
    /// <summary>The signed document's file name under the data folder's agreements folder (outside the web root).</summary>
    public string? DocumentFile { get; set; }
    public string? DocumentName { get; set; }
    public AgreementDocumentKind? DocumentKind { get; set; }
    public DateTimeOffset? DocumentUploadedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<AgreementDepartment> Departments { get; set; } = [];
    public List<AgreementScope> Scope { get; set; } = [];
    public List<AgreementInquiry> Inquiries { get; set; } = [];

    /// <summary>In force on <paramref name="day"/>: started (or no start recorded) and not ended.</summary>
    public static Expression<Func<Agreement, bool>> InForceOn(DateOnly day) =>
        a => (a.StartsOn == null || a.StartsOn <= day) && (a.EndsOn == null || a.EndsOn >= day);

    /// <summary>The long-term kinds (SKO-avtal, ramavtal) that make a client a standing one, for the lead score.</summary>
    public static Expression<Func<Agreement, bool>> StandingOn(DateOnly day) =>
        a => a.Type != AgreementType.SingleCommission && (a.StartsOn == null || a.StartsOn <= day) && (a.EndsOn == null || a.EndsOn >= day);

    public bool IsInForceOn(DateOnly day) => (StartsOn is null || StartsOn <= day) && (EndsOn is null || EndsOn >= day);
}

public enum AgreementDocumentKind
{
    Pdf = 1,
    Docx = 2,
}

public sealed class AgreementDepartment
{
    public int AgreementId { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
}

/// <summary>What the agreement covers: one subject, module or course per row.</summary>
public sealed class AgreementScope
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public int? SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public int? ModuleId { get; set; }
    public Module? Module { get; set; }
    public int? CourseId { get; set; }
    public Course? Course { get; set; }
}

/// <summary>A case (inquiry) given under the agreement.</summary>
public sealed class AgreementInquiry
{
    public int AgreementId { get; set; }
    public int InquiryId { get; set; }
    public Inquiry? Inquiry { get; set; }
}

/// <summary>A reminder that went out: one row per agreement and threshold (90 or 30 days), so each goes once.</summary>
public sealed class AgreementReminder
{
    public int AgreementId { get; set; }
    public int DaysBefore { get; set; }
    public DateOnly EndsOn { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

public static class AgreementLimits
{
    public const int DiaryNumber = 40;
    public const int SignedBy = 200;
    public const int Note = 2000;
    public const int DocumentName = 200;
    public const long MaxDocumentBytes = 20 * 1024 * 1024;
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("Agreements");
        builder.HasIndex(x => x.EndsOn);
        builder.HasOne(x => x.Client).WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(x => x.DiaryNumber).HasMaxLength(AgreementLimits.DiaryNumber);
        builder.Property(x => x.SignedBy).HasMaxLength(AgreementLimits.SignedBy);
        builder.Property(x => x.Note).HasMaxLength(AgreementLimits.Note);
        builder.Property(x => x.DocumentFile).HasMaxLength(100);
        builder.Property(x => x.DocumentName).HasMaxLength(AgreementLimits.DocumentName);
        builder.HasMany(x => x.Departments).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Scope).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Inquiries).WithOne().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementDepartmentConfiguration : IEntityTypeConfiguration<AgreementDepartment>
{
    public void Configure(EntityTypeBuilder<AgreementDepartment> builder)
    {
        builder.ToTable("AgreementDepartments");
        builder.HasKey(x => new { x.AgreementId, x.DepartmentId });
        builder.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementScopeConfiguration : IEntityTypeConfiguration<AgreementScope>
{
    public void Configure(EntityTypeBuilder<AgreementScope> builder)
    {
        builder.ToTable("AgreementScopes");
        builder.HasOne(x => x.Subject).WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Module).WithMany().HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Course).WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementInquiryConfiguration : IEntityTypeConfiguration<AgreementInquiry>
{
    public void Configure(EntityTypeBuilder<AgreementInquiry> builder)
    {
        builder.ToTable("AgreementInquiries");
        builder.HasKey(x => new { x.AgreementId, x.InquiryId });
        builder.HasOne(x => x.Inquiry).WithMany().HasForeignKey(x => x.InquiryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementReminderConfiguration : IEntityTypeConfiguration<AgreementReminder>
{
    public void Configure(EntityTypeBuilder<AgreementReminder> builder)
    {
        builder.ToTable("AgreementReminders");
        builder.HasKey(x => new { x.AgreementId, x.DaysBefore, x.EndsOn });
        builder.HasOne<Agreement>().WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}
