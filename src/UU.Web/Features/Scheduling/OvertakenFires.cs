using Quartz;

namespace UU.Web.Features.Scheduling;

/// <summary>
/// Vetoes a fire that comes later than the time left until its trigger's next one: the next is nearer to when it was
/// meant. A node that dies holding a trigger's next fire makes it misfire; the cluster's recovery fires it (the cron
/// triggers' FireAndProceed) just as the regular schedule fires too, and every job would run twice in one slot. A fire
/// that is late because every node was down (a daily job three hours late) still runs: tomorrow's is further away.
/// </summary>
public sealed partial class OvertakenFires(ILogger<OvertakenFires> logger) : ITriggerListener
{
    public string Name => nameof(OvertakenFires);

    /// <summary>True when the fire is later than its schedule by more than the time left until the next fire.</summary>
    public static bool IsOvertaken(DateTimeOffset? scheduled, DateTimeOffset fired, DateTimeOffset? next) =>
        scheduled is { } meant && next is { } coming && fired - meant > coming - fired;

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!IsOvertaken(context.ScheduledFireTimeUtc, context.FireTimeUtc, context.NextFireTimeUtc))
        {
            return ValueTask.FromResult(false);
        }
        LogOvertaken(logger, context.JobDetail.Key.ToString(), context.ScheduledFireTimeUtc!.Value, context.NextFireTimeUtc!.Value);
        return ValueTask.FromResult(true);
    }

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask TriggerRetriesExhausted(ITrigger trigger, IJobExecutionContext context, JobExecutionException exception, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The fire of {Job} meant for {Scheduled} is skipped: the next, at {Next}, is nearer")]
    private static partial void LogOvertaken(ILogger logger, string job, DateTimeOffset scheduled, DateTimeOffset next);
}
