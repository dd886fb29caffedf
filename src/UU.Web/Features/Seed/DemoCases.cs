using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Scrapers;
using UU.Web.Data;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Clients;
using UU.Web.Features.Commissions;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Seed;

/// <summary>
/// A history of cases over 2022–2025 in every phase and type. The won commissions per type and year (2022–2024) are the
/// audit's Table 6, "other commissions" split through and not through the support as there, so the statistics can
/// reproduce it; lost, withdrawn and left-out (networking, wrong university) cases come on top. Written in two SaveChanges.
/// </summary>
public static class DemoCases
{
    /// <summary>Won commissions per year: Rektorsprogrammet, Samverkan för bästa skola, Lärarlyftet, other through the support, other not through it.</summary>
    public static readonly IReadOnlyDictionary<int, (int Principals, int School, int Teachers, int OtherThrough, int OtherOutside)> Won = new Dictionary<int, (int, int, int, int, int)>
    {
        [2022] = (7, 9, 34, 23, 16),
        [2023] = (6, 8, 21, 13, 9),
        [2024] = (9, 8, 16, 26, 3),
    };

    private static readonly (string Name, ClientType Type)[] Others =
    [
        ("Härnösands kommun", ClientType.Municipality), ("Sundsvalls kommun", ClientType.Municipality), ("Ånge kommun", ClientType.Municipality),
        ("Timrå kommun", ClientType.Municipality), ("Örnsköldsviks kommun", ClientType.Municipality), ("Nordanstigs kommun", ClientType.Municipality),
        ("Sandvikens kommun", ClientType.Municipality), ("Region Västernorrland", ClientType.Region), ("Region Jämtland Härjedalen", ClientType.Region),
        ("Region Gävleborg", ClientType.Region), ("Försäkringskassan", ClientType.Agency), ("Sveriges Television AB", ClientType.Company),
        ("Parasportförbundet", ClientType.Other), ("Härnösands pastorat", ClientType.Other), ("Mittmedia AB", ClientType.Company),
    ];

    private static readonly string[] SkolverketSubjects = ["pedagogik", "specialpedagogik", "svenska-som-andrasprak", "matematikdidaktik", "naturvetenskapernas-didaktik", "engelska", "historia"];
    private static readonly string[] OtherSubjects = ["pedagogik", "engelska", "juridik", "omvardnad", "foretagsekonomi", "psykologi", "idrottsvetenskap", "informatik", "journalistik", "arkivvetenskap", "socialt-arbete", "statsvetenskap", "historia"];

    private static readonly string[] Needs =
    [
        "Kompetensutveckling för lärare i {0}, på distans under läsåret, med träffar på skolan.",
        "Vi behöver en poänggivande kurs inom {0} för våra medarbetare, gärna på halvfart.",
        "Uppdragsutbildning inom {0} för en grupp chefer och specialister; upplägg och omfattning diskuteras.",
        "Skolverket avropar en kurs inom {0} enligt ramavtal; start till hösten.",
        "Workshopserie inom {0} för personalgrupper, icke poänggivande, på plats hos oss.",
    ];

    public static async Task SeedAsync(UuDbContext db, IReadOnlyList<Subject> subjects, CancellationToken cancellationToken)
    {
        var types = await db.CommissionTypes.OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        var steps = await db.ChecklistSteps.Where(s => s.Active).ToListAsync(cancellationToken);
        if (types.Count < 5 || steps.Count == 0 || await db.Inquiries.AnyAsync(cancellationToken))
        {
            return;
        }
        var type = (Principals: types[0], School: types[1], Teachers: types[2], OtherSkolverket: types[3], Other: types[4]);
        var bySlug = subjects.ToDictionary(s => s.Slug);
        var skolverket = new Client { Name = "Skolverket", OrganisationNumber = OrgNumber(202100, 1), Type = ClientType.Agency, CreatedAt = new DateTimeOffset(2021, 12, 1, 8, 0, 0, TimeSpan.Zero) };
        var others = Others.Select((o, i) => new Client { Name = o.Name, OrganisationNumber = OrgNumber(o.Type == ClientType.Municipality || o.Type == ClientType.Region ? 212000 : 556000, i + 2), Type = o.Type, CreatedAt = skolverket.CreatedAt }).ToList();
        db.Clients.Add(skolverket);
        db.Clients.AddRange(others);

        var random = new Sequence(2024);
        var cases = new List<(Inquiry Case, CasePhase ReachedPhase)>();
        var sequences = new Dictionary<int, int>();
        Inquiry Case(int year, CommissionType commissionType, Client client, bool outside, CasePhase phase, CaseOutcome? outcome, string? reason = null, StatisticsExclusion? excluded = null)
        {
            var sequence = sequences[year] = sequences.GetValueOrDefault(year) + 1;
            var received = SwedishTime.At(new DateTime(year, 1 + random.Next(11), 1 + random.Next(27), 8 + random.Next(8), random.Next(60), 0, DateTimeKind.Unspecified)).ToUniversalTime();
            var fromSkolverket = client == skolverket;
            var pool = fromSkolverket ? SkolverketSubjects : OtherSubjects;
            var subject = bySlug.GetValueOrDefault(pool[random.Next(pool.Length)]) ?? subjects[random.Next(subjects.Count)];
            var credits = commissionType == type.Principals || commissionType == type.Teachers || random.Next(3) > 0;
            var wayIn = fromSkolverket ? (random.Next(2) == 0 ? WayIn.SkolverketCall : WayIn.Registry) : OtherWays[random.Next(OtherWays.Length)];
            var inquiry = new Inquiry
            {
                ReferenceNumber = string.Create(CultureInfo.InvariantCulture, $"UU-{year}-{sequence:0000}"),
                Year = year,
                Sequence = sequence,
                ReceiptKey = string.Create(CultureInfo.InvariantCulture, $"demo{year}{sequence:0000}{random.Next(1_000_000):000000}"),
                Client = client,
                OrganisationName = client.Name,
                OrganisationNumber = client.OrganisationNumber!,
                ContactName = ContactNames[random.Next(ContactNames.Length)],
                Email = string.Create(CultureInfo.InvariantCulture, $"kontakt{random.Next(90) + 10}@{Slug(client.Name)}.example"),
                Participants = 10 + random.Next(90),
                PreferredPeriod = string.Create(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? "Hösten" : "Våren")} {year}"),
                PreferredFormat = (DeliveryFormat)(1 + random.Next(4)),
                CreditBearing = credits ? CreditPreference.Yes : CreditPreference.DontKnow,
                Description = string.Format(CultureInfo.InvariantCulture, Needs[random.Next(Needs.Length)], subject.NameSv.ToLowerInvariant()),
                ConsentGivenAt = received,
                ReceivedAt = received,
                Language = "sv",
                WayIn = wayIn,
                RegistryNumber = wayIn == WayIn.Registry ? string.Create(CultureInfo.InvariantCulture, $"MU {year}/{100 + sequence}") : null,
                CommissionType = commissionType,
                GivesCredits = credits,
                OutsideSupport = outside,
                ForYear = year,
                HolderEmail = outside ? null : Coordinators[random.Next(Coordinators.Length)],
                Phase = outcome is null ? phase : CasePhase.Closed,
                Outcome = outcome,
                OutcomeReason = reason,
                ClosedAt = outcome is null ? null : received.AddDays(120 + random.Next(200)),
                FirstResponseDue = WorkingDays.After(SwedishTime.Today(received), 2),
                FirstResponseAt = received.AddHours(4 + random.Next(40)),
                RoutedAt = received,
                ExcludedFromStatistics = excluded,
                Status = outcome switch
                {
                    CaseOutcome.Won => InquiryStatus.Won,
                    CaseOutcome.Lost => InquiryStatus.Lost,
                    CaseOutcome.Withdrawn => InquiryStatus.Withdrawn,
                    _ => phase is CasePhase.Delivery or CasePhase.FollowUp ? InquiryStatus.Won : InquiryStatus.InDialogue,
                },
                Subjects = [new CaseSubject { Subject = subject }],
            };
            inquiry.Events.Add(new CaseEvent { At = received, Action = "created", Detail = wayIn.ToString() });
            if (inquiry.ClosedAt is { } closed)
            {
                inquiry.Events.Add(new CaseEvent { At = closed, By = inquiry.HolderEmail, Action = "closed", Detail = reason is null ? outcome.ToString() : $"{outcome}: {reason}" });
            }
            cases.Add((inquiry, outcome == CaseOutcome.Won ? CasePhase.Closed : phase));
            return inquiry;
        }
        Client Other() => others[random.Next(others.Count)];

        foreach (var (year, won) in Won)
        {
            for (var i = 0; i < won.Principals; i++) Case(year, type.Principals, skolverket, false, CasePhase.Closed, CaseOutcome.Won);
            for (var i = 0; i < won.School; i++) Case(year, type.School, skolverket, false, CasePhase.Closed, CaseOutcome.Won);
            for (var i = 0; i < won.Teachers; i++) Case(year, type.Teachers, skolverket, false, CasePhase.Closed, CaseOutcome.Won);
            // Other commissions: every fourth one through the support is a Skolverket commission outside the big programmes.
            for (var i = 0; i < won.OtherThrough; i++) Case(year, i % 4 == 0 ? type.OtherSkolverket : type.Other, i % 4 == 0 ? skolverket : Other(), false, CasePhase.Closed, CaseOutcome.Won);
            for (var i = 0; i < won.OtherOutside; i++) Case(year, type.Other, Other(), true, CasePhase.Closed, CaseOutcome.Won);
            // Cases that did not become commissions, and contacts the audit left out.
            for (var i = 0; i < 4; i++) Case(year, i % 2 == 0 ? type.Other : type.OtherSkolverket, i % 2 == 0 ? Other() : skolverket, false, CasePhase.Initiation, CaseOutcome.Lost, LostReasons[i % LostReasons.Length]);
            Case(year, type.Other, Other(), false, CasePhase.Agreement, CaseOutcome.Withdrawn, "Kunden drog tillbaka förfrågan efter omorganisation.");
            Case(year, type.Other, Other(), false, CasePhase.Initiation, CaseOutcome.Withdrawn, "Bara nätverkande: inget konkret behov.", StatisticsExclusion.OnlyNetworking);
            Case(year, type.Other, Other(), false, CasePhase.Initiation, CaseOutcome.Withdrawn, "Förfrågan gällde ett annat lärosäte.", StatisticsExclusion.WrongUniversity);
        }

        // 2025: the living picture, cases in every phase and type, and some already closed.
        var all = new[] { type.Principals, type.School, type.Teachers, type.OtherSkolverket, type.Other };
        var open = new[] { CasePhase.MarketWatch, CasePhase.Initiation, CasePhase.Initiation, CasePhase.Agreement, CasePhase.Agreement, CasePhase.Delivery, CasePhase.Delivery, CasePhase.FollowUp };
        for (var i = 0; i < 24; i++)
        {
            var t = all[i % all.Length];
            var client = t == type.Other ? Other() : skolverket;
            var phase = open[i % open.Length];
            var c = Case(2025, t, client, false, phase, null);
            if (phase == CasePhase.Initiation && i % 3 == 0)
            {
                // Still waiting for a first response, one of them without a subject: the office has something to do.
                c.FirstResponseAt = null;
                c.HolderEmail = null;
                c.Status = InquiryStatus.Received;
                if (i % 2 == 0)
                {
                    c.Subjects.Clear();
                    c.RoutedAt = null;
                }
            }
            if (phase == CasePhase.Agreement)
            {
                c.NextStep = "Skicka offerten till kunden";
                c.NextStepDue = SwedishTime.Today(c.ReceivedAt).AddDays(30);
            }
        }
        for (var i = 0; i < 6; i++)
        {
            Case(2025, all[i % all.Length], i % 2 == 0 ? skolverket : Other(), false, CasePhase.Closed, i < 4 ? CaseOutcome.Won : CaseOutcome.Lost, i < 4 ? null : LostReasons[i % LostReasons.Length]);
        }

        db.Inquiries.AddRange(cases.Select(c => c.Case));
        await db.SaveChangesAsync(cancellationToken);

        // The checklists: every required step of the phases a case has been through, ticked by its holder.
        var order = CasePhases.Order;
        foreach (var (c, reached) in cases)
        {
            var through = reached == CasePhase.Closed && c.Outcome != CaseOutcome.Won ? Array.IndexOf(order, CasePhase.Initiation) : Array.IndexOf(order, reached);
            foreach (var step in steps.Where(s => s.Required && Array.IndexOf(order, s.Phase) < through && Array.IndexOf(order, s.Phase) >= 1))
            {
                db.CaseSteps.Add(new CaseStep
                {
                    InquiryId = c.Id, ChecklistStepId = step.Id, State = step.CreditBearingOnly && c.GivesCredits == false ? StepState.NotApplicable : StepState.Done,
                    At = c.FirstResponseAt ?? c.ReceivedAt, By = c.HolderEmail,
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static readonly WayIn[] OtherWays = [WayIn.WebForm, WayIn.Registry, WayIn.Email, WayIn.Phone];
    private static readonly string[] ContactNames = ["Maria Sjöberg", "Johan Nilsson", "Lena Berg", "Per Olofsson", "Sara Engström", "Mikael Lund", "Eva Hedlund", "Anna Wikström"];
    private static readonly string[] Coordinators = ["samordnare@uu-demo.se", "lisa.ekman@uu-demo.se", "jonas.strom@uu-demo.se"];
    private static readonly string[] LostReasons = ["Kunden valde ett annat lärosäte i upphandlingen.", "Priset blev för högt för kundens budget.", "Institutionen saknade lärare under perioden."];

    private static string Slug(string name) =>
        new string(name.ToLowerInvariant().Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Where(ch => char.IsAsciiLetterOrDigit(ch)).ToArray());

    /// <summary>A ten-digit organisation number with a correct check digit (Luhn), e.g. 212000-0021.</summary>
    private static string OrgNumber(int prefix, int serial)
    {
        var digits = string.Create(CultureInfo.InvariantCulture, $"{prefix:000000}{serial:000}");
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{digits[..6]}-{digits[6..]}{(10 - (sum % 10)) % 10}");
    }

    /// <summary>A small deterministic sequence, so every demo database has the same history.</summary>
    private sealed class Sequence(uint seed)
    {
        private uint _state = seed;

        public int Next(int max)
        {
            _state = unchecked((_state * 1664525) + 1013904223);
            return (int)((_state >> 8) % (uint)max);
        }
    }
}
