using System.Text;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>
/// Issue 6, "bad input": every row read by the library (diagnostic id, line, column, what was expected) and by
/// the CLI in a batch with a good file (exit code 2, file(line,col) in the output, no stack trace, and the good
/// file still analysed).
/// </summary>
public class BadInputTests
{
    /// <summary>A row: the file content, the diagnostic, where it must point (the first occurrence of <c>At</c>; "" for line 1 column 1, "$end" for the last character), and what its message must say.</summary>
    public sealed record Row(string Name, byte[] Content, string Id, string At, string Says)
    {
        public override string ToString() => Name;

        public (int Line, int Column) Expected
        {
            get
            {
                var text = Encoding.UTF8.GetString(Content);
                var index = At switch { "" => 0, "$end" => text.Length - 1, _ => text.IndexOf(At, StringComparison.Ordinal) };
                Assert.True(index >= 0, $"'{At}' is not in the row's text");
                var line = 1 + text[..index].Count(c => c == '\n');
                var column = index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
                if (index > 0 && text[index - 1] == '\n') column = 1;
                return (line, column);
            }
        }
    }

    private static Row R(string name, string text, string id, string at, string says) => new(name, Encoding.UTF8.GetBytes(text), id, at, says);

    private const string Head = "{ \"schemaVersion\": \"1.0\",\n  ";

    public static TheoryData<Row> Rows() => new()
    {
        R("empty file", "", "VT0001", "", "the file is empty"),
        R("whitespace only", "  \n\n  ", "VT0001", "", "the file is empty"),
        R("not JSON", "schemaVersion = 1.0\nunits = []\n", "VT0001", "", "Unexpected character"),
        R("truncated JSON", Head + "\"units\": [ { \"id\": \"u1\"", "VT0001", "$end", "Unexpected end"),
        R("top-level array", "[\n  { \"schemaVersion\": \"1.0\" }\n]", "VT0002", "[", "'the document' must be an object, but the document has an array"),
        R("top-level string", "\"schemaVersion\"", "VT0002", "$end", "must be an object, but the document has a string"),
        R("wrong type: number for a string", "{\n  \"schemaVersion\": 1.0\n}", "VT0002", "\"schemaVersion\"", "'schemaVersion' must be a string, but the document has a number"),
        R("wrong type: object for an array", Head + "\"units\": { \"id\": \"u1\" }\n}", "VT0002", "\"units\"", "'/units' must be an array, but the document has an object"),
        R("wrong type: string for a bool", Head + "\"units\": [ { \"id\": \"u\", \"sharedGoal\": \"yes\" } ] }", "VT0002", "\"sharedGoal\"", "'sharedGoal' must be true or false"),
        R("null id", Head + "\"units\": [ { \"id\": null } ] }", "VT0002", "\"id\"", "'id' must be a value (it is required), but the document has null"),
        R("null required type", Head + "\"incentivePlans\": [ { \"id\": \"ip\", \"type\": null } ] }", "VT0002", "\"type\"", "'type' must be a value (it is required), but the document has null"),
        R("null schemaVersion", "{ \"schemaVersion\": null }", "VT0002", "\"schemaVersion\"", "'schemaVersion' must be a value (it is required), but the document has null"),
        R("missing id", Head + "\"units\": [ { \"name\": \"Sales\" } ] }", "VT0003", "{ \"name\"", "must have the property 'id'"),
        R("duplicate ids", Head + "\"units\": [\n    { \"id\": \"u1\" },\n    { \"id\": \"u1\" } ] }", "VT0004", "{ \"id\": \"u1\" } ]", "The id 'u1' is used twice in 'units'; the first use is at line 3"),
        R("unresolved reference", Head + "\"people\": [ { \"id\": \"p1\", \"unitId\": \"nowhere\" } ] }", "VT0005", "\"unitId\"", "refers to unit 'nowhere', which does not exist"),
        R("reporting-line cycle", Head + "\"people\": [\n    { \"id\": \"a\", \"managerId\": \"b\" },\n    { \"id\": \"b\", \"managerId\": \"a\" } ] }", "VT0006", "\"managerId\"", "a → b → a"),
        R("self-management", Head + "\"people\": [ { \"id\": \"boss\", \"managerId\": \"boss\" } ] }", "VT0006", "\"managerId\"", "person 'boss' is their own manager"),
        R("unit is its own parent", Head + "\"units\": [ { \"id\": \"u\", \"parentId\": \"u\" } ] }", "VT0006", "\"parentId\"", "unit 'u' is its own parent"),
        R("invalid UTF-8", Head + "\"organization\": { \"name\": \"M\u00FCller \uFFFF\" } }", "VT0001", "\uFFFF", "not valid UTF-8"),
        R("number out of range", Head + "\"processes\": [ { \"id\": \"p\", \"workType\": \"routine\", \"steps\": 1e400 } ] }", "VT0008", "\"steps\"", "'steps' has the value 'Infinity', but expected a whole number from 0 to 100000"),
        R("number too large for an integer", Head + "\"processes\": [ { \"id\": \"p\", \"workType\": \"routine\", \"steps\": 100001 } ] }", "VT0008", "\"steps\"", "'steps' has the value '100001'"),
        R("negative number", Head + "\"approvalPolicies\": [ { \"id\": \"a\", \"subject\": \"discount\", \"thresholds\": [ { \"above\": -1 } ] } ] }", "VT0008", "\"above\"", "'above' has the value '-1', but expected a number from 0"),
        R("NaN", Head + "\"approvalPolicies\": [ { \"id\": \"a\", \"subject\": \"discount\", \"thresholds\": [ { \"above\": NaN } ] } ] }", "VT0008", "\"above\"", "'above' has the value 'NaN'"),
        R("Infinity", Head + "\"approvalPolicies\": [ { \"id\": \"a\", \"subject\": \"discount\", \"thresholds\": [ { \"above\": Infinity } ] } ] }", "VT0008", "\"above\"", "'above' has the value 'Infinity'"),
        R("integer with 500 digits", Head + "\"processes\": [ { \"id\": \"p\", \"workType\": \"routine\", \"steps\": " + new string('9', 500) + " } ] }", "VT0001", "9 } ] }", "is too large to parse"),
        R("unknown schemaVersion", "{\n  \"schemaVersion\": \"2.0\"\n}", "VT0009", "\"schemaVersion\"", "schemaVersion '2.0' is not supported; this version of the tool reads 1.0"),
        R("JavaScript constructor", Head + "\"units\": [ { \"id\": \"u\", \"kind\": new Date(1) } ] }", "VT0001", "(1)", "constructor"),
        R("a collection twice", Head + "\"units\": [ { \"id\": \"a\" } ],\n  \"units\": [ { \"id\": \"b\" } ] }", "VT0008", "\"units\": [ { \"id\": \"b\"", "'units' has the value 'a second 'units'', but expected 'units' once in the document (the first is at line 2)"),
        R("two documents", "{ \"schemaVersion\": \"1.0\" }\n{ \"second\": 1 }", "VT0001", "{ \"second\"", "Additional text"),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Library_reports_the_row_with_position_and_expectation(Row row)
    {
        var bytes = row.Name == "invalid UTF-8" ? InvalidUtf8(row.Content) : row.Content;
        var load = OrganizationReader.Read(new MemoryStream(bytes), "bad.json");
        Assert.True(load.HasErrors);
        var d = load.Diagnostics.FirstOrDefault(x => x.Id == row.Id);
        Assert.True(d != null, $"expected {row.Id}, got: " + string.Join(" | ", load.Diagnostics.Select(x => x.ToString(TestOrg.English))));
        Assert.Equal(DiagnosticSeverity.Error, d!.Severity);
        Assert.Equal("bad.json", d.Location.FilePath);
        Assert.Equal(row.Expected, (d.Location.Span.StartLine, d.Location.Span.StartColumn));
        Assert.Contains(row.Says, d.GetMessage(TestOrg.English));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Cli_exits_2_names_file_line_and_column_and_still_analyses_the_good_file(Row row)
    {
        using var dir = new TempDir();
        var bad = dir.Write("bad.json", row.Name == "invalid UTF-8" ? InvalidUtf8(row.Content) : row.Content);
        var (code, output, error) = Cli.Run("analyze", bad, SeedPaths.Classic, "--culture", "en");
        Assert.Equal(2, code);
        Assert.Contains($"bad.json({row.Expected.Line},{row.Expected.Column}): error {row.Id}: ", output);
        Assert.Contains(row.Says, output);
        Assert.Matches(@"classic-sales-org\.json\(\d+,\d+\): error VT3001: ", output); // the other file of the batch
        Assert.Contains("2 files analysed", output);
        Cli.AssertCleanFailure(output, error);
    }

    // "\uFFFF" in the row text stands for a byte sequence that is not UTF-8 (a lone continuation byte).
    private static byte[] InvalidUtf8(byte[] content)
    {
        var marker = Encoding.UTF8.GetBytes("\uFFFF");
        var list = content.ToList();
        var at = Enumerable.Range(0, list.Count - marker.Length + 1).First(i => list.Skip(i).Take(marker.Length).SequenceEqual(marker));
        list.RemoveRange(at, marker.Length);
        list.InsertRange(at, new byte[] { 0x80, 0xC3, 0x28 });
        return list.ToArray();
    }

    [Fact]
    public void Utf8_bom_is_accepted_by_library_and_cli()
    {
        using var dir = new TempDir();
        var json = "{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": \"u\" } ] }";
        var path = dir.Write("bom.json", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(json)).ToArray());
        var load = OrganizationReader.ReadFile(path);
        Assert.Empty(load.Diagnostics);
        Assert.Equal("u", Assert.Single(load.Organization!.Units).Id);
        var (code, output, _) = Cli.Run("analyze", path, "--fail-on", "info", "--culture", "en");
        Assert.Equal(0, code);
        Assert.Contains("1 file analysed: 0 errors", output);
    }

    [Fact]
    public void Missing_file_is_vt0011_and_exit_2_with_the_batch_going_on()
    {
        using var dir = new TempDir();
        var missing = dir.File("does-not-exist.json");
        var load = OrganizationReader.ReadFile(missing);
        var d = Assert.Single(load.Diagnostics);
        Assert.Equal("VT0011", d.Id);
        Assert.Contains("it does not exist", d.GetMessage(TestOrg.English));
        var (code, output, error) = Cli.Run("analyze", missing, SeedPaths.Classic, "--culture", "en");
        Assert.Equal(2, code);
        Assert.Contains("does-not-exist.json: error VT0011: The file cannot be read: it does not exist", output);
        Assert.Contains("VT3001", output);
        Cli.AssertCleanFailure(output, error);
    }

    [Fact]
    public void A_directory_given_as_a_file_is_vt0011()
    {
        using var dir = new TempDir();
        var load = OrganizationReader.ReadFile(dir.Path);
        Assert.Equal("VT0011", Assert.Single(load.Diagnostics).Id);
        Assert.Contains("it is a directory", load.Diagnostics[0].GetMessage(TestOrg.English));
    }

    [NotRootFact]
    public void File_without_read_permission_is_vt0011()
    {
        using var dir = new TempDir();
        var path = dir.Write("locked.json", TestOrg.Doc(""));
        if (OperatingSystem.IsWindows()) return; // NotRootFact skips there already
        File.SetUnixFileMode(path, UnixFileMode.None);
        var load = OrganizationReader.ReadFile(path);
        Assert.Equal("VT0011", Assert.Single(load.Diagnostics).Id);
        var (code, output, error) = Cli.Run("analyze", path, SeedPaths.Classic);
        Assert.Equal(2, code);
        Assert.Contains("locked.json: error VT0011", output);
        Assert.Contains("VT3001", output);
        Cli.AssertCleanFailure(output, error);
    }

    [LinuxFact]
    public void A_special_file_is_never_opened_even_for_root()
    {
        // /proc/self/mem exists and would open (reading at offset 0 then fails with EIO). Issue 17: a file of length 0
        // — a pipe, device, socket or /proc file — is never opened; it is an input error like an empty document.
        const string path = "/proc/self/mem";
        var load = OrganizationReader.ReadFile(path);
        var d = Assert.Single(load.Diagnostics);
        Assert.Equal("VT0001", d.Id);
        var (code, output, error) = Cli.Run("analyze", path, SeedPaths.Classic, "--culture", "en");
        Assert.Equal(2, code);
        Assert.Contains("/proc/self/mem(1,1): error VT0001: The document is not valid JSON: the file is empty or not a regular file", output);
        Assert.Contains("VT3001", output);
        Cli.AssertCleanFailure(output, error);
    }
}
