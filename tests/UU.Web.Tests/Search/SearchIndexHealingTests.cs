using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UU.Search.Indexing;
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

    private static Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 20) => Eventually.HoldsAsync(condition, what, seconds);

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

    private static async Task<string?> SearchHealthAsync(HttpClient client, string property)
    {
        using var health = await UuWebFactory.HealthDetailsAsync(client);
        return health.RootElement.GetProperty("checks").GetProperty("search").GetProperty(property).GetString();
    }

    private static async Task RenameModuleAsync(UuWebFactory app, string slug, string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UuDbContext>();
        var module = await db.Modules.SingleAsync(m => m.Slug == slug);
        module.TitleSv = title;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task IndexFolderDeletedWhileRunning_IsRebuiltIntoACompleteIndexOnDisk()
    {
        await using var app = new UuWebFactory(Provider.Sqlite);
        var client = app.CreateClient();
        await EventuallyAsync(async () => await TotalAsync(client, "demensvård") > 0, "the index is built at start");
        var folder = Path.Combine(app.DataPath, "index");

        await DeleteFolderAsync(folder);
        // Nothing is written meanwhile: the node notices the missing files by itself and rebuilds.
        await EventuallyAsync(() => Task.FromResult(OnDisk(folder) is > 0), "a complete index is on disk again", 60);

        await DeleteFolderAsync(folder);
        await RenameModuleAsync(app, "palliativ-vard", "Palliativ vård och brytpunktssamtal");
        // Lucene alone would write new segments into a recreated folder beside the missing ones: an index that
        // serves from its open files now and cannot be opened at the next start. The healed one is whole on disk.
        await EventuallyAsync(() => Task.FromResult(OnDisk(folder) is > 0), "a complete index is on disk after a write", 60);
        // The edit can be found from the open readers before the missing files are noticed: wait for the heal too.
        await EventuallyAsync(async () => await SearchHealthAsync(client, "status") == "Healthy"
            && await TotalAsync(client, "brytpunktssamtal") > 0, "the edit made after the deletion is found in the healed index");
        Assert.True(await TotalAsync(client, "demensvård") > 0);
        using var home = await client.GetAsync("/");
        Assert.True(home.IsSuccessStatusCode);

        // The index may be writing into the folder (a merge, the heal) while it is deleted: then try again.
        static async Task DeleteFolderAsync(string path)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    Directory.Delete(path, recursive: true);
                    return;
                }
                catch (IOException) when (attempt < 20)
                {
                    await Task.Delay(100);
                }
            }
        }

        static int? OnDisk(string path)
        {
            try
            {
                using var directory = Lucene.Net.Store.FSDirectory.Open(new DirectoryInfo(path));
                using var reader = Lucene.Net.Index.DirectoryReader.Open(directory);
                return reader.NumDocs;
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    [Fact]
    public async Task FullDisk_SearchDegradesAndSaysSo_TheSiteGoesOn_AndTheIndexHealsWhenThereIsRoom()
    {
        var disk = new FullDisk();
        await using var app = new FullDiskApp(disk);
        var client = app.CreateClient();
        await EventuallyAsync(async () => await TotalAsync(client, "demensvård") > 0, "the index is built at start");

        disk.Full = true;
        // The database write goes through: only the index cannot take it.
        await RenameModuleAsync(app, "palliativ-vard", "Palliativ vård och brytpunktssamtal");
        await EventuallyAsync(async () => await SearchHealthAsync(client, "status") == "Degraded", "health says the search is degraded");
        Assert.Contains("No space left on device", await SearchHealthAsync(client, "description"), StringComparison.Ordinal);

        // Searches go on from what the index held, and say that results may be missing.
        using (var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=demensv%C3%A5rd")))
        {
            Assert.True(json.RootElement.GetProperty("total").GetInt32() > 0);
            Assert.True(json.RootElement.GetProperty("degraded").GetBoolean());
        }
        var page = await client.GetDocumentAsync("/sok?q=demensv%C3%A5rd");
        Assert.Contains("byggs om", page.QuerySelector(".results .notice")!.TextContent, StringComparison.Ordinal);
        using (var modules = await client.GetAsync("/utbildningar"))
        {
            Assert.True(modules.IsSuccessStatusCode);
        }
        using (var module = await client.GetAsync("/utbildningar/palliativ-vard"))
        {
            Assert.True(module.IsSuccessStatusCode);
        }

        disk.Full = false;
        await EventuallyAsync(async () => await SearchHealthAsync(client, "status") == "Healthy", "the index heals once there is room", 60);
        Assert.True(await TotalAsync(client, "brytpunktssamtal") > 0, "the edit made while the disk was full is found");
        using (var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=brytpunktssamtal")))
        {
            Assert.False(json.RootElement.GetProperty("degraded").GetBoolean());
        }
    }

    /// <summary>A disk that refuses new files while <see cref="Full"/> is set, as a full one does (ENOSPC).</summary>
    private sealed class FullDisk
    {
        public volatile bool Full;
    }

    private sealed class FullDiskDirectory(Lucene.Net.Store.Directory inner, FullDisk disk) : Lucene.Net.Store.FilterDirectory(inner)
    {
        public override Lucene.Net.Store.IndexOutput CreateOutput(string name, Lucene.Net.Store.IOContext context) =>
            disk.Full ? throw new IOException("No space left on device") : base.CreateOutput(name, context);
    }

    private sealed class FullDiskApp(FullDisk disk) : UuWebFactory(Provider.Sqlite)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.PostConfigure<SearchOptions>(o =>
                o.OpenDirectory = path => new FullDiskDirectory(new Lucene.Net.Store.NIOFSDirectory(new DirectoryInfo(path)), disk)));
        }
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
