using System.Text;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>Every resource limit of <see cref="ReaderOptions"/>: its safe default, and that it holds when lowered.</summary>
public class LimitTests
{
    private static LoadResult Read(string json, ReaderOptions options) => OrganizationReader.ReadString(json, "limits.json", options);

    private static string Message(Diagnostic d) => d.GetMessage(TestOrg.English);

    [Fact]
    public void Defaults_are_safe()
    {
        var o = new ReaderOptions();
        Assert.Equal(64, o.MaxDepth);
        Assert.Equal(1024 * 1024, o.MaxStringLength);
        Assert.Equal(4L * 1024 * 1024 * 1024, o.MaxFileBytes);
        Assert.Equal(1000, o.MaxErrors);
    }

    [Fact]
    public void Limits_below_one_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReaderOptions { MaxDepth = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReaderOptions { MaxStringLength = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReaderOptions { MaxFileBytes = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReaderOptions { MaxErrors = 0 });
    }

    [Fact]
    public void MaxDepth_holds_at_its_value()
    {
        var options = new ReaderOptions { MaxDepth = 6 };
        // root object (1), units array (2), unit (3), "colour" arrays (4..6)
        Assert.False(Read(TestOrg.Doc("\"units\": [ { \"id\": \"u\", \"colour\": [[[]]] } ]"), options).HasErrors);
        var d = Assert.Single(Read(TestOrg.Doc("\"units\": [ { \"id\": \"u\", \"colour\": [[[[]]]] } ]"), options).Diagnostics, x => x.Id == "VT0010");
        Assert.Equal("VT0010", d.Id);
        Assert.Contains("deeper than 6 levels", Message(d));
    }

    [Theory]
    [InlineData("\"organization\": { \"name\": \"0123456789abcdef\" }", false)]
    [InlineData("\"organization\": { \"name\": \"0123456789abcdefg\" }", true)]
    [InlineData("\"organization\": { \"name\": \"\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\n\" }", false)] // 16 characters once decoded
    [InlineData("\"organization\": { \"name\": \"\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\u0041\\n\\t\" }", true)]
    [InlineData("\"abcdefghijklmnopq\": 1", true)]                   // a property name
    [InlineData("\"processes\": [ { \"id\": \"p\", \"workType\": \"routine\", \"steps\": 00000000000000001 } ]", true)] // a number
    [InlineData("/* a comment longer than sixteen */ \"units\": []", true)]
    [InlineData("// a comment longer than sixteen\n \"units\": []", true)]
    [InlineData("'units': [ { 'id': '0123456789abcdef' } ]", false)] // single quotes (a Newtonsoft extension)
    [InlineData("'units': [ { 'id': '0123456789abcdefg' } ]", true)]
    public void MaxStringLength_holds_for_strings_names_numbers_and_comments(string body, bool rejected)
    {
        var load = Read(TestOrg.Doc(body), new ReaderOptions { MaxStringLength = 16 });
        var limit = load.Diagnostics.Where(d => d.Id == "VT0010").ToList();
        if (!rejected)
        {
            Assert.Empty(limit);
            return;
        }
        var d = Assert.Single(limit);
        Assert.Contains("longer than 16 characters (ReaderOptions.MaxStringLength)", Message(d));
        Assert.Null(load.Organization);
    }

    [Fact]
    public void MaxFileBytes_is_checked_before_reading_a_file()
    {
        using var dir = new TempDir();
        var path = dir.Write("big.json", TestOrg.Doc("\"organization\": { \"name\": \"" + new string('x', 2000) + "\" }"));
        var d = Assert.Single(OrganizationReader.ReadFile(path, new ReaderOptions { MaxFileBytes = 1000 }).Diagnostics);
        Assert.Equal("VT0010", d.Id);
        Assert.Contains("the limit is 1,000 (ReaderOptions.MaxFileBytes)", Message(d));
        Assert.Empty(OrganizationReader.ReadFile(path, new ReaderOptions { MaxFileBytes = 5000 }).Diagnostics);
    }

    [Fact]
    public void MaxFileBytes_holds_for_a_stream_of_unknown_length()
    {
        var bytes = Encoding.UTF8.GetBytes(TestOrg.Doc("\"organization\": { \"name\": \"" + new string('x', 2000) + "\" }"));
        var d = Assert.Single(OrganizationReader.Read(new UnseekableStream(bytes), "pipe.json", new ReaderOptions { MaxFileBytes = 1000 }).Diagnostics);
        Assert.Equal("VT0010", d.Id);
        Assert.Contains("longer than 1,000 characters (ReaderOptions.MaxFileBytes)", Message(d));
    }

    [Fact]
    public void MaxErrors_stops_reading_after_that_many_errors()
    {
        var units = string.Join(", ", Enumerable.Range(0, 10).Select(i => $"{{ \"id\": \"u{i}\", \"kind\": {i} }}"));
        var load = Read(TestOrg.Doc($"\"units\": [ {units} ]"), new ReaderOptions { MaxErrors = 3 });
        Assert.Equal(new[] { "VT0002", "VT0002", "VT0002", "VT0010" }, load.Diagnostics.Select(d => d.Id).OrderBy(x => x));
        Assert.Contains("more than 3 input errors; reading stopped (ReaderOptions.MaxErrors)", Message(load.Diagnostics.Single(d => d.Id == "VT0010")));
        Assert.Null(load.Organization);
    }

    [Fact]
    public void Warnings_are_capped_by_MaxErrors_too_and_do_not_fail_the_document()
    {
        var props = string.Join(", ", Enumerable.Range(0, 10).Select(i => $"\"extra{i}\": {i}"));
        var load = Read(TestOrg.Doc($"\"units\": [ {{ \"id\": \"u\", {props} }} ]"), new ReaderOptions { MaxErrors = 3 });
        Assert.False(load.HasErrors);
        Assert.Equal(3, load.Diagnostics.Count(d => d.Id == "VT0007"));
        var summary = Assert.Single(load.Diagnostics, d => d.Id == "VT0010");
        Assert.Equal(DiagnosticSeverity.Warning, summary.Severity);
        Assert.Contains("7 more warnings were left out", Message(summary));
        Assert.NotNull(load.Organization);
    }

    [Fact]
    public void Input_text_quoted_in_messages_is_cut()
    {
        var longValue = new string('z', 50_000);
        var load = Read(TestOrg.Doc($"\"units\": [ {{ \"id\": \"u\", \"kind\": \"{longValue}\", \"{longValue}\": 1 }} ]"), new ReaderOptions());
        Assert.Equal(new[] { "VT0007", "VT0008" }, load.Diagnostics.Select(d => d.Id).OrderBy(x => x));
        Assert.All(load.Diagnostics, d =>
        {
            Assert.True(Message(d).Length < 600, Message(d).Length.ToString());
            Assert.Contains("(50,000 characters)", Message(d));
        });
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}
