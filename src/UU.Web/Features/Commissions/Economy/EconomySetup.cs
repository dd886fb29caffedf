using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Features.Accounts;

namespace UU.Web.Features.Commissions.Economy;

public static class EconomySetup
{
    /// <summary>Editors write the offer template; coordinators (who generate the offers) and admins may too.</summary>
    public const string TemplateEditors = "OfferTemplateEditors";

    public static IServiceCollection AddCommissionEconomy(this IServiceCollection services)
    {
        services.AddSingleton<OfferDocument>();
        services.AddScoped<EconomyService>();
        services.AddAuthorizationBuilder().AddPolicy(TemplateEditors, p => p.RequireRole(Roles.Editor, Roles.Coordinator, Roles.Admin));
        services.Configure<RazorPagesOptions>(o =>
        {
            // REVIEW: the decision is recorded by a coordinator on the head of department's behalf (the name is recorded with it);
            // letting a subject contact whose role is prefekt record it needs the case's subjects from part 1 of issue #10.
            o.Conventions.AuthorizeFolder("/Commissions/Economy/Office", Policies.Coordinators);
            // The settings pages are outside that folder: a folder's policy and a page's would both have to hold.
            o.Conventions.AuthorizePage("/Commissions/Economy/Settings/Rates", Policies.Admins);
            o.Conventions.AuthorizePage("/Commissions/Economy/Settings/OfferTemplate", TemplateEditors);
        });
        return services;
    }

    /// <summary>The economy has no endpoints of its own yet: its downloads are page handlers under /office (the pair keeps Program.cs uniform).</summary>
    public static IEndpointRouteBuilder MapCommissionEconomy(this IEndpointRouteBuilder app) => app;
}
