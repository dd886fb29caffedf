using UU.Web.Features.Scheduling;

namespace UU.Web.Tests.Scheduling;

/// <summary>When a scheduled job that fires late is skipped: only when the next fire is nearer than it is late.</summary>
public sealed class OvertakenFiresTests
{
    private static readonly DateTimeOffset Slot = new(2026, 12, 2, 7, 0, 0, TimeSpan.Zero);

    [Theory]
    // A fire missed by a killed node, recovered 16 s late with the next one 14 s away: skipped, the next one runs.
    [InlineData(-15, 1, 15, true)]
    // The regular fire, a second late under load: runs.
    [InlineData(0, 1, 15, false)]
    // A daily scrape three hours late after a restart: runs (tomorrow's is far away).
    [InlineData(0, 3 * 3600, 24 * 3600, false)]
    public void ALateFire_IsSkippedOnlyWhenTheNextIsNearer(int scheduledSeconds, int firedSeconds, int nextSeconds, bool skipped) =>
        Assert.Equal(skipped, OvertakenFires.IsOvertaken(Slot.AddSeconds(scheduledSeconds), Slot.AddSeconds(firedSeconds), Slot.AddSeconds(nextSeconds)));

    [Fact]
    public void AFireWithoutASchedule_OrWithoutANextFire_AlwaysRuns()
    {
        Assert.False(OvertakenFires.IsOvertaken(null, Slot, Slot.AddSeconds(1)));
        Assert.False(OvertakenFires.IsOvertaken(Slot.AddHours(-5), Slot, null));
    }
}
