using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UU.Web.Data;
using UU.Web.Features.Commissions.Economy;
using UU.Web.Features.Inquiries;
using UU.Web.Localization;

namespace UU.Web.Features.Commissions.FollowUp;

public sealed record FacultyShare(int FacultyId, string Faculty, decimal Share);

public sealed record ClosingView(CaseClosing Closing, IReadOnlyList<(string Faculty, decimal Share, decimal Amount)> Split);

/// <summary>What the case page shows of the follow-up: the meeting log, the calculation's faculty shares, the closing and the participants.</summary>
public sealed record FollowUpFile(
    bool IsCommission,
    IReadOnlyList<CaseMeeting> Meetings,
    int? CalculationVersion,
    IReadOnlyList<FacultyShare> Shares,
    ClosingView? Closing,
    CaseParticipation? Participation,
    IReadOnlyList<(int Id, string Name)> Faculties);

/// <summary>
/// The follow-up of a commission: the meeting log, the faculties' shares in the calculation, the economic closing with the
/// result split by those shares, and the participants. Each change writes a line of the case's history.
/// </summary>
public sealed class FollowUpService(UuDbContext db, TimeProvider clock, Texts texts)
{
    /// <summary>A commission is a case that was won or is being delivered or followed up: only these have a closing and participants.</summary>
    public static bool IsCommission(Inquiry inquiry) => inquiry.Phase is CasePhase.Delivery or CasePhase.FollowUp || inquiry.Outcome == CaseOutcome.Won;

    public async Task<FollowUpFile> LoadAsync(Inquiry inquiry, CancellationToken cancellationToken)
    {
        var meetings = await db.CaseMeetings.AsNoTracking().Where(m => m.InquiryId == inquiry.Id).OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).ToListAsync(cancellationToken);
        var faculties = (await db.Faculties.AsNoTracking().OrderBy(f => f.NameSv).Select(f => new { f.Id, f.NameSv }).ToListAsync(cancellationToken)).Select(f => (f.Id, f.NameSv)).ToList();
        var names = faculties.ToDictionary(f => f.Id, f => f.NameSv);
        var calculation = await db.Set<Calculation>().AsNoTracking().Where(c => c.InquiryId == inquiry.Id).OrderByDescending(c => c.Version)
            .Select(c => new { c.Id, c.Version }).FirstOrDefaultAsync(cancellationToken);
        var shares = calculation is null ? [] : await SharesAsync(inquiry, calculation.Id, cancellationToken);
        var closing = await db.CaseClosings.AsNoTracking().Include(c => c.Shares).FirstOrDefaultAsync(c => c.InquiryId == inquiry.Id, cancellationToken);
        var participation = await db.CaseParticipations.AsNoTracking().FirstOrDefaultAsync(p => p.InquiryId == inquiry.Id, cancellationToken);
        return new FollowUpFile(IsCommission(inquiry), meetings, calculation?.Version, shares,
            closing is null ? null : new ClosingView(closing, closing.Shares.OrderByDescending(s => s.Share).Select(s => (names.GetValueOrDefault(s.FacultyId, "?"), s.Share, s.Amount)).ToList()),
            participation, faculties);
    }

    public async Task AddMeetingAsync(Inquiry inquiry, string? heldOn, string? attendees, string? text, string? by, CancellationToken cancellationToken)
    {
        Commission(inquiry);
        if (!DateOnly.TryParseExact(heldOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new CaseRuleException(texts["followup.error.meetingDate", heldOn ?? ""]);
        }
        var who = attendees?.Trim();
        var what = text?.Trim();
        if (string.IsNullOrEmpty(who) || who.Length > FollowUpLimits.Attendees)
        {
            throw new CaseRuleException(texts["followup.error.attendees", FollowUpLimits.Attendees]);
        }
        if (string.IsNullOrEmpty(what) || what.Length > FollowUpLimits.Text)
        {
            throw new CaseRuleException(texts["followup.error.meetingText", FollowUpLimits.Text]);
        }
        var now = clock.GetUtcNow();
        db.CaseMeetings.Add(new CaseMeeting { InquiryId = inquiry.Id, HeldOn = day, Attendees = who, Text = what, RecordedAt = now, RecordedBy = by });
        Record(inquiry, now, by, "meeting", $"{day:yyyy-MM-dd}: {who}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sets the faculties' shares (percent) on the case's latest calculation version; blank or 0 leaves a faculty out.</summary>
    public async Task SetSharesAsync(Inquiry inquiry, IReadOnlyDictionary<int, string?> shares, string? by, CancellationToken cancellationToken)
    {
        var calculation = await db.Set<Calculation>().Where(c => c.InquiryId == inquiry.Id).OrderByDescending(c => c.Version).FirstOrDefaultAsync(cancellationToken)
            ?? throw new CaseRuleException(texts["followup.error.noCalculation"]);
        var faculties = await db.Faculties.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.NameSv, cancellationToken);
        var parsed = new List<CalculationShare>();
        foreach (var (facultyId, raw) in shares)
        {
            if (!faculties.TryGetValue(facultyId, out var name))
            {
                throw new CaseRuleException(texts["followup.error.noSuchFaculty", facultyId]);
            }
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }
            if (!Amounts.TryParse(raw, out var share) || share < 0 || share > 100)
            {
                throw new CaseRuleException(texts["followup.error.share", name, raw]);
            }
            if (share > 0)
            {
                parsed.Add(new CalculationShare { CalculationId = calculation.Id, FacultyId = facultyId, Share = share });
            }
        }
        if (parsed.Count > 0 && parsed.Sum(s => s.Share) != 100m)
        {
            throw new CaseRuleException(texts["followup.error.sharesSum", parsed.Sum(s => s.Share).ToString("0.##", CultureInfo.InvariantCulture)]);
        }
        db.CalculationShares.RemoveRange(await db.CalculationShares.Where(s => s.CalculationId == calculation.Id).ToListAsync(cancellationToken));
        db.CalculationShares.AddRange(parsed);
        var now = clock.GetUtcNow();
        Record(inquiry, now, by, "shares", string.Join(", ", parsed.Select(s => $"{faculties[s.FacultyId]} {s.Share.ToString("0.##", CultureInfo.InvariantCulture)} %")));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Records the economic closing (again, if it is corrected): the actual revenue and cost, who decided and on which day, and the result
    /// split by the latest calculation's faculty shares (a case whose subjects are all of one faculty needs none: that faculty has it all).
    /// </summary>
    public async Task CloseEconomyAsync(Inquiry inquiry, string? revenue, string? cost, string? decidedBy, string? decidedOn, string? by, CancellationToken cancellationToken)
    {
        Commission(inquiry);
        var actualRevenue = Amount(revenue, "followup.field.revenue");
        var actualCost = Amount(cost, "followup.field.cost");
        var who = decidedBy?.Trim();
        if (string.IsNullOrEmpty(who) || who.Length > FollowUpLimits.Name)
        {
            throw new CaseRuleException(texts["followup.error.decidedBy", FollowUpLimits.Name]);
        }
        if (!DateOnly.TryParseExact(decidedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new CaseRuleException(texts["followup.error.decidedOn", decidedOn ?? ""]);
        }
        var calculationId = await db.Set<Calculation>().Where(c => c.InquiryId == inquiry.Id).OrderByDescending(c => c.Version).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var shares = calculationId is { } id ? await SharesAsync(inquiry, id, cancellationToken) : await SubjectFacultyAsync(inquiry, cancellationToken);
        if (shares.Count == 0)
        {
            throw new CaseRuleException(texts["followup.error.noShares"]);
        }
        var amounts = SurplusSplit.Split(actualRevenue - actualCost, [.. shares.Select(s => s.Share)]);
        var existing = await db.CaseClosings.Include(c => c.Shares).FirstOrDefaultAsync(c => c.InquiryId == inquiry.Id, cancellationToken);
        if (existing is not null)
        {
            db.CaseClosings.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
        }
        var now = clock.GetUtcNow();
        db.CaseClosings.Add(new CaseClosing
        {
            InquiryId = inquiry.Id, Revenue = actualRevenue, Cost = actualCost, DecidedByName = who, DecidedOn = day, RecordedAt = now, RecordedBy = by,
            Shares = [.. shares.Select((s, i) => new ClosingShare { InquiryId = inquiry.Id, FacultyId = s.FacultyId, Share = s.Share, Amount = amounts[i] })],
        });
        Record(inquiry, now, by, "economyClosed", string.Join("; ", shares.Select((s, i) => $"{s.Faculty} {Amounts.Format(amounts[i])}")));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetParticipationAsync(Inquiry inquiry, string? participants, string? women, string? hst, string? hpr, string? by, CancellationToken cancellationToken)
    {
        Commission(inquiry);
        var errors = new List<string>();
        var figures = ReadParticipation(participants, women, hst, hpr, inquiry.GivesCredits == true, (field, message) => errors.Add(texts["followup.field." + field] + ": " + message));
        if (figures is null)
        {
            throw new CaseRuleException(string.Join(" ", errors));
        }
        await ApplyParticipationAsync(inquiry.Id, figures.Value, by, cancellationToken);
        Record(inquiry, clock.GetUtcNow(), by, "participants", $"{figures.Value.Participants} ({figures.Value.Women})");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Reads the participants' figures as typed; each problem is reported with its field (participants, women, hst, hpr) and nothing is returned.
    /// HST and HPR only for a credit-bearing commission.
    /// </summary>
    public static (int Participants, int Women, decimal? Hst, decimal? Hpr)? ReadParticipation(string? participants, string? women, string? hst, string? hpr, bool creditBearing, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var ok = true;
        int Whole(string field, string? raw)
        {
            if (int.TryParse(raw?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= FollowUpLimits.MaxParticipants)
            {
                return n;
            }
            problem(field, $"'{raw}' is not a whole number from 0 to {FollowUpLimits.MaxParticipants}");
            ok = false;
            return 0;
        }
        decimal? Equivalents(string field, string? raw)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                return null;
            }
            if (!creditBearing)
            {
                problem(field, "only a credit-bearing commission has HST and HPR");
                ok = false;
                return null;
            }
            if (Amounts.TryParse(raw, out var v) && v >= 0 && v <= FollowUpLimits.MaxEquivalents)
            {
                return v;
            }
            problem(field, $"'{raw}' is not a number from 0 to {FollowUpLimits.MaxEquivalents}");
            ok = false;
            return null;
        }
        var count = Whole("participants", participants);
        var womenCount = Whole("women", women);
        if (ok && womenCount > count)
        {
            problem("women", $"{womenCount} women is more than the {count} participants");
            ok = false;
        }
        var h = Equivalents("hst", hst);
        var p = Equivalents("hpr", hpr);
        return ok ? (count, womenCount, h, p) : null;
    }

    /// <summary>Writes the figures onto the case (tracked, not saved: the caller saves, so an import is all or nothing).</summary>
    public async Task ApplyParticipationAsync(int inquiryId, (int Participants, int Women, decimal? Hst, decimal? Hpr) figures, string? by, CancellationToken cancellationToken)
    {
        var row = await db.CaseParticipations.FirstOrDefaultAsync(p => p.InquiryId == inquiryId, cancellationToken);
        if (row is null)
        {
            row = new CaseParticipation { InquiryId = inquiryId };
            db.CaseParticipations.Add(row);
        }
        row.Participants = figures.Participants;
        row.Women = figures.Women;
        row.Hst = figures.Hst;
        row.Hpr = figures.Hpr;
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = by;
    }

    private async Task<List<FacultyShare>> SharesAsync(Inquiry inquiry, int calculationId, CancellationToken cancellationToken)
    {
        // Ordered in memory: SQLite compares decimals (stored as text) through a collation that reads them in the current culture.
        var shares = (await db.CalculationShares.AsNoTracking().Where(s => s.CalculationId == calculationId)
            .Select(s => new FacultyShare(s.FacultyId, s.Faculty!.NameSv, s.Share)).ToListAsync(cancellationToken))
            .OrderByDescending(s => s.Share).ThenBy(s => s.FacultyId).ToList();
        return shares.Count > 0 ? shares : await SubjectFacultyAsync(inquiry, cancellationToken);
    }

    /// <summary>The one faculty all of the case's subjects belong to, with the whole share; none when they are of several faculties (or none).</summary>
    private async Task<List<FacultyShare>> SubjectFacultyAsync(Inquiry inquiry, CancellationToken cancellationToken)
    {
        var faculties = await db.CaseSubjects.AsNoTracking().Where(s => s.InquiryId == inquiry.Id && s.Subject!.Department != null)
            .Select(s => new { s.Subject!.Department!.FacultyId, s.Subject.Department.Faculty!.NameSv }).Distinct().ToListAsync(cancellationToken);
        return faculties.Count == 1 ? [new FacultyShare(faculties[0].FacultyId, faculties[0].NameSv, 100m)] : [];
    }

    private void Commission(Inquiry inquiry)
    {
        if (!IsCommission(inquiry))
        {
            throw new CaseRuleException(texts["followup.error.notACommission"]);
        }
    }

    private decimal Amount(string? raw, string field)
    {
        if (Amounts.TryParse(raw, out var value) && value >= 0 && value <= FollowUpLimits.MaxAmount)
        {
            return Math.Round(value, 2, MidpointRounding.AwayFromZero);
        }
        throw new CaseRuleException(texts["followup.error.amount", texts[field], raw ?? ""]);
    }

    private void Record(Inquiry inquiry, DateTimeOffset now, string? by, string action, string? detail) =>
        db.CaseEvents.Add(CaseEvent.Of(inquiry.Id, now, by, action, detail));
}
