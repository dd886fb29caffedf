using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Shared;
using UU.Web.Infrastructure;

namespace UU.Web.Features.Catalogue;

public sealed record ImportProblem(int Row, string Field, string Message)
{
    public override string ToString() => Row == 0 ? $"{Field}: {Message}" : $"row {Row}, {Field}: {Message}";
}

public sealed record ImportResult(int Created, int Updated, int SubjectsCreated, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>A course row as read from a file, before validation.</summary>
public sealed record CourseRecord(int Row, string? Code, string? Title, string? TitleEn, string? Credits, string? Level, string? Subject, string? Description);

/// <summary>
/// Imports regular courses from a JSON array or a CSV file (code,title,titleEn,credits,level,subject,description).
/// The whole file is validated first: if any row is bad nothing is written and every problem is reported.
/// </summary>
public sealed class CourseImporter(UuDbContext db, TimeProvider clock)
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    private static readonly string[] Columns = ["code", "title", "titleen", "credits", "level", "subject", "description"];

    public Task<ImportResult> ImportFileAsync(string path, CancellationToken cancellationToken) => ImportFileAsync(path, null, cancellationToken);

    /// <param name="progress">Told what the import is doing (reading, checking, saving), for a progress display.</param>
    public async Task<ImportResult> ImportFileAsync(string path, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return Failed(new ImportProblem(0, "file", $"'{path}' does not exist."));
        }
        if (new FileInfo(path).Length > MaxFileBytes)
        {
            return Failed(new ImportProblem(0, "file", $"'{path}' is larger than {MaxFileBytes / (1024 * 1024)} MB."));
        }
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, new UTF8Encoding(false, throwOnInvalidBytes: true), cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return Failed(new ImportProblem(0, "file", "the file is not valid UTF-8 text; save it as UTF-8 and try again."));
        }
        progress?.Report($"Reading {Path.GetFileName(path)}");
        return await ImportTextAsync(text, path.EndsWith(".json", StringComparison.OrdinalIgnoreCase), progress, cancellationToken);
    }

    public Task<ImportResult> ImportTextAsync(string text, bool json, CancellationToken cancellationToken) => ImportTextAsync(text, json, null, cancellationToken);

    public async Task<ImportResult> ImportTextAsync(string text, bool json, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        text = text.TrimStart('\uFEFF');
        var problems = new List<ImportProblem>();
        var records = json || text.TrimStart().StartsWith('[') ? ReadJson(text, problems) : ReadCsv(text, problems);
        if (problems.Count == 0 && records.Count == 0)
        {
            problems.Add(new ImportProblem(0, "file", "the file holds no courses."));
        }

        progress?.Report($"Checking {records.Count} course(s)");
        var valid = new List<(CourseRecord Record, string Code, double Credits, CourseLevel Level)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in records)
        {
            var before = problems.Count;
            var code = CourseCodes.Normalise(r.Code);
            if (code.Length == 0) problems.Add(new(r.Row, "code", "is missing."));
            else if (!CourseCodes.IsValid(code)) problems.Add(new(r.Row, "code", $"'{Clip(r.Code)}' is not a course code (3–12 letters A–Ö and digits, for example PE031G or FÖ117G)."));
            else if (seen.TryGetValue(code, out var first)) problems.Add(new(r.Row, "code", $"{code} appears again (first on row {first})."));
            else seen[code] = r.Row;

            if (string.IsNullOrWhiteSpace(r.Title)) problems.Add(new(r.Row, "title", "is missing."));
            else if (r.Title.Trim().Length > 300) problems.Add(new(r.Row, "title", "is longer than 300 characters."));
            if (r.TitleEn is { Length: > 300 }) problems.Add(new(r.Row, "titleEn", "is longer than 300 characters."));

            var credits = 0.0;
            if (string.IsNullOrWhiteSpace(r.Credits)) problems.Add(new(r.Row, "credits", "is missing."));
            else if (!double.TryParse(r.Credits.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out credits))
                problems.Add(new(r.Row, "credits", $"'{Clip(r.Credits)}' is not a number."));
            else if (credits is <= 0 or > 120 || Math.Abs(credits * 2 - Math.Round(credits * 2)) > 1e-9)
                problems.Add(new(r.Row, "credits", $"{credits.ToString(CultureInfo.InvariantCulture)} must be between 0.5 and 120 in steps of 0.5."));

            var level = ParseLevel(r.Level);
            if (level is null) problems.Add(new(r.Row, "level", string.IsNullOrWhiteSpace(r.Level) ? "is missing." : $"'{Clip(r.Level)}' is not a level (use grund or avancerad)."));

            if (string.IsNullOrWhiteSpace(r.Subject)) problems.Add(new(r.Row, "subject", "is missing."));
            else if (r.Subject.Trim().Length > 200) problems.Add(new(r.Row, "subject", "is longer than 200 characters."));
            if (r.Description is { Length: > 4000 }) problems.Add(new(r.Row, "description", "is longer than 4000 characters."));

            foreach (var (field, value) in new[] { ("code", r.Code), ("title", r.Title), ("titleEn", r.TitleEn), ("subject", r.Subject) })
            {
                if (value is not null && value.Any(char.IsControl))
                {
                    problems.Add(new(r.Row, field, "contains control characters."));
                }
            }
            if (problems.Count == before)
            {
                valid.Add((r, code, credits, level!.Value));
            }
        }
        if (problems.Count > 0)
        {
            return Failed([.. problems]);
        }

        progress?.Report($"Saving {valid.Count} course(s)");
        var now = clock.GetUtcNow();
        var subjects = await db.Subjects.ToListAsync(cancellationToken);
        var codes = valid.Select(v => v.Code).ToList();
        var existing = await db.Courses.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, cancellationToken);
        int created = 0, updated = 0, subjectsCreated = 0;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (record, code, credits, level) in valid)
        {
            var subjectName = record.Subject!.Trim();
            var slug = Slugs.From(subjectName);
            var subject = subjects.FirstOrDefault(s => s.Slug == slug || string.Equals(s.NameSv, subjectName, StringComparison.OrdinalIgnoreCase));
            if (subject is null)
            {
                subject = new Subject { Slug = slug, NameSv = subjectName };
                db.Subjects.Add(subject);
                subjects.Add(subject);
                subjectsCreated++;
            }
            if (!existing.TryGetValue(code, out var course))
            {
                course = new Course { Code = code, TitleSv = "" };
                db.Courses.Add(course);
                existing[code] = course;
                created++;
            }
            else
            {
                updated++;
            }
            course.TitleSv = record.Title!.Trim();
            if (!string.IsNullOrWhiteSpace(record.TitleEn)) course.TitleEn = record.TitleEn.Trim();
            if (!string.IsNullOrWhiteSpace(record.Description)) course.DescriptionSv = record.Description.Trim();
            course.Credits = credits;
            course.Level = level;
            course.Subject = subject;
            course.DepartmentId = subject.DepartmentId;
            course.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportResult(created, updated, subjectsCreated, []);
    }

    private static ImportResult Failed(params ImportProblem[] problems) => new(0, 0, 0, problems);

    private static string Clip(string? value) => value is null ? "" : value.Length > 40 ? value[..40] + "…" : value;

    private static CourseLevel? ParseLevel(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "grund" or "grundnivå" or "grundniva" or "g" or "first" or "first cycle" or "1" => CourseLevel.First,
        "avancerad" or "avancerad nivå" or "avancerad niva" or "a" or "second" or "second cycle" or "2" => CourseLevel.Second,
        _ => null,
    };

    private static List<CourseRecord> ReadJson(string text, List<ImportProblem> problems)
    {
        var records = new List<CourseRecord>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            problems.Add(new ImportProblem(0, "file", $"not valid JSON (line {ex.LineNumber + 1}): {ex.Message.Split('.')[0]}."));
            return records;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new ImportProblem(0, "file", "JSON must be an array of course objects."));
                return records;
            }
            var row = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                row++;
                if (element.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new ImportProblem(row, "row", "is not an object."));
                    continue;
                }
                string? Field(string name)
                {
                    foreach (var p in element.EnumerateObject())
                    {
                        if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                        {
                            return p.Value.ValueKind switch
                            {
                                JsonValueKind.String => p.Value.GetString(),
                                JsonValueKind.Number => p.Value.GetRawText(),
                                JsonValueKind.Null => null,
                                _ => p.Value.GetRawText(),
                            };
                        }
                    }
                    return null;
                }
                records.Add(new CourseRecord(row, Field("code"), Field("title"), Field("titleEn"), Field("credits"), Field("level"), Field("subject"), Field("description")));
            }
        }
        return records;
    }

    private static List<CourseRecord> ReadCsv(string text, List<ImportProblem> problems)
    {
        var records = new List<CourseRecord>();
        var malformed = new List<CsvMalformedRecord>();
        var options = CsvFiles.Options(text, malformed);
        using var csv = CsvReader.FromText(text, options);
        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (header.Count == 0 || header.All(string.IsNullOrEmpty))
        {
            return records;
        }
        foreach (var required in new[] { "code", "title", "credits", "level", "subject" })
        {
            if (!header.Contains(required))
            {
                problems.Add(new ImportProblem(1, "header", $"the column '{required}' is missing (expected {string.Join(',', Columns)})."));
            }
        }
        if (problems.Count > 0)
        {
            return records;
        }
        var fieldCounts = new Dictionary<long, int>();
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            var fields = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? "").ToList();
            fieldCounts[line] = fields.Count;
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (fields.Count != header.Count)
            {
                problems.Add(new ImportProblem(line, "row", $"has {fields.Count} fields but the header has {header.Count}."));
                continue;
            }
            string? Field(string name)
            {
                var index = header.IndexOf(name);
                return index >= 0 ? fields[index] : null;
            }
            records.Add(new CourseRecord(line, Field("code"), Field("title"), Field("titleen"), Field("credits"), Field("level"), Field("subject"), Field("description")));
        }
        foreach (var bad in malformed)
        {
            var line = (int)bad.LineNumber;
            // The broken value is the last field the reader saw on that row: a quote that is never closed runs to the end.
            var column = fieldCounts.TryGetValue(line, out var count) && count > 0 && count <= header.Count ? CsvColumnName(header[count - 1]) : "row";
            switch (bad.Reason)
            {
                case CsvMalformedReason.UnterminatedQuote:
                    // What the reader made of the rest of the file says nothing more: this row's one problem is the quote.
                    problems.RemoveAll(p => p.Row == line && p.Field == "row");
                    records.RemoveAll(r => r.Row == line);
                    problems.Add(new ImportProblem(line, column, "a quoted value is never closed (a closing \" is missing), so the rest of the file would be read as this one value."));
                    break;
                case CsvMalformedReason.TextAfterClosingQuote:
                    problems.Add(new ImportProblem(line, "row", "has text after a closing quote; write a \" inside a quoted value as \"\"."));
                    break;
                default:
                    // A stray quote inside an unquoted value (12" skärm) is kept as text, as spreadsheets mean it.
                    break;
            }
        }
        return records;
    }

    private static string CsvColumnName(string header) => header == "titleen" ? "titleEn" : header;
}
