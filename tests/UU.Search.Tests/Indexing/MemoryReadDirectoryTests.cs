using Lucene.Net.Store;
using UU.Search.Indexing;

namespace UU.Search.Tests.Indexing;

/// <summary>The in-memory reading of index files gives what the disk holds, and notices a file changed on disk.</summary>
public sealed class MemoryReadDirectoryTests : IDisposable
{
    private readonly DirectoryInfo _folder = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "uu-memread-" + Guid.NewGuid().ToString("N")));

    public void Dispose() => _folder.Delete(recursive: true);

    private static readonly int[] Ints = [0, 1, 127, 128, 16_383, 16_384, int.MaxValue, -1, int.MinValue, 300];
    private static readonly long[] Longs = [0, 1, 127, 128, long.MaxValue, 1L << 35, 999_999_999_999];

    private static void Write(Lucene.Net.Store.Directory directory, string name)
    {
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        foreach (var value in Ints)
        {
            output.WriteVInt32(value);
            output.WriteInt32(value);
        }
        foreach (var value in Longs)
        {
            output.WriteVInt64(value);
            output.WriteInt64(value);
        }
        output.WriteInt16(-12_345);
        output.WriteBytes([1, 2, 3], 3);
        // The last values end at the end of the file, where the fast paths have too few bytes left.
        output.WriteVInt32(int.MaxValue);
        output.WriteVInt64(long.MaxValue);
    }

    [Fact]
    public void Values_ReadAsTheDiskDirectoryReadsThem_UpToTheLastByte()
    {
        using var directory = new MemoryReadDirectory(new NIOFSDirectory(_folder));
        Write(directory, "_0.doc");
        using var disk = new NIOFSDirectory(_folder);
        using var expected = disk.OpenInput("_0.doc", IOContext.DEFAULT);
        using var actual = directory.OpenInput("_0.doc", IOContext.DEFAULT);
        Assert.Equal(expected.Length, actual.Length);
        foreach (var _ in Ints)
        {
            Assert.Equal(expected.ReadVInt32(), actual.ReadVInt32());
            Assert.Equal(expected.ReadInt32(), actual.ReadInt32());
        }
        foreach (var _ in Longs)
        {
            Assert.Equal(expected.ReadVInt64(), actual.ReadVInt64());
            Assert.Equal(expected.ReadInt64(), actual.ReadInt64());
        }
        Assert.Equal(expected.ReadInt16(), actual.ReadInt16());
        var bytes = new byte[3];
        actual.ReadBytes(bytes, 0, 3);
        Assert.Equal([1, 2, 3], bytes);
        expected.Seek(expected.Position + 3);
        Assert.Equal(int.MaxValue, actual.ReadVInt32());
        Assert.Equal(long.MaxValue, actual.ReadVInt64());
        Assert.Equal(actual.Length, actual.Position);
        Assert.Throws<EndOfStreamException>(() => actual.ReadByte());

        // A clone and a slice keep positions of their own over the same bytes.
        var clone = (IndexInput)actual.Clone();
        clone.Seek(0);
        Assert.Equal(0, clone.ReadVInt32());
        Assert.Equal(actual.Length, actual.Position);
        using var slicer = directory.CreateSlicer("_0.doc", IOContext.DEFAULT);
        using var slice = slicer.OpenSlice("second int", 1, 4);
        Assert.Equal(4, slice.Length);
        Assert.Equal(0, slice.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => slice.ReadByte());
    }

    [Fact]
    public void AFileChangedOnDisk_IsReadAgain_AndADeletedOneIsGone()
    {
        using var directory = new MemoryReadDirectory(new NIOFSDirectory(_folder));
        Write(directory, "_1.fdt");
        using (var first = directory.OpenInput("_1.fdt", IOContext.DEFAULT))
        {
            Assert.Equal(0, first.ReadVInt32());
        }
        File.WriteAllBytes(Path.Combine(_folder.FullName, "_1.fdt"), [42, 7]);
        using (var second = directory.OpenInput("_1.fdt", IOContext.DEFAULT))
        {
            Assert.Equal(2, second.Length);
            Assert.Equal(42, second.ReadByte());
        }
        directory.DeleteFile("_1.fdt");
        Assert.ThrowsAny<IOException>(() => directory.OpenInput("_1.fdt", IOContext.DEFAULT));
    }
}
