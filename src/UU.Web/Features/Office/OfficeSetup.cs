using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Features.Accounts;

namespace UU.Web.Features.Office;

public static class OfficeSetup
{
    /// <summary>The address every back-office page lives under, whichever feature owns it.</summary>
    public const string RoutePrefix = "office";

    /// <summary>
    /// One convention for the back office: every page whose address is under /office needs an office role,
    /// whatever folder it lives in. Features narrow it for their own Office folder where fewer roles may see.
    /// </summary>
    public static IServiceCollection AddOffice(this IServiceCollection services)
    {
        services.Configure<RazorPagesOptions>(o => o.Conventions.Add(new OfficeAreaConvention()));
        return services;
    }

    /// <summary>Pages under /office that every signed-in role may use, the departments' staff included: one's own account and signing out.</summary>
    private static readonly string[] OpenToEverySignedInRole = ["/Accounts/Office/Account", "/Accounts/Office/Logout"];

    private sealed class OfficeAreaConvention : IPageApplicationModelConvention
    {
        public void Apply(PageApplicationModel model)
        {
            var template = model.ActionDescriptor.AttributeRouteInfo?.Template;
            if (template is not null && (template == RoutePrefix || template.StartsWith(RoutePrefix + "/", StringComparison.OrdinalIgnoreCase)))
            {
                var policy = OpenToEverySignedInRole.Contains(model.ViewEnginePath, StringComparer.Ordinal) ? Policies.SignedIn : Policies.Office;
                model.EndpointMetadata.Add(new AuthorizeAttribute(policy));
            }
        }
    }
}
