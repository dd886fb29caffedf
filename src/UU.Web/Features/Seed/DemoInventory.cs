using UU.Web.Data;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Inventory;

namespace UU.Web.Features.Seed;

/// <summary>Demo themes on modules, one decided inventory round and one open round.</summary>
public static class DemoInventory
{
    public static async Task SeedAsync(UuDbContext db, DemoGraph graph, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var themes = new (Theme Theme, string[] Words)[]
        {
            (new Theme { Slug = "klimat-och-hallbarhet", NameSv = "Klimat och hållbarhet", NameEn = "Climate and sustainability", DescriptionSv = "Utbildningar för omställningen: miljö, klimat och hållbar utveckling i verksamheten.", DescriptionEn = "Modules for the transition: environment, climate and sustainable development at work." }, ["hållbar", "klimat", "miljö", "natur", "geografi"]),
            (new Theme { Slug = "digitalisering", NameSv = "Digitalisering", NameEn = "Digitalisation", DescriptionSv = "Digitala verktyg, informationssäkerhet och digital kompetens.", DescriptionEn = "Digital tools, information security and digital skills." }, ["digital", "data", "informat", "arkiv", "dokument"]),
            (new Theme { Slug = "ledarskap", NameSv = "Ledarskap", NameEn = "Leadership", DescriptionSv = "För chefer och ledare i skola, kommun och företag.", DescriptionEn = "For managers and leaders in schools, municipalities and firms." }, ["ledar", "chef", "styrning", "rektor", "organisation"]),
        };
        db.Themes.AddRange(themes.Select(t => t.Theme));
        var published = graph.Modules.Where(m => m.Status == ContentStatus.Published).ToList();
        foreach (var (theme, words) in themes)
        {
            var tagged = published.Where(m => words.Any(w => m.TitleSv.Contains(w, StringComparison.OrdinalIgnoreCase) || m.SummarySv.Contains(w, StringComparison.OrdinalIgnoreCase))).Take(6).ToList();
            foreach (var module in tagged.Count > 0 ? tagged : published.Take(2))
            {
                db.ModuleThemes.Add(new ModuleTheme { Module = module, Theme = theme });
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        // The subjects with the most courses no module uses: the first has a decided round, the second an open one.
        var used = graph.Modules.SelectMany(m => m.Courses).Select(c => c.Course!).ToHashSet();
        var bySubject = graph.Subjects
            .Select(s => (Subject: s, Unused: graph.Courses.Where(c => c.Subject == s && !used.Contains(c)).OrderBy(c => c.Code, StringComparer.Ordinal).ToList()))
            .Where(s => s.Unused.Count >= 2 && s.Subject.Contacts.Count > 0)
            .OrderByDescending(s => s.Unused.Count).ThenBy(s => s.Subject.Slug, StringComparer.Ordinal)
            .Take(2).ToList();
        if (bySubject.Count < 2)
        {
            return;
        }
        var (decidedSubject, decidedCourses) = bySubject[0];
        var contact = decidedSubject.Contacts[0];
        var openedAt = now.AddDays(-60);
        var decided = new InventoryRound
        {
            SubjectId = decidedSubject.Id, OpenedAt = openedAt, OpenedBy = "samordnare@uu-demo.se",
            CollegiumDecisionOn = UU.Scrapers.SwedishTime.Today(now.AddDays(-14)), Summary = "Ämneskollegiet gick igenom kurserna. En kurs går vidare som modul; en passar inte som uppdragsutbildning.",
            ClosedAt = now.AddDays(-14), ClosedBy = "samordnare@uu-demo.se",
            Invitees = [new InventoryInvitee { Name = contact.Name, Role = contact.Role, Email = contact.Email }],
        };
        db.InventoryRounds.Add(decided);
        await db.SaveChangesAsync(cancellationToken);
        var candidate = decidedCourses[0];
        var unsuitable = decidedCourses[1];
        db.CourseMarks.AddRange(
            new CourseMark { CourseId = candidate.Id, State = CourseMarkState.Candidate, Comment = "Efterfrågas av kommunerna i regionen.", RoundId = decided.Id, ByEmail = contact.Email, ByName = contact.Name, At = openedAt.AddDays(7) },
            new CourseMark { CourseId = unsuitable.Id, State = CourseMarkState.NotSuitable, Reason = "Kräver laborationer på campus med utrustning som inte kan flyttas.", RoundId = decided.Id, ByEmail = contact.Email, ByName = contact.Name, At = openedAt.AddDays(8) });
        decided.Record =
        [
            new InventoryRecordRow { CourseId = candidate.Id, Code = candidate.Code, Title = candidate.TitleSv, Credits = candidate.Credits, State = InventoryState.Candidate, Comment = "Efterfrågas av kommunerna i regionen.", MarkedBy = contact.Name, MarkedAt = openedAt.AddDays(7), Decided = true },
            new InventoryRecordRow { CourseId = unsuitable.Id, Code = unsuitable.Code, Title = unsuitable.TitleSv, Credits = unsuitable.Credits, State = InventoryState.NotSuitable, Reason = "Kräver laborationer på campus med utrustning som inte kan flyttas.", MarkedBy = contact.Name, MarkedAt = openedAt.AddDays(8) },
        ];
        var (openSubject, openCourses) = bySubject[1];
        var openContact = openSubject.Contacts[0];
        var open = new InventoryRound
        {
            SubjectId = openSubject.Id, OpenedAt = now.AddDays(-7), OpenedBy = "samordnare@uu-demo.se",
            Invitees = [new InventoryInvitee { Name = openContact.Name, Role = openContact.Role, Email = openContact.Email }],
        };
        db.InventoryRounds.Add(open);
        await db.SaveChangesAsync(cancellationToken);
        db.CourseMarks.Add(new CourseMark { CourseId = openCourses[0].Id, State = CourseMarkState.Candidate, Comment = "Kan passa som fortbildning för lärare.", RoundId = open.Id, ByEmail = openContact.Email, ByName = openContact.Name, At = now.AddDays(-3) });
        await db.SaveChangesAsync(cancellationToken);
    }
}
