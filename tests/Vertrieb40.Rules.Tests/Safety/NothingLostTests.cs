using Vertrieb40.Rules.IO;
using System.Security.Cryptography;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>Issue 6, nothing lost: atomic outputs, inputs never modified.</summary>
public class NothingLostTests
{
    [Fact]
    public void A_writer_that_fails_leaves_no_file_and_no_temporary()
    {
        using var dir = new TempDir();
        var path = dir.File("report.json");
        var ex = Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, w =>
        {
            w.Write(new string('x', 200_000)); // more than one buffer: some of it reached the disk
            throw new InvalidOperationException("disk full");
        }));
        Assert.Equal("disk full", ex.Message);
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void A_writer_that_fails_does_not_clobber_the_existing_report()
    {
        using var dir = new TempDir();
        var path = dir.Write("report.json", "the previous, complete report");
        Assert.Throws<IOException>(() => AtomicFile.WriteText(path, w =>
        {
            w.Write(new string('y', 200_000));
            throw new IOException("cancelled");
        }));
        Assert.Equal("the previous, complete report", File.ReadAllText(path));
        Assert.Single(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void A_successful_write_replaces_the_report_whole()
    {
        using var dir = new TempDir();
        var path = dir.Write("report.json", "old");
        AtomicFile.WriteText(path, w => w.Write("new report"));
        Assert.Equal("new report", File.ReadAllText(path));
        Assert.Single(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Analysis_never_modifies_its_inputs()
    {
        using var dir = new TempDir();
        var inputs = new[]
        {
            dir.Write("classic.json", File.ReadAllBytes(SeedPaths.Classic)),
            dir.Write("clean.json", File.ReadAllBytes(SeedPaths.Clean)),
            dir.Write("bad.json", "{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": null } ] }"),
            dir.Write("bom.json", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(File.ReadAllBytes(SeedPaths.Clean)).ToArray()),
        };
        var before = inputs.ToDictionary(f => f, f => (Hash: Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), Written: File.GetLastWriteTimeUtc(f)));
        var report = Path.Combine(Path.GetTempPath(), "vt40-report-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            Assert.Equal(2, Cli.Run("analyze", dir.Path, "--format", "json", "--output", report).Code);
            Assert.Equal(2, Cli.Run("analyze", dir.Path).Code);
            Assert.True(File.Exists(report));
        }
        finally
        {
            File.Delete(report);
        }
        foreach (var f in inputs)
        {
            Assert.Equal(before[f].Hash, Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
            Assert.Equal(before[f].Written, File.GetLastWriteTimeUtc(f));
        }
        Assert.Equal(inputs.Order(StringComparer.Ordinal), Directory.EnumerateFileSystemEntries(dir.Path).Order(StringComparer.Ordinal)); // nothing added next to them
    }

    [Fact]
    public void A_report_for_bad_input_is_still_written_complete()
    {
        using var dir = new TempDir();
        var bad = dir.Write("bad.json", "{");
        var report = dir.File("out/report.json");
        var (code, _, _) = Cli.Run("analyze", bad, SeedPaths.Classic, "--format", "json", "--output", report);
        Assert.Equal(2, code);
        var json = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(report)); // parses: complete
        Assert.Equal(2, json["files"]!.Count());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(report)!, "*.tmp"));
    }
}
