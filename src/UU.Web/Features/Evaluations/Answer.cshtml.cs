using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UU.Web.Localization;

namespace UU.Web.Features.Evaluations;

/// <summary>
/// The evaluation behind a personal link, /utvardering/{token} and /en/evaluation/{token}. No sign-in; it shows the course
/// name and the questions, nothing about the person. A link that is unknown (404), not open yet (404), expired (410) or
/// already answered (409) says so in words.
/// </summary>
public sealed class AnswerModel(EvaluationAnswering answering, Texts texts) : PageModel
{
    public EvaluationForm Form { get; private set; } = new(LinkState.Unknown, "", "sv", []);
    public IReadOnlyDictionary<int, string> Errors { get; private set; } = new Dictionary<int, string>();
    public bool Thanks { get; private set; }
    public IReadOnlyDictionary<int, string?> Ratings { get; private set; } = new Dictionary<int, string?>();
    public IReadOnlyDictionary<int, string?> Comments { get; private set; } = new Dictionary<int, string?>();
    public bool MayQuote { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Form = await answering.OpenAsync(token, cancellationToken);
        Response.StatusCode = StatusFor(Form.State);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var form = Request.HasFormContentType ? await Request.ReadFormAsync(cancellationToken) : null;
        Ratings = Fields(form, "rating-");
        Comments = Fields(form, "text-");
        MayQuote = form?["MayQuote"].ToString() is "true" or "on";
        var outcome = await answering.SubmitAsync(token, Ratings, Comments, MayQuote, cancellationToken);
        Form = await answering.OpenAsync(token, cancellationToken);
        if (outcome.Saved)
        {
            Thanks = true;
            return Page();
        }
        Errors = outcome.Errors.ToDictionary(e => e.Key, e => texts[e.Value]);
        Response.StatusCode = outcome.State == LinkState.Open ? StatusCodes.Status400BadRequest : StatusFor(outcome.State);
        return Page();
    }

    private static int StatusFor(LinkState state) => state switch
    {
        LinkState.Open => StatusCodes.Status200OK,
        LinkState.Answered => StatusCodes.Status409Conflict,
        LinkState.Expired => StatusCodes.Status410Gone,
        _ => StatusCodes.Status404NotFound,
    };

    private static Dictionary<int, string?> Fields(IFormCollection? form, string prefix)
    {
        var fields = new Dictionary<int, string?>();
        foreach (var (key, value) in form ?? (IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>)[])
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(key.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                fields[id] = value.ToString();
            }
        }
        return fields;
    }
}
