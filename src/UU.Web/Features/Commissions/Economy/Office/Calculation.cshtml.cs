using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Inquiries;
using UU.Web.Localization;

namespace UU.Web.Features.Commissions.Economy.Office;

/// <summary>
/// A case's economy: the calculation form with its totals (computed on "Beräkna" without JavaScript, live with it), the versions,
/// the head of department's decision on the current version, and the offers generated from an approved one.
/// </summary>
public sealed class CalculationModel(UuDbContext db, EconomyService economy, Texts texts, TimeProvider clock) : PageModel
{
    public sealed class DecisionInput
    {
        public int Version { get; set; }
        public bool? Approved { get; set; }
        public string? DecidedBy { get; set; }
        public string? Comment { get; set; }
    }

    public sealed class OfferInput
    {
        public string? Language { get; set; }
        public string? ValidUntil { get; set; }
    }

    public Inquiry Inquiry { get; private set; } = null!;
    public IReadOnlyList<Calculation> Versions { get; private set; } = [];
    public IReadOnlyList<Offer> Offers { get; private set; } = [];
    public Calculation? Current => Versions.Count > 0 ? Versions[0] : null;
    /// <summary>The version whose figures are shown (the current one unless an earlier one is asked for).</summary>
    public Calculation? Shown { get; private set; }
    public CalculationResult? Result { get; private set; }
    public IReadOnlyDictionary<string, AppliedRate> Rates { get; private set; } = new Dictionary<string, AppliedRate>();
    public DateOnly Day { get; private set; }
    public bool IsPreview { get; private set; }
    public string? OfferBlock { get; private set; }
    /// <summary>When and to whom the current version was sent for the head of department's decision.</summary>
    public DecisionRequest? DecisionRequest { get; private set; }
    public Dictionary<string, string> Errors { get; private set; } = [];
    public string? Message { get; private set; }

    [BindProperty] public CalculationForm Form { get; set; } = new();
    [BindProperty] public DecisionInput Decision { get; set; } = new();
    [BindProperty] public OfferInput OfferForm { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string reference, int? version, int? saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
        {
            return NotFound();
        }
        Form = CalculationForm.From(Current, Today, Inquiry.Participants, texts);
        if (version is { } v)
        {
            Shown = Versions.FirstOrDefault(c => c.Version == v);
            if (Shown is null)
            {
                return NotFound();
            }
        }
        ShowStored();
        if (saved is { } s)
        {
            Message = texts["economy.saved", s];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string reference, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
        {
            return NotFound();
        }
        var evaluation = await economy.EvaluateAsync(Form, cancellationToken);
        Form.Pad();
        if (evaluation.Result is null)
        {
            return Invalid(evaluation.Errors);
        }
        ShowEvaluation(evaluation);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string reference, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
        {
            return NotFound();
        }
        var (saved, evaluation) = await economy.SaveAsync(Inquiry, Form, User.Identity?.Name, cancellationToken);
        Form.Pad();
        if (saved is null)
        {
            if (evaluation.Result is not null)
            {
                ShowEvaluation(evaluation);
            }
            return Invalid(evaluation.Errors);
        }
        return Redirect($"/office/forfragningar/{Uri.EscapeDataString(Inquiry.ReferenceNumber)}/kalkyl?saved={saved.Version}");
    }

    public async Task<IActionResult> OnPostDecideAsync(string reference, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
        {
            return NotFound();
        }
        var errors = await economy.DecideAsync(Inquiry, Decision.Version, Decision.Approved, Decision.DecidedBy, Decision.Comment, User.Identity?.Name, cancellationToken);
        if (errors.Count > 0)
        {
            Form = CalculationForm.From(Current, Today, Inquiry.Participants, texts);
            ShowStored();
            return Invalid(errors);
        }
        return Redirect($"/office/forfragningar/{Uri.EscapeDataString(Inquiry.ReferenceNumber)}/kalkyl");
    }

    public async Task<IActionResult> OnPostRequestDecisionAsync(string reference, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
        {
            return NotFound();
        }
        var error = await economy.RequestDecisionAsync(Inquiry, Decision.Version, User.Identity?.Name, cancellationToken);
        if (error is not null)
        {
            Form = CalculationForm.From(Current, Today, Inquiry.Participants, texts);
            ShowStored();
            return Invalid(new Dictionary<string, string> { ["RequestDecision"] = error });
        }
        return Redirect($"/office/forfragningar/{Uri.EscapeDataString(Inquiry.ReferenceNumber)}/kalkyl#decision-heading");
    }

    public async Task<IActionResult> OnPostOfferAsync(string reference, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, cancellationToken))
        {
            return NotFound();
        }
        var (offer, error) = await economy.GenerateOfferAsync(Inquiry, OfferForm.Language, OfferForm.ValidUntil, User.Identity?.Name, cancellationToken);
        if (offer is null)
        {
            Form = CalculationForm.From(Current, Today, Inquiry.Participants, texts);
            ShowStored();
            return Invalid(new Dictionary<string, string> { ["OfferForm"] = error! });
        }
        return Redirect($"/office/forfragningar/{Uri.EscapeDataString(Inquiry.ReferenceNumber)}/kalkyl#offers");
    }

    /// <summary>An offer's document, for those who may see the case's economy.</summary>
    public async Task<IActionResult> OnGetOfferFileAsync(string reference, int number, CancellationToken cancellationToken)
    {
        var offer = await db.Set<Offer>().AsNoTracking()
            .Where(o => o.Number == number && db.Inquiries.Any(i => i.Id == o.InquiryId && i.ReferenceNumber == reference))
            .FirstOrDefaultAsync(cancellationToken);
        return offer is null
            ? NotFound()
            : File(offer.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", offer.FileName);
    }

    private PageResult Invalid(Dictionary<string, string> errors)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void ShowStored()
    {
        Shown ??= Current;
        if (Shown is not null)
        {
            Result = EconomyService.ResultOf(Shown);
            Rates = EconomyService.RatesOf(Shown);
            Day = Shown.CalculatedOn;
        }
    }

    private void ShowEvaluation(Evaluation evaluation)
    {
        Result = evaluation.Result;
        Rates = evaluation.Rates;
        Day = evaluation.Day;
        IsPreview = true;
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.AsNoTracking().FirstOrDefaultAsync(i => i.ReferenceNumber == reference, cancellationToken);
        if (inquiry is null)
        {
            return false;
        }
        Inquiry = inquiry;
        Versions = await economy.VersionsAsync(inquiry.Id, cancellationToken);
        Offers = await economy.OffersAsync(inquiry.Id, cancellationToken);
        OfferBlock = economy.OfferBlock(Current);
        DecisionRequest = Current is { Decision: null } current ? await economy.DecisionRequestOfAsync(inquiry.Id, current.Version, cancellationToken) : null;
        return true;
    }

    public DateOnly Today => UU.Scrapers.SwedishTime.Today(clock.GetUtcNow());

    public string? Err(string field) => Errors.TryGetValue(field, out var e) ? e : null;
}
