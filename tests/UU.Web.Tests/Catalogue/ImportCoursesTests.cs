using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Features.Cli;
using UU.Web.Features.Catalogue;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Catalogue;

public abstract class ImportCoursesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : UuWebFactory
{
    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(app.DataPath, Guid.NewGuid().ToString("N") + "-" + name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<T> QueryAsync<T>(Func<UuDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<UuDbContext>());
    }

    private async Task<ImportResult> ImportAsync(string path)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CourseImporter>().ImportFileAsync(path, CancellationToken.None);
    }

    [Fact]
    public async Task GoodCsv_ThroughTheCliVerb_UpsertsByCodeAndCreatesNewSubjects()
    {
        var suffix = Random.Shared.Next(100, 999);
        var csv = $"""
            code,title,titleEn,credits,level,subject,description
            GE{suffix}G,Kulturgeografi för planerare,Human Geography for Planners,"7,5",grund,Kulturgeografi {suffix},"Regional utveckling, befolkning och planering."
            PE031G,Pedagogiskt ledarskap i förskolan (reviderad),Pedagogical Leadership in Preschool,7.5,grundnivå,pedagogik,
            """;
        var path = WriteFile("courses.csv", csv);

        var exitCode = await CommandLine.RunAsync(app.Services, ["import-courses", path]);

        Assert.Equal(0, exitCode);
        var created = await QueryAsync(db => db.Courses.Include(c => c.Subject).SingleAsync(c => c.Code == $"GE{suffix}G"));
        Assert.Equal("Kulturgeografi för planerare", created.TitleSv);
        Assert.Equal(7.5, created.Credits);
        Assert.Equal(CourseLevel.First, created.Level);
        Assert.Equal($"Kulturgeografi {suffix}", created.Subject!.NameSv);
        Assert.Equal($"kulturgeografi-{suffix}", created.Subject.Slug);
        Assert.Equal("Regional utveckling, befolkning och planering.", created.DescriptionSv);
        var updated = await QueryAsync(db => db.Courses.Include(c => c.Subject).SingleAsync(c => c.Code == "PE031G"));
        Assert.Equal("Pedagogiskt ledarskap i förskolan (reviderad)", updated.TitleSv);
        Assert.Equal("pedagogik", updated.Subject!.Slug);
        Assert.False(string.IsNullOrEmpty(updated.DescriptionSv)); // an empty cell keeps what was there
    }

    [Fact]
    public async Task GoodJson_IsImported()
    {
        var code = $"JS{Random.Shared.Next(100, 999)}A";
        var path = WriteFile("courses.json", $$"""
            [ { "code": "{{code}}", "title": "Rättssociologi", "titleEn": "Sociology of Law", "credits": 15, "level": "avancerad", "subject": "Juridik" } ]
            """);
        var result = await ImportAsync(path);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(1, result.Created);
        var course = await QueryAsync(db => db.Courses.Include(c => c.Subject).SingleAsync(c => c.Code == code));
        Assert.Equal(CourseLevel.Second, course.Level);
        Assert.Equal("juridik", course.Subject!.Slug);
    }

    [Fact]
    public async Task BadRows_ImportNothing_AndEveryProblemIsNamedWithRowAndField()
    {
        var good = $"OK{Random.Shared.Next(100, 999)}G";
        var csv = $"""
            code,title,titleEn,credits,level,subject,description
            {good},En bra kurs,A good course,7.5,grund,Pedagogik,
            ,Kurs utan kod,,7.5,grund,Pedagogik,
            BAD1,Kurs med fel poäng,,sju,grund,Pedagogik,
            BAD2,Kurs med fel nivå,,7.5,forskarnivå,Pedagogik,
            BAD3,,,200,grund,,
            {good},Dubblett,,7.5,grund,Pedagogik,
            """;
        var coursesBefore = await QueryAsync(db => db.Courses.CountAsync());
        var subjectsBefore = await QueryAsync(db => db.Subjects.CountAsync());

        var result = await ImportAsync(WriteFile("bad.csv", csv));
        var exitCode = await CommandLine.RunAsync(app.Services, ["import-courses", WriteFile("bad2.csv", csv)]);

        Assert.False(result.Succeeded);
        Assert.Equal(2, exitCode);
        var problems = result.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("row 3, code: is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("row 4, credits: 'sju' is not a number", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("row 5, level: 'forskarnivå'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("row 6, title: is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("row 6, credits: 200", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("row 6, subject: is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith($"row 7, code: {good} appears again (first on row 2)", StringComparison.Ordinal));
        Assert.Equal(coursesBefore, await QueryAsync(db => db.Courses.CountAsync()));
        Assert.Equal(subjectsBefore, await QueryAsync(db => db.Subjects.CountAsync()));
        Assert.False(await QueryAsync(db => db.Courses.AnyAsync(c => c.Code == good)));
    }

    [Theory]
    [InlineData("broken.json", "[ { \"code\": \"AB123G\", ", "not valid JSON")]
    [InlineData("object.json", "{ \"code\": \"AB123G\" }", "array")]
    [InlineData("header.csv", "kod,titel\nAB123G,Något\n", "the column 'code' is missing")]
    [InlineData("empty.csv", "", "no courses")]
    [InlineData("ragged.csv", "code,title,credits,level,subject\nAB123G,Titel,7.5,grund,Historia,extra,fält\n", "has 7 fields")]
    public async Task MalformedFiles_AreRefusedWithAMessageThatNamesTheProblem(string name, string content, string expected)
    {
        var result = await ImportAsync(WriteFile(name, content));
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unterminated.csv", "code,title,credits,level,subject\nQU{0}G,\"Titel utan slut,7.5,grund,Historia\nQV{0}G,Nästa kurs,7.5,grund,Historia\n", "row 2, title: a quoted value is never closed")]
    [InlineData("short.csv", "code,title,credits,level,subject\nQV{0}G,Nästa kurs,7.5,grund,Historia\nQU{0}G,Titel,7.5,grund\n", "row 3, row: has 4 fields but the header has 5")]
    [InlineData("long.csv", "code;title;credits;level;subject\nQU{0}G;Titel;7,5;grund;Historia;extra\nQV{0}G;Nästa kurs;7,5;grund;Historia\n", "row 2, row: has 6 fields but the header has 5")]
    [InlineData("afterquote.csv", "code,title,credits,level,subject\nQV{0}G,Nästa kurs,7.5,grund,Historia\nQU{0}G,\"Titel\" med citat,7.5,grund,Historia\n", "row 3, row: has text after a closing quote")]
    public async Task BrokenCsvRows_AreRefusedWithTheRowNamed_AndNothingIsImported(string name, string template, string expected)
    {
        var suffix = Random.Shared.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = WriteFile(name, template.Replace("{0}", suffix, StringComparison.Ordinal));
        var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(app.Services, ["import-courses", path], new StringWriter(), error);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", error.ToString(), StringComparison.Ordinal);
        Assert.False(await QueryAsync(db => db.Courses.AnyAsync(c => c.Code == $"QU{suffix}G" || c.Code == $"QV{suffix}G")));
    }

    [Fact]
    public async Task LadokCodesWithSwedishLetters_AreImported_AndStrangeCodesNamed()
    {
        var suffix = Random.Shared.Next(100, 999);
        var decomposed = $"va\u030A{suffix}1"; // "vå" as a Mac export writes it: a ring above combining with the a
        var csv = $"""
            code,title,credits,level,subject
            FÖ{suffix}G,Förvaltningsrätt,7.5,grund,Juridik
            2ÖÄ{suffix},Äldres hälsa,15,grund,Omvårdnad
            {decomposed},Vårdvetenskap,7.5,avancerad,Omvårdnad
            """;
        var result = await ImportAsync(WriteFile("ladok.csv", csv));
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.True(await QueryAsync(db => db.Courses.AnyAsync(c => c.Code == $"FÖ{suffix}G")));
        Assert.True(await QueryAsync(db => db.Courses.AnyAsync(c => c.Code == $"2ÖÄ{suffix}")));
        Assert.True(await QueryAsync(db => db.Courses.AnyAsync(c => c.Code == $"VÅ{suffix}1")));

        var bad = await ImportAsync(WriteFile("bad-codes.csv", $"code,title,credits,level,subject\nFØ{suffix}G,Titel,7.5,grund,Juridik\nPE-{suffix},Titel,7.5,grund,Juridik\n"));
        Assert.False(bad.Succeeded);
        Assert.Contains(bad.Problems, p => p.Row == 2 && p.Field == "code" && p.Message.Contains($"'FØ{suffix}G' is not a course code", StringComparison.Ordinal));
        Assert.Contains(bad.Problems, p => p.Row == 3 && p.Field == "code");
    }

    [Fact]
    public async Task NonUtf8File_IsRefused()
    {
        var path = Path.Combine(app.DataPath, Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllBytesAsync(path, [.. "code,title,credits,level,subject\nAB123G,"u8, 0xC5, 0x72, 0xE5, .. ",7.5,grund,Historia\n"u8]);
        var result = await ImportAsync(path);
        Assert.Contains(result.Problems, p => p.Message.Contains("UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SemicolonSeparatedCsvWithQuotedFields_IsRead()
    {
        var code = $"SC{Random.Shared.Next(100, 999)}G";
        var csv = $"code;title;credits;level;subject;description\n{code};\"Svenska; grammatik och \"\"stil\"\"\";4,5;grund;Svenska som andraspråk;\"Två\nrader\"\n";
        var result = await ImportAsync(WriteFile("semi.csv", csv));
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var course = await QueryAsync(db => db.Courses.SingleAsync(c => c.Code == code));
        Assert.Equal("Svenska; grammatik och \"stil\"", course.TitleSv);
        Assert.Equal("Två\nrader", course.DescriptionSv);
        Assert.Equal(4.5, course.Credits);
    }
}

public sealed class ImportCoursesTestsOnSqlite(SqliteApp app) : ImportCoursesTests<SqliteApp>(app);

public sealed class ImportCoursesTestsOnPostgres(PostgresApp app) : ImportCoursesTests<PostgresApp>(app);
