using System.Text;
using Vertrieb40.Rules.Fixes;
using Vertrieb40.Rules.Tests.Configuration;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Fixes;

/// <summary>
/// Issue 13 item 4: <c>fix</c> reads the document once, and the library (not the command line) writes it back as it
/// was read — byte-order mark and line endings — and never over the input unless asked by name.
/// </summary>
public class FixFileTests
{
    private static readonly byte[] Bom = { 0xEF, 0xBB, 0xBF };

    /// <summary>Opens files like the library does and counts the opens and the bytes read.</summary>
    private sealed class CountingOpener
    {
        public int Opens;
        public long BytesRead;

        public Stream Open(string path)
        {
            Opens++;
            return new CountingStream(File.OpenRead(path), this);
        }

        private sealed class CountingStream(Stream inner, CountingOpener owner) : Stream
        {
            public override bool CanRead => true;
            public override bool CanSeek => inner.CanSeek;
            public override bool CanWrite => false;
            public override long Length => inner.Length;
            public override long Position { get => inner.Position; set => inner.Position = value; }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count)
            {
                var n = inner.Read(buffer, offset, count);
                owner.BytesRead += n;
                return n;
            }
            public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            protected override void Dispose(bool disposing)
            {
                if (disposing) inner.Dispose();
                base.Dispose(disposing);
            }
        }
    }

    /// <summary>The configuration tests' document (VT3001, VT1009, VT1010 fixable) with CRLF line breaks and a byte-order mark.</summary>
    private static string NewBomCrlfDoc()
    {
        var dir = Directory.CreateTempSubdirectory("v40fix").FullName;
        var path = Path.Combine(dir, "org.json");
        var crlf = ConfigurationTests.Json.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        Assert.Contains("\r\n", crlf, StringComparison.Ordinal);
        File.WriteAllBytes(path, Bom.Concat(Encoding.UTF8.GetBytes(crlf)).ToArray());
        return path;
    }

    private static void AssertWrittenAsRead(byte[] bytes)
    {
        Assert.Equal(Bom, bytes[..3]);
        Assert.NotEqual(0xEF, bytes[3]); // exactly one mark
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Contains("\"type\": \"fixed\"", text, StringComparison.Ordinal); // the fix is there
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", text); // every line break is still CRLF, also the inserted ones
    }

    [Fact]
    public void FixFile_reads_the_document_once_and_WriteTo_writes_it_back_as_read()
    {
        var doc = NewBomCrlfDoc();
        var original = File.ReadAllBytes(doc);
        var opener = new CountingOpener();
        var result = OrganizationFixer.FixFileReadBy(doc, null, null, null, opener.Open);
        Assert.False(result.InputFailed, string.Join("\n", result.InputDiagnostics));
        Assert.True(result.Changed);
        Assert.Equal(1, opener.Opens);
        Assert.Equal(original.LongLength, opener.BytesRead); // each byte once: no second pass over the file
        Assert.DoesNotContain('\uFEFF', result.OriginalText); // the mark is the file's encoding, not the document's text

        var output = Path.Combine(Path.GetDirectoryName(doc)!, "fixed.json");
        result.WriteTo(output);
        AssertWrittenAsRead(File.ReadAllBytes(output));
        Assert.Equal(original, File.ReadAllBytes(doc)); // the input is untouched
        Assert.Equal(1, opener.Opens);
    }

    [Fact]
    public void ReplaceInput_checks_the_file_once_more_and_keeps_an_edit_made_meanwhile()
    {
        var doc = NewBomCrlfDoc();
        var opener = new CountingOpener();
        var result = OrganizationFixer.FixFileReadBy(doc, null, null, null, opener.Open);
        result.ReplaceInputCheckedBy(opener.Open);
        Assert.Equal(2, opener.Opens); // the read, and the check just before the rename
        AssertWrittenAsRead(File.ReadAllBytes(doc));

        // An edit between the read and the write is kept, and nothing is written.
        var again = NewBomCrlfDoc();
        var second = OrganizationFixer.FixFile(again);
        File.AppendAllText(again, " ");
        var edited = File.ReadAllBytes(again);
        Assert.Throws<IOException>(second.ReplaceInput);
        Assert.Equal(edited, File.ReadAllBytes(again));
    }

    [Fact]
    public void The_input_is_never_written_unless_asked_by_name()
    {
        var doc = NewBomCrlfDoc();
        var original = File.ReadAllBytes(doc);
        var result = OrganizationFixer.FixFile(doc);
        Assert.Throws<ArgumentException>(() => result.WriteTo(doc));
        Assert.Equal(original, File.ReadAllBytes(doc));
        // A result made from a text has no input file to replace.
        var fromText = OrganizationFixer.Fix(File.ReadAllText(doc), doc);
        Assert.Throws<InvalidOperationException>(fromText.ReplaceInput);
        Assert.Equal(original, File.ReadAllBytes(doc));
    }

    [Fact]
    public void A_file_that_does_not_read_gives_the_readers_located_errors()
    {
        var dir = Directory.CreateTempSubdirectory("v40fix").FullName;
        var bad = Path.Combine(dir, "bad.json");
        File.WriteAllBytes(bad, Encoding.UTF8.GetBytes("{ \"schemaVersion\": \"1.0\", \"name\": \"a").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\" }")).ToArray());
        var opener = new CountingOpener();
        var result = OrganizationFixer.FixFileReadBy(bad, null, null, null, opener.Open);
        Assert.True(result.InputFailed);
        Assert.Equal(1, opener.Opens);
        var reader = Vertrieb40.Rules.Reading.OrganizationReader.ReadFile(bad);
        Assert.Equal(reader.Diagnostics.Select(TestOrg.Short), result.InputDiagnostics.Select(TestOrg.Short));
        Assert.Contains(result.InputDiagnostics, d => d.Location.Span.StartLine == 1 && d.Location.Span.StartColumn > 1);

        var missing = OrganizationFixer.FixFile(Path.Combine(dir, "missing.json"));
        Assert.True(missing.InputFailed);
        Assert.Contains(missing.InputDiagnostics, d => d.Id == "VT0011");
    }

    [Fact]
    public void An_hr_export_is_a_usage_error_not_an_internal_one()
    {
        // Before: "internal error: FormatException" (exit 3) — the CSV text was handed to the JSON fixer.
        var stderr = new StringWriter();
        var code = Vertrieb40.Rules.Cli.Program.Run(new[] { "fix", Path.Combine(SeedPaths.Seeds, "hr-export.csv") }, new StringWriter(), stderr);
        Assert.Equal(2, code);
        Assert.Contains("HR export", stderr.ToString(), StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => OrganizationFixer.FixFile(Path.Combine(SeedPaths.Seeds, "hr-export.csv")));
    }
}
