using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Agreements;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Clients;
using UU.Web.Features.Commissions;
using UU.Web.Features.Commissions.Economy;

namespace UU.Web.Features.Seed;

/// <summary>
/// The demo's economy: rates and surcharges (last year's and this year's, so a calculation shows which applies and why), the offer
/// templates, two SKO agreements with municipalities and a framework agreement with a region, and on the first demo cases a
/// calculation with a decision and an offer. The clients are ones the tests' lead fixtures do not buy as, so lead scores stay put.
/// </summary>
public static class DemoEconomy
{
    public static async Task SeedAsync(UuDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var year = now.Year;
        // The older rates reach back to the first demo case: its calculation needs a rate in force on its day.
        var firstCaseYear = await db.Inquiries.Select(i => (int?)i.Year).MinAsync(cancellationToken) ?? year - 1;
        var lastYear = new DateOnly(Math.Min(year - 1, firstCaseYear), 1, 1);
        var thisYear = new DateOnly(year, 1, 1);
        foreach (var (key, before, current) in new[]
        {
            (RateKeys.Professor, 1450m, 1520m), (RateKeys.Lektor, 1150m, 1210m), (RateKeys.Adjunkt, 950m, 990m), (RateKeys.Doktorand, 700m, 730m),
            (RateKeys.Administration, 620m, 650m), (RateKeys.Overhead, 28m, 30m), (RateKeys.Support, 8m, 8m),
        })
        {
            db.Add(new CostRate { Key = key, Value = before, ValidFrom = lastYear, CreatedAt = now, CreatedBy = "demo" });
            db.Add(new CostRate { Key = key, Value = current, ValidFrom = thisYear, CreatedAt = now, CreatedBy = "demo" });
        }
        db.Add(OfferTemplates.Default("sv"));
        db.Add(OfferTemplates.Default("en"));

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var education = await db.Subjects.Where(s => s.Slug == "pedagogik").Select(s => new { s.Id, s.DepartmentId }).FirstOrDefaultAsync(cancellationToken);
        var modules = await db.Modules.Where(m => m.Subject!.Slug == "pedagogik").OrderBy(m => m.Id).Select(m => m.Id).Take(2).ToListAsync(cancellationToken);
        Agreement Sko(Client client, DateOnly start, DateOnly end, string diary) => new()
        {
            Type = AgreementType.Sko, Client = client, DiaryNumber = diary, SignedBy = "Rektor Birgitta Ek", SignedOn = start.AddDays(-14),
            StartsOn = start, EndsOn = end, CreatedAt = now, UpdatedAt = now,
            Note = "Kompetens- och organisationsutveckling för förskola och skola.",
            Departments = education is null ? [] : (education.DepartmentId is { } department ? [new AgreementDepartment { DepartmentId = department }] : []),
            Scope = [.. (education is null ? [] : new[] { new AgreementScope { SubjectId = education.Id } }), .. modules.Select(m => new AgreementScope { ModuleId = m })],
        };
        var nordanstig = await ClientAsync(db, "Nordanstigs kommun", "212000-2262", ClientType.Municipality, now, cancellationToken);
        var sandviken = await ClientAsync(db, "Sandvikens kommun", "212000-2320", ClientType.Municipality, now, cancellationToken);
        var region = await ClientAsync(db, "Region Jämtland Härjedalen", "232100-0198", ClientType.Region, now, cancellationToken);
        db.Add(Sko(nordanstig, new DateOnly(year - 1, 1, 1), new DateOnly(year + 1, 12, 31), $"UU {year - 2}/1187"));
        // Ends within 90 days: the register's "ending soon" filter and the reminders have something to show.
        db.Add(Sko(sandviken, new DateOnly(year - 2, 8, 1), today.AddDays(60), $"UU {year - 2}/0412"));
        db.Add(new Agreement
        {
            Type = AgreementType.Framework, Client = region, DiaryNumber = $"UU {year - 1}/0233", SignedBy = "Rektor Birgitta Ek", SignedOn = new DateOnly(year - 1, 2, 10),
            StartsOn = new DateOnly(year - 1, 3, 1), EndsOn = new DateOnly(year + 2, 2, 28), CreatedAt = now, UpdatedAt = now,
            Note = "Ramavtal om vidareutbildning inom vård och omsorg; avrop per uppdrag.",
        });
        await db.SaveChangesAsync(cancellationToken);
        await SeedCalculationsAsync(db, now, cancellationToken);
    }

    /// <summary>
    /// A calculation on three cases, those in the agreement phase first, newest first: approved with an offer, approved,
    /// and waiting for the head's decision. Each is dated no earlier than the oldest rate kept, so a rate always applies.
    /// </summary>
    private static async Task SeedCalculationsAsync(UuDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cases = await db.Inquiries.Where(i => i.Phase != CasePhase.Closed)
            .OrderByDescending(i => i.Phase == CasePhase.Agreement).ThenByDescending(i => i.ReceivedAt).Take(3).ToListAsync(cancellationToken);
        var rates = await db.Set<CostRate>().ToListAsync(cancellationToken);
        var firstRateDay = rates.Min(r => r.ValidFrom);
        var documents = new OfferDocument();
        for (var n = 0; n < cases.Count; n++)
        {
            var inquiry = cases[n];
            var received = DateOnly.FromDateTime(inquiry.ReceivedAt.UtcDateTime).AddDays(7);
            var day = received < firstRateDay ? firstRateDay : received;
            var perParticipant = n == 1;
            var input = new CalculationInput(
                [new TeachingInput(RateKeys.Lektor, 40, perParticipant ? 1.5m : 0), new TeachingInput(RateKeys.Adjunkt, 24, 0), new TeachingInput(RateKeys.Professor, 6, 0)],
                16, perParticipant ? 0.5m : 0,
                [new CostInput("Resor", 8400), new CostInput("Lokaler", 6000), new CostInput("Material", 2500)],
                perParticipant ? PriceModel.PerParticipant : PriceModel.Fixed,
                inquiry.Participants ?? 25, perParticipant ? 20 : null, perParticipant ? 35 : null);
            var applied = Calculator.RatesOn(rates, day);
            var calculation = new Calculation
            {
                InquiryId = inquiry.Id, Version = 1, CalculatedOn = day, CreatedAt = now, CreatedBy = "samordnare@uu-demo.se",
                PriceModel = input.PriceModel, Participants = input.Participants, MinParticipants = input.MinParticipants, MaxParticipants = input.MaxParticipants,
                AdministrationHours = input.AdministrationHours, AdministrationHoursPerParticipant = input.AdministrationHoursPerParticipant,
                Lines = [.. input.Teaching.Select((t, i) => new CalculationLine { Position = i, Kind = CalculationLineKind.Teaching, Category = t.Category, Hours = t.Hours, HoursPerParticipant = t.HoursPerParticipant }),
                    .. input.Costs.Select((c, i) => new CalculationLine { Position = i, Kind = CalculationLineKind.Cost, Description = c.Description, Amount = c.Amount })],
                Rates = applied.Values.Select(r => new CalculationRate { Key = r.Key, Value = r.Value, ValidFrom = r.ValidFrom }).ToList(),
                Decision = n == 2 ? null : new CalculationDecision { Approved = true, DecidedByName = "Jonas Berg, prefekt", RecordedBy = "samordnare@uu-demo.se", DecidedAt = now, Comment = "Godkänd enligt kalkyl." },
            };
            db.Add(calculation);
            await db.SaveChangesAsync(cancellationToken);
            if (n == 0)
            {
                var template = OfferTemplates.Default("sv");
                var validUntil = day.AddDays(30);
                var values = OfferTemplates.Values("sv", inquiry, calculation, Calculator.Compute(input, applied), [], template, validUntil, day, 1);
                db.Add(new Offer
                {
                    InquiryId = inquiry.Id, Number = 1, CalculationId = calculation.Id, Language = "sv", ValidUntil = validUntil, CreatedAt = now, CreatedBy = "samordnare@uu-demo.se",
                    FileName = $"offert-{inquiry.ReferenceNumber}-1.docx", Content = documents.Write(OfferTemplates.Fill(template.Body, values)),
                });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }

    private static async Task<Client> ClientAsync(UuDbContext db, string name, string number, ClientType type, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Name == name || c.OrganisationNumber == number, cancellationToken);
        if (client is null)
        {
            client = new Client { Name = name, OrganisationNumber = number, Type = type, CreatedAt = now };
            db.Clients.Add(client);
        }
        return client;
    }
}
