using System.Security.Cryptography;
using System.Text;
using Vertrieb40.Rules.IO;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Fixes;

/// <summary>
/// A document file as fix read it, once: whether it began with a UTF-8 byte-order mark (written back as read), and
/// its length and hash, to tell an edit made while fix ran. Line endings need nothing here: the text keeps its own,
/// and fixes insert the document's (<see cref="OrganizationDocument"/>). Keeping the bytes would cost as much memory as the file.
/// </summary>
internal sealed class SourceFile
{
    private SourceFile(string path, bool byteOrderMark, long length, byte[] hash)
    {
        Path = path;
        ByteOrderMark = byteOrderMark;
        Length = length;
        Hash = hash;
    }

    /// <summary>The file as named by the caller.</summary>
    public string Path { get; }
    /// <summary>True when the file began with a UTF-8 byte-order mark.</summary>
    public bool ByteOrderMark { get; }
    /// <summary>The number of bytes read.</summary>
    public long Length { get; }
    /// <summary>The SHA-256 of the bytes read.</summary>
    public byte[] Hash { get; }

    /// <summary>Opens a file for reading; tests pass a counting one.</summary>
    internal static Stream OpenRead(string path)
        => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads the file once. Returns the text (without the mark) and the file, or null and <paramref name="load"/> with
    /// the reader's diagnostics: the same checks and messages as <see cref="OrganizationReader.ReadFile"/> (size limit,
    /// special files, invalid UTF-8 with its line and column — those bytes are parsed by the reader, not read again).
    /// </summary>
    internal static string? Read(string path, ReaderOptions options, Func<string, Stream> open, out SourceFile? file, out LoadResult? load)
    {
        file = null;
        load = null;
        byte[] bytes;
        try
        {
            if (OrganizationReader.CheckFile(path, options) is { } failure)
            {
                load = failure;
                return null;
            }
            using var stream = open(path);
            bytes = ReadAll(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            load = OrganizationReader.Unreadable(path, ex);
            return null;
        }
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        file = new SourceFile(path, bom, bytes.LongLength, SHA256.HashData(bytes));
        try
        {
            return Strict.GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
        }
        catch (DecoderFallbackException)
        {
            // Invalid UTF-8: the reader locates each bad byte (VT0001 with line and column) from the same bytes.
            using var memory = new MemoryStream(bytes, writable: false);
            load = OrganizationReader.Read(memory, path, options);
            return null;
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        if (stream.CanSeek)
        {
            // One buffer of the file's size; a file that grew meanwhile is read to its end below.
            var buffer = new byte[stream.Length - stream.Position];
            var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (n < buffer.Length) return buffer[..n];
            var next = stream.ReadByte();
            if (next < 0) return buffer;
            using var rest = new MemoryStream();
            rest.Write(buffer);
            rest.WriteByte((byte)next);
            stream.CopyTo(rest);
            return rest.ToArray();
        }
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The message of the <see cref="IOException"/> for a file edited while fix ran.</summary>
    internal const string ChangedMeanwhile = "the file changed while fix ran; run fix again on the new content";

    /// <summary>Throws when <paramref name="path"/> no longer holds the bytes read (someone edited it meanwhile).</summary>
    internal void EnsureUnchanged(string path, Func<string, Stream> open)
    {
        var info = new FileInfo(path);
        bool same;
        if (!info.Exists || info.Length != Length) same = false;
        else
        {
            using var stream = open(path);
            same = SHA256.HashData(stream).AsSpan().SequenceEqual(Hash);
        }
        if (!same) throw new IOException(ChangedMeanwhile);
    }

    /// <summary>Writes <paramref name="text"/> atomically, with the mark when the source had one.</summary>
    internal void Write(string target, string text, Action<string>? beforeReplace)
        => AtomicFile.WriteText(target, w =>
            {
                if (ByteOrderMark) w.Write('\uFEFF');
                w.Write(text);
            }, beforeReplace);
}
