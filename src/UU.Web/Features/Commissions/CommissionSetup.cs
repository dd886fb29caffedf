using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Data;
using UU.Web.Features.Accounts;

namespace UU.Web.Features.Commissions;

public static class CommissionSetup
{
    public static IServiceCollection AddCommissions(this IServiceCollection services)
    {
        services.AddOptions<CommissionOptions>().BindConfiguration(CommissionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<IDatabaseStartupTask, CaseReferenceData>();
        services.AddScoped<CaseIntake>();
        services.AddScoped<CaseWorkflow>();
        services.AddScoped<CaseMilestones>();
        services.AddScoped<ICasePhaseListener>(sp => sp.GetRequiredService<CaseMilestones>());
        services.AddScoped<CaseList>();
        services.AddScoped<CaseFiles>();
        services.AddScoped<CaseDocuments>();
        services.AddScoped<CaseManualEntry>();
        services.AddScoped<FollowUp.FollowUpService>();
        services.AddScoped<FollowUp.ParticipationImport>();
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Commissions/Office", Policies.CaseWorkers);
            o.Conventions.AuthorizePage("/Commissions/Office/NewCase", Policies.Coordinators);
            o.Conventions.AuthorizePage("/Commissions/Office/Checklists", Policies.Admins);
            o.Conventions.AuthorizePage("/Commissions/Office/CommissionTypes", Policies.Admins);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapCommissions(this IEndpointRouteBuilder app) => app.MapCaseApi();
}
