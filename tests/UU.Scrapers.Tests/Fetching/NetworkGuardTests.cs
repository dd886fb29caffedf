using System.Net;
using UU.Scrapers.Fetching;

namespace UU.Scrapers.Tests.Fetching;

public sealed class NetworkGuardTests
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("169.254.169.254", false)] // cloud metadata
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("193.10.0.1", true)]
    [InlineData("2001:6b0::1", true)]
    public void OnlyPublicAddresses_ArePublic(string address, bool expected) =>
        Assert.Equal(expected, NetworkGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://127.0.0.1:8080/lista", true)]
    [InlineData("http://[::1]/lista", true)]
    [InlineData("https://192.168.0.5/", true)]
    [InlineData("http://localhost:8080/lista", true)]
    [InlineData("https://www.skolverket.se/upphandling", false)] // a name: checked when connecting
    [InlineData("https://193.10.0.1/", false)]
    public void PrivateLiterals_AreRecognisedInAddresses(string url, bool expected) =>
        Assert.Equal(expected, NetworkGuard.PointsInward(new Uri(url)));
}
