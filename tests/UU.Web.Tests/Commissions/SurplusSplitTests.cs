using UU.Web.Features.Commissions.FollowUp;

namespace UU.Web.Tests.Commissions;

/// <summary>The handling order's split of a commission's result between the faculties, by their shares in the calculation.</summary>
public sealed class SurplusSplitTests
{
    [Fact]
    public void Split_ThreeEqualShares_GivesTheLeftoverOreToTheFirst_AndAddsUpExactly()
    {
        var parts = SurplusSplit.Split(100.00m, [1m, 1m, 1m]);
        Assert.Equal([33.34m, 33.33m, 33.33m], parts);
        Assert.Equal(100.00m, parts.Sum());
    }

    [Fact]
    public void Split_ThreeFacultiesByPercent_RoundsToOre_AndTheLargestRemaindersGetTheRest()
    {
        // 10 000,01 kr by 50/30/20: 5 000,005 / 3 000,003 / 2 000,002 → the one öre left goes to the largest remainder (the first).
        var parts = SurplusSplit.Split(10_000.01m, [50m, 30m, 20m]);
        Assert.Equal([5_000.01m, 3_000.00m, 2_000.00m], parts);
        Assert.Equal(10_000.01m, parts.Sum());

        // 1 000 kr by 45/35/20 divides evenly.
        Assert.Equal([450m, 350m, 200m], SurplusSplit.Split(1_000m, [45m, 35m, 20m]));

        // 0,05 kr by 33.3/33.3/33.4: 1,665 / 1,665 / 1,67 öre; the two öre left go to the largest remainder (the third), then the first of the tied two.
        var small = SurplusSplit.Split(0.05m, [33.3m, 33.3m, 33.4m]);
        Assert.Equal(0.05m, small.Sum());
        Assert.Equal([0.02m, 0.01m, 0.02m], small);
    }

    [Fact]
    public void Split_ADeficitIsSharedTheSameWay_WithTheSignKept()
    {
        var parts = SurplusSplit.Split(-2_188.20m, [60m, 25m, 15m]);
        Assert.Equal([-1_312.92m, -547.05m, -328.23m], parts);
        Assert.Equal(-2_188.20m, parts.Sum());
    }

    [Fact]
    public void Split_ANoughtResultGivesEveryFacultyNought_AndSharesThatAreAllZeroAreRefused()
    {
        Assert.Equal([0m, 0m, 0m], SurplusSplit.Split(0m, [50m, 30m, 20m]));
        Assert.Throws<ArgumentException>(() => SurplusSplit.Split(100m, [0m, 0m]));
        Assert.Throws<ArgumentException>(() => SurplusSplit.Split(100m, [50m, -50m]));
    }
}
