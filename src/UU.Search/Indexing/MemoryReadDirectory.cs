using System.Buffers.Binary;
using System.Collections.Concurrent;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace UU.Search.Indexing;

/// <summary>
/// An index folder whose files are read into memory once and searched from there, while every write goes to
/// the disk as before. Lucene writes each segment file once and never changes it, so a file read whole stays
/// right until it is deleted; the commit points (segments_N, segments.gen) and the lock are always read from disk.
/// </summary>
/// <remarks>
/// Reading the index through NIOFS costs a system call per kilobyte of postings, and a search that reads a few
/// hundred thousand postings spent about a third of its time there (interleaved runs of the benchmark, with the
/// index on disk and in a RAMDirectory). The memory is the index's size on disk, which the operating system's
/// cache held anyway. A file that changed on disk since it was read (its length or time) is read again.
/// </remarks>
internal sealed class MemoryReadDirectory(FSDirectory disk) : Directory
{
    /// <summary>Larger files are read from disk: a managed array has its limits, and no catalogue comes near.</summary>
    private const long MaxFileBytes = 1L << 30;

    private readonly ConcurrentDictionary<string, (long Length, DateTime Written, byte[] Bytes)> _files = new(StringComparer.Ordinal);

    public override string[] ListAll() => disk.ListAll();

    [Obsolete("As Lucene's Directory.FileExists.")]
    public override bool FileExists(string name) => disk.FileExists(name);

    public override void DeleteFile(string name)
    {
        _files.TryRemove(name, out _);
        disk.DeleteFile(name);
    }

    public override long FileLength(string name) => disk.FileLength(name);

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        _files.TryRemove(name, out _);
        return disk.CreateOutput(name, context);
    }

    public override void Sync(ICollection<string> names) => disk.Sync(names);

    public override IndexInput OpenInput(string name, IOContext context) =>
        Bytes(name) is { } bytes ? new ArrayInput($"MemoryReadDirectory({name})", bytes, 0, bytes.Length) : disk.OpenInput(name, context);

    public override IndexInputSlicer CreateSlicer(string name, IOContext context) =>
        Bytes(name) is { } bytes ? new ArraySlicer(name, bytes) : disk.CreateSlicer(name, context);

    public override Lucene.Net.Store.Lock MakeLock(string name) => disk.MakeLock(name);

    public override void ClearLock(string name) => disk.ClearLock(name);

    public override void SetLockFactory(LockFactory lockFactory) => disk.SetLockFactory(lockFactory);

    public override LockFactory LockFactory => disk.LockFactory;

    public override string GetLockID() => disk.GetLockID();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _files.Clear();
            disk.Dispose();
        }
    }

    /// <summary>The file's bytes, or null when it is read from disk (a commit point, the lock, a missing or huge file).</summary>
    private byte[]? Bytes(string name)
    {
        if (name.StartsWith("segments", StringComparison.Ordinal) || name.EndsWith(".lock", StringComparison.Ordinal))
        {
            return null;
        }
        var file = new FileInfo(Path.Combine(disk.Directory.FullName, name));
        if (!file.Exists || file.Length > MaxFileBytes)
        {
            // Lucene's own exception for a missing file, from the disk directory.
            return null;
        }
        if (_files.TryGetValue(name, out var known) && known.Length == file.Length && known.Written == file.LastWriteTimeUtc)
        {
            return known.Bytes;
        }
        var bytes = File.ReadAllBytes(file.FullName);
        _files[name] = (bytes.Length, file.LastWriteTimeUtc, bytes);
        return bytes;
    }

    private sealed class ArraySlicer(string name, byte[] bytes) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new ArrayInput($"MemoryReadDirectory({name} [{sliceDescription}])", bytes, checked((int)offset), checked((int)length));

        [Obsolete("As Lucene's IndexInputSlicer.OpenFullSlice.")]
        public override IndexInput OpenFullSlice() => new ArrayInput($"MemoryReadDirectory({name})", bytes, 0, bytes.Length);

        protected override void Dispose(bool disposing)
        {
        }
    }

    /// <summary>A file (or a slice of a compound file) in memory; a clone shares the bytes and keeps its own position.</summary>
    private sealed class ArrayInput(string description, byte[] bytes, int offset, int length) : IndexInput(description)
    {
        private readonly int _start = offset;
        private readonly int _end = offset + length;
        private int _position = offset;

        public override long Length => length;

        public override long Position => _position - _start;

        public override void Seek(long pos)
        {
            if (pos < 0 || pos > length)
            {
                throw new EndOfStreamException($"Seek to {pos} outside {this} of {length} bytes.");
            }
            _position = _start + (int)pos;
        }

        public override byte ReadByte()
        {
            if (_position >= _end)
            {
                throw new EndOfStreamException($"Read past the end of {this}.");
            }
            return bytes[_position++];
        }

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            if (len > _end - _position)
            {
                throw new EndOfStreamException($"Read of {len} bytes past the end of {this}.");
            }
            Buffer.BlockCopy(bytes, _position, b, offset, len);
            _position += len;
        }

        public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));

        public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

        public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

        public override int ReadVInt32() => _end - _position >= 5 ? (int)ReadVariable(5) : base.ReadVInt32();

        public override long ReadVInt64() => _end - _position >= 9 ? ReadVariable(9) : base.ReadVInt64();

        /// <summary>
        /// Lucene's variable-length integer of at most <paramref name="maxBytes"/> bytes: seven bits a byte, the high
        /// bit says more follow. A 32-bit value keeps its low 32 bits, as Lucene's own reading does.
        /// </summary>
        private long ReadVariable(int maxBytes)
        {
            long value = 0;
            for (var i = 0; i < maxBytes; i++)
            {
                var b = bytes[_position++];
                if (maxBytes == 5 && i == 4 && (b & 0xF0) != 0)
                {
                    // A 32-bit value has only four bits left for its fifth byte.
                    break;
                }
                value |= (long)(b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0)
                {
                    return value;
                }
            }
            throw new IOException($"Invalid variable-length integer in {this}.");
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > _end - _position)
            {
                throw new EndOfStreamException($"Read past the end of {this}.");
            }
            var span = bytes.AsSpan(_position, count);
            _position += count;
            return span;
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
