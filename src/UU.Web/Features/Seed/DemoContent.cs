using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using UU.Web.Data;
using UU.Web.Features.Content;
using UU.Web.Features.Media;

namespace UU.Web.Features.Seed;

/// <summary>Demo pages and success stories (written by the team; the clients are real kinds of buyers, the events are invented).</summary>
internal static class DemoContent
{
    public sealed record StoryRow(string Slug, string Title, string TitleEn, string Client, string Sector, string Subject, string Summary, string Body,
        string Quote, string QuoteBy, string Results, string[] Modules, (byte R, byte G, byte B) Colour, string Alt);

    public static readonly StoryRow[] Stories =
    [
        new("specialpedagogiskt-lyft-i-timra", "Specialpedagogiskt lyft i Timrå", "A special education boost in Timrå", "Timrå kommun", "Kommun", "specialpedagogik",
            "Alla lärare i kommunens grundskolor läste specialpedagogik på distans – med handledning mellan träffarna.",
            "Timrå kommun ville att extra anpassningar skulle bli en del av vardagen i varje klassrum, inte bara elevhälsans sak.\n\nTillsammans med institutionen gjorde vi om kursen **Specialpedagogik i förskola och skola** till ett upplägg där lärarlagen arbetade med egna fall mellan de digitala träffarna.\n\n- Fyra träffar per termin\n- Handledning i arbetslagen\n- Examination genom ett utvecklingsarbete",
            "Vi pratar om eleverna på ett annat sätt nu – med fokus på lärmiljön.", "Biträdande rektor, Timrå", "120 | lärare fortbildade\n7,5 | högskolepoäng\n9 av 10 | skulle rekommendera kursen",
            ["specialpedagogik-for-larare"], (46, 104, 140), "Illustration i blått: berg, kullar och hav under en låg sol"),
        new("demensvard-i-sundsvall", "Bättre demensvård i Sundsvalls äldreomsorg", "Better dementia care in Sundsvall", "Sundsvalls kommun", "Kommun", "omvardnad",
            "Undersköterskor och sjuksköterskor på tolv särskilda boenden läste demensvård tillsammans.",
            "Kommunen ville stärka det personcentrerade bemötandet. Kursen genomfördes blandat: föreläsningar på campus och reflektion på arbetsplatsen.\n\nDeltagarna dokumenterade förändringar i bemötandet och delade dem mellan boendena.",
            "Oron hos de boende har minskat märkbart på kvällarna.", "Enhetschef, Sundsvall", "85 | deltagare\n12 | särskilda boenden\n-30 % | larm kvällstid",
            ["demensvard"], (122, 62, 110), "Illustration i lila: berg, kullar och hav under en låg sol"),
        new("ledarskap-region-vasternorrland", "Nya chefer i Region Västernorrland", "New managers in Region Västernorrland", "Region Västernorrland", "Region", "foretagsekonomi",
            "Ett ledarskapsprogram för första linjens chefer i vården, med arbetsrätt och ekonomistyrning.",
            "Regionen rekryterar många nya enhetschefer. Programmet kombinerar två ordinarie kurser och anpassades till regionens egna fall.",
            "Jag vågar ta de svåra samtalen nu.", "Enhetschef, Region Västernorrland", "48 | chefer\n15 | högskolepoäng\n3 | kullar hittills",
            ["ledarskap-for-forsta-linjens-chefer", "ledarskap-i-vard-och-omsorg"], (24, 110, 80), "Illustration i grönt: berg, kullar och hav under en låg sol"),
        new("engelska-larare-ornskoldsvik", "Behöriga engelsklärare i Örnsköldsvik", "Qualified English teachers in Örnsköldsvik", "Örnsköldsviks kommun", "Kommun", "engelska",
            "Inom Lärarlyftet läste mellanstadielärare engelska för att bli behöriga.",
            "Kursen gavs på distans med två campusdagar. Lärarna prövade uppgifter i sina egna klasser mellan träffarna.",
            "Eleverna märker att jag vågar prata mer engelska i klassrummet.", "Lärare, Örnsköldsvik", "32 | lärare\n15 | högskolepoäng\n28 | blev behöriga",
            ["engelska-for-larare-4-6"], (180, 90, 30), "Illustration i orange: berg, kullar och hav under en låg sol"),
        new("digitalisering-harnosand", "Digital kompetens i Härnösands skolor", "Digital competence in Härnösand schools", "Härnösands kommun", "Kommun", "pedagogik",
            "Hela skolans personal arbetade med digitala verktyg och källkritik.",
            "Kommunen ville ge alla elever samma förutsättningar oavsett skola. Utbildningen kombinerade digitalisering i skolan med källkritik.",
            "Nu har vi ett gemensamt språk för vad digital kompetens är.", "IT-pedagog, Härnösand", "210 | medarbetare\n8 | skolor\n7,5 | högskolepoäng",
            ["digitalisering-i-skolan"], (70, 70, 150), "Illustration i indigo: berg, kullar och hav under en låg sol"),
        new("upphandling-forsakringskassan", "Upphandlare på Försäkringskassan", "Procurement officers at Försäkringskassan", "Försäkringskassan", "Myndighet", "juridik",
            "En anpassad kurs i offentlig upphandling för myndighetens upphandlare och beställare.",
            "Myndigheten ville minska antalet överprövningar. Kursen byggde på delar av två ordinarie kurser i juridik och statsvetenskap.",
            "Förfrågningsunderlagen har blivit tydligare.", "Upphandlingschef, Försäkringskassan", "40 | deltagare\n7,5 | högskolepoäng",
            ["upphandling-i-praktiken"], (110, 90, 40), "Illustration i brunt: berg, kullar och hav under en låg sol"),
    ];

    public static async Task SeedAsync(UuDbContext db, MediaLibrary media, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var row in Stories)
        {
            await using var image = new MemoryStream(Illustration(row.Colour));
            var (item, _, problem) = await media.UploadAsync(new MediaUpload(row.Slug + ".jpg", image, image.Length, row.Alt, null), cancellationToken);
            if (item is null)
            {
                throw new InvalidOperationException("Demo image rejected: " + problem);
            }
            DemoTranslations.Stories.TryGetValue(row.Slug, out var english);
            var fields = new ContentFields
            {
                TitleSv = row.Title, TitleEn = row.TitleEn, Slug = row.Slug, SummarySv = row.Summary, BodySv = row.Body,
                SummaryEn = english.Summary, BodyEn = english.Body, QuoteEn = english.Quote, ResultsEn = english.Results,
                ClientName = row.Client, Sector = row.Sector, SubjectSlug = row.Subject, QuoteSv = row.Quote, QuoteBy = row.QuoteBy,
                ResultsSv = row.Results, ImagePath = item.Url(960), ImageAlt = row.Alt, ModuleSlugs = row.Modules,
            };
            db.ContentItems.Add(Published(ContentTypes.Story, fields, now));
        }
        db.ContentItems.Add(Published(ContentTypes.Page, new ContentFields
        {
            TitleSv = "Så går det till", TitleEn = "How it works", Slug = "sa-gar-det-till",
            SummarySv = "Från första kontakt till uppföljning – fem steg i en uppdragsutbildning.",
            BodySv = "## 1. Behov\nNi berättar vad personalen behöver kunna.\n\n## 2. Offert\nInstitutionen föreslår upplägg och pris – fast eller per deltagare.\n\n## 3. Avtal\nVi skriver ett avtal som diarieförs. Poänggivande utbildning får en kursplan.\n\n## 4. Genomförande\nDistans, campus eller hos er.\n\n## 5. Uppföljning\nVi utvärderar tillsammans och för lärdomarna vidare.",
            SummaryEn = "From the first contact to the follow-up – the five steps of a commissioned course.",
            BodyEn = "## 1. Need\nYou tell us what your staff need to be able to do.\n\n## 2. Offer\nThe department proposes a format and a price – fixed or per participant.\n\n## 3. Agreement\nWe sign an agreement, which is registered. A credit-bearing course gets a syllabus.\n\n## 4. Delivery\nOnline, on campus or at your premises.\n\n## 5. Follow-up\nWe evaluate together and carry the lessons forward.",
        }, now));
        // "För institutioner" lives in the staff section now (DemoStaff), for signed-in staff only.
        var draft = new ContentItem { Type = ContentTypes.Story, State = ContentState.Draft, CreatedAt = now, UpdatedAt = now, UpdatedBy = "demo", Version = 1 };
        draft.SetDraft(new ContentFields { TitleSv = "Psykisk hälsa i elevhälsan (utkast)", Slug = "psykisk-halsa-i-elevhalsan", ClientName = "Ånge kommun", SummarySv = "Utkast – inte publicerat än." });
        db.ContentItems.Add(draft);
        var scheduled = new ContentItem { Type = ContentTypes.Page, State = ContentState.Draft, CreatedAt = now, UpdatedAt = now, UpdatedBy = "demo", Version = 1, PublishAt = now.AddDays(14) };
        scheduled.SetDraft(new ContentFields { TitleSv = "Nyheter inför våren", Slug = "nyheter-infor-varen", SummarySv = "Publiceras automatiskt om två veckor.", BodySv = "Nya utbildningar inom AI och klarspråk." });
        db.ContentItems.Add(scheduled);
        await db.SaveChangesAsync(cancellationToken);
    }

    internal static ContentItem Published(string type, ContentFields fields, DateTimeOffset now)
    {
        var item = new ContentItem { Type = type, State = ContentState.Published, CreatedAt = now, UpdatedAt = now, UpdatedBy = "demo", Version = 1, PublishedAt = now, PublishedSlug = fields.Slug };
        item.SetDraft(fields);
        item.PublishedJson = item.DraftJson;
        item.Versions.Add(new ContentVersion { Number = 1, Json = item.DraftJson, Event = "published", CreatedAt = now, CreatedBy = "demo" });
        return item;
    }

    /// <summary>
    /// Generated demo art in the story's colour: a coast of the region (sky, a low sun, a mountain ridge, hills and the sea
    /// with a golden wave), so the demo site shows pictures of its own rather than placeholders.
    /// </summary>
    private static byte[] Illustration((byte R, byte G, byte B) colour)
    {
        const int width = 1600, height = 900;
        (int X, int Y)[] ridge = [(0, 560), (300, 330), (520, 470), (800, 250), (1050, 430), (1350, 300), (1600, 520)];
        using var image = new Image<Rgb24>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < width; x++)
                {
                    row[x] = Pixel(x, y);
                }
            }
        });
        using var stream = new MemoryStream();
        image.SaveAsJpeg(stream, new JpegEncoder { Quality = 85 });
        return stream.ToArray();

        Rgb24 Pixel(int x, int y)
        {
            var sea = 760 + 10 * Math.Sin(x / 90.0);
            if (y >= sea)
            {
                var wave = 815 + 12 * Math.Sin(x / 40.0);
                return x is > 160 and < 1440 && Math.Abs(y - wave) < 6 ? Gold : Tint(colour, 0.0, 0.7);
            }
            if (y >= 640 + 45 * Math.Sin(x / 170.0))
            {
                return Tint(colour, 0.15, 1.0);
            }
            if (y >= RidgeAt(x))
            {
                return Tint(colour, 0.5, 1.0);
            }
            var sun = (x - 1250) * (x - 1250) + (y - 200) * (y - 200) < 110 * 110;
            return sun ? Gold : Tint(colour, 0.88 - 0.25 * y / 560.0, 1.0);
        }

        double RidgeAt(int x)
        {
            for (var i = 1; i < ridge.Length; i++)
            {
                if (x <= ridge[i].X)
                {
                    var t = (x - ridge[i - 1].X) / (double)(ridge[i].X - ridge[i - 1].X);
                    return ridge[i - 1].Y + t * (ridge[i].Y - ridge[i - 1].Y);
                }
            }
            return ridge[^1].Y;
        }
    }

    private static readonly Rgb24 Gold = new(242, 177, 52);

    /// <summary>The colour lightened towards white by <paramref name="white"/> (0..1) and darkened by <paramref name="shade"/>.</summary>
    private static Rgb24 Tint((byte R, byte G, byte B) colour, double white, double shade)
    {
        byte Channel(byte c) => (byte)Math.Clamp((c + (255 - c) * white) * shade, 0, 255);
        return new Rgb24(Channel(colour.R), Channel(colour.G), Channel(colour.B));
    }
}
