using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UU.Web.Data;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Commissions;

/// <summary>How a case came in.</summary>
public enum WayIn
{
    WebForm = 0,
    Lead = 1,
    Registry = 2,
    Email = 3,
    Phone = 4,
    SkolverketCall = 5,
}

/// <summary>
/// The phases of the handling order. The numbers are storage only (existing inquiries became Initiation, 0);
/// <see cref="CasePhases.Order"/> is the order a case goes through them.
/// </summary>
public enum CasePhase
{
    Initiation = 0,
    MarketWatch = 1,
    Agreement = 2,
    Delivery = 3,
    FollowUp = 4,
    Closed = 5,
}

public static class CasePhases
{
    public static readonly CasePhase[] Order = [CasePhase.MarketWatch, CasePhase.Initiation, CasePhase.Agreement, CasePhase.Delivery, CasePhase.FollowUp, CasePhase.Closed];

    /// <summary>The phase after <paramref name="phase"/>, or null for a closed case.</summary>
    public static CasePhase? Next(CasePhase phase) => Array.IndexOf(Order, phase) is var i and < 5 ? Order[i + 1] : null;

    public static bool IsOpen(CasePhase phase) => phase != CasePhase.Closed;
}

public enum CaseOutcome
{
    Won = 1,
    Lost = 2,
    Withdrawn = 3,
}

/// <summary>Why a case is left out of the statistics (the audit left these out).</summary>
public enum StatisticsExclusion
{
    OnlyNetworking = 1,
    WrongUniversity = 2,
}

/// <summary>Who does a checklist step.</summary>
public enum StepRole
{
    Coordinator = 1,
    SubjectContact = 2,
    HeadOfDepartment = 3,
    Economist = 4,
    Lawyer = 5,
    FacultyOffice = 6,
    SubjectCollegium = 7,
}

/// <summary>Whether a commission type is governed by the university's handling order.</summary>
public enum HandlingOrderScope
{
    NotGoverned = 0,
    /// <summary>Governed in its economic parts, and always counted as through the support (Lärarlyftet).</summary>
    EconomicParts = 1,
    Governed = 2,
}

public enum StepState
{
    Done = 1,
    NotApplicable = 2,
}

/// <summary>A kind of commission, kept by the admins (Rektorsprogrammet, Lärarlyftet, ...).</summary>
public sealed class CommissionType
{
    public int Id { get; set; }
    public required string NameSv { get; set; }
    public string? NameEn { get; set; }
    public HandlingOrderScope HandlingOrder { get; set; }
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>One step of a phase's checklist, kept by the admins.</summary>
public sealed class ChecklistStep
{
    public int Id { get; set; }
    public CasePhase Phase { get; set; }
    public required string TitleSv { get; set; }
    public StepRole Responsible { get; set; }
    public bool Required { get; set; }
    /// <summary>Only for credit-bearing commissions (a syllabus, Ladok): not applicable to the others.</summary>
    public bool CreditBearingOnly { get; set; }
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>A step of a case's checklist that has been done or marked not applicable; open steps have no row.</summary>
public sealed class CaseStep
{
    public int InquiryId { get; set; }
    public int ChecklistStepId { get; set; }
    public ChecklistStep? Step { get; set; }
    public StepState State { get; set; }
    public DateTimeOffset At { get; set; }
    public string? By { get; set; }
}

public sealed class CaseSubject
{
    public int InquiryId { get; set; }
    public Inquiry? Inquiry { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
}

public sealed class CaseNote
{
    public int Id { get; set; }
    public int InquiryId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }
    public string? By { get; set; }
}

public sealed class CaseDocument
{
    public int Id { get; set; }
    public int InquiryId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    /// <summary>The file's name under the case-documents folder (a random name: never the uploader's).</summary>
    public required string StoredName { get; set; }
    public long Size { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string? By { get; set; }
}

/// <summary>One line of a case's history: who did what, when.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public int InquiryId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? By { get; set; }
    /// <summary>What happened, a key of the texts (case.event.*).</summary>
    public required string Action { get; set; }
    public string? Detail { get; set; }

    /// <summary>The longest detail kept; a longer one is cut with an ellipsis.</summary>
    public const int MaxDetail = 2000;

    /// <summary>A history entry of the case, its detail cut to what the column holds.</summary>
    public static CaseEvent Of(int inquiryId, DateTimeOffset at, string? by, string action, string? detail) => new()
    {
        InquiryId = inquiryId, At = at, By = by, Action = action,
        Detail = detail is { Length: > MaxDetail } ? detail[..(MaxDetail - 1)] + "…" : detail,
    };
}

public static class CaseLimits
{
    public const int RegistryNumber = 40;
    public const int NextStep = 300;
    public const int Reason = 1000;
    public const int Note = 4000;
    public const int FileName = 200;
    public const long MaxDocumentBytes = 20 * 1024 * 1024;
    public const int StepTitle = 200;
    public const int TypeName = 120;
}

/// <summary>The case tables, reached from the context without each of them being listed there.</summary>
public static class CaseSets
{
    extension(UuDbContext db)
    {
        public DbSet<CommissionType> CommissionTypes => db.Set<CommissionType>();
        public DbSet<ChecklistStep> ChecklistSteps => db.Set<ChecklistStep>();
        public DbSet<CaseStep> CaseSteps => db.Set<CaseStep>();
        public DbSet<CaseSubject> CaseSubjects => db.Set<CaseSubject>();
        public DbSet<CaseNote> CaseNotes => db.Set<CaseNote>();
        public DbSet<CaseDocument> CaseDocuments => db.Set<CaseDocument>();
        public DbSet<CaseEvent> CaseEvents => db.Set<CaseEvent>();
    }
}

internal sealed class CommissionTypeConfiguration : IEntityTypeConfiguration<CommissionType>
{
    public void Configure(EntityTypeBuilder<CommissionType> builder)
    {
        builder.Property(x => x.NameSv).HasMaxLength(CaseLimits.TypeName);
        builder.Property(x => x.NameEn).HasMaxLength(CaseLimits.TypeName);
        builder.HasIndex(x => x.NameSv).IsUnique();
    }
}

internal sealed class ChecklistStepConfiguration : IEntityTypeConfiguration<ChecklistStep>
{
    public void Configure(EntityTypeBuilder<ChecklistStep> builder)
    {
        builder.Property(x => x.TitleSv).HasMaxLength(CaseLimits.StepTitle);
        builder.HasIndex(x => new { x.Phase, x.SortOrder });
    }
}

internal sealed class CaseStepConfiguration : IEntityTypeConfiguration<CaseStep>
{
    public void Configure(EntityTypeBuilder<CaseStep> builder)
    {
        builder.HasKey(x => new { x.InquiryId, x.ChecklistStepId });
        builder.HasOne<Inquiry>().WithMany().HasForeignKey(x => x.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Step).WithMany().HasForeignKey(x => x.ChecklistStepId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(x => x.By).HasMaxLength(InquiryLimits.Email);
    }
}

internal sealed class CaseSubjectConfiguration : IEntityTypeConfiguration<CaseSubject>
{
    public void Configure(EntityTypeBuilder<CaseSubject> builder)
    {
        builder.HasKey(x => new { x.InquiryId, x.SubjectId });
        builder.HasOne(x => x.Inquiry).WithMany(x => x.Subjects).HasForeignKey(x => x.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Subject).WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.HasOne<Inquiry>().WithMany().HasForeignKey(x => x.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(x => x.Text).HasMaxLength(CaseLimits.Note);
        builder.Property(x => x.By).HasMaxLength(InquiryLimits.Email);
    }
}

internal sealed class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> builder)
    {
        builder.HasOne<Inquiry>().WithMany().HasForeignKey(x => x.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(x => x.FileName).HasMaxLength(CaseLimits.FileName);
        builder.Property(x => x.ContentType).HasMaxLength(100);
        builder.Property(x => x.StoredName).HasMaxLength(64);
        builder.Property(x => x.By).HasMaxLength(InquiryLimits.Email);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.HasOne<Inquiry>().WithMany(x => x.Events).HasForeignKey(x => x.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.InquiryId, x.At });
        builder.Property(x => x.By).HasMaxLength(InquiryLimits.Email);
        builder.Property(x => x.Action).HasMaxLength(60);
        builder.Property(x => x.Detail).HasMaxLength(CaseEvent.MaxDetail);
    }
}
