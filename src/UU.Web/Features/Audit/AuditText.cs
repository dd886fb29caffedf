using UU.Web.Localization;

namespace UU.Web.Features.Audit;

/// <summary>
/// An audit entry in the reader's language. Entries keep their action as a code ("sign-in-failed", "lead-changed") and a detail made
/// of data; the code, the kind of thing and the fixed sign-in reasons are translated when shown, so old entries read in either
/// language. An action without a text (a new one, or one built from a handler's name) is shown as its code.
/// </summary>
public static class AuditText
{
    /// <summary>The fixed reasons a failed sign-in is recorded with (see the office's sign-in page).</summary>
    private static readonly Dictionary<string, string> Reasons = new(StringComparer.Ordinal)
    {
        ["unknown email"] = "audit.reason.unknownEmail",
        ["locked out"] = "audit.reason.lockedOut",
        ["locked out from this address"] = "audit.reason.lockedOutFromAddress",
        ["wrong password"] = "audit.reason.wrongPassword",
        ["wrong password; this address is now locked out of the account"] = "audit.reason.wrongPasswordLocked",
        ["wrong authenticator code"] = "audit.reason.wrongCode",
    };

    public static string Action(Texts t, string action) => Known(t, "audit.action." + action, action);

    public static string? EntityType(Texts t, string? entityType) => entityType is null ? null : Known(t, "audit.entity." + entityType, entityType);

    public static string? Details(Texts t, AuditEntry e) =>
        e.Details is { } details && Reasons.TryGetValue(details, out var key) ? t[key] : e.Details;

    /// <summary>The text of <paramref name="key"/>, or <paramref name="fallback"/> when there is none (Texts shows a missing key as the key).</summary>
    private static string Known(Texts t, string key, string fallback) => t.All.ContainsKey(key) ? t[key] : fallback;
}
