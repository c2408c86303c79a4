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
internal static class HrExportReader
{
    /// <summary>True for paths this reader handles (<c>.csv</c>, <c>.tsv</c>).</summary>
    public static bool IsHrExport(string path)
        => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads an export file, its column mapping and practices side file (from <see cref="ReaderOptions.HrExport"/>).</summary>
    public static LoadResult ReadFile(string path, ReaderOptions? options = null)
        => ReadFile(path, options, Read);

    // The file checks and the mapping file, shared with the .xlsx export (Reading.Workbook), which reads the stream its own way.
    internal static LoadResult ReadFile(string path, ReaderOptions? options, Func<Stream, string, ReaderOptions, ColumnMapping?, LoadResult> read)
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
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return ReadStream(stream, path, options, read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return Fail(path, InputDescriptors.FileUnreadable, ex.Message.TrimEnd('.'));
        }
    }

    // A stream with the mapping file of the options (OrganizationReader.Read(stream, "x.csv") and ReadFile).
    internal static LoadResult ReadStream(Stream stream, string path, ReaderOptions? options, Func<Stream, string, ReaderOptions, ColumnMapping?, LoadResult> read)
    {
        options ??= ReaderOptions.Default;
        ColumnMapping? mapping = null;
        if (options.HrExport.MappingFile is { } mappingFile)
        {
            mapping = ColumnMapping.ReadFile(mappingFile, out var problems);
            if (mapping is null) return new LoadResult(path, null, problems);
        }
        return read(stream, path, options, mapping);
    }

    /// <summary>
    /// Reads an export from a stream: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252 (used when
    /// the bytes are not valid UTF-8). A stream that cannot seek is buffered first (detection needs two passes).
    /// </summary>
    public static LoadResult Read(Stream stream, string? filePath, ReaderOptions? options = null, ColumnMapping? mapping = null)
    {
        stream = SeekableStream.Of(stream);
        options ??= ReaderOptions.Default;
        var encoding = DetectEncoding(stream, mapping?.Encoding, out var problem, out var problemLine);
        if (encoding is null)
            return new LoadResult(filePath, null, new[] { Diagnostic.Create(InputDescriptors.InvalidCsv, new Location(filePath, "", new LineSpan(problemLine, 1, problemLine, 1)), problem!) });
        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        // Characters to expect (a size hint): UTF-16 has two bytes per character, the others about one.
        var chars = (stream.Length - stream.Position) / (encoding is UnicodeEncoding ? 2 : 1);
        try
        {
            return Read(errors => new HrExportImporter(text, filePath, mapping, errors, (options.Privacy ?? PrivacyOptions.None), options, chars), filePath, options, null);
        }
        catch (DecoderFallbackException ex)
        {
            // UTF-16 with a broken surrogate (UTF-8 and Windows-1252 were checked above): a clear error, not a crash.
            return new LoadResult(filePath, null, new[] { Diagnostic.Create(InputDescriptors.InvalidCsv, new Location(filePath, "", new LineSpan(1, 1, 1, 1)),
                $"the file is not valid {encoding.WebName} at byte {ex.Index}: fix the file or save it as UTF-8") });
        }
    }

    /// <summary>Reads an export from text (tests, tools).</summary>
    public static LoadResult Read(TextReader text, string? filePath, ReaderOptions? options = null, ColumnMapping? mapping = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= ReaderOptions.Default;
        return Read(errors => new HrExportImporter(text, filePath, mapping, errors, (options.Privacy ?? PrivacyOptions.None), options), filePath, options, null);
    }

    /// <summary>Reads an export whose rows come from elsewhere (a worksheet: positions are row and column of <paramref name="sheet"/>).</summary>
    internal static LoadResult Read(IRecordSource rows, string? filePath, ReaderOptions options, ColumnMapping? mapping, string? sheet)
        => Read(errors => new HrExportImporter(rows, filePath, mapping, errors, (options.Privacy ?? PrivacyOptions.None), options), filePath, options, sheet);

    private static LoadResult Read(Func<InputErrors, HrExportImporter> importerFor, string? filePath, ReaderOptions options, string? sheet)
    {
        var privacy = options.Privacy ?? PrivacyOptions.None;
        var errors = new InputErrors(options, filePath) { Sheet = sheet };
        var extra = new List<Diagnostic>();
        Organization? org = null;
        try
        {
            var importer = importerFor(errors);
            org = importer.Import();
            if (org != null)
            {
                var exportUnits = org.Units.Count;
                var exportPeople = org.People.Count; // the side file may append people after them
                var exportRoles = org.Roles.Count;
                var refined = MergePractices(org, filePath, options, errors, extra, exportUnits, exportRoles);
                // Before privacy: attendees are matched by the names and ids as written.
                if (options.HrExport.CalendarFiles.Count > 0)
                    new Calendar.CalendarReader(org, importer.PeopleByEmail, importer.Mapping, options).ReadAll(options.HrExport.CalendarFiles, extra);
                FunctionReport.Add(importer.Functions, refined, filePath, errors);
                // The importer's index of people by id serves the linker too, unless pseudonyms replaced the ids.
                var indexed = privacy.Pseudonymizer is null ? importer.PeopleById : null;
                PersonPrivacy.Apply(org, privacy);
                new OrganizationLinker(org, errors, indexed, indexed is null ? 0 : exportPeople).Link();
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

    // Returns the export's units and roles whose function the side file set.
    private static HashSet<Entity> MergePractices(Organization org, string? exportPath, ReaderOptions options, InputErrors errors, List<Diagnostic> extra,
        int exportUnits, int exportRoles)
    {
        var refined = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
        var hr = options.HrExport;
        var side = hr.PracticesFile;
        if (side is null && hr.FindPracticesFile && exportPath != null)
        {
            var sibling = HrExportOptions.SiblingPracticesFile(exportPath);
            if (File.Exists(sibling)) side = sibling;
        }
        if (side is null) return refined;
        if (FileGuard.Problem(side, options.MaxFileBytes, "ReaderOptions.MaxFileBytes") is { } problem)
        {
            // Only regular files are opened: a pipe or device here must not block or exhaust the batch.
            errors.Add(InputDescriptors.PracticesMergeFailed, new Location(side, "", LineSpan.None), side, problem);
            return refined;
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
        if (practices is null) return refined;

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
        Merge(org.UnitsList, Refine(org.UnitsList, exportUnits, practices.UnitsList, RefineUnit, refined));
        Merge(org.RolesList, Refine(org.RolesList, exportRoles, practices.RolesList, RefineRole, refined));
        Merge(org.PeopleList, practices.PeopleList);
        Merge(org.OfferingsList, practices.OfferingsList);
        Merge(org.IncentivePlansList, practices.IncentivePlansList);
        Merge(org.TargetsList, practices.TargetsList);
        Merge(org.ForecastsList, practices.ForecastsList);
        Merge(org.MeetingsList, practices.MeetingsList);
        Merge(org.ApprovalPoliciesList, practices.ApprovalPoliciesList);
        Merge(org.HandoffsList, practices.HandoffsList);
        Merge(org.ChannelsList, practices.ChannelsList);
        Merge(org.ToolRolloutsList, practices.ToolRolloutsList);
        Merge(org.ProcessesList, practices.ProcessesList);
        Merge(org.RecognitionProgramsList, practices.RecognitionProgramsList);
        Merge(org.CultureStatementsList, practices.CultureStatementsList);
        Merge(org.DecisionRightsList, practices.DecisionRightsList);
        org.SuppressionsList.AddRange(practices.Suppressions);
        org.DescribedCollectionSet.UnionWith(practices.DescribedCollections);
        return refined;
    }

    /// <summary>
    /// A side-file unit or role with the id of one the export created refines it (what HR does not export: kind,
    /// function, customer contact, shared goal, autonomy; a role's function and funnel stage) instead of being a
    /// second entity of the same id. The others are returned to be appended.
    /// </summary>
    private static List<T> Refine<T>(List<T> export, int exportCount, List<T> side, Func<T, T, bool> refine, HashSet<Entity> functionSet) where T : Entity
    {
        if (side.Count == 0) return side;
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        for (var i = 0; i < exportCount; i++) byId.TryAdd(export[i].Id, export[i]);
        var rest = new List<T>();
        foreach (var e in side)
        {
            if (!byId.TryGetValue(e.Id, out var target)) { rest.Add(e); continue; }
            if (refine(target, e)) functionSet.Add(target);
        }
        return rest;
    }

    private static bool RefineUnit(Unit target, Unit from)
    {
        if (from.HasPropertyPosition("kind")) target.Kind = from.Kind;
        if (from.CustomerContact is { } contact) target.CustomerContact = contact;
        if (from.SharedGoal is { } shared) target.SharedGoal = shared;
        if (from.Autonomy is { } autonomy) target.Autonomy = autonomy;
        if (!from.HasPropertyPosition("function")) return false;
        target.Function = from.Function;
        return true;
    }

    private static bool RefineRole(Role target, Role from)
    {
        if (from.HasPropertyPosition("funnelStage")) target.FunnelStage = from.FunnelStage;
        if (!from.HasPropertyPosition("function")) return false;
        target.Function = from.Function;
        target.FunctionInferred = false; // stated in the side file: no longer a guess from the job title
        return true;
    }

    private static Encoding? DetectEncoding(Stream stream, string? declared, out string? problem, out int problemLine)
    {
        problem = null;
        problemLine = 0;
        var start = stream.Position;
        Span<byte> bom = stackalloc byte[3];
        var n = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        stream.Position = start;
        if (n >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
        {
            // A byte-order mark says UTF-8, but the bytes after it must agree: one bad byte is an error that says
            // where (found by fuzzing: the decoder's exception escaped as an internal error).
            stream.Position = start + 3;
            var afterMark = Utf8Scan.Run(stream);
            stream.Position = start + 3;
            if (afterMark.Invalid == 0) return new UTF8Encoding(false, true);
            problem = $"line {afterMark.FirstInvalidLine}: byte 0x{afterMark.FirstInvalidByte:X2} (byte offset {afterMark.FirstInvalidOffset + 3:N0}) is not valid UTF-8, although the file starts with a UTF-8 byte-order mark; fix the byte (read otherwise, names would be garbled)";
            problemLine = afterMark.FirstInvalidLine;
            return null;
        }
        if (n >= 2 && bom[0] == 0xFF && bom[1] == 0xFE) { stream.Position = start + 2; return new UnicodeEncoding(false, false, true); }
        if (n >= 2 && bom[0] == 0xFE && bom[1] == 0xFF) { stream.Position = start + 2; return new UnicodeEncoding(true, false, true); }
        if (declared == "windows-1252") return Windows1252Encoding.Instance;

        // No BOM: the bytes decide. Valid UTF-8 is UTF-8; bytes beyond ASCII none of which form UTF-8 are
        // Windows-1252 (what Excel writes on German Windows). A file with both is not silently switched to either:
        // one bad byte in a UTF-8 export would garble every umlaut, so it is an error that says where.
        var scan = Utf8Scan.Run(stream);
        stream.Position = start;
        if (scan.Invalid == 0) return new UTF8Encoding(false, true);
        if (declared == "utf-8")
        {
            problem = $"line {scan.FirstInvalidLine}: byte 0x{scan.FirstInvalidByte:X2} (byte offset {scan.FirstInvalidOffset:N0}) is not valid UTF-8, but the column mapping says \"encoding\": \"utf-8\" (fix the byte, or remove the setting to read Windows-1252)";
            problemLine = scan.FirstInvalidLine;
            return null;
        }
        if (scan.ValidMultiByte == 0) return Windows1252Encoding.Instance;
        var likely = scan.ValidMultiByte >= scan.Invalid ? "UTF-8 with a broken byte" : "Windows-1252 with text that looks like UTF-8";
        problem = $"line {scan.FirstInvalidLine}: byte 0x{scan.FirstInvalidByte:X2} (byte offset {scan.FirstInvalidOffset:N0}) is not valid UTF-8, yet the file has {scan.ValidMultiByte:N0} valid UTF-8 characters beyond ASCII and {scan.Invalid:N0} bytes that are not; it is most likely {likely}. Read either way some names would be garbled: fix the bytes, or set \"encoding\" in the column mapping (--mapping)";
        problemLine = scan.FirstInvalidLine;
        return null;
    }

    /// <summary>Counts, in one pass over the bytes, valid UTF-8 sequences beyond ASCII and bytes that are not UTF-8.</summary>
    private readonly record struct Utf8Scan(long ValidMultiByte, long Invalid, long FirstInvalidOffset, int FirstInvalidLine, byte FirstInvalidByte)
    {
        public static Utf8Scan Run(Stream stream)
        {
            long valid = 0, invalid = 0, firstOffset = -1, offset = 0;
            int line = 1, firstLine = 0;
            byte firstByte = 0;
            var buffer = new byte[1 << 16];
            var pending = 0;    // continuation bytes still expected
            var seqStart = 0L;
            byte seqLead = 0;
            int read;
            void Bad(long at, byte b)
            {
                invalid++;
                if (firstOffset >= 0) return;
                firstOffset = at;
                firstLine = line;
                firstByte = b;
            }
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                for (var i = 0; i < read; i++, offset++)
                {
                    if (pending == 0)
                    {
                        // Exports are mostly ASCII: skip a run of it at once (vectorised), counting its line ends.
                        var ascii = buffer.AsSpan(i, read - i);
                        var run = ascii.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
                        if (run < 0) run = ascii.Length;
                        if (run > 0)
                        {
                            line += ascii[..run].Count((byte)'\n');
                            i += run;
                            offset += run;
                            if (i == read) break;
                        }
                    }
                    var b = buffer[i];
                    if (pending > 0)
                    {
                        if ((b & 0xC0) == 0x80)
                        {
                            if (--pending == 0) valid++;
                            continue;
                        }
                        Bad(seqStart, seqLead);
                        pending = 0;
                    }
                    if (b < 0x80) { if (b == (byte)'\n') line++; continue; }
                    seqStart = offset;
                    seqLead = b;
                    if (b is >= 0xC2 and <= 0xDF) pending = 1;
                    else if (b is >= 0xE0 and <= 0xEF) pending = 2;
                    else if (b is >= 0xF0 and <= 0xF4) pending = 3;
                    else Bad(offset, b);
                }
            }
            if (pending > 0) Bad(seqStart, seqLead);
            return new Utf8Scan(valid, invalid, firstOffset, firstLine, firstByte);
        }
    }

    private static LoadResult Fail(string? path, DiagnosticDescriptor descriptor, string reason)
        => new(path, null, new[] { Diagnostic.Create(descriptor, new Location(path, "", LineSpan.None), reason) });
}
