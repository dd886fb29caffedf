using Microsoft.Extensions.Options;
using UU.Scrapers;
using UU.Web.Features.Catalogue;
using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Commissions;

/// <summary>
/// What every new case gets, whatever its way in: its phase, the subjects it is routed to, the day a first response
/// is due, and the first line of its history. The caller stores it in the same transaction as the case and its mail.
/// </summary>
public sealed class CaseIntake(TimeProvider clock, IOptions<CommissionOptions> options)
{
    public void Prepare(Inquiry inquiry, WayIn wayIn, IEnumerable<Subject> subjects, string? by)
    {
        var now = clock.GetUtcNow();
        inquiry.WayIn = wayIn;
        inquiry.Phase = wayIn == WayIn.Lead ? CasePhase.MarketWatch : CasePhase.Initiation;
        inquiry.FirstResponseDue = WorkingDays.After(SwedishTime.Today(inquiry.ReceivedAt == default ? now : inquiry.ReceivedAt), options.Value.FirstResponseWorkingDays);
        foreach (var subject in subjects.DistinctBy(s => s.Id))
        {
            inquiry.Subjects.Add(new CaseSubject { Subject = subject });
        }
        // Routed at once when it has a subject; a case without one waits, flagged, for a coordinator to give it one.
        inquiry.RoutedAt = inquiry.Subjects.Count > 0 ? now : null;
        inquiry.Events.Add(new CaseEvent { At = now, By = by, Action = "created", Detail = wayIn.ToString(), InquiryId = inquiry.Id });
    }
}
