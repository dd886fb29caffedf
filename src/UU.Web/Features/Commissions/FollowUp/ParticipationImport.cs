using CsvHelper;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Shared;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Commissions.FollowUp;

public sealed record ParticipationImportResult(int Imported, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Participants per case from a CSV extract (the study administration's): reference,participants,women,hst,hpr, comma or
/// semicolon separated, Swedish or English column names. Every row is checked first; one bad row and nothing is written,
/// and each problem names its line and column.
/// </summary>
public sealed class ParticipationImport(UuDbContext db, FollowUpService followUp, TimeProvider clock)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["reference"] = "reference", ["referensnummer"] = "reference", ["ärende"] = "reference",
        ["participants"] = "participants", ["deltagare"] = "participants",
        ["women"] = "women", ["kvinnor"] = "women",
        ["hst"] = "hst", ["hpr"] = "hpr",
    };

    public async Task<ParticipationImportResult> ImportAsync(string text, string? by, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var malformed = new List<CsvMalformedRecord>();
        var options = CsvFiles.Options(text, malformed);
        using var csv = CsvReader.FromText(text.TrimStart('\uFEFF'), options);
        var header = csv.Headers.Select(h => Columns.GetValueOrDefault(h.Trim(), h.Trim().ToLowerInvariant())).ToList();
        foreach (var required in new[] { "reference", "participants", "women" })
        {
            if (!header.Contains(required))
            {
                problems.Add(new ImportProblem(1, "header", $"the column '{required}' is missing (expected reference,participants,women,hst,hpr)."));
            }
        }
        if (problems.Count > 0)
        {
            return new ParticipationImportResult(0, problems);
        }
        var rows = new List<(int Line, string Reference, string?[] Raw)>();
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            var fields = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? "").ToList();
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (fields.Count != header.Count)
            {
                problems.Add(new ImportProblem(line, "row", $"has {fields.Count} fields but the header has {header.Count}."));
                continue;
            }
            string? Field(string name) => header.IndexOf(name) is var i and >= 0 ? fields[i].Trim() : null;
            var reference = Field("reference") ?? "";
            if (reference.Length == 0)
            {
                problems.Add(new ImportProblem(line, "reference", "is empty: give the case's reference number (UU-2024-0012)."));
                continue;
            }
            rows.Add((line, reference, [Field("participants"), Field("women"), Field("hst"), Field("hpr")]));
        }
        foreach (var bad in malformed)
        {
            problems.Add(new ImportProblem((int)bad.LineNumber, "row", bad.Reason == CsvMalformedReason.UnterminatedQuote
                ? "a quoted value is never closed (a closing \" is missing)." : "has text after a closing quote; write a \" inside a quoted value as \"\"."));
        }
        var references = rows.Select(r => r.Reference).Distinct().ToList();
        var cases = await db.Inquiries.AsNoTracking().Where(i => references.Contains(i.ReferenceNumber))
            .Select(i => new { i.Id, i.ReferenceNumber, i.GivesCredits, i.Phase, i.Outcome }).ToDictionaryAsync(i => i.ReferenceNumber, StringComparer.Ordinal, cancellationToken);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var valid = new List<(int Id, (int, int, decimal?, decimal?) Figures)>();
        foreach (var row in rows)
        {
            if (!cases.TryGetValue(row.Reference, out var c))
            {
                problems.Add(new ImportProblem(row.Line, "reference", $"no case has the reference number '{row.Reference}'."));
                continue;
            }
            if (seen.TryGetValue(row.Reference, out var earlier))
            {
                problems.Add(new ImportProblem(row.Line, "reference", $"'{row.Reference}' is already on line {earlier}."));
                continue;
            }
            seen[row.Reference] = row.Line;
            if (!(c.Phase is CasePhase.Delivery or CasePhase.FollowUp || c.Outcome == CaseOutcome.Won))
            {
                problems.Add(new ImportProblem(row.Line, "reference", $"{row.Reference} is not a commission (not won, delivered or followed up)."));
                continue;
            }
            var figures = FollowUpService.ReadParticipation(row.Raw[0], row.Raw[1], row.Raw[2], row.Raw[3], c.GivesCredits == true,
                (field, message) => problems.Add(new ImportProblem(row.Line, field, message + ".")));
            if (figures is { } f)
            {
                valid.Add((c.Id, f));
            }
        }
        if (problems.Count > 0)
        {
            return new ParticipationImportResult(0, [.. problems.OrderBy(p => p.Row)]);
        }
        foreach (var (id, figures) in valid)
        {
            await followUp.ApplyParticipationAsync(id, figures, by, cancellationToken);
            db.CaseEvents.Add(CaseEvent.Of(id, clock.GetUtcNow(), by, "participants", $"{figures.Item1} ({figures.Item2}), import"));
        }
        await db.SaveChangesAsync(cancellationToken);
        return new ParticipationImportResult(valid.Count, []);
    }
}
