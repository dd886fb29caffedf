using UU.Web.Features.Catalogue;
using UU.Web.Features.Commissions.Economy;

namespace UU.Web.Tests.Commissions.Economy;

/// <summary>The kalkyl's arithmetic, as plain unit tests on the pure calculator.</summary>
public sealed class CalculatorTests
{
    private static readonly DateOnly Day = new(2026, 3, 16);

    private static Dictionary<string, AppliedRate> Rates(decimal overhead = 30, decimal support = 10) => new()
    {
        [RateKeys.Lektor] = new(RateKeys.Lektor, 1000, Day),
        [RateKeys.Adjunkt] = new(RateKeys.Adjunkt, 800, Day),
        [RateKeys.Administration] = new(RateKeys.Administration, 500, Day),
        [RateKeys.Overhead] = new(RateKeys.Overhead, overhead, Day),
        [RateKeys.Support] = new(RateKeys.Support, support, Day),
    };

    // Lektor 10 h + 1 h per participant (examination), adjunkt 5 h, administration 4 h, travel 1 000,50 kr.
    private static CalculationInput Input(PriceModel model, int participants, int? min = null, int? max = null) => new(
        [new TeachingInput(RateKeys.Lektor, 10, 1), new TeachingInput(RateKeys.Adjunkt, 5, 0)], 4, 0, [new CostInput("Resor", 1000.50m)], model, participants, min, max);

    [Fact]
    public void FixedPrice_IsTheTotalWithOverheadAndSupportSurcharge_RoundedToWholeKronorOnce()
    {
        var result = Calculator.Compute(Input(PriceModel.Fixed, 20), Rates());
        // 30 h × 1 000 + 5 h × 800 + 4 h × 500 + 1 000,50 = 37 000,50; OH 30 % = 11 100,15; support 10 % of 48 100,65 = 4 810,065.
        Assert.Equal(37000.50m, result.Planned.DirectCost);
        Assert.Equal(11100.15m, result.Planned.Overhead);
        Assert.Equal(4810.065m, result.Planned.Support);
        Assert.Equal(52910.715m, result.Planned.TotalCost);
        Assert.Equal(52911m, result.Price);
    }

    [Fact]
    public void Rounding_HappensOnceAtTheEnd_NotPerLine()
    {
        var input = new CalculationInput([], 0, 0, [new CostInput("a", 0.40m), new CostInput("b", 0.40m), new CostInput("c", 0.40m)], PriceModel.Fixed, 1, null, null);
        // Rounded per line each would be 0 kr; the sum 1,20 kr rounds to 1 kr.
        Assert.Equal(1m, Calculator.Compute(input, Rates(0, 0)).Price);
    }

    [Fact]
    public void PricePerParticipant_IsTheCostAtTheMinimumDividedByIt_RoundedUp_AndTheHoursGrowAtTheMaximum()
    {
        var result = Calculator.Compute(Input(PriceModel.PerParticipant, 15, min: 10, max: 20), Rates());
        // At 10: lektor 20 h → 27 000,50 direct → 38 610,715 total; ÷ 10 = 3 861,0715 → 3 862 kr.
        Assert.Equal(38610.715m, result.AtMinimum!.TotalCost);
        Assert.Equal(3862m, result.Price);
        Assert.Equal(29m, result.AtMinimum.Hours);
        Assert.Equal(39m, result.AtMaximum!.Hours); // 10 more examination hours at 20 participants
        Assert.Equal(52910.715m, result.AtMaximum.TotalCost);
        Assert.Equal(3862m * 20, result.RevenueAtMaximum);
        Assert.Equal(3862m * 15, result.PlannedRevenue);
    }

    [Fact]
    public void ChangingTheNumberOfParticipants_ChangesHoursAndPrice()
    {
        var twenty = Calculator.Compute(Input(PriceModel.Fixed, 20), Rates());
        var twentyFive = Calculator.Compute(Input(PriceModel.Fixed, 25), Rates());
        Assert.Equal(30m, twenty.Planned.Teaching.Single(t => t.Category == RateKeys.Lektor).Hours);
        Assert.Equal(35m, twentyFive.Planned.Teaching.Single(t => t.Category == RateKeys.Lektor).Hours);
        Assert.Equal(52911m, twenty.Price);
        Assert.Equal(60061m, twentyFive.Price); // 42 000,50 + 30 % + 10 % = 60 060,715
    }

    [Fact]
    public void TheRateValidOnTheCalculationsDate_Applies()
    {
        var rates = new[]
        {
            new CostRate { Key = RateKeys.Lektor, Value = 1000, ValidFrom = new DateOnly(2025, 1, 1) },
            new CostRate { Key = RateKeys.Lektor, Value = 1100, ValidFrom = new DateOnly(2026, 1, 1) },
            new CostRate { Key = RateKeys.Lektor, Value = 1200, ValidFrom = new DateOnly(2027, 1, 1) },
        };
        Assert.Equal(new AppliedRate(RateKeys.Lektor, 1000, new DateOnly(2025, 1, 1)), Calculator.RatesOn(rates, new DateOnly(2025, 12, 31))[RateKeys.Lektor]);
        Assert.Equal(new AppliedRate(RateKeys.Lektor, 1100, new DateOnly(2026, 1, 1)), Calculator.RatesOn(rates, new DateOnly(2026, 1, 1))[RateKeys.Lektor]);
        Assert.Empty(Calculator.RatesOn(rates, new DateOnly(2024, 12, 31)));
    }
}
