using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Clients;

public enum ClientType
{
    Company = 1,
    Municipality = 2,
    Region = 3,
    Agency = 4,
    Other = 5,
}

/// <summary>An uppdragsgivare: the buying organisation.</summary>
public sealed class Client
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? OrganisationNumber { get; set; }
    public ClientType Type { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<Inquiry> Inquiries { get; set; } = [];
}

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.HasIndex(x => x.OrganisationNumber).IsUnique();
        builder.Property(x => x.Name).HasMaxLength(300);
        builder.Property(x => x.OrganisationNumber).HasMaxLength(11);
    }
}
