using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Features.Accounts;
using UU.Web.Features.Content.Versioning;

namespace UU.Web.Features.Catalogue;

public static class CatalogueSetup
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddScoped<CatalogueQueries>();
        services.AddScoped<ModuleDrafts>();
        services.AddScoped<IDocumentKind<Module, ModuleVersion, ModuleDraft>, ModuleDocuments>();
        services.AddScoped<ModuleEditing>();
        services.AddScoped<CourseImporter>();
        services.AddScoped<SubjectEditing>();
        services.AddScoped<SubjectContactEditing>();
        services.AddScoped<CourseEditing>();
        services.AddScoped<ThemeEditing>();
        // The English address of a theme page, /en/themes/{slug}: LanguagePaths has moved /en into the PathBase.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Catalogue/Theme", "themes/{slug}"));
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Catalogue/Office", Policies.Editors);
            // Who receives a subject's inquiries is the coordinators' decision, not marketing's.
            o.Conventions.AuthorizeFolder("/Catalogue/Contacts/Office", Policies.Coordinators);
        });
        return services;
    }
}
