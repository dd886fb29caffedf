using UU.Web.Features.Catalogue;
using System.Globalization;
using UU.Web.Localization;

namespace UU.Web.Features.Commissions.Economy;

/// <summary>
/// The calculation form as posted: numbers are read as text so that a wrong one is named rather than dropped
/// (Swedish "12,5" and "1 250" as well as "12.5"). One teaching row per category and a few cost rows keep it usable without JavaScript.
/// </summary>
public sealed class CalculationForm
{
    public const int CostRows = 5;
    public const string Prefix = "Form.";

    /// <summary>The version the form was opened on (0 for none): saving over a newer one is refused.</summary>
    public int BaseVersion { get; set; }
    public string? CalculatedOn { get; set; }
    public PriceModel PriceModel { get; set; } = PriceModel.Fixed;
    public string? Participants { get; set; }
    public string? MinParticipants { get; set; }
    public string? MaxParticipants { get; set; }
    public List<TeachingRow> Teaching { get; set; } = [];
    public string? AdministrationHours { get; set; }
    public string? AdministrationHoursPerParticipant { get; set; }
    public List<CostRow> Costs { get; set; } = [];
    public string? Note { get; set; }

    public sealed class TeachingRow
    {
        public string? Category { get; set; }
        public string? Hours { get; set; }
        public string? HoursPerParticipant { get; set; }
    }

    public sealed class CostRow
    {
        public string? Description { get; set; }
        public string? Amount { get; set; }
    }

    /// <summary>A form filled from a stored version (or empty), with a row for every teaching category and the cost rows.</summary>
    public static CalculationForm From(Calculation? calculation, DateOnly today, int? participants, Texts texts)
    {
        var form = new CalculationForm { CalculatedOn = Iso(today), Participants = participants?.ToString(CultureInfo.InvariantCulture) };
        if (calculation is not null)
        {
            form.BaseVersion = calculation.Version;
            form.PriceModel = calculation.PriceModel;
            form.Participants = Number(calculation.Participants);
            form.MinParticipants = calculation.MinParticipants is { } min ? Number(min) : null;
            form.MaxParticipants = calculation.MaxParticipants is { } max ? Number(max) : null;
            form.AdministrationHours = Number(calculation.AdministrationHours);
            form.AdministrationHoursPerParticipant = Number(calculation.AdministrationHoursPerParticipant);
            form.Note = calculation.Note;
            form.Costs = calculation.Lines.Where(l => l.Kind == CalculationLineKind.Cost).OrderBy(l => l.Position)
                .Select(l => new CostRow { Description = l.Description, Amount = Number(l.Amount) }).ToList();
        }
        foreach (var category in RateKeys.Teaching)
        {
            var line = calculation?.Lines.FirstOrDefault(l => l.Kind == CalculationLineKind.Teaching && l.Category == category);
            form.Teaching.Add(new TeachingRow { Category = category, Hours = line is null ? null : Number(line.Hours), HoursPerParticipant = line is null ? null : Number(line.HoursPerParticipant) });
        }
        if (calculation is null)
        {
            form.Costs = [new() { Description = texts["economy.cost.travel"] }, new() { Description = texts["economy.cost.rooms"] }, new() { Description = texts["economy.cost.material"] }];
        }
        form.Pad();
        return form;
    }

    /// <summary>Fills up the cost rows to <see cref="CostRows"/> so that an empty one is there to write in.</summary>
    public void Pad()
    {
        while (Costs.Count < CostRows)
        {
            Costs.Add(new CostRow());
        }
    }

    /// <summary>Reads the form into a calculation input; every field that cannot be read is named in <paramref name="errors"/> (key: the field's name).</summary>
    public (CalculationInput? Input, DateOnly Day) Read(Texts texts, Dictionary<string, string> errors)
    {
        var day = DateOnly.MinValue;
        if (!DateOnly.TryParseExact(CalculatedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            errors[Prefix + nameof(CalculatedOn)] = texts["economy.error.date", texts["economy.field.CalculatedOn"], CalculatedOn ?? ""];
        }
        if (!Enum.IsDefined(PriceModel))
        {
            errors[Prefix + nameof(PriceModel)] = texts["economy.error.priceModel"];
        }
        var participants = Count(Participants, nameof(Participants), texts["economy.field.Participants"], required: true, texts, errors);
        int? min = null, max = null;
        if (PriceModel == PriceModel.PerParticipant)
        {
            min = Count(MinParticipants, nameof(MinParticipants), texts["economy.field.MinParticipants"], required: true, texts, errors);
            max = Count(MaxParticipants, nameof(MaxParticipants), texts["economy.field.MaxParticipants"], required: true, texts, errors);
            if (min is { } lo && max is { } hi && hi < lo)
            {
                errors[Prefix + nameof(MaxParticipants)] = texts["economy.error.maxBelowMin", hi, lo];
            }
            else if (min is { } a && max is { } b && participants is { } n && (n < a || n > b))
            {
                errors[Prefix + nameof(Participants)] = texts["economy.error.participantsOutside", n, a, b];
            }
        }
        var teaching = new List<TeachingInput>();
        for (var i = 0; i < Teaching.Count; i++)
        {
            var row = Teaching[i];
            if (row.Category is not { } category || !RateKeys.Teaching.Contains(category))
            {
                errors[$"{Prefix}Teaching[{i}].Category"] = texts["economy.error.category", row.Category ?? ""];
                continue;
            }
            var name = texts["rate." + category];
            var hours = Amount(row.Hours, $"Teaching[{i}].Hours", texts["economy.field.TeachingHours", name], EconomyLimits.MaxHours, texts, errors);
            var perParticipant = Amount(row.HoursPerParticipant, $"Teaching[{i}].HoursPerParticipant", texts["economy.field.TeachingPerParticipant", name], EconomyLimits.MaxHours, texts, errors);
            if (hours > 0 || perParticipant > 0)
            {
                teaching.Add(new TeachingInput(category, hours, perParticipant));
            }
        }
        var admin = Amount(AdministrationHours, nameof(AdministrationHours), texts["economy.field.AdministrationHours"], EconomyLimits.MaxHours, texts, errors);
        var adminPer = Amount(AdministrationHoursPerParticipant, nameof(AdministrationHoursPerParticipant), texts["economy.field.AdministrationHoursPerParticipant"], EconomyLimits.MaxHours, texts, errors);
        var costs = new List<CostInput>();
        for (var i = 0; i < Costs.Count; i++)
        {
            var row = Costs[i];
            var label = texts["economy.field.CostAmount", i + 1];
            var amount = Amount(row.Amount, $"Costs[{i}].Amount", label, EconomyLimits.MaxAmount, texts, errors);
            var description = row.Description?.Trim();
            if (amount == 0)
            {
                continue;
            }
            if (string.IsNullOrEmpty(description) || description.Length > EconomyLimits.Description)
            {
                errors[$"{Prefix}Costs[{i}].Description"] = texts["economy.error.costDescription", i + 1, EconomyLimits.Description];
                continue;
            }
            costs.Add(new CostInput(description, amount));
        }
        if (Note is { Length: > EconomyLimits.Note })
        {
            errors[Prefix + nameof(Note)] = texts["economy.error.tooLong", texts["economy.field.Note"], EconomyLimits.Note];
        }
        if (errors.Count > 0)
        {
            return (null, day);
        }
        return (new CalculationInput(teaching, admin, adminPer, costs, PriceModel, participants!.Value, min, max), day);
    }

    private static int? Count(string? text, string field, string label, bool required, Texts texts, Dictionary<string, string> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors[Prefix + field] = texts["economy.error.required", label];
            }
            return null;
        }
        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > EconomyLimits.MaxParticipants)
        {
            errors[Prefix + field] = texts["economy.error.count", label, trimmed, EconomyLimits.MaxParticipants];
            return null;
        }
        return value;
    }

    private static decimal Amount(string? text, string field, string label, decimal max, Texts texts, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0m;
        }
        var cleaned = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace(',', '.');
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > max || decimal.Round(value, 2) != value)
        {
            errors[Prefix + field] = texts["economy.error.number", label, text.Trim()];
            return 0m;
        }
        return value;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
