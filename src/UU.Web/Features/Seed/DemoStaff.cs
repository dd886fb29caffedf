using ClosedXML.Excel;
using UU.Web.Data;
using UU.Web.Features.Commissions.Economy;
using UU.Web.Features.Content;
using UU.Web.Features.Staff;

namespace UU.Web.Features.Seed;

/// <summary>The staff section's demo: pages on the handling order, the participants' rights in both languages, and three templates.</summary>
public static class DemoStaff
{
    private sealed record PageRow(string Slug, string Title, string TitleEn, string Summary, string Body, string? BodyEn = null);

    private static readonly PageRow[] Pages =
    [
        new(StaffSetup.FormerPublicSlug, "För institutioner: vägen in", "For departments: the way in",
            "Så får institutionerna stöd av UU-stödet i varje fas av ett uppdrag.",
            "Varje institution har en **kontaktperson** för uppdragsutbildning. UU-stödet hjälper till med kalkyl, offert, avtal och administration av deltagare.\n\n" +
            "Nya förfrågningar och leads skickas direkt till kontaktpersonerna för de ämnen som berörs.\n\n" +
            "## Så hittar du rätt\n- [Vad stödet erbjuder i varje fas](/personal/stodet-i-varje-fas)\n- [Vem gör vad](/personal/vem-gor-vad)\n- [Kontakter](/personal/kontakter)\n- [Mallar och dokument](/personal/dokument)"),
        new("stodet-i-varje-fas", "Vad UU-stödet erbjuder i varje fas", "What the support offers in each phase",
            "Handläggningsordningens fem faser och vad stödet gör i var och en.",
            "## 1. Omvärld\nStödet bevakar upphandlingar och kompetensbehov (omvärldsbevakning) och skickar relevanta leads till ämnenas kontaktpersoner. Vi marknadsför utbildningskatalogen och de lyckade exemplen.\n\n" +
            "## 2. Initiering\nAlla externa förfrågningar kommer in via registraturen, så stödet är med från start. Vi kontaktar de utsedda personerna på fakulteterna och kan hålla dialogen med uppdragsgivaren om behoven. Institutionen prövar om kompetens, tid och resurser finns.\n\n" +
            "## 3. Överenskommelse\nStödet hjälper till med kalkylen (fast pris eller pris per deltagare med lägsta och högsta antal), offerten eller anbudet och avtalet. Prefekten beslutar om start, kalkyl och prissättning och om att skicka offerten. Avtalet undertecknas av firmatecknare och diarieförs av stödet.\n\n" +
            "## 4. Genomförande\nInstitutionen utformar kursen tillsammans med uppdragsgivaren. För poänggivande uppdrag fastställs en kursplan som för vilken kurs som helst; stödet lägger in den i Ladok och sköter antagning, registrering och konton på lärplattformen.\n\n" +
            "## 5. Uppföljning\nStödet skickar utvärderingen till uppdragsgivare och deltagare och bokar uppföljningsmötet. Ett överskott eller underskott fördelas mellan fakulteterna efter deras andelar i kalkylen. Goda resultat blir exempel på webben.",
            "## 1. Market watch\nThe support watches calls for tenders and competence needs and sends relevant leads to the subjects' contact persons.\n\n## 2. Initiation\nEvery external request arrives through the registry; the support contacts the named people in each faculty and can hold the dialogue with the client.\n\n## 3. Agreement\nThe support helps with the costing, the offer or bid and the agreement. The head of department decides; an authorised signatory signs; the support registers the agreement.\n\n## 4. Delivery\nCredit-bearing commissions need a syllabus; the support enters it in Ladok and runs participant administration.\n\n## 5. Follow-up\nThe support sends the evaluation and books the follow-up meeting; a surplus or deficit is split between the faculties by their shares of the calculation."),
        new("vem-gor-vad", "Vem gör vad", "Who does what",
            "Institutionens, prefektens, firmatecknarens och UU-stödets ansvar i ett uppdrag.",
            "| Vem | Ansvar |\n| --- | --- |\n| Institutionen | utvecklar, genomför och följer upp uppdraget |\n| Prefekten | beslutar om att starta uppdraget, om kalkyl och pris och om att skicka offerten |\n| Kontaktpersonen | tar emot förfrågningar och leads för sina ämnen och svarar inom fem arbetsdagar |\n| Firmatecknaren | undertecknar avtalet enligt arbetsordningen |\n| UU-stödet | stöttar hela processen, diarieför avtal, lägger in kursplaner i Ladok och administrerar deltagarna |\n| Fakultetskansliet | får avtalen för kännedom och beslutar hur ett överskott används |\n\n" +
            "Rektorsprogrammet och Samverkan för bästa skola styrs inte av handläggningsordningen. Lärarlyftet följer den i de ekonomiska delarna. Alla andra uppdrag ska gå genom stödet."),
        new("kontakter", "Kontakter", "Contacts",
            "Till vem du vänder dig med frågor om uppdragsutbildning.",
            "## UU-stödet\n- Samordnare: Karin Lindqvist, uppdrag@uu-demo.se, 010-142 80 10\n- Administration av deltagare och Ladok: Erik Sjöberg, 010-142 80 12\n- Avtal och diarium: registraturen, registrator@uu-demo.se\n\n" +
            "## Institutionernas kontaktpersoner\nVarje institution utser en kontaktperson: prefekten, ställföreträdande prefekt, studierektorn eller en samordnare för uppdragsutbildning. Kontaktpersonerna för varje ämne står på ämnessidorna i utbildningskatalogen."),
        new("sa-gor-du-en-kalkyl", "Så gör du en kalkyl och en offert", "How to cost and quote a commission",
            "Steg för steg från första samtalet till skickad offert.",
            "1. Ta emot förfrågan i ärendet och läs vad uppdragsgivaren behöver. Använd mallen för kunddialog vid första samtalet.\n" +
            "2. Räkna timmar för undervisning, förberedelse, examination och administration i ärendets kalkyl. OH-påslaget läggs på automatiskt.\n" +
            "3. Välj fast pris eller pris per deltagare. Vid pris per deltagare anger du lägsta och högsta antal deltagare.\n" +
            "4. Låt prefekten besluta om kalkylen och priset i ärendet.\n" +
            "5. Skapa offerten i ärendet. Villkoren och deltagarnas rättigheter fylls i från mallen.\n\n" +
            "**Tips:** ett poänggivande uppdrag behöver en fastställd kursplan innan kursstart. Räkna med tid för beslut i ämneskollegiet."),
        new("exempel-lararlyftet-timra", "Exempel: specialpedagogik för Timrå kommun", "Example: special education for Timrå",
            "Hur ett poänggivande uppdrag gick genom alla fem faserna.",
            "Timrå kommun hörde av sig via registraturen om fortbildning i specialpedagogik för 120 lärare. Stödet skickade förfrågan till kontaktpersonen i specialpedagogik samma dag.\n\n" +
            "Institutionen gjorde om kursen *Specialpedagogik i förskola och skola* (7,5 hp) till fyra träffar per termin med handledning i arbetslagen. Kalkylen gav ett pris per deltagare med lägst 60 och högst 130 deltagare. Prefekten beslutade, firmatecknaren undertecknade och avtalet diariefördes.\n\n" +
            "Utvärderingen gav 4,6 av 5 och kommunen tecknade ett SKO-avtal för tre år."),
    ];

    private const string RightsSv =
        "Du som går en uppdragsutbildning är **deltagare**, inte student. Din arbetsgivare har köpt utbildningen och det som gäller för dig står i avtalet mellan universitetet och uppdragsgivaren.\n\n" +
        "- **Högskolepoäng:** en poänggivande utbildning följer en fastställd kursplan och ger högskolepoäng när du klarat examinationen. En utbildning som inte är poänggivande ger inga högskolepoäng.\n" +
        "- **Registrering:** på en poänggivande utbildning antas och registreras du i Ladok. Det ger dig inte behörighet till eller plats på andra kurser.\n" +
        "- **Intyg:** du får ett intyg om deltagande. På en poänggivande utbildning kan du också begära ett utdrag ur Ladok över dina resultat.\n" +
        "- **Examination:** sker enligt kursplanen, med samma krav och samma möjlighet till omprov som på andra kurser. Disciplinära regler om fusk och störningar gäller även deltagare.\n" +
        "- **Utvärdering:** du ombeds svara på en anonym utvärdering efter utbildningen. Svaren används för att utveckla utbildningen och redovisas bara samlat.\n" +
        "- **Personuppgifter:** universitetet behandlar dina uppgifter för att administrera utbildningen och, på poänggivande utbildningar, för att registrera dina resultat. Uppgifter lämnas inte ut till din arbetsgivare utöver vad avtalet anger.\n\n" +
        "Du ansvarar för att delta i undervisningen, göra examinationerna i tid och följa universitetets ordningsregler.";

    private const string RightsEn =
        "As a participant in commissioned education you are a **participant**, not a student. Your employer has bought the education, and what applies to you is set out in the agreement between the university and the client.\n\n" +
        "- **Credits:** a credit-bearing course follows a decided syllabus and gives credits once you pass the examination. A non-credit course gives no credits.\n" +
        "- **Registration:** on a credit-bearing course you are admitted and registered in Ladok. This gives no eligibility for or place on other courses.\n" +
        "- **Certificates:** you receive a certificate of participation. On a credit-bearing course you may also ask for a Ladok transcript of your results.\n" +
        "- **Examination:** follows the syllabus, with the same requirements and the same right to re-sit as other courses. The disciplinary rules on cheating and disruption apply to participants too.\n" +
        "- **Evaluation:** you are asked to answer an anonymous evaluation after the course. Answers are used to develop the course and reported only in aggregate.\n" +
        "- **Personal data:** the university processes your data to administer the course and, on credit-bearing courses, to record your results. Nothing is passed to your employer beyond what the agreement states.\n\n" +
        "You are responsible for taking part in the teaching, sitting the examinations on time and following the university's rules of conduct.";

    public static async Task SeedAsync(UuDbContext db, StaffDocuments documents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var row in Pages)
        {
            db.ContentItems.Add(DemoContent.Published(ContentTypes.Staff, new ContentFields
            {
                TitleSv = row.Title, TitleEn = row.TitleEn, Slug = row.Slug, SummarySv = row.Summary, BodySv = row.Body, BodyEn = row.BodyEn,
            }, now));
        }
        db.ContentItems.Add(DemoContent.Published(ContentTypes.Staff, new ContentFields
        {
            TitleSv = "Deltagarnas rättigheter och skyldigheter", TitleEn = "The participants' rights and obligations", Slug = ParticipantRights.Slug,
            SummarySv = "Vad som gäller deltagare i uppdragsutbildning om poäng, registrering, intyg, examination, utvärdering och personuppgifter.",
            SummaryEn = "What applies to participants in commissioned education on credits, registration, certificates, examination, evaluation and personal data.",
            BodySv = RightsSv, BodyEn = RightsEn,
        }, now));
        // The public page the staff section replaced leads to it.
        await Redirects.RecordMoveAsync(db, ContentTypes.PublicPath(ContentTypes.Page, StaffSetup.FormerPublicSlug),
            ContentTypes.PublicPath(ContentTypes.Staff, StaffSetup.FormerPublicSlug), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var words = new OfferDocument();
        await UploadAsync(documents, "Mall för kunddialog", "Frågorna till det första samtalet med en uppdragsgivare: behov, målgrupp, omfattning, tid och ekonomi.",
            TemplateCategory.ClientDialogue, "mall-kunddialog.docx", words.Write(ClientDialogue), cancellationToken);
        await UploadAsync(documents, "Kursplaneblankett för uppdragsutbildning", "För poänggivande och icke poänggivande uppdrag; ett blad för vardera.",
            TemplateCategory.Syllabus, "kursplaneblankett.xlsx", SyllabusForm(), cancellationToken);
        await UploadAsync(documents, "Avtalsmall: uppdragsutbildning", "Universitetets standardavtal med klausulen om deltagarnas rättigheter och skyldigheter.",
            TemplateCategory.Agreement, "avtalsmall.docx", words.Write(AgreementTemplate), cancellationToken);
    }

    private static async Task UploadAsync(StaffDocuments documents, string title, string description, TemplateCategory category, string fileName, byte[] bytes, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(bytes);
        var result = await documents.CreateAsync(title, description, category, new StaffUpload(fileName, content, bytes.Length), "demo", cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The demo template {fileName} was refused: {result.Problem}");
        }
    }

    private const string ClientDialogue =
        "# Mall för kunddialog\nAnvänds vid första samtalet med en uppdragsgivare.\n\n# Uppdragsgivaren\nOrganisation och organisationsnummer:\nKontaktperson:\n\n" +
        "# Behovet\nVad ska personalen kunna efter utbildningen?\nVilka är deltagarna och hur många?\nSka utbildningen ge högskolepoäng?\n\n" +
        "# Upplägg\nDistans, campus eller hos uppdragsgivaren?\nNär ska den ges?\n\n# Ekonomi\nFinns en budget? Fast pris eller pris per deltagare?";

    private const string AgreementTemplate =
        "# Avtal om uppdragsutbildning\nMellan universitetet och uppdragsgivaren.\n\n# 1. Uppdraget\nUtbildningens namn, omfattning och tid.\n\n" +
        "# 2. Pris och betalning\nPris enligt offert. Fakturering efter kursstart, 30 dagars betalningsvillkor.\n\n" +
        "# 3. Deltagarnas rättigheter och skyldigheter\nSe klausulen i personalsektionen (Deltagarnas rättigheter); klistra in den gällande versionen här.\n\n" +
        "# 4. Underskrifter\nFör universitetet (firmatecknare):\nFör uppdragsgivaren:";

    private static byte[] SyllabusForm()
    {
        using var workbook = new XLWorkbook();
        foreach (var (sheet, credit) in new[] { ("Poänggivande", true), ("Icke poänggivande", false) })
        {
            var ws = workbook.Worksheets.Add(sheet);
            string[] rows = credit
                ? ["Kursens namn", "Kurskod (fylls i av UU-stödet)", "Högskolepoäng", "Nivå (grundnivå/avancerad nivå)", "Ämne", "Förkunskapskrav", "Lärandemål", "Examination", "Betygsskala", "Beslut i ämneskollegiet (datum)"]
                : ["Utbildningens namn", "Omfattning i timmar", "Ämne", "Målgrupp", "Innehåll", "Intyg"];
            ws.Cell(1, 1).Value = "Uppgift";
            ws.Cell(1, 2).Value = "Ifylles av institutionen";
            for (var i = 0; i < rows.Length; i++)
            {
                ws.Cell(i + 2, 1).Value = rows[i];
            }
            // Fixed widths: ClosedXML measures text for AdjustToContents through GDI+, which servers lack.
            ws.Column(1).Width = 40;
            ws.Column(2).Width = 60;
        }
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
