using System.Text.RegularExpressions;

namespace Vertrieb40.Rules.Tests.Import;

/// <summary>One labelled row of Import/Corpus/function-corpus.tsv (see the README beside it).</summary>
public sealed record FunctionCorpusEntry(int Line, string Text, string Kind, string Lang, string Function, string Source, string Licence);

/// <summary>Reads the function-inference corpus copied to the test output folder.</summary>
public static class FunctionCorpus
{
    public const string Header = "text\tkind\tlang\tfunction\tsource\tlicence";

    public static readonly IReadOnlySet<string> Functions = new HashSet<string>(StringComparer.Ordinal)
    {
        "marketing", "sales", "support", "product", "engineering", "production", "finance", "people",
        "management", "operations", "crossFunctional", "other", "unknown",
    };

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Import", "Corpus", "function-corpus.tsv");

    public static string[] Lines() => File.ReadAllLines(FilePath);

    /// <summary>Every data row, split on tabs only: leading/trailing spaces in a text are part of the case.</summary>
    public static IReadOnlyList<FunctionCorpusEntry> Load()
        => Lines().Skip(1).Select((line, i) => (line, no: i + 2)).Where(x => x.line.Length > 0)
            .Select(x =>
            {
                var c = x.line.Split('\t');
                if (c.Length != 6) throw new InvalidDataException($"function-corpus.tsv line {x.no}: {c.Length} columns, expected 6");
                return new FunctionCorpusEntry(x.no, c[0], c[1], c[2], c[3], c[4], c[5]);
            }).ToList();
}

public class FunctionCorpusFileTests
{
    [Fact]
    public void Header_names_the_six_columns()
        => Assert.Equal(FunctionCorpus.Header, FunctionCorpus.Lines()[0]);

    [Fact]
    public void Every_line_has_six_tab_separated_columns()
    {
        var bad = FunctionCorpus.Lines().Select((l, i) => (l, no: i + 1)).Where(x => x.l.Split('\t').Length != 6).Select(x => x.no).ToList();
        Assert.True(bad.Count == 0, "lines without 6 columns: " + string.Join(", ", bad));
    }

    [Fact]
    public void Kind_lang_and_function_take_only_allowed_values()
    {
        foreach (var e in FunctionCorpus.Load())
        {
            Assert.True(e.Kind is "department" or "title", $"line {e.Line}: kind '{e.Kind}'");
            Assert.True(e.Lang is "en" or "de", $"line {e.Line}: lang '{e.Lang}'");
            Assert.True(FunctionCorpus.Functions.Contains(e.Function), $"line {e.Line}: function '{e.Function}'");
        }
    }

    [Fact]
    public void Corpus_is_large_enough_and_at_least_100_rows_are_German()
    {
        var entries = FunctionCorpus.Load();
        Assert.True(entries.Count >= 350, $"{entries.Count} rows, expected at least 350");
        var german = entries.Count(e => e.Lang == "de");
        Assert.True(german >= 100, $"{german} German rows, expected at least 100");
    }

    [Fact]
    public void Texts_are_unique_ignoring_case_and_spacing()
    {
        var duplicates = FunctionCorpus.Load()
            .GroupBy(e => Regex.Replace(e.Text.Trim(), @"\s+", " ").ToUpperInvariant())
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g.Select(e => $"line {e.Line} '{e.Text}'")))
            .ToList();
        Assert.True(duplicates.Count == 0, "duplicate texts: " + string.Join("; ", duplicates));
        Assert.DoesNotContain(FunctionCorpus.Load(), e => e.Text.Trim().Length == 0);
    }

    [Fact]
    public void Every_row_names_its_source_and_licence()
    {
        foreach (var e in FunctionCorpus.Load())
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Source), $"line {e.Line}: no source");
            Assert.False(string.IsNullOrWhiteSpace(e.Licence), $"line {e.Line}: no licence");
        }
    }

    // Ordinary words (and variants of them written for this corpus) carry no third-party source:
    // they must stay a minority, so the corpus mostly tests names that real sources use.
    [Fact]
    public void Common_vocabulary_is_less_than_a_third()
    {
        var entries = FunctionCorpus.Load();
        var common = entries.Count(e => e.Source.StartsWith("common vocabulary", StringComparison.Ordinal));
        Assert.True(common * 3 < entries.Count, $"{common} of {entries.Count} rows are common vocabulary");
    }

    [Fact]
    public void Readme_travels_with_the_corpus()
        => Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Import", "Corpus", "README.md")));
}
