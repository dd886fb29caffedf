using System.Globalization;
using System.Text;
using UU.Web.Features.Inquiries;
using UU.Web.Features.Notifications;
using UU.Web.Localization;

namespace UU.Web.Features.Commissions;

/// <summary>The routing e-mail (in Swedish, from the texts file): a case sent to coordinators and subjects' contact persons.</summary>
public static class CaseMail
{
    public static IEnumerable<OutboxMessage> Routed(Texts texts, Inquiry inquiry, string subjectNames, IReadOnlyDictionary<string, string?> recipients, DateTimeOffset now)
    {
        if (recipients.Count == 0)
        {
            yield break;
        }
        string Swedish(string key, params object[] args) =>
            string.Format(CultureInfo.InvariantCulture, texts.All.TryGetValue(key, out var values) ? values[0] : key, args);
        var subject = Swedish("case.mail.routed.subject", inquiry.ReferenceNumber, inquiry.OrganisationName.Length <= 120 ? inquiry.OrganisationName : inquiry.OrganisationName[..120] + "…");
        var body = new StringBuilder()
            .AppendLine(subjectNames.Length > 0 ? Swedish("case.mail.routed.intro", subjectNames) : Swedish("case.mail.routed.noSubject"))
            .AppendLine()
            .AppendLine(Swedish("case.mail.routed.case", inquiry.ReferenceNumber, inquiry.OrganisationName))
            .AppendLine(Swedish("case.mail.routed.link", CaseRoutes.Case(inquiry.ReferenceNumber)))
            .AppendLine()
            .AppendLine(Swedish("case.mail.routed.need"))
            .AppendLine(inquiry.Description)
            .ToString();
        foreach (var (address, name) in recipients)
        {
            yield return new OutboxMessage
            {
                ToAddress = address, ToName = name, Subject = subject, TextBody = body, Reference = inquiry.ReferenceNumber, CreatedAt = now, NextAttemptAt = now,
            };
        }
    }
}
