using System.Globalization;
using UU.Scrapers;
using UU.Web.Data;
using UU.Web.Localization;
using UU.Web.Features.Catalogue;

namespace UU.Web.Features.Shared;

/// <summary>How domain values read in the visitor's language.</summary>
public static class Display
{
    /// <summary>The address when it is an absolute http(s) one, else null: a scraped link is shown as a link only then (never javascript: or data:).</summary>
    public static string? WebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;

    /// <summary>"7,5 hp" in Swedish, "7.5 credits" in English.</summary>
    public static string Credits(double credits) =>
        credits.ToString("0.#", CultureInfo.CurrentCulture) + (Texts.IsEnglish ? " credits" : " hp");

    public static string Size(Texts t, bool creditBearing, double? credits, int? hours) =>
        creditBearing && credits is { } hp ? Credits(hp) : t.Count("module.hours", hours ?? 0);

    public static string Format(Texts t, DeliveryFormat format) => t["format." + format];

    public static string Level(Texts t, CourseLevel? level) => level is { } l ? t["level." + l] : t["level.none"];

    public static string Target(Texts t, TargetGroups target) => t["target." + target];

    /// <summary>A file's size in kB or MB, written the way the interface's language writes numbers.</summary>
    public static string Bytes(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.CurrentCulture) + " MB"
        : Math.Max(1, (bytes + 512) / 1024).ToString(CultureInfo.CurrentCulture) + " kB";

    public static string Money(int sek) => sek.ToString("N0", CultureInfo.CurrentCulture) + " kr";

    public static string LanguageName(Texts t, string code) => t["language." + code];

    /// <summary>An instant as the office reads it, in Swedish time (Europe/Stockholm, with summer time): "2026-03-30 01:30".</summary>
    public static string When(DateTimeOffset instant) => SwedishTime.Format(instant);

    public static string When(DateTimeOffset? instant) => instant is { } i ? When(i) : "–";

    /// <summary>To the second, in Swedish time: for the audit trail, where the order of close events matters.</summary>
    public static string WhenExact(DateTimeOffset instant) =>
        SwedishTime.ToLocal(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A calendar day: "2026-03-30".</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day is { } d ? Day(d) : "–";

    /// <summary>The Swedish calendar day of an instant.</summary>
    public static string Day(DateTimeOffset instant) => Day(SwedishTime.Today(instant));
}
