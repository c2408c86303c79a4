using Vertrieb40.Rules.IO;
using System.Text;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading.HrExport;
using Vertrieb40.Rules.Reading.Json;

namespace Vertrieb40.Rules.Reading;

/// <summary>
/// Reads organisation documents (JSON or YAML) into the model, with a position for every entity and every input
/// error collected (not only the first). Streaming: the document is never held as a DOM.
/// </summary>
public static class OrganizationReader
{
    /// <summary>
    /// Reads a file: a JSON organisation document, a YAML one (<c>.yaml</c>/<c>.yml</c>, the same schema), or an HR export
    /// (<c>.csv</c>/<c>.tsv</c>, or a workbook <c>.xlsx</c>/<c>.xlsm</c>; options in <see cref="ReaderOptions.HrExport"/>).
    /// A missing or unreadable file is a diagnostic (VT0011), never an exception.
    /// </summary>
    public static LoadResult ReadFile(string path, ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ReaderOptions.Default;
        if (HrExportReader.IsHrExport(path)) return HrExportReader.ReadFile(path, options);
        if (Workbook.XlsxExportReader.IsWorkbook(path)) return Workbook.XlsxExportReader.ReadFile(path, options);
        try
        {
            if (CheckFile(path, options) is { } failure) return failure;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return Read(stream, path, options);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return Unreadable(path, ex);
        }
    }

    /// <summary>
    /// The checks before a JSON or YAML file is opened: only regular files (a pipe would block, a device never ends),
    /// the size limit first. Null when the file may be read; else the result that says why not.
    /// </summary>
    internal static LoadResult? CheckFile(string path, ReaderOptions options)
    {
        var problem = FileGuard.Problem(path, options.MaxFileBytes, "ReaderOptions.MaxFileBytes");
        if (problem == FileGuard.EmptyOrSpecial) // as an empty document, at line 1, column 1
            return new LoadResult(path, null, new[] { Diagnostic.Create(InputDescriptors.InvalidJson, new Location(path, "", new LineSpan(1, 1, 1, 1)), "the file " + problem[3..]) });
        if (problem != null)
            return Fail(path, problem.StartsWith("the file has ", StringComparison.Ordinal) ? InputDescriptors.LimitExceeded : InputDescriptors.FileUnreadable, problem);
        return null;
    }

    /// <summary>The result for a file that could not be opened or read (VT0011).</summary>
    internal static LoadResult Unreadable(string path, Exception ex) => Fail(path, InputDescriptors.FileUnreadable, ex.Message.TrimEnd('.'));

    /// <summary>True for the files an HR export reader reads (<c>.csv</c>, <c>.tsv</c>, <c>.xlsx</c>, <c>.xlsm</c>), not a JSON or YAML document.</summary>
    internal static bool IsExport(string path) => HrExportReader.IsHrExport(path) || Workbook.XlsxExportReader.IsWorkbook(path);

    /// <summary>True for the names of YAML documents (<c>.yaml</c>, <c>.yml</c>).</summary>
    public static bool IsYaml(string? path)
        => path != null && (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Reads a document from a stream (UTF-8, with or without BOM; invalid UTF-8 is an error). The name decides the
    /// format as in <see cref="ReadFile"/>: <c>.yaml</c>/<c>.yml</c> reads YAML, <c>.csv</c>/<c>.tsv</c> an HR export,
    /// <c>.xlsx</c>/<c>.xlsm</c> a workbook export (their side files from <see cref="ReaderOptions.HrExport"/>), anything else JSON.
    /// </summary>
    public static LoadResult Read(Stream stream, string? filePath, ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (filePath != null && HrExportReader.IsHrExport(filePath)) return HrExportReader.ReadStream(stream, filePath, options, HrExportReader.Read);
        if (filePath != null && Workbook.XlsxExportReader.IsWorkbook(filePath)) return HrExportReader.ReadStream(stream, filePath, options, Workbook.XlsxExportReader.Read);
        // Strict UTF-8: invalid bytes are an input error (VT0001 with line and column), not silently replaced characters.
        var invalid = new CountingUtf8Fallback();
        var encoding = (Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).Clone();
        encoding.DecoderFallback = invalid;
        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        return Read(text, filePath, options, invalid);
    }

    /// <summary>Reads a document from text (YAML when <paramref name="filePath"/> ends in <c>.yaml</c>/<c>.yml</c>, else JSON).</summary>
    public static LoadResult Read(TextReader text, string? filePath, ReaderOptions? options = null)
        => Read(text, filePath, options, null);

    private static LoadResult Read(TextReader text, string? filePath, ReaderOptions? options, CountingUtf8Fallback? invalidUtf8)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(errors => IsYaml(filePath) ? Yaml.YamlDocumentReader.Parser(text, filePath, options ?? ReaderOptions.Default, errors, invalidUtf8)
            : new JsonOrganizationParser(text, filePath, options ?? ReaderOptions.Default, errors, invalidUtf8), filePath, options);
    }

    /// <summary>Parses with the parser given (JSON text, YAML or workbook tokens), then privacy and linking; every diagnostic sorted.</summary>
    internal static LoadResult Read(Func<InputErrors, JsonOrganizationParser> parser, string? filePath, ReaderOptions? options, Func<string, string?>? sheetOf = null)
    {
        options ??= ReaderOptions.Default;
        var errors = new InputErrors(options, filePath) { SheetOf = sheetOf };
        Organization? org = null;
        try
        {
            org = parser(errors).Parse();
            if (org != null)
            {
                // Privacy is a model transformation before linking, so every later message already shows pseudonyms.
                if (options.Privacy != null) Privacy.PersonPrivacy.Apply(org, options.Privacy);
                new OrganizationLinker(org, errors).Link();
            }
        }
        catch (InputLimitException)
        {
            org = null;
        }
        var diagnostics = errors.Items.ToList();
        diagnostics.Sort(DiagnosticComparer.Instance);
        return new LoadResult(filePath, org, diagnostics);
    }

    /// <summary>Reads a document held in a string (tests, tools); YAML when <paramref name="filePath"/> names a YAML file.</summary>
    public static LoadResult ReadString(string json, string? filePath = null, ReaderOptions? options = null)
        => Read(new StringReader(json ?? throw new ArgumentNullException(nameof(json))), filePath, options);

    private static LoadResult Fail(string path, DiagnosticDescriptor descriptor, string reason)
        => new(path, null, new[] { Diagnostic.Create(descriptor, new Location(path, "", LineSpan.None), reason) });
}
