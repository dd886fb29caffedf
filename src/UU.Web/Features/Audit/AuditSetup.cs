using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Features.Accounts;

namespace UU.Web.Features.Audit;

public static class AuditSetup
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditTrail>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Audit/Office", Policies.Admins));
        return services;
    }
}
