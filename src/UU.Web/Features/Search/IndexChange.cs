using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace UU.Web.Features.Search;

/// <summary>
/// One entry of the index-change journal: something searchable changed. Every node's search index follows
/// this table, so an edit on one node becomes searchable on all of them. EntityType "all" asks for a rebuild.
/// </summary>
public sealed class IndexChange
{
    public long Id { get; set; }
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class IndexChangeConfiguration : IEntityTypeConfiguration<IndexChange>
{
    public void Configure(EntityTypeBuilder<IndexChange> builder)
    {
        builder.Property(x => x.EntityType).HasMaxLength(20);
        builder.HasIndex(x => x.CreatedAt);
    }
}
