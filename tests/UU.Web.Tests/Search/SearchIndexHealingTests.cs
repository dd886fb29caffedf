using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Web.Data;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Search;

public sealed class SearchIndexHealingTests
{
    private static async Task<int> TotalAsync(HttpClient client, string q)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString(q)));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    private static Task EventuallyAsync(Func<Task<bool>> condition, string what) => Eventually.HoldsAsync(condition, what, 20);

    [Fact]
    public async Task CorruptIndexAtStart_IsRebuiltWhileTheSiteServes()
    {
        await using var app = new UuWebFactory(Provider.Sqlite);
        var index = Path.Combine(app.DataPath, "index");
        Directory.CreateDirectory(index);
        await File.WriteAllTextAsync(Path.Combine(index, "segments_3"), "this is not a Lucene index");
        await File.WriteAllBytesAsync(Path.Combine(index, "_0.cfs"), [0, 1, 2]);

        var client = app.CreateClient();
        using var home = await client.GetAsync("/");
        Assert.True(home.IsSuccessStatusCode); // the site serves at once
        await EventuallyAsync(async () => await TotalAsync(client, "demensvård") > 0, "the healed index is rebuilt");
        using var health = await UuWebFactory.HealthDetailsAsync(client);
        Assert.Equal("Healthy", health.RootElement.GetProperty("checks").GetProperty("search").GetProperty("status").GetString());
    }

    [Fact]
    public async Task TwoNodesOnOneDatabase_SeeEachOthersEditsInSearch()
    {
        await using var nodeA = new UuWebFactory(Provider.Postgres);
        var shared = nodeA.ConnectionString;
        await using var nodeB = new UuWebFactory(Provider.Postgres, new Dictionary<string, string?> { ["ConnectionStrings:UU"] = shared });
        var clientA = nodeA.CreateClient();
        var clientB = nodeB.CreateClient();
        await EventuallyAsync(async () => await TotalAsync(clientB, "demensvård") > 0, "node B has built its own index");
        Assert.NotEqual(nodeA.DataPath, nodeB.DataPath); // each node keeps its own index

        await using (var scope = nodeA.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
            var module = await db.Modules.SingleAsync(m => m.Slug == "palliativ-vard");
            module.TitleSv = "Palliativ vård och brytpunktssamtal";
            await db.SaveChangesAsync();
        }

        await EventuallyAsync(async () => await TotalAsync(clientB, "brytpunktssamtal") > 0, "node B finds node A's edit");
        await EventuallyAsync(async () => await TotalAsync(clientA, "brytpunktssamtal") > 0, "node A finds its own edit");
    }
}
