using System.ComponentModel.DataAnnotations;

namespace UU.Web.Features.Notifications;

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
