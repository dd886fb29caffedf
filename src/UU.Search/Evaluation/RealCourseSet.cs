using System.Text.Json;

namespace UU.Search.Evaluation;

/// <summary>
/// The independent judged set of real university courses (tests/UU.Search.Tests/Relevance/Real): the courses as
/// `import-courses` would index them, and the judged queries split into the half tuned on and the half reported, plus
/// the held-out queries (judgments.holdout.json) an assessor wrote later, before seeing any result: never tuned on.
/// </summary>
public sealed record RealCourseSet(IReadOnlyList<SearchDocument> Documents, IReadOnlyList<JudgedQuery> Tune, IReadOnlyList<JudgedQuery> Report, IReadOnlyList<JudgedQuery> Holdout)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public static RealCourseSet Load(string folder)
    {
        var courses = JsonSerializer.Deserialize<List<RealCourse>>(File.ReadAllText(Path.Combine(folder, "courses.json")), JsonOptions)!;
        var judged = JsonSerializer.Deserialize<List<RealJudgment>>(File.ReadAllText(Path.Combine(folder, "judgments.json")), JsonOptions)!;
        var holdoutFile = Path.Combine(folder, "judgments.holdout.json");
        var holdout = File.Exists(holdoutFile) ? JsonSerializer.Deserialize<List<RealJudgment>>(File.ReadAllText(holdoutFile), JsonOptions)! : [];
        // The same fields a course imported with `import-courses` gets: the description is the course's text
        // whatever its language, the subject is searched with it.
        var documents = courses.Select((c, i) => new SearchDocument
        {
            Type = "course",
            Id = i + 1,
            Code = c.Code,
            Slug = c.Code,
            Title = c.Title,
            TitleEn = c.TitleEn,
            Summary = c.Description,
            Body = c.Subject,
            Facets = new Dictionary<string, IReadOnlyList<string>>
            {
                ["level"] = [c.Level?.StartsWith("avancerad", StringComparison.OrdinalIgnoreCase) == true ? "avancerad" : "grund"],
            },
        }).ToList();
        JudgedQuery ToQuery(RealJudgment j) => new(j.Query, j.Grades.ToDictionary(g => "course:" + g.Key, g => g.Value));
        return new RealCourseSet(
            documents,
            judged.Where(j => j.Split == "tune").Select(ToQuery).ToList(),
            judged.Where(j => j.Split == "report").Select(ToQuery).ToList(),
            holdout.Where(j => j.Split == "holdout").Select(ToQuery).ToList());
    }

    private sealed record RealCourse(string Code, string Title, string? TitleEn, string? Level, string? Subject, string? Description);

    private sealed record RealJudgment(string Query, string Kind, string Split, Dictionary<string, int> Grades);
}
