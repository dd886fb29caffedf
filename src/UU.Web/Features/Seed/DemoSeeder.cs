using UU.Web.Data;
using UU.Web.Features.Catalogue;

namespace UU.Web.Features.Seed;

public sealed record SeedCounts(int Subjects, int Courses, int Modules);

/// <summary>Writes the demo catalogue into an empty database in one transaction.</summary>
public sealed class DemoSeeder(UuDbContext db, TimeProvider clock, UU.Web.Features.Media.MediaLibrary media, UU.Web.Features.Staff.StaffDocuments staffDocuments, Microsoft.Extensions.Options.IOptions<UU.Web.Infrastructure.SeedOptions> options)
{
    public async Task<SeedCounts> SeedAsync(CancellationToken cancellationToken)
    {
        var graph = DemoGraph.Build(clock.GetUtcNow());
        db.Faculties.AddRange(graph.Faculties);
        db.Subjects.AddRange(graph.Subjects);
        db.Courses.AddRange(graph.Courses);
        db.Modules.AddRange(graph.Modules);
        await db.SaveChangesAsync(cancellationToken);
        await DemoContent.SeedAsync(db, media, clock.GetUtcNow(), cancellationToken);
        await DemoInventory.SeedAsync(db, graph, clock.GetUtcNow(), cancellationToken);
        await DemoStaff.SeedAsync(db, staffDocuments, clock.GetUtcNow(), cancellationToken);
        if (options.Value.DemoCases)
        {
            await DemoCases.SeedAsync(db, graph.Subjects, cancellationToken);
            await UU.Web.Features.Evaluations.DemoEvaluations.SeedAsync(db, cancellationToken);
        }
        await DemoEconomy.SeedAsync(db, clock.GetUtcNow(), cancellationToken);
        return new SeedCounts(graph.Subjects.Count, graph.Courses.Count, graph.Modules.Count);
    }
}

/// <summary>The demo catalogue as entities in memory (no database), for the seeder and the search benchmark.</summary>
public sealed record DemoGraph(List<Faculty> Faculties, List<Subject> Subjects, List<Course> Courses, List<Module> Modules)
{
    public static DemoGraph Build(DateTimeOffset now)
    {
        var faculties = DemoCatalogue.Faculties.ToDictionary(f => f.Key, f => new Faculty { NameSv = f.NameSv, NameEn = f.NameEn });
        var departments = DemoCatalogue.Departments.ToDictionary(
            d => d.Key,
            d => new Department { NameSv = d.NameSv, NameEn = d.NameEn, Faculty = faculties[d.Faculty] });

        var subjects = new Dictionary<string, Subject>();
        foreach (var row in DemoCatalogue.Subjects)
        {
            var localPart = row.ContactName.ToLowerInvariant().Replace(' ', '.')
                .Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o');
            subjects[row.Slug] = new Subject
            {
                Slug = row.Slug,
                NameSv = row.NameSv,
                NameEn = row.NameEn,
                DescriptionSv = row.DescriptionSv,
                DescriptionEn = DemoTranslations.SubjectDescriptions.GetValueOrDefault(row.Slug),
                Department = departments[row.Department],
                Contacts = [new SubjectContact { Name = row.ContactName, Role = row.ContactRole, Email = $"{localPart}@uu-demo.se", Phone = "010-142 80 00" }],
            };
        }

        var courses = new Dictionary<string, Course>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in DemoCatalogue.Courses)
        {
            var subject = subjects[row.Subject];
            courses[row.Code] = new Course
            {
                Code = row.Code,
                TitleSv = row.TitleSv,
                TitleEn = row.TitleEn,
                Credits = row.Credits,
                Level = row.Level,
                Subject = subject,
                Department = subject.Department,
                DescriptionSv = row.DescriptionSv,
                OutcomesSv = "Efter kursen ska den studerande kunna redogöra för centrala begrepp inom området och tillämpa dem i sin yrkesverksamhet.",
                OutcomesEn = "After the course the student is expected to account for the central concepts of the field and apply them in professional practice.",
                UpdatedAt = now,
            };
        }

        var modules = new List<Module>();
        foreach (var row in DemoCatalogue.Modules)
        {
            var module = new Module
            {
                Slug = row.Slug,
                TitleSv = row.TitleSv,
                TitleEn = row.TitleEn,
                SummarySv = row.SummarySv,
                SummaryEn = row.SummaryEn,
                OutcomesSv = row.OutcomesSv,
                OutcomesEn = DemoTranslations.Modules.TryGetValue(row.Slug, out var english) ? english.Outcomes : null,
                TargetGroups = row.Targets,
                TargetGroupTextSv = row.TargetTextSv,
                TargetGroupTextEn = DemoTranslations.Modules.TryGetValue(row.Slug, out var target) ? target.Target : null,
                CreditBearing = row.Credits is not null,
                Credits = row.Credits,
                Hours = row.Hours,
                Format = row.Format,
                Language = row.Language,
                PriceModel = row.Price,
                PriceSek = row.PriceSek,
                MinParticipants = row.Min,
                MaxParticipants = row.Max,
                Status = row.Published ? ContentStatus.Published : ContentStatus.Draft,
                PublishedAt = row.Published ? now : null,
                CollegiumApprovedOn = row.Published ? UU.Scrapers.SwedishTime.Today(now) : null,
                Featured = row.Featured,
                Subject = subjects[row.Subject],
                CreatedAt = now,
                UpdatedAt = now,
                Courses = row.Courses.Select(c => new ModuleCourse
                {
                    Course = courses[c.Code],
                    PartSv = c.Part,
                    PartCredits = c.PartCredits,
                }).ToList(),
            };
            module.Level = module.CreditBearing ? module.Courses.Max(c => c.Course!.Level) : null;
            module.UpdateStudyHours();
            modules.Add(module);
        }

        return new DemoGraph([.. faculties.Values], [.. subjects.Values], [.. courses.Values], modules);
    }
}
