using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UU.Web.Features.Catalogue;

public sealed class Faculty
{
    public int Id { get; set; }
    public required string NameSv { get; set; }
    public string? NameEn { get; set; }
    public List<Department> Departments { get; set; } = [];
}

public sealed class Department
{
    public int Id { get; set; }
    public required string NameSv { get; set; }
    public string? NameEn { get; set; }
    public int FacultyId { get; set; }
    public Faculty? Faculty { get; set; }
}

public sealed class Subject
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string NameSv { get; set; }
    public string? NameEn { get; set; }
    public string? DescriptionSv { get; set; }
    public string? DescriptionEn { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public List<SubjectContact> Contacts { get; set; } = [];
    public List<Course> Courses { get; set; } = [];
    public List<Module> Modules { get; set; } = [];
}

/// <summary>A department's named contact person for a subject (prefekt, studierektor or coordinator).</summary>
public sealed class SubjectContact
{
    public const int NameMaxLength = 200;
    public const int RoleMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 40;

    public int Id { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
}

public enum CourseLevel
{
    First = 1,
    Second = 2,
}

/// <summary>A regular course from the university's syllabus register.</summary>
public sealed class Course
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string TitleSv { get; set; }
    public string? TitleEn { get; set; }
    public double Credits { get; set; }
    public CourseLevel Level { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public int? DepartmentId { get; set; }
    public Department? Department { get; set; }
    public string? DescriptionSv { get; set; }
    public string? DescriptionEn { get; set; }
    public string? OutcomesSv { get; set; }
    public string? OutcomesEn { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>The language the course is taught in ("sv" or "en").</summary>
    public string Language { get; set; } = "sv";
    /// <summary>Whether the regular course is given at a distance (a signal in the course inventory).</summary>
    public bool OfferedAtDistance { get; set; }
    public List<ModuleCourse> Modules { get; set; } = [];
}

public enum DeliveryFormat
{
    Distance = 1,
    Campus = 2,
    OnSite = 3,
    Blended = 4,
}

[Flags]
public enum TargetGroups
{
    None = 0,
    Teachers = 1,
    SchoolLeaders = 2,
    PreschoolStaff = 4,
    HealthcareStaff = 8,
    SocialServices = 16,
    MunicipalManagers = 32,
    Companies = 64,
    PublicAgencies = 128,
}

public enum PriceModel
{
    Fixed = 1,
    PerParticipant = 2,
}

public enum ContentStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>A commissionable unit built from regular courses or parts of them.</summary>
public sealed class Module : Content.Versioning.IVersionedDocument
{
    public const double HoursPerCredit = 40.0 / 1.5;

    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string TitleSv { get; set; }
    public string? TitleEn { get; set; }
    public required string SummarySv { get; set; }
    public string? SummaryEn { get; set; }
    /// <summary>What participants can do afterwards.</summary>
    public string? OutcomesSv { get; set; }
    public string? OutcomesEn { get; set; }
    public TargetGroups TargetGroups { get; set; }
    public string? TargetGroupTextSv { get; set; }
    public string? TargetGroupTextEn { get; set; }
    public bool CreditBearing { get; set; }
    public double? Credits { get; set; }
    public int? Hours { get; set; }
    /// <summary>Comparable size of credit-bearing and non-credit modules (1.5 hp ≈ 40 h); kept in step by <see cref="UpdateStudyHours"/>.</summary>
    public int StudyHours { get; set; }
    public CourseLevel? Level { get; set; }
    public DeliveryFormat Format { get; set; }
    public string Language { get; set; } = "sv";
    public PriceModel PriceModel { get; set; }
    public int? PriceSek { get; set; }
    public int? MinParticipants { get; set; }
    public int? MaxParticipants { get; set; }
    public ContentStatus Status { get; set; }
    public bool Featured { get; set; }
    /// <summary>An image from the media library (/media/…) for the module page; without one the subject's illustration is shown.</summary>
    public string? ImagePath { get; set; }
    public string? ImageAlt { get; set; }
    public string? ImageAltEn { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public List<ModuleCourse> Courses { get; set; } = [];
    public List<ModuleTheme> Themes { get; set; } = [];
    /// <summary>
    /// The day the subject collegium approved the module; an editor can publish only an approved module.
    /// Modules published before the gate existed were marked approved by the migration that added it.
    /// </summary>
    public DateOnly? CollegiumApprovedOn { get; set; }
    /// <summary>Who recorded the collegium's approval (a coordinator or an admin).</summary>
    public string? CollegiumApprovalRecordedBy { get; set; }
    /// <summary>Unpublished edits from the office (a <c>ModuleDraft</c> as JSON); null when the live columns are current.</summary>
    public string? DraftJson { get; set; }
    /// <summary>Incremented on every office save; the concurrency token.</summary>
    public int Version { get; set; }

    public void UpdateStudyHours() =>
        StudyHours = CreditBearing && Credits is { } hp ? (int)Math.Round(hp * HoursPerCredit) : Hours ?? 0;
}

/// <summary>A module's use of a course: the whole course, or a named part of it.</summary>
public sealed class ModuleCourse
{
    public int ModuleId { get; set; }
    public Module? Module { get; set; }
    public int CourseId { get; set; }
    public Course? Course { get; set; }
    public string? PartSv { get; set; }
    public string? PartEn { get; set; }
    public double? PartCredits { get; set; }
}

internal sealed class FacultyConfiguration : IEntityTypeConfiguration<Faculty>
{
    public void Configure(EntityTypeBuilder<Faculty> builder)
    {
        builder.Property(x => x.NameSv).HasMaxLength(200);
        builder.Property(x => x.NameEn).HasMaxLength(200);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(x => x.NameSv).HasMaxLength(200);
        builder.Property(x => x.NameEn).HasMaxLength(200);
    }
}

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> builder)
    {
        builder.HasIndex(x => x.Slug).IsUnique();
        builder.Property(x => x.Slug).HasMaxLength(120);
        builder.Property(x => x.NameSv).HasMaxLength(200);
        builder.Property(x => x.NameEn).HasMaxLength(200);
        builder.HasMany(x => x.Contacts).WithOne(x => x.Subject).HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubjectContactConfiguration : IEntityTypeConfiguration<SubjectContact>
{
    public void Configure(EntityTypeBuilder<SubjectContact> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(SubjectContact.NameMaxLength);
        builder.Property(x => x.Role).HasMaxLength(SubjectContact.RoleMaxLength);
        builder.Property(x => x.Email).HasMaxLength(SubjectContact.EmailMaxLength);
        builder.Property(x => x.Phone).HasMaxLength(SubjectContact.PhoneMaxLength);
    }
}

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.HasIndex(x => x.Code).IsUnique();
        builder.Property(x => x.Code).HasMaxLength(20);
        builder.Property(x => x.Language).HasMaxLength(8).HasDefaultValue("sv");
        builder.Property(x => x.TitleSv).HasMaxLength(300);
        builder.Property(x => x.TitleEn).HasMaxLength(300);
        builder.HasOne(x => x.Subject).WithMany(x => x.Courses).HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ModuleConfiguration : IEntityTypeConfiguration<Module>
{
    public void Configure(EntityTypeBuilder<Module> builder)
    {
        builder.HasIndex(x => x.Slug).IsUnique();
        builder.HasIndex(x => new { x.Status, x.SubjectId });
        builder.Property(x => x.Slug).HasMaxLength(160);
        builder.Property(x => x.TitleSv).HasMaxLength(300);
        builder.Property(x => x.TitleEn).HasMaxLength(300);
        builder.Property(x => x.Language).HasMaxLength(8);
        builder.Property(x => x.ImagePath).HasMaxLength(500);
        builder.Property(x => x.ImageAlt).HasMaxLength(300);
        builder.Property(x => x.ImageAltEn).HasMaxLength(300);
        builder.Property(x => x.Version).IsConcurrencyToken();
        builder.Property(x => x.CollegiumApprovalRecordedBy).HasMaxLength(256);
        builder.HasOne(x => x.Subject).WithMany(x => x.Modules).HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ModuleCourseConfiguration : IEntityTypeConfiguration<ModuleCourse>
{
    public void Configure(EntityTypeBuilder<ModuleCourse> builder)
    {
        builder.HasKey(x => new { x.ModuleId, x.CourseId });
        builder.HasOne(x => x.Module).WithMany(x => x.Courses).HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Course).WithMany(x => x.Modules).HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(x => x.PartSv).HasMaxLength(300);
        builder.Property(x => x.PartEn).HasMaxLength(300);
    }
}
