using System.Text.Json;

namespace UU.Scrapers.Sources;

/// <summary>Times on Swedish pages are Swedish local time.</summary>
internal static class SwedishTime
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateTimeOffset At(DateTime local) => new(local, Stockholm.GetUtcOffset(local));

    /// <summary>A deadline given as a day means the end of that day.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => At(day.ToDateTime(new TimeOnly(23, 59)));
}

internal static class JsonAnswer
{
    /// <summary>Parses a source's JSON answer, naming the source and the line when it is not JSON (a truncated body).</summary>
    public static JsonDocument Parse(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ParseException($"{source} answer is not valid JSON (line {ex.LineNumber + 1}).");
        }
    }
}
