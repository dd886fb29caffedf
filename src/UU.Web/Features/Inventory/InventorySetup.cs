using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Data;
using UU.Web.Features.Accounts;
using UU.Web.Features.Catalogue;

namespace UU.Web.Features.Inventory;

public static class InventorySetup
{
    public static IServiceCollection AddInventory(this IServiceCollection services)
    {
        services.AddSingleton<TopicMatcher>();
        services.AddScoped<CourseInventory>();
        services.AddScoped<InventoryRounds>();
        services.AddScoped<ModuleProposals>();
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Inventory/Office", Policies.LeadWorkers);
            o.Conventions.AuthorizePage("/Inventory/Office/Approvals", Policies.Coordinators);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapInventory(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/inventory", ListAsync).RequireAuthorization(Policies.CaseApi);
        return app;
    }

    /// <summary>GET /api/inventory?subject=SLUG&amp;department=&amp;level=&amp;credits=&amp;language=: the subject's courses with state, last marking and signals.</summary>
    private static async Task<IResult> ListAsync(HttpContext context, CourseInventory inventory, UuDbContext db, CancellationToken cancellationToken)
    {
        var slug = context.Request.Query["subject"].ToString().Trim();
        if (slug.Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["subject"] = ["is required: the subject's slug, such as historia"] }, title: "The subject is missing.");
        }
        var (filter, bad) = InventoryFilter.Parse(context.Request.Query);
        if (bad.Count > 0)
        {
            return TypedResults.ValidationProblem(bad.ToDictionary(b => b.Key, b => new[] { $"'{b.Value}' is not valid: use {InventoryFilter.Expected(b.Key)}" }), title: "Some filters are not valid.");
        }
        var subject = await inventory.SubjectAsync(slug, cancellationToken);
        if (subject is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"There is no subject '{slug}'.");
        }
        if (!await InventoryActor.For(context.User).MayWorkOnAsync(db, subject.Id, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: $"You are not a contact person of the subject '{slug}'.");
        }
        var rows = await inventory.ListAsync(subject.Id, filter, signals: true, cancellationToken);
        var items = rows.Select(r => new
        {
            r.Code,
            title = r.TitleSv,
            titleEn = r.TitleEn,
            r.Credits,
            level = CatalogueCodes.Code(r.Level),
            r.Language,
            r.Department,
            state = State(r.State),
            lastMark = r.LastMark is { } m ? new { state = m.State.ToString(), m.Reason, m.Comment, by = m.ByName ?? m.ByEmail, at = m.At } : null,
            usedBy = r.UsedBy.Select(u => u.Slug).ToList(),
            proposedIn = r.ProposedIn.Select(u => u.Slug).ToList(),
            signals = r.Signals is { } s ? new { leads = s.Leads, inquiries = s.Inquiries, otherSubjectModules = s.OtherSubjectModules.Select(o => o.Slug).ToList(), distance = s.Distance } : null,
        }).ToList();
        return TypedResults.Ok(new { subject = subject.Slug, total = items.Count, items });
    }

    public static string State(InventoryState state) => state switch
    {
        InventoryState.Candidate => "candidate",
        InventoryState.UsedByModule => "used",
        InventoryState.NotSuitable => "notSuitable",
        _ => "notReviewed",
    };
}
