using System.Globalization;
using UU.Web.Features.Commissions;
using UU.Web.Localization;

namespace UU.Web.Tests.Commissions;

/// <summary>A case's history entries read in the interface's language, the ones stored before the translation too.</summary>
public sealed class CaseHistoryLanguageTests
{
    private static readonly Texts Texts = new();

    private static (string Action, string? Detail) Shown(string culture, string action, string? detail)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            var e = CaseEvent.Of(1, DateTimeOffset.UnixEpoch, "a@uu-demo.se", action, detail);
            return (CaseEventText.Action(Texts, e), CaseEventText.Detail(Texts, e));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void APhaseChange_ReadsInEnglishForAnEnglishUser_AndInSwedishForASwedishOne()
    {
        var english = Shown("en", "phase", "MarketWatch → Initiation");
        var swedish = Shown("sv", "phase", "MarketWatch → Initiation");

        Assert.Equal("phase", english.Action);
        Assert.Equal($"{Texts.All["phase.MarketWatch"][1]} → {Texts.All["phase.Initiation"][1]}", english.Detail);
        Assert.Equal($"{Texts.All["phase.MarketWatch"][0]} → {Texts.All["phase.Initiation"][0]}", swedish.Detail);
        Assert.DoesNotContain("MarketWatch", swedish.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void AClosedCase_TranslatesTheOutcome_AndKeepsTheReasonAsWritten()
    {
        Assert.Equal(Texts.All["outcome.Lost"][1] + ": för dyrt för kommunen", Shown("en", "closed", "Lost: för dyrt för kommunen").Detail);
        Assert.Equal(Texts.All["wayIn.Registry"][1], Shown("en", "created", "Registry").Detail);
    }

    [Fact]
    public void ChangedFacts_AreNamedInTheUsersLanguage()
    {
        Assert.Equal("Gives credits: no → yes; Diary number: – → UFV 2026/12", Shown("en", "details", "credits: False → True; registry: – → UFV 2026/12").Detail);
        Assert.Equal("Ger högskolepoäng: nej → ja", Shown("sv", "details", "credits: False → True").Detail);
    }

    [Fact]
    public void AnEntryThatIsNotANameOfTheCode_IsShownAsStored()
    {
        Assert.Equal("Ring rektorn", Shown("en", "note", "Ring rektorn").Detail);
        Assert.Equal("7", Shown("en", "phase", "7").Detail); // a number is not taken for a phase
    }
}
