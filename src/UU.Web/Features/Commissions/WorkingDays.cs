using System.ComponentModel.DataAnnotations;
using PublicHoliday;

namespace UU.Web.Features.Commissions;

public sealed class CommissionOptions
{
    public const string Section = "Commissions";

    /// <summary>Working days (weekends and Swedish public holidays not counted) a new case may wait for its first response.</summary>
    [Range(1, 60)]
    public int FirstResponseWorkingDays { get; set; } = 2;
}

/// <summary>Swedish working days: not a weekend and not a public holiday as the PublicHoliday package counts them.</summary>
public static class WorkingDays
{
    private static readonly SwedenPublicHoliday Holidays = new();

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.IsPublicHoliday(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The <paramref name="count"/>th working day after <paramref name="day"/> (the day itself not counted).</summary>
    public static DateOnly After(DateOnly day, int count)
    {
        var d = day;
        for (var n = 0; n < count;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d))
            {
                n++;
            }
        }
        return d;
    }
}
