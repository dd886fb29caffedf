using Microsoft.AspNetCore.Mvc.RazorPages;
using Quartz;
using UU.Web.Features.Accounts;
using UU.Web.Features.Content.Versioning;

namespace UU.Web.Features.Content;

public static class ContentSetup
{
    public static IServiceCollection AddContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RichText>();
        // One draft/publish/version engine for every kind of versioned document; each feature registers its kind.
        services.AddScoped(typeof(DocumentVersioning<,,>));
        services.AddScoped<IDocumentKind<ContentItem, ContentVersion, ContentFields>, ContentDocuments>();
        services.AddScoped<ContentService>();
        services.AddScoped<ContentRenderer>();
        services.AddScoped<PublishedContent>();
        services.AddScoped<ScheduledPublisher>();
        var interval = configuration.GetValue(Scheduling.SchedulingOptions.Section + ":" + nameof(Scheduling.SchedulingOptions.PublishingIntervalSeconds), 30);
        services.AddQuartz(q =>
        {
            q.AddJob<ScheduledPublishingJob>(j => j.WithIdentity(ScheduledPublishingJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(ScheduledPublishingJob.Key).WithIdentity("scheduled-publishing-trigger", "content")
                .StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(Math.Max(1, interval))).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Content/Office", Policies.Editors));
        return services;
    }

    public static IEndpointRouteBuilder MapContent(this IEndpointRouteBuilder app)
    {
        app.MapDeliveryApi();
        app.MapMarkdownPreview();
        return app;
    }
}
