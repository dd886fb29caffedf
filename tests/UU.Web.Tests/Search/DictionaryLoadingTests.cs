using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UU.Search.Analysis;
using UU.Search.Indexing;
using UU.Web.Tests.Infrastructure;

namespace UU.Web.Tests.Search;

public sealed class DictionaryLoadingTests
{
    /// <summary>A loader that gives the real dictionaries only when the test says so.</summary>
    private sealed class HeldLoader(IOptions<SearchOptions> options) : ILinguisticsLoader
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Asked { get; private set; }

        public void Release() => _release.TrySetResult();

        public async Task<Linguistics> LoadAsync(CancellationToken cancellationToken)
        {
            Asked = true;
            await _release.Task.WaitAsync(cancellationToken);
            return await new LinguisticsLoader(options, NullLogger.Instance).LoadAsync(cancellationToken);
        }
    }

    [Fact]
    public async Task Host_AnswersHealth_BeforeTheDictionariesAreLoaded_AndSearchesOnceTheyAre()
    {
        await using var factory = new UuWebFactory(Provider.Sqlite);
        HeldLoader? loader = null;
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ILinguisticsLoader>();
            services.AddSingleton<ILinguisticsLoader>(sp => loader = new HeldLoader(sp.GetRequiredService<IOptions<SearchOptions>>()));
        }));
        var client = app.CreateClient();

        using (var health = await client.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode); // Degraded (not yet built) still answers 200
        }
        var index = app.Services.GetRequiredService<SearchIndex>();
        Assert.NotNull(loader);
        Assert.True(loader.Asked);
        Assert.False(index.IsLinguisticsLoaded);

        loader.Release();
        await Eventually.HoldsAsync(async () =>
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("demensvård")));
            return json.RootElement.GetProperty("total").GetInt32() > 0;
        }, "the index is built with the dictionaries and searched", 20);
        Assert.True(index.IsLinguisticsLoaded);
    }
}
