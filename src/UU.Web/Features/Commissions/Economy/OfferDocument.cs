using UU.Web.Features.Catalogue;
using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Commissions.Economy;

/// <summary>Writes an offer's text as a Word document: a line starting with "# " is a heading, an empty line separates paragraphs.</summary>
public sealed class OfferDocument
{
    public byte[] Write(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                body.Append(line.StartsWith("# ", StringComparison.Ordinal) ? Heading(line[2..]) : Paragraph(line));
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>The text of a document written by <see cref="Write"/> (or any Word document): its paragraphs, one a line.</summary>
    public static string ReadText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText));
    }

    private static Paragraph Heading(string text) =>
        new(new Run(new RunProperties(new Bold(), new FontSize { Val = "32" }), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Paragraph(string text) =>
        new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
}

/// <summary>The offer template's placeholders, the texts they become, and the template to start from when editors have not written one.</summary>
public static partial class OfferTemplates
{
    public static readonly string[] Placeholders =
        ["uppdragsgivare", "kontaktperson", "referens", "offertnummer", "datum", "moduler", "omfattning", "pris", "villkor", "giltig_till", "deltagarnas_rattigheter"];

    public static string Fill(string body, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(body, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    /// <summary>Placeholders in a template that are not known (a misspelling would otherwise stand in the offer).</summary>
    public static List<string> Unknown(string body) =>
        Placeholder().Matches(body).Select(m => m.Groups[1].Value).Where(p => !Placeholders.Contains(p)).Distinct().ToList();

    /// <param name="participantRights">
    /// The participants' rights and obligations as the staff section publishes them, in the offer's language; the template's own
    /// text stands in only when none is published.
    /// </param>
    public static Dictionary<string, string> Values(string language, Inquiry inquiry, Calculation calculation, CalculationResult result, IReadOnlyList<string> modules,
        OfferTemplate template, DateOnly validUntil, DateOnly today, int number, string? participantRights = null)
    {
        var en = language == "en";
        var culture = CultureInfo.GetCultureInfo(en ? "en-GB" : "sv-SE");
        string Money(decimal v) => en ? "SEK " + v.ToString("N0", culture) : v.ToString("N0", culture) + " kr";
        string Hours(decimal v) => v.ToString("0.##", culture);
        var planned = result.Planned;
        var price = result.PriceModel == PriceModel.Fixed
            ? (en ? $"{Money(result.Price)} (fixed price, rounded)" : $"{Money(result.Price)} (fast pris, avrundat)")
            : (en
                ? $"{Money(result.Price)} per participant (rounded), at least {calculation.MinParticipants} and at most {calculation.MaxParticipants} participants"
                : $"{Money(result.Price)} per deltagare (avrundat), lägst {calculation.MinParticipants} och högst {calculation.MaxParticipants} deltagare");
        var scope = en
            ? $"{Hours(planned.TeachingHours)} hours of teaching and {Hours(planned.AdministrationHours)} hours of administration for {planned.Participants} participants"
            : $"{Hours(planned.TeachingHours)} timmar undervisning och {Hours(planned.AdministrationHours)} timmar administration för {planned.Participants} deltagare";
        return new Dictionary<string, string>
        {
            ["uppdragsgivare"] = string.IsNullOrWhiteSpace(inquiry.OrganisationNumber) ? inquiry.OrganisationName : $"{inquiry.OrganisationName} ({inquiry.OrganisationNumber})",
            ["kontaktperson"] = inquiry.ContactName,
            ["referens"] = inquiry.ReferenceNumber,
            ["offertnummer"] = number.ToString(CultureInfo.InvariantCulture),
            ["datum"] = EconomyService.Iso(today),
            ["moduler"] = modules.Count == 0 ? "–" : string.Join(", ", modules),
            ["omfattning"] = scope,
            ["pris"] = price,
            ["villkor"] = template.Terms,
            ["giltig_till"] = EconomyService.Iso(validUntil),
            ["deltagarnas_rattigheter"] = string.IsNullOrWhiteSpace(participantRights) ? template.ParticipantRights : participantRights,
        };
    }

    public static OfferTemplate Default(string language) => language == "en"
        ? new OfferTemplate
        {
            Language = "en",
            Body = "# Offer: commissioned education\nOffer {offertnummer}, {datum}, our reference {referens}\n\nClient: {uppdragsgivare}\nContact: {kontaktperson}\n\n# Content\n{moduler}\n\n# Scope\n{omfattning}\n\n# Price\n{pris}\n\n# Terms\n{villkor}\n\n# The participants' rights and obligations\n{deltagarnas_rattigheter}\n\nThis offer is valid until {giltig_till}.",
            Terms = "The education is given as commissioned education under the Ordinance on Commissioned Education at Universities (2002:760). The agreement is signed by the university's authorised signatory. Invoicing after the start of the course; 30 days' payment.",
            ParticipantRights = "Participants are not students: what applies to them on credits, certificates, examination, evaluation, disciplinary matters and personal data is set out in the agreement and told to them at the start.",
        }
        : new OfferTemplate
        {
            Language = "sv",
            Body = "# Offert: uppdragsutbildning\nOffert {offertnummer}, {datum}, vår referens {referens}\n\nUppdragsgivare: {uppdragsgivare}\nKontaktperson: {kontaktperson}\n\n# Innehåll\n{moduler}\n\n# Omfattning\n{omfattning}\n\n# Pris\n{pris}\n\n# Villkor\n{villkor}\n\n# Deltagarnas rättigheter och skyldigheter\n{deltagarnas_rattigheter}\n\nOfferten gäller till och med {giltig_till}.",
            Terms = "Utbildningen ges som uppdragsutbildning enligt förordningen (2002:760) om uppdragsutbildning vid universitet och högskolor. Avtal tecknas av universitetets firmatecknare. Fakturering efter kursstart, 30 dagars betalningsvillkor.",
            ParticipantRights = "Deltagarna är inte studenter: vad som gäller dem om högskolepoäng, intyg, examination, utvärdering, disciplinära frågor och personuppgifter regleras i avtalet och berättas för dem vid kursstart.",
        };

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
