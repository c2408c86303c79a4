namespace Vertrieb40.Rules.Reading;

/// <summary>Readers that need two passes (encoding detection) or a zip's end: a stream that cannot seek is buffered first.</summary>
internal static class SeekableStream
{
    /// <summary><paramref name="stream"/> itself when it can seek, else a copy of the rest of it in memory.</summary>
    public static Stream Of(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek) return stream;
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}
