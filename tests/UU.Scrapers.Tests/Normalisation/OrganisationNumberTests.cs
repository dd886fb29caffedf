using UU.Scrapers.Normalisation;

namespace UU.Scrapers.Tests.Normalisation;

public sealed class OrganisationNumberTests
{
    [Theory]
    [InlineData("212000-2247", "212000-2247", BuyerKind.Municipality)]
    [InlineData("2120002247", "212000-2247", BuyerKind.Municipality)]
    [InlineData("16212000-2247", "212000-2247", BuyerKind.Municipality)]
    [InlineData(" 232100-0156 ", "232100-0156", BuyerKind.Region)]
    [InlineData("202100-5307", "202100-5307", BuyerKind.Agency)]
    [InlineData("556677-8899", "556677-8899", BuyerKind.Company)]
    [InlineData("802002-4033", "802002-4033", BuyerKind.Association)]
    public void ValidNumbers_AreNormalisedAndClassified(string input, string normalised, BuyerKind kind)
    {
        Assert.Equal(OrganisationNumberProblem.None, OrganisationNumber.Validate(input, out var number));
        Assert.Equal(normalised, number.ToString());
        Assert.Equal(kind, number.Kind);
    }

    [Theory]
    [InlineData(null, OrganisationNumberProblem.Empty)]
    [InlineData("  ", OrganisationNumberProblem.Empty)]
    [InlineData("212000-224", OrganisationNumberProblem.WrongFormat)]
    [InlineData("21200O-2247", OrganisationNumberProblem.WrongFormat)]
    [InlineData("212000-2248", OrganisationNumberProblem.WrongChecksum)]
    [InlineData("850101-0113", OrganisationNumberProblem.PersonalIdentityNumber)]
    [InlineData("19850101-0113", OrganisationNumberProblem.PersonalIdentityNumber)]
    [InlineData("<script>", OrganisationNumberProblem.WrongFormat)]
    public void InvalidNumbers_AreRefusedWithTheReason(string? input, OrganisationNumberProblem problem)
    {
        Assert.Equal(problem, OrganisationNumber.Validate(input, out var number));
        Assert.Equal("", number.ToString());
        Assert.Equal(BuyerKind.Unknown, number.Kind);
    }
}
