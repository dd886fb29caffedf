using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.AspNetCore.Identity;

namespace UU.Web.Features.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Coordinator = "Coordinator";
    public const string SubjectContact = "SubjectContact";
    /// <summary>A faculty office (fakultetskansli): reads its faculty's cases (the faculty is <see cref="UuUser.FacultyId"/>).</summary>
    public const string FacultyOffice = "FacultyOffice";

    /// <summary>A department's staff (teachers, heads, directors of studies): reads the staff section under /personal, nothing else.</summary>
    public const string DepartmentStaff = "DepartmentStaff";

    /// <summary>Every role a user can be given.</summary>
    public static readonly string[] All = [Admin, Editor, Coordinator, SubjectContact, FacultyOffice, DepartmentStaff];

    /// <summary>The roles that work in the back office under /office (every role but the departments' light one).</summary>
    public static readonly string[] Office = [Admin, Editor, Coordinator, SubjectContact, FacultyOffice];
}

/// <summary>A back-office user (marketing, coordinators, subject contacts, admins).</summary>
public sealed class UuUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The language the e-mail to this user is written in ("sv" or "en"), chosen under /office/konto.</summary>
    public string Language { get; set; } = UserLanguages.Swedish;

    /// <summary>For a <see cref="Roles.FacultyOffice"/> user: the faculty whose cases they read.</summary>
    public int? FacultyId { get; set; }
}

/// <summary>The languages an office user can have their e-mail in.</summary>
public static class UserLanguages
{
    public const string Swedish = "sv";
    public const string English = "en";
    public const int MaxLength = 8;

    public static readonly string[] All = [Swedish, English];
}

/// <summary>What a token grants.</summary>
public static class TokenKinds
{
    /// <summary>The JSON API, sent as "Authorization: Bearer …": what its owner's roles allow there.</summary>
    public const string Api = "api";
    /// <summary>The private Atom feed of leads only, in the feed's address (feed readers cannot send headers).</summary>
    public const string Feed = "feed";
    public const int MaxLength = 8;
}

/// <summary>A personal API token for scripts and BI tools, or a feed token. Only a hash is stored; the token is shown once.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public UuUser? User { get; set; }
    public required string Name { get; set; }
    /// <summary>The first characters, so a person can tell tokens apart without the secret.</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>After this the token no longer works; null: until revoked.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
    /// <summary>What it grants (<see cref="TokenKinds"/>).</summary>
    public string Kind { get; set; } = TokenKinds.Api;
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.HasIndex(x => x.Hash).IsUnique();
        builder.Property(x => x.Name).HasMaxLength(100);
        builder.Property(x => x.Prefix).HasMaxLength(16);
        builder.Property(x => x.Hash).HasMaxLength(64);
        builder.Property(x => x.Kind).HasMaxLength(TokenKinds.MaxLength).HasDefaultValue(TokenKinds.Api);
        builder.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UuUserConfiguration : IEntityTypeConfiguration<UuUser>
{
    public void Configure(EntityTypeBuilder<UuUser> builder)
    {
        builder.Property(x => x.DisplayName).HasMaxLength(200);
        builder.Property(x => x.Language).HasMaxLength(UserLanguages.MaxLength).HasDefaultValue(UserLanguages.Swedish);
        builder.HasOne<UU.Web.Features.Catalogue.Faculty>().WithMany().HasForeignKey(x => x.FacultyId).OnDelete(DeleteBehavior.SetNull);
    }
}
