namespace UU.Web.Features.Commissions.FollowUp;

/// <summary>
/// The handling order's rule for a commission's result: a surplus or a deficit is split between the faculties in proportion
/// to their shares in the calculation. Amounts are in whole öre and always add up to the result exactly: each faculty gets
/// its proportional part rounded down, and the öre left over go one at a time to the largest remainders (ties to the
/// faculty listed first). A deficit is split the same way with the sign turned.
/// </summary>
public static class SurplusSplit
{
    public static IReadOnlyList<decimal> Split(decimal result, IReadOnlyList<decimal> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count == 0 || shares.Any(s => s < 0) || shares.Sum() <= 0)
        {
            throw new ArgumentException("The shares must be at least one, none negative, and not all zero.", nameof(shares));
        }
        var total = shares.Sum();
        var ore = Math.Round(Math.Abs(result) * 100m, 0, MidpointRounding.AwayFromZero);
        var exact = shares.Select(s => ore * s / total).ToList();
        var parts = exact.Select(Math.Floor).ToList();
        var left = ore - parts.Sum();
        foreach (var i in exact.Select((e, i) => (Remainder: e - Math.Floor(e), Index: i)).OrderByDescending(x => x.Remainder).ThenBy(x => x.Index).Select(x => x.Index))
        {
            if (left <= 0)
            {
                break;
            }
            parts[i] += 1;
            left -= 1;
        }
        var sign = result < 0 ? -1m : 1m;
        return parts.Select(p => sign * p / 100m).ToList();
    }
}
