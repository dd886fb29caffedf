using System.ComponentModel.DataAnnotations;

namespace UU.Web.Features.Inquiries;

public static class InquiryRoutes
{
    public const string Form = "/forfragan";
}

public sealed class InquiryOptions
{
    public const string Section = "Inquiries";

    /// <summary>Coordinators of the support function who receive every inquiry at once.</summary>
    // Empty by default: the binder appends configured array items to a non-empty default instead of replacing it.
    public string[] CoordinatorEmails { get; set; } = [];

    /// <summary>The coordinators' addresses as mail goes to them: blanks dropped, trimmed, each once.</summary>
    public IReadOnlyList<string> CoordinatorAddresses() =>
        CoordinatorEmails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Inquiries accepted per client address and hour before the form answers 429.</summary>
    [Range(1, 100_000)]
    public int RateLimitPerHour { get; set; } = 10;
}

public sealed class MailOptions
{
    public const string Section = "Mail";

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "no-reply@uu-demo.se";

    public string FromName { get; set; } = "Uppdragsutbildning";

    /// <summary>SMTP server; when empty, mail is written as .eml files to <see cref="PickupPath"/>.</summary>
    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public bool SmtpStartTls { get; set; } = true;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>Folder for .eml files when no SMTP server is configured; relative to Storage:DataPath.</summary>
    public string PickupPath { get; set; } = "mail";

    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>Whether this node runs the outbox timer; tests switch it off and drive the outbox themselves.</summary>
    public bool Dispatch { get; set; } = true;

    [Range(1, 30)]
    public int SmtpTimeoutSeconds { get; set; } = 15;
}
