namespace Vertrieb40.Rules.Reading;

/// <summary>Resource limits for reading untrusted documents. The defaults are safe for exports of a million people.</summary>
public sealed class ReaderOptions
{
    /// <summary>The deepest nesting of objects and arrays accepted (default 64).</summary>
    public int MaxDepth { get; set; } = 64;
    /// <summary>The largest file accepted, in bytes (default 4 GiB).</summary>
    public long MaxFileBytes { get; set; } = 4L * 1024 * 1024 * 1024;
    /// <summary>The longest string value accepted, in characters (default 1 MiB).</summary>
    public int MaxStringLength { get; set; } = 1024 * 1024;
    /// <summary>The most input errors reported before reading stops (default 1000).</summary>
    public int MaxErrors { get; set; } = 1000;

    /// <summary>How HR exports (CSV) are read: column mapping and the practices side file.</summary>
    public Import.HrExportOptions HrExport { get; set; } = Import.HrExportOptions.Default;

    /// <summary>Pseudonyms and names; null keeps ids and names as written (see <see cref="Privacy.PrivacyOptions"/>).</summary>
    public Privacy.PrivacyOptions? Privacy { get; set; }

    /// <summary>The defaults.</summary>
    public static ReaderOptions Default { get; } = new();
}
