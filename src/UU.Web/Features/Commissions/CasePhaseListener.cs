using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Commissions;

/// <summary>
/// Another feature's part in a phase change (the evaluations when a case reaches follow-up; the head of department and faculty office told when the agreement is signed). Called by
/// <see cref="CaseWorkflow"/> after the case has its new phase and before it is saved: whatever the listener adds to the
/// context is committed in the same SaveChanges as the phase change, or not at all.
/// </summary>
public interface ICasePhaseListener
{
    /// <param name="by">Who moved the case (for the history a listener writes).</param>
    Task PhaseChangedAsync(Inquiry inquiry, CasePhase from, CasePhase to, string? by, DateTimeOffset now, CancellationToken cancellationToken);
}
