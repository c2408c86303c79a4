using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Fixes.Providers;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Fixes;

/// <summary>A fix that was applied.</summary>
/// <param name="Diagnostic">The diagnostic it fixed.</param>
/// <param name="Title">What it did.</param>
/// <param name="EquivalenceKey">The kind of fix.</param>
public sealed record AppliedFix(Diagnostic Diagnostic, string Title, string EquivalenceKey)
{
    /// <summary>The title in German, where written (the CLI's <c>--culture de</c>).</summary>
    internal string? GermanTitle { get; init; }
}

/// <summary>What fixing a document produced.</summary>
public sealed class FixResult
{
    internal FixResult(OrganizationDocument original, OrganizationDocument fixedDocument, IReadOnlyList<AppliedFix> applied, IReadOnlyList<Diagnostic> inputDiagnostics)
    {
        Original = original;
        Fixed = fixedDocument;
        Applied = applied;
        InputDiagnostics = inputDiagnostics;
    }

    /// <summary>The document's text as given.</summary>
    public string OriginalText => Original.Text;
    /// <summary>The document's text with every applied fix (equal to <see cref="OriginalText"/> when nothing changed).</summary>
    public string FixedText => Fixed.Text;
    /// <summary>The document as given.</summary>
    internal OrganizationDocument Original { get; }
    /// <summary>The document with every applied fix.</summary>
    internal OrganizationDocument Fixed { get; }
    /// <summary>The fixes applied, in order.</summary>
    public IReadOnlyList<AppliedFix> Applied { get; }
    /// <summary>Input errors that stopped fixing (the document must be readable first).</summary>
    public IReadOnlyList<Diagnostic> InputDiagnostics { get; }
    /// <summary>True when the document could not be read: nothing was fixed.</summary>
    public bool InputFailed => InputDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
    /// <summary>True when the text changed.</summary>
    public bool Changed => !string.Equals(Original.Text, Fixed.Text, StringComparison.Ordinal);

    /// <summary>The file the document was read from (<see cref="OrganizationFixer.FixFile"/>); null for a text.</summary>
    internal SourceFile? Source { get; init; }

    /// <summary>
    /// Writes the fixed document to another file, atomically, as the input was written: UTF-8 with the byte-order mark
    /// when the input had one, and the input's line endings. The input itself is never written here (that is
    /// <see cref="ReplaceInput"/>, which the caller asks for by name).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> names the input document.</exception>
    /// <exception cref="IOException">The file could not be written; nothing was replaced.</exception>
    public void WriteTo(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Source != null && IO.FileGuard.SameFile(path, Source.Path))
            throw new ArgumentException("The path names the input document; use ReplaceInput to replace it.", nameof(path));
        if (Source != null) Source.Write(path, Fixed.Text, null);
        else IO.AtomicFile.WriteText(path, w => w.Write(Fixed.Text));
    }

    /// <summary>
    /// Replaces the input file (<see cref="OrganizationFixer.FixFile"/>) with the fixed document, atomically and as it
    /// was written (byte-order mark, line endings), and only while the file still holds what was read: an edit made
    /// meanwhile is kept and <see cref="IOException"/> is thrown. A link is followed (its target is replaced, the link stays).
    /// </summary>
    /// <exception cref="InvalidOperationException">The result was made from a text, not a file.</exception>
    /// <exception cref="IOException">The file changed since it was read, or could not be written; nothing was replaced.</exception>
    public void ReplaceInput() => ReplaceInputCheckedBy(SourceFile.OpenRead);

    /// <summary>As <see cref="ReplaceInput()"/>; <paramref name="open"/> opens the file for the check (tests count it).</summary>
    internal void ReplaceInputCheckedBy(Func<string, Stream> open)
    {
        var source = Source ?? throw new InvalidOperationException("Only a result of OrganizationFixer.FixFile has an input file to replace.");
        source.Write(source.Path, Fixed.Text, path => source.EnsureUnchanged(path, open));
    }
}

/// <summary>
/// Fix All for one document: analyses it, asks the providers for a fix for every active (not suppressed)
/// finding, applies them one after another, and checks that the result still reads without errors.
/// </summary>
public static class OrganizationFixer
{
    /// <summary>The built-in providers (VT1002, VT1009, VT1010, VT2005, VT3001, VT3007).</summary>
    internal static IReadOnlyList<CodeFixProvider> BuiltInProviders { get; } = new CodeFixProvider[]
    {
        new SingleHolderRoleFixProvider(), new IndividualTargetFixProvider(), new ControlMeetingFixProvider(),
        new SiloHandoffFixProvider(), new IncentivePayFixProvider(), new SignatureRuleFixProvider(),
    };

    // From this size on (characters, about 16 MB) a full collection before the check read pays for itself.
    private const int LargeDocument = 16 << 20;

    /// <summary>Fixes a document's text.</summary>
    /// <param name="text">The document.</param>
    /// <param name="filePath">Its file (for locations and configuration discovery).</param>
    /// <param name="analyzer">The analyzer; <see cref="OrganizationAnalyzer.Default"/> when null.</param>
    /// <param name="options">Analysis options (configuration, suppressions, rule options).</param>
    /// <param name="ruleIds">Only fix these rule ids; all fixable ones when null or empty.</param>
    public static FixResult Fix(string text, string? filePath = null, OrganizationAnalyzer? analyzer = null, AnalysisOptions? options = null,
        IReadOnlyCollection<string>? ruleIds = null)
        => Fix(text, filePath, analyzer, options, ruleIds, providers: null);

    /// <summary>
    /// Fixes a document file (JSON or YAML), reading it once: the text for the analysis and the fixes, whether it
    /// began with a byte-order mark, and a hash of its bytes for <see cref="FixResult.ReplaceInput"/>. Nothing is written:
    /// <see cref="FixResult.WriteTo"/> or <see cref="FixResult.ReplaceInput"/> do that, keeping the file's encoding
    /// and line endings. A file that cannot be read gives <see cref="FixResult.InputFailed"/> with its diagnostics, as
    /// <see cref="OrganizationReader.ReadFile"/> does.
    /// </summary>
    /// <param name="path">The document.</param>
    /// <param name="analyzer">The analyzer; <see cref="OrganizationAnalyzer.Default"/> when null.</param>
    /// <param name="options">Analysis options (configuration, suppressions, rule options, reader options).</param>
    /// <param name="ruleIds">Only fix these rule ids; all fixable ones when null or empty.</param>
    /// <exception cref="NotSupportedException">The file is an HR export (<c>.csv</c>, <c>.tsv</c>, <c>.xlsx</c>, <c>.xlsm</c>): fix edits JSON and YAML documents only.</exception>
    public static FixResult FixFile(string path, OrganizationAnalyzer? analyzer = null, AnalysisOptions? options = null, IReadOnlyCollection<string>? ruleIds = null)
        => FixFileReadBy(path, analyzer, options, ruleIds, SourceFile.OpenRead);

    /// <summary>As the public overload; <paramref name="open"/> opens the file (tests count the reads).</summary>
    internal static FixResult FixFileReadBy(string path, OrganizationAnalyzer? analyzer, AnalysisOptions? options, IReadOnlyCollection<string>? ruleIds, Func<string, Stream> open)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OrganizationReader.IsExport(path))
            throw new NotSupportedException(FixesExportMessage);
        options ??= AnalysisOptions.Default;
        var text = SourceFile.Read(path, options.Reader, open, out var source, out var failure);
        if (text is null)
        {
            var none = new OrganizationDocument("", path);
            return new FixResult(none, none, Array.Empty<AppliedFix>(), failure!.Diagnostics) { Source = source };
        }
        LoadResult? load = null; // parsed from the text just read, not from the file again
        var result = Fix(text, path, analyzer, options, ruleIds, null, ref load);
        return new FixResult(result.Original, result.Fixed, result.Applied, result.InputDiagnostics) { Source = source };
    }

    /// <summary>Why an HR export is not fixed (the command line says it as a usage error).</summary>
    internal const string FixesExportMessage = "fix edits JSON and YAML organisation documents; an HR export (.csv, .tsv, .xlsx, .xlsm) is fixed at its source";

    /// <summary>As the public overload, with other fix providers (tests); <see cref="BuiltInProviders"/> when null.</summary>
    internal static FixResult Fix(string text, string? filePath, OrganizationAnalyzer? analyzer, AnalysisOptions? options,
        IReadOnlyCollection<string>? ruleIds, IEnumerable<CodeFixProvider>? providers)
    {
        LoadResult? none = null;
        return Fix(text, filePath, analyzer, options, ruleIds, providers, ref none);
    }

    /// <summary>
    /// As the public overload; <paramref name="loaded"/> is the same text read already (the CLI reads the file first),
    /// so it is not read twice. It is taken by reference and cleared, so that the caller's variable does not keep
    /// the model alive while the fixed text is read for the check (at a million people the model is most of the memory).
    /// <paramref name="select"/> fixes only the findings it accepts (what-if: a fixes file may name the entities to fix).
    /// </summary>
    internal static FixResult Fix(string text, string? filePath, OrganizationAnalyzer? analyzer, AnalysisOptions? options,
        IReadOnlyCollection<string>? ruleIds, IEnumerable<CodeFixProvider>? providers, ref LoadResult? loaded, Func<Diagnostic, bool>? select = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        analyzer ??= OrganizationAnalyzer.Default;
        options ??= AnalysisOptions.Default;
        var original = new OrganizationDocument(text, filePath);
        LoadResult? load = loaded ?? OrganizationReader.ReadString(text, filePath, options.Reader);
        loaded = null;
        if (load.HasErrors || load.Organization is null)
            return new FixResult(original, original, Array.Empty<AppliedFix>(), load.Diagnostics);

        var byId = new Dictionary<string, List<CodeFixProvider>>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in providers ?? BuiltInProviders)
            foreach (var id in p.FixableDiagnosticIds)
            {
                if (!byId.TryGetValue(id, out var l)) byId[id] = l = new List<CodeFixProvider>();
                l.Add(p);
            }
        var selected = ruleIds is { Count: > 0 } ? new HashSet<string>(ruleIds, StringComparer.OrdinalIgnoreCase) : null;

        var inputDiagnostics = load.Diagnostics;
        AnalysisResult? result = analyzer.Analyze(load, options);
        load = null; // the model is not needed any more: let it go before the check below reads the fixed text
        // Edits are recorded against the original text and applied once at the end (applying each one to the
        // whole text and parsing it again was quadratic). A fix that touches text an earlier fix changed is
        // redone on the text as it is by then.
        var document = original.Deferred();
        var applied = new List<AppliedFix>();
        foreach (var d in result.Diagnostics)
        {
            if (d.IsSuppressed || (selected != null && !selected.Contains(d.Id)) || (select != null && !select(d)) || !byId.TryGetValue(d.Id, out var candidates)) continue;
            foreach (var provider in candidates)
            {
                var action = provider.GetFix(d);
                if (action is null) continue;
                OrganizationDocument? next;
                try
                {
                    next = action.Apply(document);
                }
                catch (OrganizationDocument.StaleEditException)
                {
                    // Redone on the text as it is now, as a new deferred run: one parse of that text (recording
                    // on an ordinary document and deferring its result parsed the whole text twice).
                    var current = document.Flattened().Deferred();
                    try
                    {
                        next = action.Apply(current);
                    }
                    catch (OrganizationDocument.StaleEditException)
                    {
                        // The fix's own edits touch each other: apply it to the plain text.
                        var plain = document.Flattened();
                        next = action.Apply(plain)?.Deferred();
                        current = plain.Deferred();
                    }
                    document = current;
                }
                if (next is null || next.SameText(document)) continue;
                document = next;
                applied.Add(new AppliedFix(d, action!.Title, action.EquivalenceKey) { GermanTitle = action.GermanTitle });
                break;
            }
        }

        result = null;
        // The trees and indexes of the fix run are done with; the check below reads the whole text again.
        original.ReleaseTree();
        document.ReleaseTree();
        // A fix must never turn a readable document into an unreadable one.
        if (applied.Count > 0)
        {
            // A large document's model and trees are garbage by now: collect them before the check builds a second
            // model, or the process holds both at its peak (1M people: about 1 GB more).
            if (text.Length >= LargeDocument) GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var check = OrganizationReader.ReadString(document.Text, filePath, options.Reader);
            if (check.HasErrors)
                throw new InvalidOperationException("A fix produced a document with input errors: "
                    + string.Join("; ", check.Diagnostics.Where(x => x.Severity == DiagnosticSeverity.Error).Select(x => x.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }
        return new FixResult(original, document.Flattened(), applied, inputDiagnostics);
    }
}
