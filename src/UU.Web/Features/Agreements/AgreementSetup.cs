using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Leads;

namespace UU.Web.Features.Agreements;

public static class AgreementSetup
{
    public static IServiceCollection AddAgreements(this IServiceCollection services)
    {
        services.AddScoped<AgreementDocuments>();
        services.AddScoped<AgreementReminders>();
        services.AddTransient<AgreementReminderJob>();
        services.AddOptions<AgreementOptions>().BindConfiguration(AgreementOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgreementOptions>, AgreementOptionsValidator>();
        services.AddHostedService<AgreementReminderScheduler>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Agreements/Office", Policies.AgreementReaders));
        return services;
    }

    public static IEndpointRouteBuilder MapAgreements(this IEndpointRouteBuilder app)
    {
        app.MapAgreementApi();
        return app;
    }
}

/// <summary>At start, schedules the daily reminder job on Agreements:ReminderSchedule (or removes it when that is empty).</summary>
public sealed class AgreementReminderScheduler(ISchedulerFactory schedulers, IOptions<AgreementOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (string.IsNullOrWhiteSpace(options.Value.ReminderSchedule))
        {
            await scheduler.DeleteJob(AgreementReminderJob.Key, cancellationToken);
            return;
        }
        var job = JobBuilder.Create<AgreementReminderJob>().WithIdentity(AgreementReminderJob.Key).Build();
        await scheduler.ScheduleCronAsync(job, new TriggerKey("agreement-reminders-trigger", "agreements"), options.Value.ReminderSchedule, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The register's filters, shared by the office list and the API: client (id or part of the name), type, in force, ending within 90 days.</summary>
public sealed record AgreementFilter(string? Client, AgreementType? Type, bool? InForce, bool EndingSoon)
{
    public const int EndingSoonDays = 90;

    public static (AgreementFilter Filter, Dictionary<string, string[]> Errors) Parse(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>();
        AgreementType? type = null;
        if (query["type"].ToString() is { Length: > 0 } t)
        {
            type = t.ToLowerInvariant() switch
            {
                "sko" or "sko-avtal" => AgreementType.Sko,
                "framework" or "ramavtal" => AgreementType.Framework,
                "single" or "enskilt" => AgreementType.SingleCommission,
                _ => null,
            };
            if (type is null)
            {
                errors["type"] = [$"'{t}' is not an agreement type: use sko, framework or single."];
            }
        }
        bool? inForce = null;
        if (query["inForce"].ToString() is { Length: > 0 } f)
        {
            inForce = f switch { "1" or "true" => true, "0" or "false" => false, _ => null };
            if (inForce is null)
            {
                errors["inForce"] = [$"'{f}' is not 1 or 0."];
            }
        }
        var soon = query["endingSoon"].ToString() is "1" or "true";
        var client = query["client"].ToString().Trim();
        return (new AgreementFilter(client.Length == 0 ? null : client, type, inForce, soon), errors);
    }

    public IQueryable<Agreement> Apply(IQueryable<Agreement> agreements, DateOnly today)
    {
        if (Client is { } client)
        {
            if (int.TryParse(client, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                agreements = agreements.Where(a => a.ClientId == id);
            }
            else
            {
                var pattern = UuDbContext.Containing(client);
                agreements = agreements.Where(a => EF.Functions.Like(UuDbContext.Fold(a.Client!.Name), pattern, UuDbContext.LikeEscape));
            }
        }
        if (Type is { } type)
        {
            agreements = agreements.Where(a => a.Type == type);
        }
        if (InForce == true)
        {
            agreements = agreements.Where(Agreement.InForceOn(today));
        }
        else if (InForce == false)
        {
            agreements = agreements.Where(a => (a.StartsOn != null && a.StartsOn > today) || (a.EndsOn != null && a.EndsOn < today));
        }
        if (EndingSoon)
        {
            var until = today.AddDays(EndingSoonDays);
            agreements = agreements.Where(a => a.EndsOn != null && a.EndsOn >= today && a.EndsOn <= until);
        }
        return agreements;
    }
}

public static class AgreementApi
{
    /// <summary>GET /api/agreements: coordinators' JSON of the register (a personal token or the office cookie).</summary>
    public static IEndpointRouteBuilder MapAgreementApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/agreements", async (HttpContext context, UuDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var (filter, errors) = AgreementFilter.Parse(context.Request.Query);
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "Some filters are not valid.");
            }
            var today = UU.Scrapers.SwedishTime.Today(clock.GetUtcNow());
            var rows = await filter.Apply(db.Set<Agreement>().AsNoTracking(), today)
                .OrderBy(a => a.EndsOn == null).ThenBy(a => a.EndsOn).ThenBy(a => a.Id)
                .Select(a => new
                {
                    a.Id,
                    a.Type,
                    ClientId = a.ClientId,
                    Client = a.Client!.Name,
                    a.DiaryNumber,
                    a.SignedBy,
                    a.SignedOn,
                    a.StartsOn,
                    a.EndsOn,
                    Departments = a.Departments.Select(d => d.Department!.NameSv).ToList(),
                    Subjects = a.Scope.Where(s => s.SubjectId != null).Select(s => s.Subject!.NameSv).ToList(),
                    Modules = a.Scope.Where(s => s.ModuleId != null).Select(s => s.Module!.TitleSv).ToList(),
                    Courses = a.Scope.Where(s => s.CourseId != null).Select(s => s.Course!.Code).ToList(),
                    Inquiries = a.Inquiries.Select(i => i.Inquiry!.ReferenceNumber).ToList(),
                    HasDocument = a.DocumentFile != null,
                })
                .Take(1000)
                .ToListAsync(cancellationToken);
            var items = rows.Select(a => new
            {
                a.Id,
                type = a.Type.ToString(),
                client = new { id = a.ClientId, name = a.Client },
                a.DiaryNumber,
                a.SignedBy,
                a.SignedOn,
                a.StartsOn,
                a.EndsOn,
                inForce = (a.StartsOn == null || a.StartsOn <= today) && (a.EndsOn == null || a.EndsOn >= today),
                a.Departments,
                scope = new { subjects = a.Subjects, modules = a.Modules, courses = a.Courses },
                inquiries = a.Inquiries,
                document = a.HasDocument ? $"/office/avtal/{a.Id}?handler=Document" : null,
            }).ToList();
            return Results.Ok(new { total = items.Count, items });
        }).RequireAuthorization(Policies.CoordinatorApi);
        return app;
    }
}
