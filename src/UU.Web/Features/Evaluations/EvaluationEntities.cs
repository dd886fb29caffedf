using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UU.Web.Data;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Evaluations;

public enum QuestionKind
{
    /// <summary>A rating on a 1–5 scale.</summary>
    Rating = 1,
    FreeText = 2,
}

/// <summary>Who an evaluation is from: the client's contact person, or a participant (anonymous).</summary>
public enum Respondent
{
    Client = 1,
    Participant = 2,
}

/// <summary>A question of the evaluation, kept by the admins; the same questions go to the client and the participants.</summary>
public sealed class EvaluationQuestion
{
    public int Id { get; set; }
    public QuestionKind Kind { get; set; }
    public required string TextSv { get; set; }
    public string? TextEn { get; set; }
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>
/// A personal link to the evaluation of one case: one answer per link. It knows whether it was answered, never what:
/// a participant's answer is stored without anything that leads back to the invitation (see <see cref="EvaluationResponse"/>).
/// </summary>
public sealed class EvaluationInvitation
{
    public int Id { get; set; }
    public int InquiryId { get; set; }
    public Respondent Respondent { get; set; }
    /// <summary>Where the link and its reminders go; null for an anonymous link the case worker hands out.</summary>
    public string? Email { get; set; }
    /// <summary>The unguessable part of the link (256 random bits).</summary>
    public required string Token { get; set; }
    public string Language { get; set; } = "sv";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the link went out (or was handed out); null while the case has not reached follow-up.</summary>
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? LastRemindedAt { get; set; }
    public int Reminders { get; set; }
    /// <summary>Only a flag, no time: a time could be matched with the order in which answers were stored.</summary>
    public bool Answered { get; set; }
}

/// <summary>
/// One filled-in evaluation. It names the case and whether it came from the client or a participant, nothing more:
/// no invitation, no address, no time.
/// </summary>
public sealed class EvaluationResponse
{
    public int Id { get; set; }
    public int InquiryId { get; set; }
    public Respondent Respondent { get; set; }
    public string Language { get; set; } = "sv";
    /// <summary>The respondent allowed their comments to be quoted (in a success story, without their name).</summary>
    public bool MayQuote { get; set; }
    public List<EvaluationAnswer> Answers { get; set; } = [];
}

public sealed class EvaluationAnswer
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public int QuestionId { get; set; }
    public EvaluationQuestion? Question { get; set; }
    public int? Rating { get; set; }
    public string? Text { get; set; }
}

public static class EvaluationLimits
{
    public const int QuestionText = 300;
    public const int AnswerText = 2000;
    public const int MinRating = 1;
    public const int MaxRating = 5;
    /// <summary>A module shows its rating from this many answers on.</summary>
    public const int AnswersBeforeRatingShows = 5;
    public const int MaxParticipantsAtOnce = 500;
    public const int MaxAnonymousLinksAtOnce = 200;
}

public static class EvaluationSets
{
    extension(UuDbContext db)
    {
        public DbSet<EvaluationQuestion> EvaluationQuestions => db.Set<EvaluationQuestion>();
        public DbSet<EvaluationInvitation> EvaluationInvitations => db.Set<EvaluationInvitation>();
        public DbSet<EvaluationResponse> EvaluationResponses => db.Set<EvaluationResponse>();
        public DbSet<EvaluationAnswer> EvaluationAnswers => db.Set<EvaluationAnswer>();
    }
}

internal sealed class EvaluationQuestionConfiguration : IEntityTypeConfiguration<EvaluationQuestion>
{
    public void Configure(EntityTypeBuilder<EvaluationQuestion> builder)
    {
        builder.Property(x => x.TextSv).HasMaxLength(EvaluationLimits.QuestionText);
        builder.Property(x => x.TextEn).HasMaxLength(EvaluationLimits.QuestionText);
        builder.HasIndex(x => x.SortOrder);
    }
}

internal sealed class EvaluationInvitationConfiguration : IEntityTypeConfiguration<EvaluationInvitation>
{
    public void Configure(EntityTypeBuilder<EvaluationInvitation> builder)
    {
        builder.HasOne<Inquiry>().WithMany().HasForeignKey(x => x.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.Token).IsUnique();
        builder.HasIndex(x => new { x.InquiryId, x.Respondent });
        builder.Property(x => x.Token).HasMaxLength(64);
        builder.Property(x => x.Email).HasMaxLength(InquiryLimits.Email);
        builder.Property(x => x.Language).HasMaxLength(8);
    }
}

internal sealed class EvaluationResponseConfiguration : IEntityTypeConfiguration<EvaluationResponse>
{
    public void Configure(EntityTypeBuilder<EvaluationResponse> builder)
    {
        builder.HasOne<Inquiry>().WithMany().HasForeignKey(x => x.InquiryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.InquiryId);
        builder.Property(x => x.Language).HasMaxLength(8);
        builder.HasMany(x => x.Answers).WithOne().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvaluationAnswerConfiguration : IEntityTypeConfiguration<EvaluationAnswer>
{
    public void Configure(EntityTypeBuilder<EvaluationAnswer> builder)
    {
        builder.HasOne(x => x.Question).WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(x => x.Text).HasMaxLength(EvaluationLimits.AnswerText);
    }
}
