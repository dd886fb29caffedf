using UU.Search.Indexing;

namespace UU.Search.Tests;

public sealed class IndexLifecycleTests
{
    [Fact]
    public async Task UpsertAndDelete_ChangeWhatIsFound()
    {
        using var index = await new TestIndex().FillAsync();
        await index.Index.UpsertAsync([TestIndex.Module(4, "Palliativ vård", "Vård i livets slutskede.", "omvardnad")], 7, CancellationToken.None);
        index.Index.RefreshNow();
        Assert.Empty(index.Titles("demensvård bemötande"));
        Assert.Contains("Palliativ vård", index.Titles("palliativ"));
        await index.Index.DeleteAsync(["module:4"], 8, CancellationToken.None);
        index.Index.RefreshNow();
        Assert.Empty(index.Titles("palliativ"));
        Assert.Equal(8, index.Index.JournalPosition);
    }

    [Fact]
    public async Task Writes_BecomeSearchableThroughTheRefreshLoop()
    {
        using var index = await new TestIndex().FillAsync();
        using var stop = new CancellationTokenSource();
        var loop = index.Index.RunRefreshLoopAsync(stop.Token);
        await index.Index.UpsertAsync([TestIndex.Module(50, "Klarspråk", "Begripliga texter.", "journalistik")], null, CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(1);
        while (index.Titles("klarspråk").Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.Contains("Klarspråk", index.Titles("klarspråk"));
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task JournalPositionAndContent_SurviveARestart()
    {
        using var index = await new TestIndex().FillAsync();
        await index.Index.UpsertAsync([TestIndex.Module(60, "Rektorsprogrammet", "För rektorer.", "pedagogik")], 42, CancellationToken.None);
        index.Reopen();
        Assert.False(index.Index.NeedsRebuild);
        Assert.Equal(42, index.Index.JournalPosition);
        Assert.Contains("Rektorsprogrammet", index.Titles("rektorsprogrammet"));
    }

    [Fact]
    public async Task CorruptIndex_IsReplacedAtStartAndAskedToBeRebuilt()
    {
        using var index = await new TestIndex().FillAsync();
        index.Index.Dispose();
        foreach (var file in Directory.GetFiles(index.Path).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
        {
            await File.WriteAllBytesAsync(file, [1, 2, 3, 4, 5]);
        }

        using var healed = TestIndex.Open(index.Path);

        Assert.True(healed.NeedsRebuild);
        Assert.Equal(0, healed.DocumentCount);
        Assert.Equal(0, healed.Search(new SearchRequest { Query = "demens" }).Total); // answers, empty, no exception
        var count = await healed.RebuildAsync(TestIndex.Catalogue.ToAsyncEnumerable(), 5, CancellationToken.None);
        Assert.Equal(TestIndex.Catalogue.Length, count);
        Assert.False(healed.NeedsRebuild);
        Assert.Contains(healed.Search(new SearchRequest { Query = "demens" }).Hits, h => h.Title == "Demensvård och bemötande");
    }

    [Fact]
    public async Task Rebuild_KeepsSearchesAnsweringWithTheOldContentUntilItCommits()
    {
        using var index = await new TestIndex().FillAsync();
        var release = new TaskCompletionSource();
        async IAsyncEnumerable<SearchDocument> Slow()
        {
            yield return TestIndex.Module(70, "Ny modul", "Ny text.", "pedagogik");
            await release.Task;
        }
        var rebuild = index.Index.RebuildAsync(Slow(), 9, CancellationToken.None);
        index.Index.RefreshNow();
        Assert.Contains("Demensvård och bemötande", index.Titles("demens")); // the old content, mid-rebuild
        release.SetResult();
        await rebuild;
        Assert.Empty(index.Titles("demens"));
        Assert.Contains("Ny modul", index.Titles("ny modul"));
    }

    [Fact]
    public async Task Rebuild_HasTheThreadsWriteTheirSegmentsAtTheLastDocuments_LeavingNoSmallOnes_LosingAndRepeatingNothing()
    {
        const int Documents = 12_000;
        var threads = Environment.ProcessorCount;
        using var index = new TestIndex();
        var body = string.Join(' ', Enumerable.Repeat("Kursen behandlar pedagogiskt ledarskap, kvalitetsarbete och skolans uppdrag.", 6));
        var documents = Enumerable.Range(1, Documents)
            .Select(i => TestIndex.Module(i, "Modul " + i, i % 2 == 0 ? "Ledarskap i förskolan." : "Demensvård i hemtjänsten.", "pedagogik", body: body));
        // The threads write their segments as they add the last documents, before the rebuild commits (with
        // nothing written early, the whole index waits in memory for the commit).
        var written = -1;
        index.Index.BeforeRebuildCommit = () => written = Directory.GetFiles(index.Path, "*.si").Length;
        Assert.Equal(Documents, await index.Index.RebuildAsync(documents.ToAsyncEnumerable(), 1, CancellationToken.None));
        Assert.True(written >= 1, $"{written} segments written before the commit");

        using (var directory = Lucene.Net.Store.FSDirectory.Open(new DirectoryInfo(index.Path)))
        using (var reader = Lucene.Net.Index.DirectoryReader.Open(directory))
        {
            Assert.Equal(Documents, reader.NumDocs);
            // Each segment has about a thread's share (or several, merged); at most the last documents but one,
            // which may land in a segment another thread has just written, are in small ones.
            var small = reader.Leaves.Where(leaf => leaf.Reader.MaxDoc < Documents / threads / 2).Sum(leaf => leaf.Reader.MaxDoc);
            Assert.True(small <= threads - 1, $"segments of {string.Join(", ", reader.Leaves.Select(l => l.Reader.MaxDoc))}");
            var keys = new HashSet<string>();
            foreach (var leaf in reader.Leaves)
            {
                var values = leaf.AtomicReader.GetBinaryDocValues(Fields.Key);
                for (var doc = 0; doc < leaf.Reader.MaxDoc; doc++)
                {
                    var key = new Lucene.Net.Util.BytesRef();
                    values.Get(doc, key);
                    Assert.True(keys.Add(key.Utf8ToString()), key.Utf8ToString());
                }
            }
            Assert.Equal(Documents, keys.Count);
        }
        Assert.Equal(Documents / 2, index.Index.Search(new SearchRequest { Query = "demensvård" }).Total);

        // The rebuild's settings are gone: later writes flush by memory again, as a writer does by default.
        Assert.Equal(Lucene.Net.Index.IndexWriterConfig.DEFAULT_MAX_BUFFERED_DOCS, index.Index.WriterSettings.MaxBufferedDocs);
        Assert.Equal(Lucene.Net.Index.IndexWriterConfig.DEFAULT_RAM_BUFFER_SIZE_MB, index.Index.WriterSettings.RAMBufferSizeMB);
    }

    [Fact]
    public async Task Rebuild_WhoseSourceFails_KeepsTheOldContent_AndTheIndexTakesWritesAfterwards()
    {
        using var index = await new TestIndex().FillAsync();
        async IAsyncEnumerable<SearchDocument> Failing()
        {
            for (var i = 1; i <= 3_000; i++)
            {
                yield return TestIndex.Module(1_000 + i, "Ny modul " + i, "Ny text.", "pedagogik");
            }
            await Task.Yield();
            throw new InvalidOperationException("the database went away");
        }
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => index.Index.RebuildAsync(Failing(), 9, CancellationToken.None));
        Assert.Equal("the database went away", failure.Message);
        index.Index.RefreshNow();
        Assert.Contains("Demensvård och bemötande", index.Titles("demens"));
        Assert.Empty(index.Titles("ny modul"));
        await index.Index.UpsertAsync([TestIndex.Module(77, "Efter felet", "Text.", "pedagogik")], 10, CancellationToken.None);
        index.Index.RefreshNow();
        Assert.Contains("Efter felet", index.Titles("efter felet"));
    }

    [Fact]
    public void NewIndex_NeedsARebuild()
    {
        using var index = new TestIndex();
        Assert.True(index.Index.NeedsRebuild);
    }

    private static async IAsyncEnumerable<SearchDocument> CatalogueAsync()
    {
        foreach (var document in TestIndex.Catalogue)
        {
            yield return document;
        }
        await Task.CompletedTask;
    }

    private static int? CountOnDisk(string path)
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

    [Fact]
    public async Task CheckStorage_NoticesACommitOnDiskThatCannotBeOpened_WhileTheReadersAreWhole()
    {
        using var index = new TestIndex();
        await index.Index.RebuildAsync(CatalogueAsync(), 3, CancellationToken.None);
        Assert.False(index.Index.CheckStorage());

        // The open readers need only the segments' files; the index on disk needs its segments file as well.
        foreach (var file in Directory.GetFiles(index.Path, "segments_*"))
        {
            File.Delete(file);
        }
        Assert.Null(CountOnDisk(index.Path));
        Assert.True(index.Index.CheckStorage());
        Assert.Equal(IndexState.Faulted, index.Index.State);
        Assert.Contains("Demensvård och bemötande", index.Titles("demens")); // searches go on meanwhile

        await index.Index.RebuildAsync(CatalogueAsync(), 3, CancellationToken.None);
        Assert.Equal(TestIndex.Catalogue.Length, CountOnDisk(index.Path));
        Assert.Equal(IndexState.Ready, index.Index.State);
        Assert.False(index.Index.CheckStorage());
    }

    [Fact]
    public async Task AWriteAfterTheFolderWasDeleted_IsNoticedAndHealedIntoAnIndexThatOpens()
    {
        using var index = new TestIndex();
        await index.Index.RebuildAsync(CatalogueAsync(), 3, CancellationToken.None);
        Directory.Delete(index.Path, recursive: true);
        // Lucene recreates the folder and commits a segments file naming segments that went with the old one.
        try
        {
            await index.Index.UpsertAsync([TestIndex.Module(80, "Klarspråk", "Begripliga texter.", "journalistik")], 4, CancellationToken.None);
        }
        catch (IOException)
        {
            // or the write fails and marks the index faulted: either way the check below must see it
        }
        Assert.Null(CountOnDisk(index.Path));
        Assert.True(index.Index.CheckStorage() || index.Index.State == IndexState.Faulted);

        await index.Index.RebuildAsync(CatalogueAsync(), 4, CancellationToken.None);
        Assert.Equal(TestIndex.Catalogue.Length, CountOnDisk(index.Path));
        Assert.False(index.Index.CheckStorage());
    }
}
