using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UU.Web.Features.Audit;

/// <summary>Who did what and when: sign-ins, failed sign-ins, saves, publishes, rollbacks, deletions, user changes.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? UserEmail { get; set; }
    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Details { get; set; }
    public string? IpAddress { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasIndex(x => x.At);
        builder.Property(x => x.UserEmail).HasMaxLength(256);
        builder.Property(x => x.Action).HasMaxLength(60);
        builder.Property(x => x.EntityType).HasMaxLength(40);
        builder.Property(x => x.EntityId).HasMaxLength(100);
        builder.Property(x => x.Details).HasMaxLength(2000);
        builder.Property(x => x.IpAddress).HasMaxLength(64);
    }
}
