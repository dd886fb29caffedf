using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using UU.Web.Data;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Content;
using UU.Web.Infrastructure;
using UU.Web.Features.Audit;

namespace UU.Web.Features.Catalogue;

/// <summary>A module as the office edits it. Saved as the module's draft; publishing copies it to the live columns.</summary>
public sealed record ModuleDraft
{
    public string TitleSv { get; init; } = "";
    public string? TitleEn { get; init; }
    public string Slug { get; init; } = "";
    public string SummarySv { get; init; } = "";
    public string? SummaryEn { get; init; }
    public string? OutcomesSv { get; init; }
    public string? OutcomesEn { get; init; }
    public string? TargetGroupTextSv { get; init; }
    public string? TargetGroupTextEn { get; init; }
    public List<string> Targets { get; init; } = [];
    public string? SubjectSlug { get; init; }
    public bool CreditBearing { get; init; }
    public string? Credits { get; init; }
    public string? Hours { get; init; }
    public string? Level { get; init; }
    public string Format { get; init; } = "distans";
    public string Language { get; init; } = "sv";
    public string PriceModel { get; init; } = "PerParticipant";
    public string? PriceSek { get; init; }
    public string? MinParticipants { get; init; }
    public string? MaxParticipants { get; init; }
    public bool Featured { get; init; }
    /// <summary>One course a line: "CODE", or "CODE | part name | part credits".</summary>
    public string? Courses { get; init; }

    private static readonly JsonSerializerOptions Json = new();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ModuleDraft FromJson(string json) => JsonSerializer.Deserialize<ModuleDraft>(json, Json)!;

    /// <summary>Every field as (name, text), for the version diff.</summary>
    public IEnumerable<(string Name, string Text)> Texts() =>
        typeof(ModuleDraft).GetProperties().Select(p => (p.Name, p.GetValue(this) switch
        {
            null => "",
            IEnumerable<string> list => string.Join("\n", list),
            bool b => b ? "ja" : "nej",
            var v => v.ToString() ?? "",
        }));

    public static ModuleDraft From(Module m) => new()
    {
        TitleSv = m.TitleSv, TitleEn = m.TitleEn, Slug = m.Slug, SummarySv = m.SummarySv, SummaryEn = m.SummaryEn,
        OutcomesSv = m.OutcomesSv, OutcomesEn = m.OutcomesEn, TargetGroupTextSv = m.TargetGroupTextSv, TargetGroupTextEn = m.TargetGroupTextEn,
        Targets = CatalogueCodes.Targets.Where(t => m.TargetGroups.HasFlag(t.Value)).Select(t => t.Key).ToList(),
        SubjectSlug = m.Subject?.Slug, CreditBearing = m.CreditBearing,
        Credits = m.Credits?.ToString(CultureInfo.InvariantCulture), Hours = m.Hours?.ToString(CultureInfo.InvariantCulture),
        Level = m.Level is { } l ? CatalogueCodes.Code(l) : null, Format = CatalogueCodes.Code(m.Format), Language = m.Language,
        PriceModel = m.PriceModel.ToString(), PriceSek = m.PriceSek?.ToString(CultureInfo.InvariantCulture),
        MinParticipants = m.MinParticipants?.ToString(CultureInfo.InvariantCulture), MaxParticipants = m.MaxParticipants?.ToString(CultureInfo.InvariantCulture),
        Featured = m.Featured,
        Courses = string.Join("\n", m.Courses.Where(c => c.Course is not null).OrderBy(c => c.Course!.Code).Select(c =>
            c.PartSv is null ? c.Course!.Code : $"{c.Course!.Code} | {c.PartSv}{(c.PartCredits is { } pc ? " | " + pc.ToString(CultureInfo.InvariantCulture) : "")}")),
    };
}

/// <summary>A snapshot of a module's draft at a save, publish or rollback.</summary>
public sealed class ModuleVersion
{
    public long Id { get; set; }
    public int ModuleId { get; set; }
    public int Number { get; set; }
    public required string Json { get; set; }
    public required string Event { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
}

public sealed record ModuleOutcome(Module? Module, IReadOnlyDictionary<string, string> Errors, bool Conflict)
{
    public bool Succeeded => Module is not null && Errors.Count == 0 && !Conflict;
}

/// <summary>Office changes to modules: drafts, publishing (with redirects when the slug changes), unpublishing.</summary>
public sealed partial class ModuleEditing(UuDbContext db, TimeProvider clock, AuditTrail audit, IHttpContextAccessor http)
{
    private void Snapshot(Module module, string json, string what) =>
        db.ModuleVersions.Add(new ModuleVersion { ModuleId = module.Id, Number = module.Version, Json = json, Event = what, CreatedAt = clock.GetUtcNow(), CreatedBy = http.HttpContext?.User.Identity?.Name });

    public async Task<ModuleOutcome> RollbackAsync(int id, int number, int basedOnVersion, CancellationToken cancellationToken)
    {
        var module = await db.Modules.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        var version = await db.ModuleVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ModuleId == id && v.Number == number, cancellationToken);
        if (module is null || version is null)
        {
            return new ModuleOutcome(null, new Dictionary<string, string> { ["Id"] = "content.error.notFound" }, false);
        }
        if (module.Version != basedOnVersion)
        {
            return new ModuleOutcome(module, new Dictionary<string, string>(), true);
        }
        module.DraftJson = version.Json;
        module.Version++;
        Snapshot(module, version.Json, $"rolled back to version {number.ToString(CultureInfo.InvariantCulture)}");
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("module-rolled-back", "module", id.ToString(CultureInfo.InvariantCulture), $"to version {number.ToString(CultureInfo.InvariantCulture)}", cancellationToken: cancellationToken);
        return new ModuleOutcome(module, new Dictionary<string, string>(), false);
    }

    public async Task<ModuleOutcome> SaveDraftAsync(int? id, ModuleDraft draft, int basedOnVersion, CancellationToken cancellationToken)
    {
        var module = id is null ? null : await db.Modules.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (id is not null && module is null)
        {
            return new ModuleOutcome(null, new Dictionary<string, string> { ["Id"] = "content.error.notFound" }, false);
        }
        if (module is not null && module.Version != basedOnVersion)
        {
            return new ModuleOutcome(module, new Dictionary<string, string>(), true);
        }
        draft = draft with { Slug = string.IsNullOrWhiteSpace(draft.Slug) ? Slugs.From(draft.TitleSv) : draft.Slug.Trim().ToLowerInvariant() };
        var (errors, _) = await ValidateAsync(draft, module?.Id, cancellationToken);
        if (errors.Count > 0)
        {
            return new ModuleOutcome(module, errors, false);
        }
        var now = clock.GetUtcNow();
        if (module is null)
        {
            // A new module starts hidden, with its draft applied so it can be previewed and published.
            module = new Module { Slug = draft.Slug, TitleSv = draft.TitleSv, SummarySv = draft.SummarySv, Status = ContentStatus.Draft, CreatedAt = now, UpdatedAt = now, SubjectId = 0 };
            await ApplyAsync(module, draft, cancellationToken);
            db.Modules.Add(module);
        }
        module.DraftJson = draft.ToJson();
        module.Version++;
        module.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ModuleOutcome(await db.Modules.AsNoTracking().FirstAsync(m => m.Id == module.Id, cancellationToken), new Dictionary<string, string>(), true);
        }
        Snapshot(module, module.DraftJson, "saved");
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("module-saved", "module", module.Id.ToString(CultureInfo.InvariantCulture), draft.TitleSv, cancellationToken: cancellationToken);
        return new ModuleOutcome(module, new Dictionary<string, string>(), false);
    }

    public async Task<ModuleOutcome> PublishAsync(int id, int basedOnVersion, CancellationToken cancellationToken)
    {
        var module = await db.Modules.Include(m => m.Courses).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (module is null)
        {
            return new ModuleOutcome(null, new Dictionary<string, string> { ["Id"] = "content.error.notFound" }, false);
        }
        if (module.Version != basedOnVersion)
        {
            return new ModuleOutcome(module, new Dictionary<string, string>(), true);
        }
        if (module.DraftJson is { } json)
        {
            var draft = ModuleDraft.FromJson(json);
            if (module.Status == ContentStatus.Published && module.Slug != draft.Slug)
            {
                await Redirects.RecordMoveAsync(db, "/utbildningar/" + module.Slug, "/utbildningar/" + draft.Slug, clock.GetUtcNow(), cancellationToken);
            }
            await ApplyAsync(module, draft, cancellationToken);
            module.DraftJson = null;
        }
        module.Status = ContentStatus.Published;
        module.PublishedAt ??= clock.GetUtcNow();
        module.UpdatedAt = clock.GetUtcNow();
        module.Version++;
        await db.Entry(module).Reference(m => m.Subject).LoadAsync(cancellationToken);
        await db.Entry(module).Collection(m => m.Courses).Query().Include(c => c.Course).LoadAsync(cancellationToken);
        Snapshot(module, ModuleDraft.From(module).ToJson(), "published");
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("module-published", "module", id.ToString(CultureInfo.InvariantCulture), module.TitleSv, cancellationToken: cancellationToken);
        return new ModuleOutcome(module, new Dictionary<string, string>(), false);
    }

    public async Task<ModuleOutcome> UnpublishAsync(int id, int basedOnVersion, CancellationToken cancellationToken)
    {
        var module = await db.Modules.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (module is null || module.Version != basedOnVersion)
        {
            return new ModuleOutcome(module, new Dictionary<string, string>(), module is not null);
        }
        module.Status = ContentStatus.Draft;
        module.Version++;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("module-unpublished", "module", id.ToString(CultureInfo.InvariantCulture), module.TitleSv, cancellationToken: cancellationToken);
        return new ModuleOutcome(module, new Dictionary<string, string>(), false);
    }

    /// <summary>The module as it will look once its draft is published (for the editor's preview; nothing is saved).</summary>
    public async Task<Module> PreviewAsync(Module module, CancellationToken cancellationToken)
    {
        if (module.DraftJson is not { } json)
        {
            return module;
        }
        await ApplyAsync(module, ModuleDraft.FromJson(json), cancellationToken);
        var courseIds = module.Courses.Select(c => c.CourseId).ToList();
        var courses = await db.Courses.AsNoTracking().Where(c => courseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var link in module.Courses)
        {
            link.Course = courses[link.CourseId];
        }
        module.Subject = await db.Subjects.AsNoTracking().Include(s => s.Contacts).Include(s => s.Department).FirstAsync(s => s.Id == module.SubjectId, cancellationToken);
        return module;
    }

    private async Task ApplyAsync(Module m, ModuleDraft d, CancellationToken cancellationToken)
    {
        var (_, parsed) = await ValidateAsync(d, m.Id == 0 ? null : m.Id, cancellationToken);
        m.TitleSv = d.TitleSv.Trim();
        m.TitleEn = Blank(d.TitleEn);
        m.Slug = d.Slug;
        m.SummarySv = d.SummarySv.Trim();
        m.SummaryEn = Blank(d.SummaryEn);
        m.OutcomesSv = Blank(d.OutcomesSv);
        m.OutcomesEn = Blank(d.OutcomesEn);
        m.TargetGroupTextSv = Blank(d.TargetGroupTextSv);
        m.TargetGroupTextEn = Blank(d.TargetGroupTextEn);
        m.TargetGroups = d.Targets.Aggregate(TargetGroups.None, (all, t) => all | CatalogueCodes.Targets[t]);
        m.SubjectId = parsed.SubjectId;
        m.CreditBearing = d.CreditBearing;
        m.Credits = d.CreditBearing ? parsed.Credits : null;
        m.Hours = d.CreditBearing ? null : parsed.Hours;
        m.Level = d.CreditBearing && d.Level is not null ? CatalogueCodes.Levels[d.Level] : null;
        m.Format = CatalogueCodes.Formats[d.Format];
        m.Language = d.Language;
        m.PriceModel = Enum.Parse<PriceModel>(d.PriceModel);
        m.PriceSek = parsed.Price;
        m.MinParticipants = parsed.Min;
        m.MaxParticipants = parsed.Max;
        m.Featured = d.Featured;
        m.UpdateStudyHours();
        m.Courses.Clear();
        foreach (var (courseId, part, partCredits) in parsed.Courses)
        {
            m.Courses.Add(new ModuleCourse { CourseId = courseId, PartSv = part, PartCredits = partCredits });
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public sealed record Parsed(int SubjectId, double? Credits, int? Hours, int? Price, int? Min, int? Max, List<(int CourseId, string? Part, double? PartCredits)> Courses);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    private async Task<(Dictionary<string, string> Errors, Parsed Parsed)> ValidateAsync(ModuleDraft d, int? id, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(d.TitleSv)) errors["TitleSv"] = "inquiry.error.required";
        else if (d.TitleSv.Length > 300) errors["TitleSv"] = "inquiry.error.tooLong";
        if (string.IsNullOrWhiteSpace(d.SummarySv)) errors["SummarySv"] = "inquiry.error.required";
        else if (d.SummarySv.Length > 2000) errors["SummarySv"] = "inquiry.error.tooLong";
        foreach (var (name, value, limit) in new[] { ("TitleEn", d.TitleEn, 300), ("SummaryEn", d.SummaryEn, 2000), ("OutcomesSv", d.OutcomesSv, 4000), ("OutcomesEn", d.OutcomesEn, 4000), ("TargetGroupTextSv", d.TargetGroupTextSv, 300), ("TargetGroupTextEn", d.TargetGroupTextEn, 300) })
        {
            if (value is { Length: > 0 } && value.Length > limit) errors[name] = "inquiry.error.tooLong";
            else if (value is not null && value.Any(c => char.IsControl(c) && c is not '\n' and not '\r')) errors[name] = "inquiry.error.controlCharacters";
        }
        if (d.Slug.Length is 0 or > 150 || !SlugPattern().IsMatch(d.Slug)) errors["Slug"] = "content.error.slug";
        else if (await db.Modules.AnyAsync(m => m.Slug == d.Slug && m.Id != (id ?? 0), cancellationToken)) errors["Slug"] = "content.error.slugTaken";
        var subjectId = d.SubjectSlug is null ? 0 : await db.Subjects.Where(s => s.Slug == d.SubjectSlug).Select(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (subjectId == 0) errors["SubjectSlug"] = "content.error.subject";
        if (d.Targets.Any(t => !CatalogueCodes.Targets.ContainsKey(t))) errors["Targets"] = "inquiry.error.choice";
        if (!CatalogueCodes.Formats.ContainsKey(d.Format)) errors["Format"] = "inquiry.error.choice";
        if (d.Language is not ("sv" or "en")) errors["Language"] = "inquiry.error.choice";
        if (!Enum.TryParse<PriceModel>(d.PriceModel, out _)) errors["PriceModel"] = "inquiry.error.choice";
        double? credits = null;
        int? hours = null;
        if (d.CreditBearing)
        {
            if (!double.TryParse((d.Credits ?? "").Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var c) || c is <= 0 or > 120)
                errors["Credits"] = "module.error.credits";
            else credits = c;
            if (d.Level is null || !CatalogueCodes.Levels.ContainsKey(d.Level)) errors["Level"] = "inquiry.error.choice";
        }
        else if (!int.TryParse(d.Hours, NumberStyles.None, CultureInfo.InvariantCulture, out var h) || h is < 1 or > 2000)
        {
            errors["Hours"] = "module.error.hours";
        }
        else
        {
            hours = h;
        }
        int? Number(string field, string? value, int largest)
        {
            if (string.IsNullOrWhiteSpace(value)) return null;
            if (int.TryParse(value.Replace(" ", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= largest) return n;
            errors[field] = "module.error.number";
            return null;
        }
        var price = Number("PriceSek", d.PriceSek, 100_000_000);
        var min = Number("MinParticipants", d.MinParticipants, 10_000);
        var max = Number("MaxParticipants", d.MaxParticipants, 10_000);
        if (min is { } lo && max is { } hi && lo > hi) errors["MaxParticipants"] = "module.error.minMax";
        var courses = new List<(int, string?, double?)>();
        var lines = (d.Courses ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var codes = lines.Select(l => l.Split('|', 3, StringSplitOptions.TrimEntries)[0].ToUpperInvariant()).ToList();
        var known = await db.Courses.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Id, cancellationToken);
        foreach (var line in lines)
        {
            var parts = line.Split('|', 3, StringSplitOptions.TrimEntries);
            if (!known.TryGetValue(parts[0].ToUpperInvariant(), out var courseId) || courses.Any(c => c.Item1 == courseId))
            {
                errors["Courses"] = "module.error.course";
                continue;
            }
            double? partCredits = null;
            if (parts.Length == 3)
            {
                if (double.TryParse(parts[2].Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pc) && pc > 0) partCredits = pc;
                else errors["Courses"] = "module.error.course";
            }
            courses.Add((courseId, parts.Length >= 2 && parts[1].Length > 0 ? parts[1] : null, partCredits));
        }
        if (courses.Count == 0 && !errors.ContainsKey("Courses")) errors["Courses"] = "module.error.noCourse";
        return (errors, new Parsed(subjectId, credits, hours, price, min, max, courses));
    }
}

internal sealed class ModuleVersionConfiguration : IEntityTypeConfiguration<ModuleVersion>
{
    public void Configure(EntityTypeBuilder<ModuleVersion> builder)
    {
        builder.HasIndex(x => new { x.ModuleId, x.Number }).IsUnique();
        builder.Property(x => x.Event).HasMaxLength(100);
        builder.Property(x => x.CreatedBy).HasMaxLength(256);
        builder.HasOne<Module>().WithMany().HasForeignKey(x => x.ModuleId).OnDelete(DeleteBehavior.Cascade);
    }
}
