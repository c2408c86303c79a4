namespace Vertrieb40.Rules.Reporting;

/// <summary>
/// Turns a logo file into a data URI for the HTML report (<c>--logo FILE</c>): only PNG, JPEG, GIF or WebP,
/// recognised by their first bytes (not by the file name), at most <see cref="MaxBytes"/>; anything else is refused
/// with a reason. The page shows it through an <c>img</c> element, so nothing in it can run.
/// </summary>
internal static class ReportLogo
{
    /// <summary>The largest logo accepted (256 KiB): a report stays small enough to e-mail.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The data URI of the logo, or an exception whose message says what is wrong.</summary>
    /// <exception cref="InvalidDataException">The file is too large or not a PNG, JPEG, GIF or WebP image.</exception>
    public static string ToDataUri(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > MaxBytes)
            throw new InvalidDataException($"the logo has {bytes.Length} bytes; at most {MaxBytes} are accepted.");
        var type = MediaType(bytes)
            ?? throw new InvalidDataException("the logo is not a PNG, JPEG, GIF or WebP image.");
        return "data:" + type + ";base64," + Convert.ToBase64String(bytes);
    }

    /// <summary>The media type from the file's signature, or null.</summary>
    internal static string? MediaType(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (b.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return "image/jpeg";
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)) return "image/gif";
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }
}
