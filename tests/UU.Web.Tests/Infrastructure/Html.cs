using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace UU.Web.Tests.Infrastructure;

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The antiforgery token of the first form on the page (its cookie is kept by the client).</summary>
    public static string AntiforgeryToken(this IHtmlDocument document) =>
        document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("The page has no antiforgery token.");

    public static List<string> CardTitles(this IHtmlDocument document) =>
        document.QuerySelectorAll(".card-title a").Select(a => a.TextContent.Trim()).ToList();
}
