using System.Globalization;
using UU.Web.Data;
using UU.Web.Localization;
using UU.Web.Features.Catalogue;

namespace UU.Web.Features.Shared;

/// <summary>How domain values read in the visitor's language.</summary>
public static class Display
{
    public static string Credits(double credits) =>
        credits.ToString("0.#", CultureInfo.CurrentCulture) + " hp";

    public static string Size(Texts t, bool creditBearing, double? credits, int? hours) =>
        creditBearing && credits is { } hp ? Credits(hp) : t["module.hours", hours ?? 0];

    public static string Format(Texts t, DeliveryFormat format) => t["format." + format];

    public static string Level(Texts t, CourseLevel? level) => level is { } l ? t["level." + l] : t["level.none"];

    public static string Target(Texts t, TargetGroups target) => t["target." + target];

    public static string Money(int sek) => sek.ToString("N0", CultureInfo.CurrentCulture) + " kr";

    public static string LanguageName(Texts t, string code) => t["language." + code];
}
