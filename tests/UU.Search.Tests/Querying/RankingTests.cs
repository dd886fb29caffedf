namespace UU.Search.Tests.Querying;

/// <summary>What a buyer typed ranks above what the engine inferred; genre words never exclude the topic.</summary>
public sealed class RankingTests
{
    private static SearchDocument Course(int id, string code, string title, string summary) => new()
    {
        Type = "course",
        Id = id,
        Code = code,
        Slug = code,
        Title = title,
        Summary = summary,
    };

    [Fact]
    public async Task WordsAsTyped_RankAboveStemsSynonymsAndParts()
    {
        using var index = await new TestIndex().FillAsync(
            TestIndex.Module(1, "Chefskap i vården", "Att vara chef för en vårdenhet.", "omvardnad"),
            TestIndex.Module(2, "Ledarskap i vården", "Att leda en vårdenhet.", "omvardnad"),
            TestIndex.Module(3, "Ledarskapsutveckling", "Att utvecklas som ledare.", "pedagogik"));
        Assert.Equal("Ledarskap i vården", index.Titles("ledarskap")[0]);
        Assert.Contains("Chefskap i vården", index.Titles("ledarskap")); // the synonym still finds it, below
    }

    [Fact]
    public async Task EqualScores_RankByKey_WhateverOrderTheDocumentsWereAdded()
    {
        // A rebuild adds documents on all cores, so two nodes (or two rebuilds) hold them in different orders.
        var same = Enumerable.Range(1, 6).Select(id => TestIndex.Module(id, "Ledarskap i vården", "Att leda en vårdenhet.", "omvardnad")).ToArray();
        using var forwards = await new TestIndex().FillAsync(same);
        using var backwards = await new TestIndex().FillAsync([.. same.Reverse()]);
        List<int> Ids(TestIndex index) => index.Index.Search(new SearchRequest { Query = "ledarskap vården", PageSize = 10 }).Hits.Select(h => h.Id).ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], Ids(forwards));
        Assert.Equal([1, 2, 3, 4, 5, 6], Ids(backwards));
    }

    [Fact]
    public async Task AGenreWord_IsOptional()
    {
        using var index = await new TestIndex().FillAsync();
        foreach (var query in (string[])["demensvård fortbildning", "demensvård kompetensutveckling", "demensvård kurs", "dementia training"])
        {
            Assert.Equal("Demensvård och bemötande", index.Titles(query).FirstOrDefault());
        }
    }

    [Fact]
    public async Task APhrase_RanksAboveTheSameWordsApart()
    {
        using var index = await new TestIndex().FillAsync(
            TestIndex.Module(1, "Vård i livets slut", "Om palliativ omvårdnad, smärtlindring och en god vård av närstående.", "omvardnad"),
            TestIndex.Module(2, "Palliativ vård", "Symtomlindring och samtal.", "omvardnad"));
        Assert.Equal("Palliativ vård", index.Titles("palliativ vård")[0]);
    }

    [Fact]
    public async Task AProfession_FindsTheSubjectTheCatalogueNames()
    {
        using var index = await new TestIndex().FillAsync(
            TestIndex.Module(1, "Omvårdnad vid demenssjukdom", "Personcentrerat arbete.", "omvardnad"),
            TestIndex.Module(2, "Matematikdidaktik för årskurs 4–6", "Undervisning i matematik.", "matematik"),
            TestIndex.Module(3, "Skolledarskap och skoljuridik", "För nya i uppdraget.", "pedagogik"));
        Assert.Equal("Omvårdnad vid demenssjukdom", index.Titles("sjuksköterska").FirstOrDefault());
        Assert.Equal("Matematikdidaktik för årskurs 4–6", index.Titles("lärare i matematik").FirstOrDefault());
        Assert.Equal("Skolledarskap och skoljuridik", index.Titles("rektor").FirstOrDefault());
    }

    [Fact]
    public async Task CoordinatorsSynonymFile_AddsOneWayRules()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "# our own words\nbrandman, brandmän => räddningstjänst\n");
        using var index = await new TestIndex(synonymsPath: file).FillAsync(
            TestIndex.Module(1, "Räddningstjänstens ledning", "Insatsledning vid olyckor.", "samhallsvetenskap"),
            TestIndex.Module(2, "Brandmän i arbete", "Fysisk träning.", "idrott"));
        Assert.Contains("Räddningstjänstens ledning", index.Titles("brandman"));
        Assert.DoesNotContain("Brandmän i arbete", index.Titles("räddningstjänst")); // one way only
        File.Delete(file);
    }

    [Theory]
    [InlineData("FÖ117G")]
    [InlineData("fö117g")]
    [InlineData("FO117G")]
    [InlineData("fo117g")]
    public async Task ALadokCode_IsFoundTypedWithOrWithoutSwedishLetters(string typed)
    {
        using var index = await new TestIndex().FillAsync(
            Course(1, "FÖ117G", "Förvaltningsrätt", "Offentlig förvaltning och FÖ117G-relaterat material."),
            Course(2, "VÅ1060", "Vårdvetenskap", "Grundkurs."),
            Course(3, "2ÖÄ008", "Äldres hälsa", "Om åldrande."));
        var hit = index.Index.Search(new SearchRequest { Query = typed }).Hits[0];
        Assert.Equal("FÖ117G", hit.Code);
        Assert.Equal("2ÖÄ008", index.Index.Search(new SearchRequest { Query = "2oa008" }).Hits[0].Code);
    }

    [Fact]
    public async Task AModule_ComesWithTheMatchingCoursesItBuildsOnUnderIt()
    {
        using var index = await new TestIndex().FillAsync(
            TestIndex.Module(1, "Demensvård i kommunen", "Bemötande vid demens.", "omvardnad") with { Parts = ["course:10"] },
            Course(10, "OM031G", "Demensvård", "Personcentrerad demensvård."),
            Course(11, "OM099G", "Demens och samhälle", "Demens ur ett samhällsperspektiv."));
        var result = index.Index.Search(new SearchRequest { Query = "demens" });
        Assert.Equal(["course", "module"], result.Hits.Select(h => h.Type).Order());
        var module = result.Hits.Single(h => h.Type == "module");
        Assert.Equal("OM031G", Assert.Single(module.Courses).Code);
        Assert.Equal("OM099G", result.Hits.Single(h => h.Type == "course").Code); // the grouped course is no hit of its own
        Assert.Equal(2, result.Total);

        var courses = index.Index.Search(new SearchRequest { Query = "demens", Filters = new Dictionary<string, IReadOnlyList<string>> { ["type"] = ["course"] } });
        Assert.Equal(["OM031G", "OM099G"], courses.Hits.Select(h => h.Code).Order());
    }

    [Fact]
    public async Task AProfessionWithItsOwnRule_IsNotReadThroughItsHeadWord()
    {
        using var index = await new TestIndex().FillAsync(
            TestIndex.Module(1, "Specialpedagogik i grundskolan", "Stöd till elever i behov av särskilt stöd.", "specialpedagogik"),
            TestIndex.Module(2, "Matematikdidaktik för årskurs 4–6", "Undervisning i matematik.", "matematik"));
        var titles = index.Titles("speciallärare");
        Assert.Equal("Specialpedagogik i grundskolan", titles.FirstOrDefault());
        Assert.DoesNotContain("Matematikdidaktik för årskurs 4–6", titles); // a special teacher is not every teacher
    }

    [Fact]
    public async Task ASubjectNoun_FindsTitlesThatUseItsAdjective()
    {
        using var index = await new TestIndex().FillAsync(
            TestIndex.Module(1, "Specialpedagogisk verksamhet", "Organisation av stöd i skolan.", "specialpedagogik"),
            TestIndex.Module(2, "Svenska med didaktisk inriktning", "Läsa och skriva i klassrummet.", "svenska"));
        Assert.Contains("Specialpedagogisk verksamhet", index.Titles("specialpedagogik"));
        Assert.Contains("Svenska med didaktisk inriktning", index.Titles("didaktik"));
    }

    [Fact]
    public async Task ACompoundTypedWithoutSwedishLetters_FindsTextsWithItsParts()
    {
        using var index = await new TestIndex().FillAsync(
            TestIndex.Module(1, "Förvaltning och rätt i kommunen", "Myndighetsutövning och överklagande.", "juridik"),
            TestIndex.Module(2, "Musikens historia", "Från medeltid till nutid.", "musik"));
        Assert.Equal(["Förvaltning och rätt i kommunen"], index.Titles("forvaltningsratt"));
    }
}
