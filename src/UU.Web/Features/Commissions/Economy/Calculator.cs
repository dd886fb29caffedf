using UU.Web.Features.Catalogue;
namespace UU.Web.Features.Commissions.Economy;

/// <summary>A teaching line: hours of a category, part of them fixed and part per participant (examination, supervision).</summary>
public sealed record TeachingInput(string Category, decimal Hours, decimal HoursPerParticipant);

public sealed record CostInput(string Description, decimal Amount);

/// <summary>What a calculation is computed from: the inputs as entered.</summary>
public sealed record CalculationInput(
    IReadOnlyList<TeachingInput> Teaching,
    decimal AdministrationHours,
    decimal AdministrationHoursPerParticipant,
    IReadOnlyList<CostInput> Costs,
    PriceModel PriceModel,
    int Participants,
    int? MinParticipants,
    int? MaxParticipants);

/// <summary>A rate as it applies: its value (SEK per hour, or percent) and the day it became valid.</summary>
public sealed record AppliedRate(string Key, decimal Value, DateOnly ValidFrom);

public sealed record TeachingFigure(string Category, decimal Hours, decimal Rate, decimal Amount);

/// <summary>The figures for one number of participants, unrounded (in öre and below).</summary>
public sealed record CostFigures(
    int Participants,
    IReadOnlyList<TeachingFigure> Teaching,
    decimal TeachingHours,
    decimal AdministrationHours,
    decimal AdministrationAmount,
    decimal OtherCosts,
    decimal DirectCost,
    decimal Overhead,
    decimal Support,
    decimal TotalCost)
{
    public decimal Hours => TeachingHours + AdministrationHours;
}

/// <summary>
/// A calculation's result. <see cref="Price"/> is the one rounded figure (whole kronor): a fixed price rounded to the nearest krona,
/// or a price per participant rounded up, so that the minimum number of participants covers the cost.
/// </summary>
public sealed record CalculationResult(
    CostFigures Planned,
    CostFigures? AtMinimum,
    CostFigures? AtMaximum,
    PriceModel PriceModel,
    decimal Price,
    decimal PlannedRevenue,
    decimal? RevenueAtMaximum);

/// <summary>
/// The kalkyl's arithmetic, pure so that every figure can be reproduced from its inputs and the rates used:
/// direct cost = Σ teaching hours × the category's hourly cost + administration hours × the administration rate + other costs;
/// overhead (OH-påslag) = direct cost × OH %; the support's surcharge = (direct cost + overhead) × support %;
/// total = direct + overhead + support. Hours that scale with participants count for the number of participants asked about.
/// Everything is decimal and nothing is rounded before the price.
/// </summary>
public static class Calculator
{
    public static CalculationResult Compute(CalculationInput input, IReadOnlyDictionary<string, AppliedRate> rates)
    {
        var planned = Figures(input, rates, input.Participants);
        if (input.PriceModel == PriceModel.Fixed)
        {
            var price = Math.Round(planned.TotalCost, 0, MidpointRounding.AwayFromZero);
            return new CalculationResult(planned, null, null, PriceModel.Fixed, price, price, null);
        }
        var min = input.MinParticipants ?? throw new ArgumentException("A price per participant needs a minimum number of participants.", nameof(input));
        var max = input.MaxParticipants ?? min;
        if (min <= 0)
        {
            throw new ArgumentException("The minimum number of participants must be at least 1.", nameof(input));
        }
        var atMin = Figures(input, rates, min);
        var atMax = Figures(input, rates, max);
        var perParticipant = Math.Ceiling(atMin.TotalCost / min);
        return new CalculationResult(planned, atMin, atMax, PriceModel.PerParticipant, perParticipant, perParticipant * input.Participants, perParticipant * max);
    }

    public static CostFigures Figures(CalculationInput input, IReadOnlyDictionary<string, AppliedRate> rates, int participants)
    {
        var teaching = input.Teaching
            .Select(t =>
            {
                var hours = t.Hours + t.HoursPerParticipant * participants;
                var rate = Rate(rates, t.Category);
                return new TeachingFigure(t.Category, hours, rate, hours * rate);
            })
            .ToList();
        var adminHours = input.AdministrationHours + input.AdministrationHoursPerParticipant * participants;
        var adminAmount = adminHours * (adminHours == 0 ? 0 : Rate(rates, RateKeys.Administration));
        var other = input.Costs.Sum(c => c.Amount);
        var direct = teaching.Sum(t => t.Amount) + adminAmount + other;
        var overhead = direct * Percent(rates, RateKeys.Overhead);
        var support = (direct + overhead) * Percent(rates, RateKeys.Support);
        return new CostFigures(participants, teaching, teaching.Sum(t => t.Hours), adminHours, adminAmount, other, direct, overhead, support, direct + overhead + support);
    }

    /// <summary>The rate that applies on <paramref name="day"/>: of the values of each key, the latest valid on or before that day.</summary>
    public static Dictionary<string, AppliedRate> RatesOn(IEnumerable<CostRate> rates, DateOnly day) =>
        rates.Where(r => r.ValidFrom <= day)
            .GroupBy(r => r.Key)
            .Select(g => g.OrderByDescending(r => r.ValidFrom).First())
            .ToDictionary(r => r.Key, r => new AppliedRate(r.Key, r.Value, r.ValidFrom));

    private static decimal Rate(IReadOnlyDictionary<string, AppliedRate> rates, string key) =>
        rates.TryGetValue(key, out var rate) ? rate.Value : throw new KeyNotFoundException($"No rate '{key}' applies.");

    private static decimal Percent(IReadOnlyDictionary<string, AppliedRate> rates, string key) =>
        rates.TryGetValue(key, out var rate) ? rate.Value / 100m : 0m;
}
