using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Quartz;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Commissions;
using UU.Web.Features.Evaluations.Office;
using UU.Web.Features.Leads;

namespace UU.Web.Features.Evaluations;

public static class EvaluationSetup
{
    /// <summary>The results overview: coordinators and admins, and the editors who turn results into stories.</summary>
    public const string Readers = "EvaluationReaders";

    public static IServiceCollection AddEvaluations(this IServiceCollection services)
    {
        services.AddOptions<EvaluationOptions>().BindConfiguration(EvaluationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<EvaluationOptions>, EvaluationOptionsValidator>();
        services.AddScoped<IDatabaseStartupTask, EvaluationReferenceData>();
        services.AddScoped<EvaluationInvitations>();
        services.AddScoped<ICasePhaseListener>(sp => sp.GetRequiredService<EvaluationInvitations>());
        services.AddScoped<EvaluationAnswering>();
        services.AddScoped<EvaluationResults>();
        services.AddScoped<EvaluationPanels>();
        services.AddScoped<StoryFromEvaluation>();
        services.AddTransient<EvaluationReminderJob>();
        services.AddHostedService<EvaluationReminderScheduler>();
        services.AddAuthorizationBuilder().AddPolicy(Readers, p => p.RequireRole(Roles.Coordinator, Roles.Admin, Roles.Editor));
        services.Configure<RazorPagesOptions>(o =>
        {
            // Every page under /office needs an office role already; the case's page checks the case itself.
            o.Conventions.AuthorizePage("/Evaluations/Office/Index", Readers);
            o.Conventions.AuthorizePage("/Evaluations/Office/Questions", Policies.Admins);
            // The English link, /en/evaluation/{token}: LanguagePaths has moved /en into the PathBase.
            o.Conventions.AddPageRoute("/Evaluations/Answer", "evaluation/{token}");
        });
        // The English address of an evaluation link is English whatever the visitor chose before.
        services.Configure<RequestLocalizationOptions>(o => o.RequestCultureProviders.Insert(0, new CustomRequestCultureProvider(context =>
            Task.FromResult(context.Request.Path.StartsWithSegments(EvaluationRoutes.English.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
                ? new ProviderCultureResult("en")
                : null))));
        return services;
    }
}

/// <summary>At start, schedules the daily reminders on Evaluations:ReminderSchedule (or removes them when that is empty).</summary>
public sealed class EvaluationReminderScheduler(ISchedulerFactory schedulers, IOptions<EvaluationOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (string.IsNullOrWhiteSpace(options.Value.ReminderSchedule))
        {
            await scheduler.DeleteJob(EvaluationReminderJob.Key, cancellationToken);
            return;
        }
        var job = JobBuilder.Create<EvaluationReminderJob>().WithIdentity(EvaluationReminderJob.Key).Build();
        await scheduler.ScheduleCronAsync(job, new TriggerKey("evaluation-reminders-trigger", "evaluations"), options.Value.ReminderSchedule, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

[DisallowConcurrentExecution]
public sealed class EvaluationReminderJob(EvaluationInvitations invitations) : IJob
{
    public static readonly JobKey Key = new("evaluation-reminders", "evaluations");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await invitations.RemindAsync(cancellationToken);
}
