using UU.Web.Localization;

namespace UU.Web.Features.Commissions;

/// <summary>
/// A case history entry in the reader's language. Entries keep their kind (<see cref="CaseEvent.Action"/>) and a detail made of data
/// and enum names ("MarketWatch → Initiation", "Lost: för dyrt", "credits: False → True"); the names are translated when the entry
/// is shown, so old entries read in either language too. Anything that is not a known name (a reason, a file, a step) is shown as written.
/// </summary>
public static class CaseEventText
{
    private const string Arrow = " → ";

    /// <summary>The changed facts a "details" entry can name (see CaseWorkflow.UpdateDetailsAsync).</summary>
    private static readonly string[] Facts = ["type", "credits", "outsideSupport", "forYear", "excluded", "registry"];

    public static string Action(Texts t, CaseEvent e) => t["case.event." + e.Action];

    public static string? Detail(Texts t, CaseEvent e) => e.Detail is not { } detail ? null : e.Action switch
    {
        "phase" => string.Join(Arrow, detail.Split(Arrow).Select(p => Name<CasePhase>(t, "phase.", p))),
        "closed" => detail.Split(": ", 2) is [var outcome, var why] ? Name<CaseOutcome>(t, "outcome.", outcome) + ": " + why : Name<CaseOutcome>(t, "outcome.", detail),
        "created" => Name<WayIn>(t, "wayIn.", detail),
        "details" => string.Join("; ", detail.Split("; ").Select(change => Change(t, change))),
        _ => detail,
    };

    private static string Change(Texts t, string change)
    {
        if (change.Split(": ", 2) is not [var fact, var values] || !Facts.Contains(fact, StringComparer.Ordinal))
        {
            return change;
        }
        return t["case.change." + fact] + ": " + string.Join(Arrow, values.Split(Arrow).Select(v => v switch
        {
            "True" => t["case.change.yes"],
            "False" => t["case.change.no"],
            _ => v,
        }));
    }

    /// <summary>The text of an enum member's name; a number or an unknown name is shown as stored.</summary>
    private static string Name<TEnum>(Texts t, string prefix, string stored) where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Contains(stored, StringComparer.Ordinal) ? t[prefix + stored] : stored;
}
