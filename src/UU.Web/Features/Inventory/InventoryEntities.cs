using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UU.Web.Features.Catalogue;

namespace UU.Web.Features.Inventory;

/// <summary>What a person marked a course as. "Used by a module" is never marked: it follows from the module↔course mapping.</summary>
public enum CourseMarkState
{
    NotReviewed = 0,
    Candidate = 1,
    NotSuitable = 2,
}

/// <summary>A course's state in the inventory as people read it.</summary>
public enum InventoryState
{
    NotReviewed = 0,
    Candidate = 1,
    UsedByModule = 2,
    NotSuitable = 3,
}

/// <summary>One marking of a course: who set which state when, with a reason (required for not suitable) and a comment. Never changed: the latest is the course's mark, the rest its history.</summary>
public sealed class CourseMark
{
    public const int ReasonMaxLength = 1000;
    public const int CommentMaxLength = 2000;

    public long Id { get; set; }
    public int CourseId { get; set; }
    public Course? Course { get; set; }
    public CourseMarkState State { get; set; }
    public string? Reason { get; set; }
    public string? Comment { get; set; }
    /// <summary>The round the mark was made in, when one was open for the course's subject.</summary>
    public int? RoundId { get; set; }
    public required string ByEmail { get; set; }
    public string? ByName { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// An inventory round of one subject: a coordinator opens it and invites the subject's contacts (head of department,
/// director of studies), they mark and comment, and it ends with the subject collegium's decision date and a summary,
/// kept with a record of every course's state at that moment.
/// </summary>
public sealed class InventoryRound
{
    public const int SummaryMaxLength = 4000;

    public int Id { get; set; }
    public int SubjectId { get; set; }
    public Subject? Subject { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public required string OpenedBy { get; set; }
    public DateOnly? CollegiumDecisionOn { get; set; }
    public string? Summary { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedBy { get; set; }
    public List<InventoryInvitee> Invitees { get; set; } = [];
    public List<InventoryRecordRow> Record { get; set; } = [];

    public bool IsOpen => ClosedAt is null;
}

/// <summary>A subject contact invited to a round (copied from the subject's contacts when the round opened).</summary>
public sealed class InventoryInvitee
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    public required string Email { get; set; }
}

/// <summary>One course as it stood when the round was decided; the record stays even if the course changes later.</summary>
public sealed class InventoryRecordRow
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int? CourseId { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public double Credits { get; set; }
    public InventoryState State { get; set; }
    public string? Reason { get; set; }
    public string? Comment { get; set; }
    public string? MarkedBy { get; set; }
    public DateTimeOffset? MarkedAt { get; set; }
    /// <summary>A candidate the collegium decided to go ahead with.</summary>
    public bool Decided { get; set; }
}

/// <summary>A draft module a subject contact proposed from candidate courses; it waits for the collegium's approval.</summary>
public sealed class ModuleProposal
{
    public int Id { get; set; }
    public int ModuleId { get; set; }
    public Module? Module { get; set; }
    public int SubjectId { get; set; }
    public int? RoundId { get; set; }
    public required string ProposedBy { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public string? Comment { get; set; }
}

internal sealed class CourseMarkConfiguration : IEntityTypeConfiguration<CourseMark>
{
    public void Configure(EntityTypeBuilder<CourseMark> builder)
    {
        builder.HasIndex(x => new { x.CourseId, x.At });
        builder.Property(x => x.Reason).HasMaxLength(CourseMark.ReasonMaxLength);
        builder.Property(x => x.Comment).HasMaxLength(CourseMark.CommentMaxLength);
        builder.Property(x => x.ByEmail).HasMaxLength(256);
        builder.Property(x => x.ByName).HasMaxLength(256);
        builder.HasOne(x => x.Course).WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<InventoryRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InventoryRoundConfiguration : IEntityTypeConfiguration<InventoryRound>
{
    public void Configure(EntityTypeBuilder<InventoryRound> builder)
    {
        builder.HasIndex(x => new { x.SubjectId, x.ClosedAt });
        builder.Property(x => x.OpenedBy).HasMaxLength(256);
        builder.Property(x => x.ClosedBy).HasMaxLength(256);
        builder.Property(x => x.Summary).HasMaxLength(InventoryRound.SummaryMaxLength);
        builder.HasOne(x => x.Subject).WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Invitees).WithOne().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Record).WithOne().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InventoryInviteeConfiguration : IEntityTypeConfiguration<InventoryInvitee>
{
    public void Configure(EntityTypeBuilder<InventoryInvitee> builder)
    {
        builder.Property(x => x.Name).HasMaxLength(SubjectContact.NameMaxLength);
        builder.Property(x => x.Role).HasMaxLength(SubjectContact.RoleMaxLength);
        builder.Property(x => x.Email).HasMaxLength(SubjectContact.EmailMaxLength);
    }
}

internal sealed class InventoryRecordRowConfiguration : IEntityTypeConfiguration<InventoryRecordRow>
{
    public void Configure(EntityTypeBuilder<InventoryRecordRow> builder)
    {
        builder.Property(x => x.Code).HasMaxLength(20);
        builder.Property(x => x.Title).HasMaxLength(300);
        builder.Property(x => x.Reason).HasMaxLength(CourseMark.ReasonMaxLength);
        builder.Property(x => x.Comment).HasMaxLength(CourseMark.CommentMaxLength);
        builder.Property(x => x.MarkedBy).HasMaxLength(256);
        builder.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ModuleProposalConfiguration : IEntityTypeConfiguration<ModuleProposal>
{
    public void Configure(EntityTypeBuilder<ModuleProposal> builder)
    {
        builder.HasIndex(x => x.ModuleId).IsUnique();
        builder.Property(x => x.ProposedBy).HasMaxLength(256);
        builder.Property(x => x.Comment).HasMaxLength(CourseMark.CommentMaxLength);
        builder.HasOne(x => x.Module).WithMany().HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Subject>().WithMany().HasForeignKey(x => x.SubjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<InventoryRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.SetNull);
    }
}
