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
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Commissions/Office", Policies.CaseWorkers);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapCommissions(this IEndpointRouteBuilder app) => app;
}
