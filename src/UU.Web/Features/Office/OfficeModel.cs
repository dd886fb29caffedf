using Microsoft.AspNetCore.Identity;

namespace UU.Web.Features.Office;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Coordinator = "Coordinator";
    public const string SubjectContact = "SubjectContact";

    public static readonly string[] All = [Admin, Editor, Coordinator, SubjectContact];

    /// <summary>For [Authorize(Roles = ...)]: who works with inquiries and leads.</summary>
    public const string Coordinators = Coordinator + "," + Admin;

    /// <summary>Who writes and publishes pages, stories and module texts.</summary>
    public const string Editors = Editor + "," + Admin;
}

/// <summary>A back-office user (marketing, coordinators, subject contacts, admins).</summary>
public sealed class UuUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A personal API token for scripts and BI tools. Only a hash is stored; the token is shown once.</summary>
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
}

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
