using Vertrieb40.Rules.IO;
using System.Text;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Privacy;
using Vertrieb40.Rules.Reading.Json;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Reading.HrExport;

/// <summary>
/// Reads flat HR exports (CSV) into the <see cref="Organization"/> model: one row per person; departments
/// (and divisions) become units, job titles become roles, managers are resolved by id or by name. The
/// practices HR systems do not export come from a JSON side file merged with the export. Streaming: one
/// row is held at a time while reading. Never throws on bad input: every problem is a diagnostic with
/// file, row line and column (the field's 1-based index), and a pointer such as <c>/rows/17/managerId</c>.
/// </summary>
public static class HrExportReader
{
    /// <summary>True for paths this reader handles (<c>.csv</c>, <c>.tsv</c>).</summary>
    public static bool IsHrExport(string path)
        => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads an export file, its column mapping and practices side file (from <see cref="ReaderOptions.HrExport"/>).</summary>
    public static LoadResult ReadFile(string path, ReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ReaderOptions.Default;
        try
        {
            var problem = FileGuard.Problem(path, options.MaxFileBytes, "ReaderOptions.MaxFileBytes");
            if (problem == FileGuard.EmptyOrSpecial) // as an empty export, at line 1, column 1
                return new LoadResult(path, null, new[] { Diagnostic.Create(InputDescriptors.UnusableCsvHeader, new Location(path, "", new LineSpan(1, 1, 1, 1)), "the file " + problem[3..]) });
            if (problem != null)
                return Fail(path, problem.StartsWith("the file has ", StringComparison.Ordinal) ? InputDescriptors.LimitExceeded : InputDescriptors.FileUnreadable, problem);
            ColumnMapping? mapping = null;
            if (options.HrExport.MappingFile is { } mappingFile)
            {
                mapping = ColumnMapping.ReadFile(mappingFile, out var problems);
                if (mapping is null) return new LoadResult(path, null, problems);
            }
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return Read(stream, path, options, mapping);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return Fail(path, InputDescriptors.FileUnreadable, ex.Message.TrimEnd('.'));
        }
    }

    /// <summary>
    /// Reads an export from a stream: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 (used when
    /// the bytes are not valid UTF-8). A stream that cannot seek is buffered first (detection needs two passes).
    /// </summary>
    public static LoadResult Read(Stream stream, string? filePath, ReaderOptions? options = null, ColumnMapping? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= ReaderOptions.Default;
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        var encoding = DetectEncoding(stream, mapping?.Encoding, out var problem);
        if (encoding is null) return Fail(filePath, InputDescriptors.InvalidCsv, problem!);
        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        return Read(text, filePath, options, mapping);
    }

    /// <summary>Reads an export from text (tests, tools).</summary>
    public static LoadResult Read(TextReader text, string? filePath, ReaderOptions? options = null, ColumnMapping? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= ReaderOptions.Default;
        var privacy = options.Privacy ?? PrivacyOptions.None;
        var errors = new InputErrors(options, filePath);
        var extra = new List<Diagnostic>();
        Organization? org = null;
        try
        {
            org = new HrExportImporter(text, filePath, mapping, errors, privacy).Import();
            if (org != null)
            {
                MergePractices(org, filePath, options, errors, extra);
                PersonPrivacy.Apply(org, privacy);
                new OrganizationLinker(org, errors).Link();
            }
        }
        catch (InputLimitException)
        {
            org = null;
        }
        var diagnostics = errors.Items.Concat(extra).ToList();
        diagnostics.Sort(DiagnosticComparer.Instance);
        return new LoadResult(filePath, org, diagnostics);
    }

    /// <summary>Reads an export held in a string (tests, tools).</summary>
    public static LoadResult ReadString(string csv, string? filePath = null, ReaderOptions? options = null, ColumnMapping? mapping = null)
        => Read(new StringReader(csv ?? throw new ArgumentNullException(nameof(csv))), filePath, options, mapping);

    private static void MergePractices(Organization org, string? exportPath, ReaderOptions options, InputErrors errors, List<Diagnostic> extra)
    {
        var hr = options.HrExport;
        var side = hr.PracticesFile;
        if (side is null && hr.FindPracticesFile && exportPath != null)
        {
            var sibling = HrExportOptions.SiblingPracticesFile(exportPath);
            if (File.Exists(sibling)) side = sibling;
        }
        if (side is null) return;
        if (FileGuard.Problem(side, options.MaxFileBytes, "ReaderOptions.MaxFileBytes") is { } problem)
        {
            // Only regular files are opened: a pipe or device here must not block or exhaust the batch.
            errors.Add(InputDescriptors.PracticesMergeFailed, new Location(side, "", LineSpan.None), side, problem);
            return;
        }
        var sideErrors = new InputErrors(options, side);
        Organization? practices = null;
        try
        {
            using var stream = new FileStream(side, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var reader = new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true);
            practices = new JsonOrganizationParser(reader, side, options, sideErrors).Parse();
        }
        catch (InputLimitException) { }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(InputDescriptors.PracticesMergeFailed, new Location(side, "", LineSpan.None), side, ex.Message.TrimEnd('.'));
        }
        extra.AddRange(sideErrors.Items);
        if (practices is null) return;

        if (!string.IsNullOrWhiteSpace(practices.Name)) org.Name = practices.Name;
        var shared = new EntityOrigin(side);
        void Merge<T>(List<T> into, List<T> from) where T : Entity
        {
            foreach (var e in from)
            {
                // Entities appended after the export's own get a fixed pointer into the side file.
                e.Origin = into.Count == e.Index ? shared : new EntityOrigin(side, null, e.Pointer);
                e.Index = into.Count;
                into.Add(e);
            }
        }
        Merge(org.Units, practices.Units);
        Merge(org.Roles, practices.Roles);
        Merge(org.People, practices.People);
        Merge(org.Offerings, practices.Offerings);
        Merge(org.IncentivePlans, practices.IncentivePlans);
        Merge(org.Targets, practices.Targets);
        Merge(org.Forecasts, practices.Forecasts);
        Merge(org.Meetings, practices.Meetings);
        Merge(org.ApprovalPolicies, practices.ApprovalPolicies);
        Merge(org.Handoffs, practices.Handoffs);
        Merge(org.Channels, practices.Channels);
        Merge(org.ToolRollouts, practices.ToolRollouts);
        Merge(org.Processes, practices.Processes);
        Merge(org.RecognitionPrograms, practices.RecognitionPrograms);
        Merge(org.CultureStatements, practices.CultureStatements);
        Merge(org.DecisionRights, practices.DecisionRights);
        org.Suppressions.AddRange(practices.Suppressions);
        org.DescribedCollections.UnionWith(practices.DescribedCollections);
    }

    private static Encoding? DetectEncoding(Stream stream, string? declared, out string? problem)
    {
        problem = null;
        var start = stream.Position;
        Span<byte> bom = stackalloc byte[3];
        var n = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        stream.Position = start;
        if (n >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF) { stream.Position = start + 3; return new UTF8Encoding(false, true); }
        if (n >= 2 && bom[0] == 0xFF && bom[1] == 0xFE) { stream.Position = start + 2; return new UnicodeEncoding(false, false, true); }
        if (n >= 2 && bom[0] == 0xFE && bom[1] == 0xFF) { stream.Position = start + 2; return new UnicodeEncoding(true, false, true); }
        if (declared == "windows-1252") return Windows1252Encoding.Instance;

        // No BOM: valid UTF-8 is UTF-8; anything else is taken as Windows-1252 (what Excel writes on
        // German Windows). A first pass over the bytes decides, then the stream is read from the start.
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[(1 << 16) + 4];
        long offset = 0;
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                offset += read;
            }
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            stream.Position = start;
            return new UTF8Encoding(false, true);
        }
        catch (DecoderFallbackException)
        {
            stream.Position = start;
            if (declared == "utf-8")
            {
                problem = $"the file is not valid UTF-8 near byte {offset:N0}, but the column mapping says \"encoding\": \"utf-8\" (remove it to read Windows-1252)";
                return null;
            }
            return Windows1252Encoding.Instance;
        }
    }

    private static LoadResult Fail(string? path, DiagnosticDescriptor descriptor, string reason)
        => new(path, null, new[] { Diagnostic.Create(descriptor, new Location(path, "", LineSpan.None), reason) });
}
