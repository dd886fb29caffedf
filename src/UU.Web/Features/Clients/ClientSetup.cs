using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Features.Accounts;

namespace UU.Web.Features.Clients;

public static class ClientSetup
{
    public static IServiceCollection AddClients(this IServiceCollection services)
    {
        services.AddScoped<ClientRegister>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Clients/Office", Policies.Coordinators));
        return services;
    }
}
