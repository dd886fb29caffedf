using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using UU.Web.Data;
using UU.Web.Infrastructure;
using UU.Web.Localization;

namespace UU.Web.Features.Catalogue;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = UU.Web.Infrastructure.PublicCache.Policy)]
public sealed class ModuleModel(CatalogueQueries queries, Content.PublishedContent content, SiteUrls urls, IOptions<SiteOptions> site, UU.Web.Features.Evaluations.EvaluationResults evaluations, Staff.ParticipantRights participantRights) : PageModel
{
    /// <summary>What applies to the participants (they are not students), as the staff section publishes it; null when it has not.</summary>
    public Staff.RightsText? Rights { get; private set; }

    /// <summary>Other published modules in the same subject, for "related courses".</summary>
    public IReadOnlyList<ModuleCard> Related { get; private set; } = [];

    /// <summary>Success stories that used this module.</summary>
    public IReadOnlyList<Content.StoryCard> Stories { get; private set; } = [];

    public Module Module { get; private set; } = null!;
    public string CanonicalUrl { get; private set; } = "";
    public string JsonLd { get; private set; } = "";
    public bool IsPreview { get; private set; }
    /// <summary>The evaluations' rating, once at least five answers exist; null before.</summary>
    public UU.Web.Features.Evaluations.Rating? Rating { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "utkast")] string? draft, CancellationToken cancellationToken)
    {
        // Editors see the unpublished draft through the very same page (authenticated requests are never cached).
        IsPreview = draft is "1" or "true" && (User.IsInRole(UU.Web.Features.Accounts.Roles.Editor) || User.IsInRole(UU.Web.Features.Accounts.Roles.Admin));
        var module = IsPreview ? await queries.ModulePreviewAsync(slug, cancellationToken) : await queries.ModuleAsync(slug, cancellationToken);
        if (module is null)
        {
            return NotFound();
        }
        Module = module;
        Rights = await participantRights.ForVisitorAsync(cancellationToken);
        CanonicalUrl = urls.Absolute("/utbildningar/" + module.Slug);
        Rating = await evaluations.ForModuleAsync(module.Id, cancellationToken);
        JsonLd = BuildJsonLd(module);
        Related = (await queries.ModulesInSubjectAsync(module.SubjectId, cancellationToken)).Where(c => c.Slug != module.Slug).Take(3).ToList();
        Stories = await content.StoriesAboutModuleAsync(module.Slug, cancellationToken);
        return Page();
    }

    /// <summary>schema.org Course, so search engines can show the module as a course offering.</summary>
    private string BuildJsonLd(Module m)
    {
        var courseMode = m.Format switch
        {
            DeliveryFormat.Distance => "online",
            DeliveryFormat.Blended => "blended",
            _ => "onsite",
        };
        var workloadHours = m.StudyHours.ToString(CultureInfo.InvariantCulture);
        var instance = new JsonObject
        {
            ["@type"] = "CourseInstance",
            ["courseMode"] = courseMode,
            ["courseWorkload"] = $"PT{workloadHours}H",
            ["inLanguage"] = m.Language,
        };
        var course = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Course",
            ["name"] = Texts.Pick(m.TitleSv, m.TitleEn),
            ["description"] = Texts.Pick(m.SummarySv, m.SummaryEn),
            ["url"] = CanonicalUrl,
            ["inLanguage"] = m.Language,
            ["provider"] = new JsonObject
            {
                ["@type"] = "CollegeOrUniversity",
                ["name"] = site.Value.OrganisationName,
                ["url"] = urls.BaseUrl,
            },
            ["hasCourseInstance"] = new JsonArray(instance),
            ["educationalLevel"] = m.Level is null ? null : m.Level == CourseLevel.First ? "Grundnivå" : "Avancerad nivå",
            ["coursePrerequisites"] = null,
        };
        if (m.CreditBearing && m.Credits is { } credits)
        {
            course["numberOfCredits"] = new JsonObject
            {
                ["@type"] = "StructuredValue",
                ["value"] = credits,
                ["unitText"] = "hp",
            };
        }
        if (m.PriceSek is { } price)
        {
            course["offers"] = new JsonObject
            {
                ["@type"] = "Offer",
                ["category"] = m.PriceModel == PriceModel.PerParticipant ? "per participant" : "fixed price",
                ["price"] = price,
                ["priceCurrency"] = "SEK",
            };
        }
        if (Rating is { } rating)
        {
            course["aggregateRating"] = new JsonObject
            {
                ["@type"] = "AggregateRating",
                ["ratingValue"] = rating.Rounded,
                ["ratingCount"] = rating.Count,
                ["bestRating"] = UU.Web.Features.Evaluations.EvaluationLimits.MaxRating,
                ["worstRating"] = UU.Web.Features.Evaluations.EvaluationLimits.MinRating,
            };
        }
        // Drop the keys that have no value rather than emit nulls.
        foreach (var key in course.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            course.Remove(key);
        }
        // The default encoder escapes <, > and &, so the JSON cannot close the script element it sits in.
        return course.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
