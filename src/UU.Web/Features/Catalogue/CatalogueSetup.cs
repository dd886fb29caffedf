using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Features.Accounts;

namespace UU.Web.Features.Catalogue;

public static class CatalogueSetup
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddScoped<CatalogueQueries>();
        services.AddScoped<ModuleEditing>();
        services.AddScoped<CourseImporter>();
        services.AddScoped<SubjectEditing>();
        services.AddScoped<CourseEditing>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Catalogue/Office", Policies.Editors));
        return services;
    }
}
