using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UU.Web.Features.Notifications;

/// <summary>An email waiting to be sent; written in the same transaction as what caused it, so nothing is lost when SMTP is down.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? Reference { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
        builder.Property(x => x.ToAddress).HasMaxLength(254);
        builder.Property(x => x.ToName).HasMaxLength(200);
        builder.Property(x => x.Subject).HasMaxLength(400);
        builder.Property(x => x.Reference).HasMaxLength(40);
        builder.Property(x => x.LastError).HasMaxLength(2000);
    }
}
