using System.Globalization;

namespace UU.Scrapers;

/// <summary>Swedish local time (Europe/Stockholm): what Swedish pages write, what editors enter and what coordinators read.</summary>
public static class SwedishTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>A Swedish wall-clock time as an instant.</summary>
    public static DateTimeOffset At(DateTime local) => new(local, Zone.GetUtcOffset(local));

    /// <summary>A deadline given as a day means the end of that day.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => At(day.ToDateTime(new TimeOnly(23, 59)));

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToLocal(now).DateTime);

    /// <summary>"2026-08-25 23:59" in Swedish time.</summary>
    public static string Format(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
