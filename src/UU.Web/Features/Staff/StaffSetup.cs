using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Content;

namespace UU.Web.Features.Staff;

public static class StaffSetup
{
    /// <summary>The staff section's address: pages, search and the template library for signed-in staff.</summary>
    public const string Home = "/personal";

    /// <summary>The public page the staff section replaced; its address now leads to the staff section.</summary>
    public const string FormerPublicSlug = "for-institutioner";

    /// <summary>Addresses of the staff section's own pages, which a staff page's slug may not take.</summary>
    public static readonly string[] ReservedSlugs = ["sok", "dokument"];

    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddSingleton<StaffAnalysis>();
        services.AddScoped<StaffPages>();
        services.AddScoped<StaffSearch>();
        services.AddScoped<StaffDocuments>();
        services.AddScoped<ParticipantRights>();
        services.AddScoped<IDatabaseStartupTask, FormerDepartmentsPageMove>();
        services.Configure<RazorPagesOptions>(o =>
        {
            // Every signed-in role reads the staff section (the departments' staff too); only editors keep its templates.
            o.Conventions.AuthorizeFolder("/Staff", Policies.SignedIn);
            o.Conventions.AuthorizeFolder("/Staff/Office", Policies.Editors);
        });
        return services;
    }
}

/// <summary>
/// Moves the public "för institutioner" page of databases seeded before the staff section into it, once: the page becomes a
/// staff page at the same slug and its public address a permanent redirect to it (the staff section asks visitors to sign in).
/// </summary>
public sealed class FormerDepartmentsPageMove(TimeProvider clock) : IDatabaseStartupTask
{
    public async Task RunAsync(UuDbContext db, CancellationToken cancellationToken)
    {
        var page = await db.ContentItems.FirstOrDefaultAsync(c => c.Type == ContentTypes.Page && c.DraftSlug == StaffSetup.FormerPublicSlug, cancellationToken);
        if (page is null || await db.ContentItems.AnyAsync(c => c.Type == ContentTypes.Staff && c.DraftSlug == StaffSetup.FormerPublicSlug, cancellationToken))
        {
            return;
        }
        page.Type = ContentTypes.Staff;
        page.Version++;
        await Redirects.RecordMoveAsync(db, ContentTypes.PublicPath(ContentTypes.Page, StaffSetup.FormerPublicSlug),
            ContentTypes.PublicPath(ContentTypes.Staff, StaffSetup.FormerPublicSlug), clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
