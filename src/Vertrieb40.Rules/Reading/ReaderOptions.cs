using Vertrieb40.Rules.Reading.HrExport;

namespace Vertrieb40.Rules.Reading;

/// <summary>Resource limits for reading untrusted documents. The defaults are safe for exports of a million people.</summary>
public sealed class ReaderOptions
{
    private int _maxDepth = 64;
    private long _maxFileBytes = 4L * 1024 * 1024 * 1024;
    private int _maxStringLength = 1024 * 1024;
    private int _maxErrors = 1000;

    /// <summary>The deepest nesting of objects and arrays accepted (default 64; at least 1).</summary>
    public int MaxDepth { get => _maxDepth; set => _maxDepth = Positive(value); }
    /// <summary>
    /// The largest file accepted, in bytes (default 4 GiB; at least 1). Files are checked before reading; for
    /// streams the decoded text is counted as it is read.
    /// </summary>
    public long MaxFileBytes { get => _maxFileBytes; set => _maxFileBytes = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must be at least 1"); }
    /// <summary>
    /// The longest string value accepted, in characters (default 1 MiB; at least 1). It also bounds numbers,
    /// unquoted words, comments and property names. Checked while the text streams in, so a longer token
    /// never reaches memory whole.
    /// </summary>
    public int MaxStringLength { get => _maxStringLength; set => _maxStringLength = Positive(value); }
    /// <summary>The most input errors reported before reading stops, and the most warnings kept (default 1000; at least 1).</summary>
    public int MaxErrors { get => _maxErrors; set => _maxErrors = Positive(value); }

    private static int Positive(int value) => value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "must be at least 1");

    /// <summary>How HR exports (CSV) are read: column mapping and the practices side file.</summary>
    public HrExportOptions HrExport { get; set; } = HrExportOptions.Default;

    /// <summary>Pseudonyms and names; null keeps ids and names as written (see <see cref="Privacy.PrivacyOptions"/>).</summary>
    public Privacy.PrivacyOptions? Privacy { get; set; }

    /// <summary>The defaults.</summary>
    public static ReaderOptions Default { get; } = new();
}
