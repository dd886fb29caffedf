using UU.Web.Data;

namespace UU.Web.Features.Catalogue;

/// <summary>The Swedish URL words for filter values, one place for parsing and for building links.</summary>
public static class CatalogueCodes
{
    public static readonly IReadOnlyDictionary<string, CourseLevel> Levels = new Dictionary<string, CourseLevel>(StringComparer.OrdinalIgnoreCase)
    {
        ["grund"] = CourseLevel.First,
        ["avancerad"] = CourseLevel.Second,
    };

    public static readonly IReadOnlyDictionary<string, DeliveryFormat> Formats = new Dictionary<string, DeliveryFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["distans"] = DeliveryFormat.Distance,
        ["campus"] = DeliveryFormat.Campus,
        ["hos-kund"] = DeliveryFormat.OnSite,
        ["blandat"] = DeliveryFormat.Blended,
    };

    public static readonly IReadOnlyDictionary<string, TargetGroups> Targets = new Dictionary<string, TargetGroups>(StringComparer.OrdinalIgnoreCase)
    {
        ["larare"] = TargetGroups.Teachers,
        ["skolledare"] = TargetGroups.SchoolLeaders,
        ["forskola"] = TargetGroups.PreschoolStaff,
        ["vard"] = TargetGroups.HealthcareStaff,
        ["socialtjanst"] = TargetGroups.SocialServices,
        ["chefer"] = TargetGroups.MunicipalManagers,
        ["foretag"] = TargetGroups.Companies,
        ["myndigheter"] = TargetGroups.PublicAgencies,
    };

    /// <summary>Size bands on the comparable study-hours scale (1.5 hp ≈ 40 h).</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Sizes = new Dictionary<string, (int, int)>(StringComparer.OrdinalIgnoreCase)
    {
        ["kort"] = (0, 40),
        ["medel"] = (41, 200),
        ["lang"] = (201, int.MaxValue),
    };

    public static readonly string[] Sorts = ["titel", "omfattning-stigande", "omfattning-fallande", "nyast"];

    public static readonly string[] Languages = ["sv", "en"];

    public static string Code(DeliveryFormat format) => Formats.First(p => p.Value == format).Key;

    public static string Code(CourseLevel level) => Levels.First(p => p.Value == level).Key;

    public static IEnumerable<TargetGroups> Split(TargetGroups groups) =>
        Targets.Values.Where(g => groups.HasFlag(g));
}
