using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Catalogue;
using DeliveryResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.StatusCodeHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>;

namespace UU.Web.Features.Content;

/// <summary>
/// Read-only JSON of published pages, stories and modules for other university systems, with paging and
/// ETags (a repeated request with If-None-Match costs a 304). Drafts never appear here.
/// </summary>
public static class DeliveryApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapDeliveryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/content");
        api.MapGet("/{type:regex(^(stories|pages)$)}", ListContentAsync);
        api.MapGet("/{type:regex(^(stories|pages)$)}/{slug}", OneContentAsync);
        api.MapGet("/modules", ListModulesAsync);
        api.MapGet("/modules/{slug}", OneModuleAsync);
        return app;
    }

    private static string TypeOf(string plural) => plural == "stories" ? ContentTypes.Story : ContentTypes.Page;

    private static async Task<DeliveryResult> ListContentAsync(string type, HttpContext context, UuDbContext db, RichText richText, CancellationToken cancellationToken)
    {
        if (Paging(context, out var page, out var pageSize) is { } problem)
        {
            return problem;
        }
        var contentType = TypeOf(type);
        var query = db.ContentItems.AsNoTracking().Where(c => c.Type == contentType && c.State == ContentState.Published);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(c => c.PublishedAt).ThenBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return Send(context, new { total, page, pageSize, items = items.Select(i => Shape(i, richText)) });
    }

    private static async Task<DeliveryResult> OneContentAsync(string type, string slug, HttpContext context, UuDbContext db, RichText richText, CancellationToken cancellationToken)
    {
        var contentType = TypeOf(type);
        var item = slug.Length > 160 ? null : await db.ContentItems.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Type == contentType && c.State == ContentState.Published && c.PublishedSlug == slug, cancellationToken);
        return item is null ? TypedResults.NotFound() : Send(context, Shape(item, richText));
    }

    private static async Task<DeliveryResult> ListModulesAsync(HttpContext context, CatalogueQueries catalogue, CancellationToken cancellationToken)
    {
        if (Paging(context, out var page, out var pageSize) is { } problem)
        {
            return problem;
        }
        var query = catalogue.PublishedModules;
        var total = await query.CountAsync(cancellationToken);
        var modules = await query.Include(m => m.Subject).OrderBy(m => m.Slug).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return Send(context, new { total, page, pageSize, items = modules.Select(Shape) });
    }

    private static async Task<DeliveryResult> OneModuleAsync(string slug, HttpContext context, CatalogueQueries catalogue, CancellationToken cancellationToken)
    {
        var module = slug.Length > 160 ? null : await catalogue.ModuleAsync(slug, cancellationToken);
        return module is null ? TypedResults.NotFound() : Send(context, Shape(module));
    }

    private static ValidationProblem? Paging(HttpContext context, out int page, out int pageSize)
    {
        page = 1;
        pageSize = 20;
        var errors = new Dictionary<string, string[]>();
        var query = context.Request.Query;
        if (query.TryGetValue("page", out var p) && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            errors["page"] = ["must be a whole number from 1"];
        }
        if (query.TryGetValue("pageSize", out var s) && (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 100))
        {
            errors["pageSize"] = ["must be a whole number from 1 to 100"];
        }
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: "The paging parameters are not valid.") : null;
    }

    /// <summary>Writes the JSON with a strong ETag from its bytes; answers 304 when the client already has it.</summary>
    private static DeliveryResult Send(HttpContext context, object body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Json);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "public, max-age=60";
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        if (ifNoneMatch.Split(',').Select(t => t.Trim()).Contains(etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(bytes, "application/json; charset=utf-8");
    }

    private static object Shape(ContentItem item, RichText richText)
    {
        var f = item.Published!;
        return new
        {
            type = item.Type,
            id = item.Id,
            slug = item.PublishedSlug,
            url = ContentTypes.PublicPath(item.Type, item.PublishedSlug!),
            title = new { sv = f.TitleSv, en = f.TitleEn },
            summary = new { sv = f.SummarySv, en = f.SummaryEn },
            bodyHtml = new { sv = richText.ToHtml(f.BodySv), en = f.BodyEn is null ? null : richText.ToHtml(f.BodyEn) },
            client = f.ClientName,
            sector = f.Sector,
            subject = f.SubjectSlug,
            quote = f.QuoteSv is null ? null : new { sv = f.QuoteSv, en = f.QuoteEn, by = f.QuoteBy },
            results = f.ResultsSv,
            image = f.ImagePath is null ? null : new { url = f.ImagePath, alt = f.ImageAlt },
            modules = f.ModuleSlugs,
            publishedAt = item.PublishedAt,
        };
    }

    private static object Shape(Module m) => new
    {
        type = "module",
        id = m.Id,
        slug = m.Slug,
        url = "/utbildningar/" + m.Slug,
        title = new { sv = m.TitleSv, en = m.TitleEn },
        summary = new { sv = m.SummarySv, en = m.SummaryEn },
        subject = m.Subject?.Slug,
        creditBearing = m.CreditBearing,
        credits = m.Credits,
        hours = m.Hours,
        level = m.Level is { } level ? CatalogueCodes.Code(level) : null,
        format = CatalogueCodes.Code(m.Format),
        language = m.Language,
        priceModel = m.PriceModel.ToString(),
        priceSek = m.PriceSek,
        minParticipants = m.MinParticipants,
        maxParticipants = m.MaxParticipants,
        courses = m.Courses.Where(c => c.Course is not null).Select(c => new { code = c.Course!.Code, part = c.PartSv, partCredits = c.PartCredits }),
    };
}
