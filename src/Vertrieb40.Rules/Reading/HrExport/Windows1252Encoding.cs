using System.Text;

namespace Vertrieb40.Rules.Reading.HrExport;

/// <summary>
/// Windows-1252 (the "ANSI" code page of German and Western European Excel). Written out here instead of
/// pulling in System.Text.Encoding.CodePages: it is Latin-1 except for 32 code points in 0x80–0x9F.
/// The five bytes 1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control with the
/// same number, as Windows itself does, so decoding never fails and never loses a byte.
/// </summary>
internal sealed class Windows1252Encoding : Encoding
{
    private static readonly char[] High =
    {
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    };

    private static readonly Dictionary<char, byte> Reverse = BuildReverse();

    /// <summary>The shared instance.</summary>
    public static Windows1252Encoding Instance { get; } = new();

    /// <inheritdoc />
    public override string WebName => "windows-1252";

    /// <inheritdoc />
    public override string EncodingName => "Western European (Windows)";

    /// <inheritdoc />
    public override int CodePage => 1252;

    /// <summary>The character a byte stands for.</summary>
    public static char Decode(byte b) => b is >= 0x80 and <= 0x9F ? High[b - 0x80] : (char)b;

    /// <inheritdoc />
    public override int GetByteCount(char[] chars, int index, int count) => count;

    /// <inheritdoc />
    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex)
    {
        for (var i = 0; i < charCount; i++)
        {
            var c = chars[charIndex + i];
            bytes[byteIndex + i] = c < 0x80 || (c >= 0xA0 && c <= 0xFF) ? (byte)c : Reverse.TryGetValue(c, out var b) ? b : (byte)'?';
        }
        return charCount;
    }

    /// <inheritdoc />
    public override int GetCharCount(byte[] bytes, int index, int count) => count;

    /// <inheritdoc />
    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
    {
        for (var i = 0; i < byteCount; i++) chars[charIndex + i] = Decode(bytes[byteIndex + i]);
        return byteCount;
    }

    /// <inheritdoc />
    public override int GetMaxByteCount(int charCount) => charCount;

    /// <inheritdoc />
    public override int GetMaxCharCount(int byteCount) => byteCount;

    private static Dictionary<char, byte> BuildReverse()
    {
        var map = new Dictionary<char, byte>();
        for (var i = 0; i < High.Length; i++) map[High[i]] = (byte)(0x80 + i);
        return map;
    }
}
