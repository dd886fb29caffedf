using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using UU.Web.Features.Leads;

namespace UU.Web.Features.Evaluations;

public sealed class EvaluationOptions
{
    public const string Section = "Evaluations";

    /// <summary>How many days a link can be answered after it went out.</summary>
    [Range(1, 365)]
    public int LinkValidDays { get; set; } = 30;

    /// <summary>Days without an answer before a reminder (and between reminders).</summary>
    [Range(1, 60)]
    public int RemindAfterDays { get; set; } = 7;

    [Range(0, 5)]
    public int MaxReminders { get; set; } = 2;

    /// <summary>Quartz cron expression (Swedish time) of the daily reminder run; empty turns reminders off.</summary>
    public string ReminderSchedule { get; set; } = "0 0 8 * * ?";
}

public sealed class EvaluationOptionsValidator : IValidateOptions<EvaluationOptions>
{
    public ValidateOptionsResult Validate(string? name, EvaluationOptions options) =>
        string.IsNullOrWhiteSpace(options.ReminderSchedule) || ScheduleValidator.IsCron(options.ReminderSchedule)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Evaluations:ReminderSchedule '{options.ReminderSchedule}' is not a valid Quartz cron expression.");
}
