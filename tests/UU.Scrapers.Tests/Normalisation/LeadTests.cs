using UU.Scrapers.Normalisation;
using UU.Scrapers.Sources;

namespace UU.Scrapers.Tests.Normalisation;

public sealed class LeadTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static ScrapedItem Item(string source, string id, string title, string? buyer = null, string[]? cpv = null, string? procurementId = null, string? ted = null, DateTimeOffset? deadline = null) => new()
    {
        Source = source, ExternalId = id, Title = title, Buyer = buyer, CpvCodes = cpv ?? [], ProcurementId = procurementId, TedNumber = ted, Deadline = deadline,
    };

    [Fact]
    public void EducationFilter_TrustsCpvCodes_AndFallsBackToWords()
    {
        var list = KommersParser.ParseList(Fixture("kommers-list.html"), new Uri("https://www.kommersannons.se")).Items;
        Assert.True(EducationFilter.IsEducation(list.Single(i => i.ExternalId == "88412")));
        Assert.False(EducationFilter.IsEducation(list.Single(i => i.ExternalId == "88437"))); // cleaning for schools: CPV 90910000
        Assert.True(EducationFilter.IsEducation(list.Single(i => i.ExternalId == "88501")));
        Assert.True(EducationFilter.IsEducation(Item("Skolverket", "1", "Anbudsförfrågan: fortbildning i matematikdidaktik")));
        Assert.False(EducationFilter.IsEducation(Item("Skolverket", "2", "Nyhet: nya skolbyggnader invigda")));
        Assert.True(EducationFilter.IsEducation(Item("Ted", "3", "Personnel training", cpv: ["79632000"])));
    }

    [Theory]
    [InlineData("Sundsvalls kommun", BuyerKind.Municipality)]
    [InlineData("Göteborgs Stad", BuyerKind.Municipality)]
    [InlineData("Region Västernorrland", BuyerKind.Region)]
    [InlineData("Försäkringskassan", BuyerKind.Agency)]
    [InlineData("Statens skolverk – Skolverket", BuyerKind.Agency)]
    [InlineData("Mittmedia AB", BuyerKind.Company)]
    [InlineData("Svenska kyrkan i Härnösand", BuyerKind.Unknown)]
    [InlineData(null, BuyerKind.Unknown)]
    public void BuyerClassifier_ReadsTheKindFromTheName(string? name, BuyerKind kind) => Assert.Equal(kind, BuyerClassifier.FromName(name));

    [Fact]
    public void SameProcurementInTedAndKommers_IsOneLeadListingBothSources()
    {
        var ted = TedParser.Parse(Fixture("ted-search.json")).Items;
        Assert.Equal("88412", ted[0].ProcurementId); // from the TED notice's link into Kommers Annons
        var kommers = KommersParser.ParseList(Fixture("kommers-list.html"), new Uri("https://www.kommersannons.se")).Items
            .Select(i => i.ExternalId == "88412" ? i with { ProcurementId = "88412", Buyer = "Sundsvalls kommun" } : i).ToList();

        var leads = Deduplicator.Merge([.. ted, .. kommers]);

        var merged = leads.Single(l => l.Items.Any(i => i.ProcurementId == "88412"));
        Assert.Equal(["Ted", "KommersAnnons"], merged.Sources.ToList());
        Assert.Equal(2, merged.Items.Count);
        Assert.Equal(ted.Count + kommers.Count - 1, leads.Count);
    }

    [Fact]
    public void SameBuyerSimilarTitleSameDeadline_AreMerged_ButNotAcrossBuyersOrDeadlines()
    {
        var deadline = new DateTimeOffset(2026, 9, 1, 23, 59, 0, TimeSpan.FromHours(2));
        var a = Item("EAvrop", "1", "Ledarskapsutbildning för enhetschefer i vård och omsorg", "Region Västernorrland", deadline: deadline);
        var b = Item("KommersAnnons", "2", "RV 2026/1190 Ledarskapsutbildning enhetschefer vård och omsorg", "Region Västernorrland", deadline: deadline.AddHours(2));
        var otherBuyer = Item("KommersAnnons", "3", "Ledarskapsutbildning för enhetschefer i vård och omsorg", "Region Jämtland Härjedalen", deadline: deadline);
        var otherDeadline = Item("EAvrop", "4", "Ledarskapsutbildning för enhetschefer i vård och omsorg", "Region Västernorrland", deadline: deadline.AddDays(30));

        var leads = Deduplicator.Merge([a, b, otherBuyer, otherDeadline]);

        Assert.Equal(3, leads.Count);
        Assert.Contains(leads, l => l.Items.Count == 2 && l.Items.Any(i => i.ExternalId == "1") && l.Items.Any(i => i.ExternalId == "2"));
    }

    [Fact]
    public void AlikeNoticesWithDifferentTedNumbersOrProcurementIds_StayApart()
    {
        var deadline = new DateTimeOffset(2026, 9, 1, 23, 59, 0, TimeSpan.FromHours(2));
        var first = Item("Ted", "500001-2026", "Fortbildning i specialpedagogik, omgång 1", "Sundsvalls kommun", deadline: deadline) with { TedNumber = "500001-2026" };
        var second = Item("Ted", "500002-2026", "Fortbildning i specialpedagogik, omgång 2", "Sundsvalls kommun", deadline: deadline) with { TedNumber = "500002-2026" };
        var third = Item("KommersAnnons", "88001", "Fortbildning i specialpedagogik, omgång 1", "Sundsvalls kommun", deadline: deadline) with { ProcurementId = "88001" };
        var fourth = Item("EAvrop", "412001", "Fortbildning i specialpedagogik, omgång 1", "Sundsvalls kommun", deadline: deadline) with { ProcurementId = "88002" };

        var leads = Deduplicator.Merge([first, second, third, fourth]);

        // Alike content merges only where no identifiers clash, even through a third item: no lead ends up with two
        // different TED numbers or two different upphandlings-IDs.
        Assert.Equal(2, leads.Count);
        Assert.All(leads, l =>
        {
            Assert.True(l.Items.Select(i => i.TedNumber).OfType<string>().Distinct().Count() <= 1);
            Assert.True(l.Items.Select(i => i.ProcurementId).OfType<string>().Distinct().Count() <= 1);
        });
    }
}
