using UU.Web.Features.Inquiries;

namespace UU.Web.Features.Commissions;

/// <summary>
/// Another feature's part in a phase change (the evaluations when a case reaches follow-up). Called by
/// <see cref="CaseWorkflow"/> after the case has its new phase and before it is saved: whatever the listener adds to the
/// context is committed in the same SaveChanges as the phase change, or not at all.
/// </summary>
public interface ICasePhaseListener
{
    Task PhaseChangedAsync(Inquiry inquiry, CasePhase from, CasePhase to, DateTimeOffset now, CancellationToken cancellationToken);
}
