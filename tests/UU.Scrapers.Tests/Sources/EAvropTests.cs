using UU.Scrapers.Sources;

namespace UU.Scrapers.Tests.Sources;

public sealed class EAvropTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Fact]
    public void TheTableIsReadByItsColumnNames_AndTheNextPageIsAPostback()
    {
        var page = EAvropParser.ParseList(Fixture("eavrop-list.html"), new Uri("https://www.e-avrop.com/e-Upphandling/Default.aspx"));
        Assert.Equal(2, page.Items.Count);
        var first = page.Items[0];
        Assert.Equal(("412233", "Fortbildning i digital kompetens för förskolans personal", "Ånge kommun", "Västernorrland"), (first.ExternalId, first.Title, first.Buyer, first.Place));
        Assert.Equal("https://www.e-avrop.com/ange/visa/upphandling.aspx?id=412233", first.Url);
        Assert.Equal(new DateOnly(2026, 7, 8), first.PublishedOn);
        Assert.Equal(new DateTimeOffset(2026, 8, 20, 23, 59, 0, TimeSpan.FromHours(2)), first.Deadline);
        Assert.Equal(new DateTimeOffset(2026, 8, 10, 23, 59, 0, TimeSpan.FromHours(2)), page.Items[1].Deadline);
        Assert.Single(page.Problems);
        Assert.NotNull(page.NextPageForm);
        Assert.Equal("ctl00$mainContent$tenderGrid", page.NextPageForm["__EVENTTARGET"]);
        Assert.Equal("Page$2", page.NextPageForm["__EVENTARGUMENT"]);
        Assert.StartsWith("/wEPDw", page.NextPageForm["__VIEWSTATE"], StringComparison.Ordinal);
        Assert.True(page.NextPageForm.ContainsKey("__EVENTVALIDATION"));
    }

    [Fact]
    public void TheDetailPageGivesCpvAndTheProcurementId()
    {
        var (cpv, id) = EAvropParser.ParseDetail(Fixture("eavrop-detail.html"));
        Assert.Equal(["80530000-8", "80500000-9"], cpv);
        Assert.Equal("88531", id);
    }

    [Fact]
    public void AChangedLayout_IsReported_AndAnEmptyListIsEmpty()
    {
        Assert.Throws<ParseException>(() => EAvropParser.ParseList("<html><body><div class='cards'></div></body></html>", new Uri("https://www.e-avrop.com/")));
        Assert.Empty(EAvropParser.ParseList("<html><body><p>Inga upphandlingar hittades.</p></body></html>", new Uri("https://www.e-avrop.com/")).Items);
    }
}
