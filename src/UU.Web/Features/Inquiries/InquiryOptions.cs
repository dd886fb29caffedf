using System.ComponentModel.DataAnnotations;

namespace UU.Web.Features.Inquiries;

public static class InquiryRoutes
{
    public const string Form = "/forfragan";
    /// <summary>The receipt page after sending ("/forfragan/tack/{reference}").</summary>
    public const string Received = "/forfragan/tack";
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
