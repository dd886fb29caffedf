using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Scrapers;
using UU.Web.Data;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Clients;
using UU.Web.Features.Commissions;
using UU.Web.Features.Commissions.FollowUp;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Seed;

/// <summary>
/// A history of cases over 2019–2025 in every phase and type, built so that the statistics show the audit's tables
/// (../AUDIT-TABLES.md) figure for figure: the won commissions per type and year (2022–2024) are Table 6, their closings'
/// revenue per type Table 5, revenue and cost per year (2019–2023) Table 4, the credit-bearing commissions' participants,
/// women, HST and HPR Table 7, and the requests to the support (2023–2025) have the clients and subjects of Tables 9 and 10.
/// 2024 is January–September, as in the audit. Lost, withdrawn and left-out (networking, wrong university) cases come on top.
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

    /// <summary>Won commissions in the years before (Table 4 and 7 reach back to 2019; the audit does not count them per type).</summary>
    private static readonly Dictionary<int, (int Principals, int School, int Teachers, int OtherThrough, int OtherOutside)> EarlierWon = new()
    {
        [2019] = (5, 6, 20, 14, 6),
        [2020] = (4, 5, 16, 12, 5),
        [2021] = (5, 6, 18, 14, 6),
    };

    /// <summary>Table 5: revenue (SEK) per type and year, the other commissions through and not through the support. 2023's figures are a few
    /// hundred kronor under the thousands so that they round as the audit's do and their sum still rounds to Table 4's 21 449 tkr.</summary>
    private static readonly Dictionary<int, long[]> RevenuePerType = new()
    {
        [2022] = [7_602_000, 7_654_000, 11_640_000, 1_243_000, 1_907_000],
        [2023] = [6_327_600, 6_367_600, 6_942_700, 1_529_800, 280_900],
        [2024] = [4_340_000, 8_256_000, 2_463_000, 3_732_000, 163_000],
    };

    /// <summary>Table 4: revenue (the years Table 5 does not split) and cost (SEK) of all commissions per year; 2024 and 2025 are the demo's own.</summary>
    private static readonly Dictionary<int, long> Revenue = new() { [2019] = 21_777_000, [2020] = 18_456_000, [2021] = 23_883_000, [2025] = 2_640_000 };

    private static readonly Dictionary<int, long> Cost = new()
    {
        [2019] = 22_042_000, [2020] = 18_162_000, [2021] = 18_831_000, [2022] = 22_399_000, [2023] = 23_636_800, [2024] = 17_480_000, [2025] = 2_410_000,
    };

    /// <summary>Table 7: the credit-bearing commissions' HST, HPR, participants and women among them per year (2024 and 2025 the demo's own).</summary>
    private static readonly Dictionary<int, (int Hst, int Hpr, int Participants, int Women)> Credits = new()
    {
        [2019] = (107, 106, 1144, 938), [2020] = (74, 67, 841, 732), [2021] = (108, 99, 1025, 830), [2022] = (107, 92, 1007, 856), [2023] = (58, 87, 677, 589),
        [2024] = (44, 39, 512, 440), [2025] = (6, 5, 60, 51),
    };

    /// <summary>Table 9: the requests to the support per client and year (all of them: the audit's list is an extract, these are the whole).</summary>
    private static readonly Dictionary<int, (string Client, int Count)[]> ContactPlan = new()
    {
        [2023] = [("Skolverket", 12), ("Sundsvalls kommun", 2), ("Nordanstigs kommun", 1), ("Region Västernorrland", 1), ("Sveriges Television AB", 1), ("Region Gävleborg", 1), ("Region Jämtland Härjedalen", 1), ("Knivsta kommun", 1)],
        [2024] = [("Skolverket", 22), ("Härnösands kommun", 4), ("Nordanstigs kommun", 1), ("Region Västernorrland", 1), ("Försäkringskassan", 2), ("Parasportsförbundet", 1), ("Sveriges Television AB", 1), ("Sandvikens kommun", 1), ("Luleå gymnasieskola", 1), ("Lekebergs kommun och Omställningsfonden", 1)],
        [2025] = [("Skolverket", 14), ("Härnösands kommun", 1), ("Sundsvalls kommun", 1), ("Parasportsförbundet", 1)],
    };

    /// <summary>Table 10: the same requests per subject ('+' joins the subjects of one request); the last rows are subjects the audit's extract does not list.</summary>
    private static readonly Dictionary<int, (string Subjects, int Count)[]> SubjectPlan = new()
    {
        [2023] = [("pedagogik", 4), ("engelska", 4), ("historia+kulturgeografi+samhallsvetenskap", 2), ("juridik", 1), ("omvardnad", 3), ("sociologi", 2), ("journalistik", 1), ("informatik", 1), ("specialpedagogik", 2)],
        [2024] = [("pedagogik", 9), ("engelska", 2), ("historia+kulturgeografi+samhallsvetenskap", 4), ("juridik", 4), ("genusvetenskap", 4), ("omvardnad", 1), ("journalistik", 1), ("datavetenskap", 2), ("foretagsekonomi", 1), ("idrottsvetenskap", 1), ("psykologi", 1), ("arkiv-och-informationsvetenskap", 1), ("specialpedagogik", 2), ("statsvetenskap", 2)],
        [2025] = [("pedagogik", 1), ("engelska", 4), ("historia+kulturgeografi+samhallsvetenskap", 2), ("juridik", 2), ("genusvetenskap", 2), ("foretagsekonomi", 1), ("idrottsvetenskap", 1), ("psykologi", 1), ("specialpedagogik", 3)],
    };

    /// <summary>Subjects the audit's requests name that the demo catalogue has no courses in: slug, name, and a catalogue subject whose department they share.</summary>
    private static readonly (string Slug, string NameSv, string NameEn, string Beside)[] RequestSubjects =
    [
        ("kulturgeografi", "Kulturgeografi", "Human Geography", "juridik"), ("samhallsvetenskap", "Samhällsvetenskap", "Social Science", "historia"),
        ("genusvetenskap", "Genusvetenskap", "Gender Studies", "historia"), ("sociologi", "Sociologi", "Sociology", "psykologi"),
        ("datavetenskap", "Datavetenskap", "Computer Science", "informatik"), ("arkiv-och-informationsvetenskap", "Arkiv- och informationsvetenskap", "Archival and Information Science", "arkivvetenskap"),
    ];

    private static readonly (string Name, ClientType Type)[] Others =
    [
        ("Härnösands kommun", ClientType.Municipality), ("Sundsvalls kommun", ClientType.Municipality), ("Ånge kommun", ClientType.Municipality),
        ("Timrå kommun", ClientType.Municipality), ("Örnsköldsviks kommun", ClientType.Municipality), ("Nordanstigs kommun", ClientType.Municipality),
        ("Sandvikens kommun", ClientType.Municipality), ("Region Västernorrland", ClientType.Region), ("Region Jämtland Härjedalen", ClientType.Region),
        ("Region Gävleborg", ClientType.Region), ("Försäkringskassan", ClientType.Agency), ("Sveriges Television AB", ClientType.Company),
        ("Parasportsförbundet", ClientType.Other), ("Härnösands pastorat", ClientType.Other), ("Mittmedia AB", ClientType.Company),
    ];

    /// <summary>Clients that only ask now and then: never picked at random.</summary>
    private static readonly (string Name, ClientType Type)[] Occasional =
    [
        ("Knivsta kommun", ClientType.Municipality), ("Luleå gymnasieskola", ClientType.Municipality), ("Lekebergs kommun och Omställningsfonden", ClientType.Other),
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
        var occasional = Occasional.Select((o, i) => new Client { Name = o.Name, OrganisationNumber = OrgNumber(o.Type == ClientType.Municipality ? 212000 : 556000, Others.Length + i + 2), Type = o.Type, CreatedAt = skolverket.CreatedAt }).ToList();
        db.Clients.Add(skolverket);
        db.Clients.AddRange(others);
        db.Clients.AddRange(occasional);
        var clientsByName = others.Concat(occasional).Append(skolverket).ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var (slug, nameSv, nameEn, beside) in RequestSubjects)
        {
            if (!bySlug.ContainsKey(slug) && bySlug.TryGetValue(beside, out var near))
            {
                var added = new Subject { Slug = slug, NameSv = nameSv, NameEn = nameEn, Department = near.Department };
                db.Subjects.Add(added);
                bySlug[slug] = added;
            }
        }

        var random = new Sequence(2024);
        var cases = new List<(Inquiry Case, CasePhase ReachedPhase)>();
        var sequences = new Dictionary<int, int>();
        Inquiry Case(int year, CommissionType commissionType, Client client, bool outside, CasePhase phase, CaseOutcome? outcome, string? reason = null, StatisticsExclusion? excluded = null, Subject[]? requested = null)
        {
            var sequence = sequences[year] = sequences.GetValueOrDefault(year) + 1;
            // The audit's 2024 is January–September: so is the demo's.
            var received = SwedishTime.At(new DateTime(year, 1 + random.Next(year == 2024 ? 9 : 11), 1 + random.Next(27), 8 + random.Next(8), random.Next(60), 0, DateTimeKind.Unspecified)).ToUniversalTime();
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
                Subjects = requested is null ? [new CaseSubject { Subject = subject }] : [.. requested.Select(r => new CaseSubject { Subject = r })],
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

        // The requests of Tables 9 and 10 as (client, subjects), one per case; a year's won "other commissions through the support" take the first of them.
        List<(Client Client, Subject[] Subjects)> Requests(int year)
        {
            var clients = ContactPlan[year].SelectMany(p => Enumerable.Repeat(clientsByName[p.Client], p.Count)).ToList();
            var subjectSets = SubjectPlan[year].SelectMany(p => Enumerable.Repeat(p.Subjects.Split('+').Select(slug => bySlug[slug]).ToArray(), p.Count)).ToList();
            return [.. clients.Zip(subjectSets)];
        }
        CommissionType Governed(Client client) => client == skolverket ? type.OtherSkolverket : type.Other;

        foreach (var (year, won) in EarlierWon.Concat(Won).OrderBy(p => p.Key))
        {
            var planned = ContactPlan.ContainsKey(year) ? Requests(year) : null;
            for (var i = 0; i < won.Principals; i++) Case(year, type.Principals, skolverket, false, CasePhase.Closed, CaseOutcome.Won);
            for (var i = 0; i < won.School; i++) Case(year, type.School, skolverket, false, CasePhase.Closed, CaseOutcome.Won);
            for (var i = 0; i < won.Teachers; i++) Case(year, type.Teachers, skolverket, false, CasePhase.Closed, CaseOutcome.Won);
            // Other commissions: every fourth one through the support is a Skolverket commission outside the big programmes.
            for (var i = 0; i < won.OtherThrough; i++)
            {
                if (planned is not null)
                {
                    Case(year, Governed(planned[i].Client), planned[i].Client, false, CasePhase.Closed, CaseOutcome.Won, requested: planned[i].Subjects);
                }
                else
                {
                    Case(year, i % 4 == 0 ? type.OtherSkolverket : type.Other, i % 4 == 0 ? skolverket : Other(), false, CasePhase.Closed, CaseOutcome.Won);
                }
            }
            for (var i = 0; i < won.OtherOutside; i++) Case(year, type.Other, Other(), true, CasePhase.Closed, CaseOutcome.Won);
            // Cases that did not become commissions, and contacts the audit left out.
            if (planned is not null)
            {
                // The rest of the year's requests did not become commissions: the last one withdrawn, the others lost.
                var rest = planned.Skip(won.OtherThrough).ToList();
                for (var i = 0; i < rest.Count; i++)
                {
                    var (client, requested) = rest[i];
                    if (i == rest.Count - 1)
                    {
                        Case(year, Governed(client), client, false, CasePhase.Agreement, CaseOutcome.Withdrawn, "Kunden drog tillbaka förfrågan efter omorganisation.", requested: requested);
                    }
                    else
                    {
                        Case(year, Governed(client), client, false, CasePhase.Initiation, CaseOutcome.Lost, LostReasons[i % LostReasons.Length], requested: requested);
                    }
                }
            }
            else
            {
                for (var i = 0; i < 4; i++) Case(year, i % 2 == 0 ? type.Other : type.OtherSkolverket, i % 2 == 0 ? Other() : skolverket, false, CasePhase.Initiation, CaseOutcome.Lost, LostReasons[i % LostReasons.Length]);
                Case(year, type.Other, Other(), false, CasePhase.Agreement, CaseOutcome.Withdrawn, "Kunden drog tillbaka förfrågan efter omorganisation.");
            }
            Case(year, type.Other, Other(), false, CasePhase.Initiation, CaseOutcome.Withdrawn, "Bara nätverkande: inget konkret behov.", StatisticsExclusion.OnlyNetworking);
            Case(year, type.Other, Other(), false, CasePhase.Initiation, CaseOutcome.Withdrawn, "Förfrågan gällde ett annat lärosäte.", StatisticsExclusion.WrongUniversity);
        }

        // 2025: the living picture, cases in every phase and type, and some already closed. The programmes' cases first, then the year's requests to the support.
        var programmes = new[] { type.Principals, type.School, type.Teachers };
        var open = new[] { CasePhase.MarketWatch, CasePhase.Initiation, CasePhase.Initiation, CasePhase.Agreement, CasePhase.Agreement, CasePhase.Delivery, CasePhase.Delivery, CasePhase.FollowUp };
        void Living(Inquiry c, int i, CasePhase phase, bool keepSubjects = false)
        {
            if (phase == CasePhase.Initiation && i % 3 == 0)
            {
                // Still waiting for a first response, one of them without a subject: the office has something to do.
                c.FirstResponseAt = null;
                c.HolderEmail = null;
                c.Status = InquiryStatus.Received;
                if (i % 2 == 0 && !keepSubjects)
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
        for (var i = 0; i < 15; i++)
        {
            var phase = open[i % open.Length];
            Living(Case(2025, programmes[i % programmes.Length], skolverket, false, phase, null), i, phase);
        }
        for (var i = 0; i < 4; i++)
        {
            Case(2025, programmes[i % programmes.Length], skolverket, false, CasePhase.Closed, i < 3 ? CaseOutcome.Won : CaseOutcome.Lost, i < 3 ? null : LostReasons[i % LostReasons.Length]);
        }
        var requests2025 = Requests(2025);
        for (var i = 0; i < requests2025.Count; i++)
        {
            var (client, requested) = requests2025[i];
            if (i >= requests2025.Count - 3)
            {
                // A request is a request even when it is not routed yet: these keep their subjects (Table 10 counts them).
                Case(2025, Governed(client), client, false, CasePhase.Closed, i < requests2025.Count - 1 ? CaseOutcome.Won : CaseOutcome.Lost, i < requests2025.Count - 1 ? null : LostReasons[0], requested: requested);
                continue;
            }
            var phase = open[(i + 1) % open.Length];
            var c = Case(2025, Governed(client), client, false, phase, null, requested: requested);
            Living(c, i + 1, phase, keepSubjects: true);
        }

        db.Inquiries.AddRange(cases.Select(c => c.Case));
        await db.SaveChangesAsync(cancellationToken);
        Closings(db, cases.Select(c => c.Case).ToList(), type, random);

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

    /// <summary>
    /// The economic closing of every won commission (revenue and cost, the whole result to the faculty of its subject) and the participants
    /// of every credit-bearing one, so that the year's totals are the audit's: each total is split evenly over the year's commissions in whole kronor
    /// (HST and HPR in hundredths), the remainder to the first ones.
    /// </summary>
    private static void Closings(UuDbContext db, List<Inquiry> cases, (CommissionType Principals, CommissionType School, CommissionType Teachers, CommissionType OtherSkolverket, CommissionType Other) type, Sequence random)
    {
        foreach (var year in cases.Where(c => c.Outcome == CaseOutcome.Won).Select(c => c.ForYear!.Value).Distinct().Order())
        {
            var won = cases.Where(c => c.Outcome == CaseOutcome.Won && c.ForYear == year).OrderBy(c => c.Sequence).ToList();
            var revenue = new Dictionary<Inquiry, long>();
            if (RevenuePerType.TryGetValue(year, out var perType))
            {
                var groups = new Func<Inquiry, bool>[]
                {
                    c => c.CommissionType == type.Principals, c => c.CommissionType == type.School, c => c.CommissionType == type.Teachers,
                    c => (c.CommissionType == type.Other || c.CommissionType == type.OtherSkolverket) && !c.OutsideSupport,
                    c => (c.CommissionType == type.Other || c.CommissionType == type.OtherSkolverket) && c.OutsideSupport,
                };
                for (var g = 0; g < groups.Length; g++)
                {
                    var group = won.Where(groups[g]).ToList();
                    foreach (var (c, amount) in group.Zip(Split(perType[g], group.Count)))
                    {
                        revenue[c] = amount;
                    }
                }
            }
            else
            {
                foreach (var (c, amount) in won.Zip(Split(Revenue[year], won.Count)))
                {
                    revenue[c] = amount;
                }
            }
            var costs = Split(Cost[year], won.Count);
            for (var i = 0; i < won.Count; i++)
            {
                var c = won[i];
                var faculty = c.Subjects.Select(s => s.Subject?.Department?.Faculty).FirstOrDefault(f => f is not null);
                var result = (decimal)(revenue[c] - costs[i]);
                var decided = SwedishTime.Today(c.ClosedAt ?? c.ReceivedAt);
                db.CaseClosings.Add(new CaseClosing
                {
                    InquiryId = c.Id, Revenue = revenue[c], Cost = costs[i], DecidedByName = "Jonas Berg, prefekt", DecidedOn = decided,
                    RecordedAt = c.ClosedAt ?? c.ReceivedAt, RecordedBy = c.HolderEmail,
                    Shares = faculty is null ? [] : [new ClosingShare { InquiryId = c.Id, Faculty = faculty, Share = 100m, Amount = result }],
                });
            }
            var credit = won.Where(c => c.GivesCredits == true).ToList();
            if (credit.Count > 0 && Credits.TryGetValue(year, out var figures))
            {
                var participants = Split(figures.Participants, credit.Count);
                var women = Split(figures.Women, credit.Count);
                var hst = Split(figures.Hst * 100L, credit.Count);
                var hpr = Split(figures.Hpr * 100L, credit.Count);
                for (var i = 0; i < credit.Count; i++)
                {
                    db.CaseParticipations.Add(new CaseParticipation
                    {
                        InquiryId = credit[i].Id, Participants = (int)participants[i], Women = (int)women[i], Hst = hst[i] / 100m, Hpr = hpr[i] / 100m,
                        UpdatedAt = credit[i].ClosedAt ?? credit[i].ReceivedAt, UpdatedBy = credit[i].HolderEmail,
                    });
                }
            }
            foreach (var c in won.Where(c => c.GivesCredits != true))
            {
                var count = 8 + random.Next(30);
                db.CaseParticipations.Add(new CaseParticipation { InquiryId = c.Id, Participants = count, Women = count * 3 / 4, UpdatedAt = c.ClosedAt ?? c.ReceivedAt, UpdatedBy = c.HolderEmail });
            }
        }
    }

    /// <summary>A total in equal whole parts, the remainder one each to the first parts.</summary>
    private static long[] Split(long total, int parts)
    {
        if (parts == 0)
        {
            return [];
        }
        var each = total / parts;
        var left = total - (each * parts);
        return [.. Enumerable.Range(0, parts).Select(i => each + (i < left ? 1 : 0))];
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
