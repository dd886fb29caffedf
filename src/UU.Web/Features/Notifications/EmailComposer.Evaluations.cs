using UU.Web.Features.Evaluations;

namespace UU.Web.Features.Notifications;

public sealed partial class EmailComposer
{
    /// <summary>
    /// The personal evaluation link, or a reminder of it, in the invitation's language. It names the course and the
    /// last day to answer; the reference is the case's, never the invitation's (the outbox must not tie an address to an answer).
    /// </summary>
    public OutboxMessage EvaluationInvitation(EvaluationInvitation invitation, string caseReference, string course, string link, bool reminder, DateTimeOffset now)
    {
        var mail = new Mail(this, invitation.Language);
        var kind = reminder ? "reminder" : "invitation";
        var who = invitation.Respondent == Respondent.Client ? "client" : "participant";
        var values = new[]
        {
            ("course", course),
            ("link", link),
            ("expires", invitation.ExpiresAt is { } expires ? mail.Date(UU.Scrapers.SwedishTime.Today(expires)) : mail.None),
        };
        return Message(new MailRecipient(invitation.Email!), "evaluation-" + caseReference, now,
            mail.Render($"mail.evaluation.{kind}.subject", values),
            mail.Render($"mail.evaluation.{kind}.{who}", values) + "\n\n" + mail.Render("mail.evaluation.footer", values));
    }
}
