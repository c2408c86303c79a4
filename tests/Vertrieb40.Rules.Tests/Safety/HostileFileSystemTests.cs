using Vertrieb40.Rules.IO;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Vertrieb40.Rules.Reporting;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>
/// Issue 17: the file system as an attacker arranges it — outputs onto inputs, links, pipes, devices, loops,
/// full disks. Nothing the user gave is replaced, nothing blocks, and every such case is exit code 2 with a
/// clear message (never 3 "internal error").
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes; the Unix-only facts skip there
public class HostileFileSystemTests
{
    private static string Seed(TempDir dir, string name = "org.json") => dir.Write(name, File.ReadAllBytes(SeedPaths.Classic));

    private static void AssertUsageError((int Code, string Out, string Err) run, string says)
    {
        Assert.Equal(2, run.Code);
        Assert.Contains(says, run.Err);
        Cli.AssertCleanFailure(run.Out, run.Err);
    }

    // ---- data loss: an output never replaces an input or a side file ----

    [Fact]
    public void Output_onto_the_input_is_refused_and_the_input_is_kept()
    {
        using var dir = new TempDir();
        var input = Seed(dir);
        var before = File.ReadAllBytes(input);
        AssertUsageError(Cli.Run("analyze", input, "--output", input), "would replace the input");
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [UnixFact]
    public void Output_onto_the_input_through_a_link_is_refused()
    {
        using var dir = new TempDir();
        var input = Seed(dir);
        var link = dir.File("report.txt");
        File.CreateSymbolicLink(link, input);
        var before = File.ReadAllBytes(input);
        AssertUsageError(Cli.Run("analyze", input, "--output", link), "would replace the input");
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Theory]
    [InlineData("--config", "x.vertrieb40config")]
    [InlineData("--suppressions", "s.json")]
    [InlineData("--baseline", "b.json")]
    [InlineData("--practices", "p.practices.json")]
    [InlineData("--mapping", "m.mapping.json")]
    [InlineData("--pseudonym-key-file", "key.txt")]
    public void Output_onto_a_side_file_is_refused(string option, string name)
    {
        using var dir = new TempDir();
        var input = Seed(dir);
        var side = dir.Write(name, "{}");
        var args = new List<string> { "analyze", input, option, side, "--output", side };
        if (option == "--pseudonym-key-file") { File.WriteAllText(side, "0123456789abcdef0123456789abcdef"); args.Add("--pseudonymize"); }
        if (option == "--config") File.WriteAllText(side, "# nothing\n");
        if (option == "--baseline") File.WriteAllText(side, "{ \"formatVersion\": \"1.0\", \"entries\": [] }");
        if (option == "--suppressions") File.WriteAllText(side, "{ \"suppressions\": [] }");
        var before = File.ReadAllBytes(side);
        var run = Cli.Run(args.ToArray());
        AssertUsageError(run, $"the {option} file");
        Assert.Equal(before, File.ReadAllBytes(side));
    }

    [Fact]
    public void Output_onto_a_discovered_configuration_file_is_refused()
    {
        using var dir = new TempDir();
        var input = Seed(dir);
        var config = dir.Write(".vertrieb40config", "vertrieb40_diagnostic.VT1009.severity = error\n");
        AssertUsageError(Cli.Run("analyze", input, "--output", config), "a configuration file");
        Assert.Equal("vertrieb40_diagnostic.VT1009.severity = error\n", File.ReadAllText(config));
    }

    [Fact]
    public void A_batch_summary_never_replaces_an_input_named_summary_json()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("out"));
        var input = dir.Write("out/summary.json", File.ReadAllBytes(SeedPaths.Clean));
        var before = File.ReadAllBytes(input);
        AssertUsageError(Cli.Run("analyze", input, "--output-dir", dir.File("out")), "The batch summary in --output-dir would replace the input");
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public void Fix_output_onto_a_side_file_is_refused()
    {
        using var dir = new TempDir();
        var input = Seed(dir);
        var config = dir.Write("my.config", "# nothing\n");
        AssertUsageError(Cli.Run("fix", input, "--config", config, "--output", config), "the --config file");
        Assert.Equal("# nothing\n", File.ReadAllText(config));
    }

    [Fact]
    public void Baseline_output_onto_a_suppressions_file_is_refused()
    {
        using var dir = new TempDir();
        var input = Seed(dir);
        var suppressions = dir.Write("s.json", "{ \"suppressions\": [] }");
        AssertUsageError(Cli.Run("baseline", "update", input, "--suppressions", suppressions, "-o", suppressions), "the --suppressions file");
    }

    // ---- writing through links and special files ----

    [UnixFact]
    public void A_symlinked_report_path_writes_the_target_and_keeps_the_link()
    {
        using var dir = new TempDir();
        var input = Seed(dir);
        var target = dir.Write("real-report.txt", "old");
        var link = dir.File("report.txt");
        File.CreateSymbolicLink(link, target);
        Assert.Equal(1, Cli.Run("analyze", input, "--output", link).Code);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Contains("VT3001", File.ReadAllText(target));
    }

    [UnixFact]
    public void Output_to_dev_null_keeps_the_device()
    {
        using var dir = new TempDir();
        var input = Seed(dir);
        Assert.Equal(1, Cli.Run("analyze", input, "--output", "/dev/null").Code);
        Assert.Equal(0, new FileInfo("/dev/null").Length); // still the device (a regular file would hold the report)
        Assert.Empty(Directory.GetFiles("/dev", ".null.*"));
    }

    [UnixFact]
    public void Generate_to_dev_null_keeps_the_device_and_the_manifest_never_replaces_the_document()
    {
        using var dir = new TempDir();
        Assert.Equal(0, Cli.Run("generate", "--people", "50", "-o", "/dev/null").Code);
        Assert.Equal(0, new FileInfo("/dev/null").Length);
        var doc = dir.File("g.json");
        AssertUsageError(Cli.Run("generate", "--people", "50", "-o", doc, "--manifest", doc), "would replace the generated document");
    }

    [UnixFact]
    public void A_replaced_report_keeps_its_permissions()
    {
        using var dir = new TempDir();
        var input = Seed(dir);
        var report = dir.Write("report.txt", "old");
        File.SetUnixFileMode(report, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Equal(1, Cli.Run("analyze", input, "--output", report).Code);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(report));
        Assert.Contains("VT3001", File.ReadAllText(report));
    }

    [UnixFact]
    public void Fix_in_place_keeps_the_mode_and_fixes_the_target_of_a_link()
    {
        using var dir = new TempDir();
        var target = Seed(dir, "real.json");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var link = dir.File("org.json");
        File.CreateSymbolicLink(link, target);
        var before = File.ReadAllText(target);
        var (code, _, err) = Cli.Run("fix", link, "--in-place");
        Assert.Equal(0, code);
        Assert.Contains("written to", err);
        Assert.NotNull(new FileInfo(link).LinkTarget); // the link stays a link
        Assert.NotEqual(before, File.ReadAllText(target)); // and its target was fixed
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
    }

    [Fact]
    public void Fix_in_place_detects_a_concurrent_edit_through_the_command()
    {
        using var dir = new TempDir();
        var input = Seed(dir);
        var edited = File.ReadAllText(input).Replace("Maschinenbau", "Maschinenbau!", StringComparison.Ordinal);
        var stderr = new StringWriter();
        // The edit lands after fix read the file and before it replaces it.
        var code = Vertrieb40.Rules.Cli.FixCommand.Run(new[] { input, "--in-place" }, new StringWriter(), stderr, () => File.WriteAllText(input, edited));
        var err = stderr.ToString();
        Assert.Equal(2, code);
        Assert.Contains("changed while fix ran", err);
        Assert.DoesNotContain(": fixed ", err);
        Assert.Equal(edited, File.ReadAllText(input));
    }

    [SkippableFact]
    public void Fix_on_a_full_disk_exits_2_and_prints_no_fixed_lines()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/dev/full"), "needs /dev/full (Linux) to simulate a full disk");
        using var dir = new TempDir();
        var input = Seed(dir);
        var (code, output, err) = Cli.Run("fix", input, "--output", "/dev/full");
        Assert.Equal(2, code);
        Assert.DoesNotContain(": fixed ", err);
        Assert.Contains("nothing written", err);
        Cli.AssertCleanFailure(output, err);
    }

    // ---- honest exit codes: the environment is exit 2, not "internal error" ----

    [Theory]
    [InlineData("--output", ".", "is a directory")]
    [InlineData("--output=", null, "needs a file name")]
    [InlineData("--output-dir", "$file", "is a file, not a directory")]
    public void Unusable_output_paths_are_usage_errors(string option, string? value, string says)
    {
        using var dir = new TempDir();
        var input = Seed(dir);
        var args = new List<string> { "analyze", input, option };
        if (value != null) args.Add(value == "$file" ? dir.Write("a-file", "x") : value);
        AssertUsageError(Cli.Run(args.ToArray()), says);
    }

    [SkippableFact]
    public void A_full_disk_is_exit_2()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/dev/full"), "needs /dev/full (Linux) to simulate a full disk");
        using var dir = new TempDir();
        var run = Cli.Run("analyze", Seed(dir), "--output", "/dev/full");
        AssertUsageError(run, "cannot write");
    }

    [NotRootFact]
    public void A_read_only_directory_is_exit_2()
    {
        using var dir = new TempDir();
        var input = Seed(dir);
        var locked = Directory.CreateDirectory(dir.File("locked")).FullName;
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            AssertUsageError(Cli.Run("analyze", input, "--output", Path.Combine(locked, "r.txt")), "cannot write");
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void A_closed_standard_output_is_exit_2()
    {
        using var dir = new TempDir();
        var err = new StringWriter();
        var code = Vertrieb40.Rules.Cli.Program.Run(new[] { "analyze", Seed(dir) }, new ThrowingWriter(), err);
        Assert.Equal(2, code);
        Assert.Contains("cannot write", err.ToString());
        Assert.DoesNotContain("internal error", err.ToString());
    }

    [Fact]
    public void Over_long_input_names_get_short_report_names_under_output_dir()
    {
        using var dir = new TempDir();
        var name = new string('ä', 120) + ".json"; // 245 bytes: fits as an input name, not with ".report.txt" and a temporary prefix
        var input = dir.Write(name, File.ReadAllBytes(SeedPaths.Clean));
        var outDir = dir.File("out");
        var (code, output, err) = Cli.Run("analyze", input, "--output-dir", outDir, "--fail-on", "none");
        Assert.Equal(0, code);
        Cli.AssertCleanFailure(output, err);
        var report = Assert.Single(Directory.GetFiles(outDir, "*.report.txt", SearchOption.AllDirectories));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(Path.GetFileName(report)) <= 255);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void Generate_rejects_a_density_that_is_not_a_number(string density)
    {
        using var dir = new TempDir();
        AssertUsageError(Cli.Run("generate", "--people", "50", "--anti-pattern-density", density, "-o", dir.File("g.json")), "--anti-pattern-density");
    }

    // ---- side files and special files ----

    [LinuxTheory]
    [InlineData("--baseline")]
    [InlineData("--suppressions")]
    [InlineData("--config")]
    [InlineData("--pseudonym-key-file")]
    [InlineData("--practices")]
    [InlineData("--mapping")]
    public void Dev_zero_as_a_side_file_is_a_located_usage_error(string option)
    {
        using var dir = new TempDir();
        var args = new List<string> { "analyze", Seed(dir), option, "/dev/zero" };
        if (option == "--pseudonym-key-file") args.Add("--pseudonymize");
        var run = Cli.Run(args.ToArray());
        AssertUsageError(run, $"{option}: '/dev/zero' cannot be used: it is empty or not a regular file");
    }

    [Fact]
    public void A_side_file_over_its_limit_is_an_error_not_out_of_memory()
    {
        using var dir = new TempDir();
        var big = dir.File("big.vertrieb40config");
        using (var f = File.Create(big)) f.SetLength(2 * 1024 * 1024); // sparse: 2 MiB of zeros, over the 1 MiB configuration limit
        var config = Vertrieb40.Rules.Configuration.AnalyzerConfiguration.Load(big);
        var problem = Assert.Single(config.Problems);
        Assert.Contains("the limit is 1,048,576", problem.GetMessage(TestOrg.English));
        Assert.Throws<IOException>(() => Vertrieb40.Rules.IO.FileGuard.ReadAllText(big, 1024));
    }

    [Theory]
    [InlineData("--baseline")]
    [InlineData("--suppressions")]
    [InlineData("--config")]
    [InlineData("--practices")]
    [InlineData("--mapping")]
    public void A_directory_given_as_a_side_file_says_so(string option)
    {
        using var dir = new TempDir();
        AssertUsageError(Cli.Run("analyze", Seed(dir), option, dir.Path), "it is a directory, not a file");
    }

    [SkippableFact]
    public void A_fifo_inside_an_input_directory_does_not_hang_the_batch()
    {
        using var dir = new TempDir();
        Seed(dir);
        MakeFifo(dir.File("pipe.json"));
        var run = Task.Run(() => Cli.Run("analyze", dir.Path, "--culture", "en"));
        Assert.True(run.Wait(TimeSpan.FromSeconds(60)), "the batch blocked on the FIFO");
        var (code, output, err) = run.Result;
        Assert.Equal(2, code);
        Assert.Contains("pipe.json(1,1): error VT0001: The document is not valid JSON: the file is empty or not a regular file", output);
        Assert.Contains("VT3001", output); // the other file was analysed
        Cli.AssertCleanFailure(output, err);
    }

    [SkippableFact]
    public void A_fifo_as_a_side_file_or_csv_does_not_block()
    {
        using var dir = new TempDir();
        var fifo = dir.File("fifo.csv");
        MakeFifo(fifo);
        var run = Task.Run(() => (Cli.Run("analyze", Seed(dir), "--suppressions", fifo), Cli.Run("analyze", fifo)));
        Assert.True(run.Wait(TimeSpan.FromSeconds(60)), "a FIFO was opened");
        AssertUsageError(run.Result.Item1, "it is empty or not a regular file");
        Assert.Equal(2, run.Result.Item2.Code);
        Assert.Contains("VT0301", run.Result.Item2.Out);
    }

    [LinuxFact]
    public void A_csv_linked_to_dev_zero_is_an_error()
    {
        using var dir = new TempDir();
        var link = dir.File("zero.csv");
        File.CreateSymbolicLink(link, "/dev/zero");
        var run = Task.Run(() => Cli.Run("analyze", link));
        Assert.True(run.Wait(TimeSpan.FromSeconds(60)), "the reader read /dev/zero");
        Assert.Equal(2, run.Result.Code);
        Assert.Contains("not a regular file", run.Result.Out);
    }

    [Fact]
    public void A_directory_given_as_the_input_of_fix_says_so()
    {
        using var dir = new TempDir();
        var (code, output, err) = Cli.Run("fix", dir.Path);
        Assert.Equal(2, code);
        Assert.Contains("it is a directory", output + err);
    }

    // ---- directory loops ----

    [UnixFact]
    public void A_directory_link_loop_ends_and_a_linked_file_counts_once()
    {
        using var dir = new TempDir();
        var a = Directory.CreateDirectory(dir.File("tree/a")).FullName;
        File.Copy(SeedPaths.Classic, Path.Combine(a, "org.json"));
        File.CreateSymbolicLink(Path.Combine(a, "up"), "..");          // tree/a/up → tree: a loop
        File.CreateSymbolicLink(Path.Combine(a, "again.json"), "org.json"); // the same file under a second name
        foreach (var args in new[] { new[] { "analyze", dir.File("tree"), "--recursive" }, new[] { "analyze", dir.File("tree") + "/**/*.json" } })
        {
            var run = Task.Run(() => Cli.Run(args));
            Assert.True(run.Wait(TimeSpan.FromSeconds(120)), "the walk did not end");
            Assert.Equal(1, run.Result.Code);
            Assert.Contains("1 file analysed", run.Result.Out);
        }
    }

    // ---- helpers ----

    private static void MakeFifo(string path)
    {
        Skip.If(OperatingSystem.IsWindows(), "FIFOs are a Unix feature");
        var ok = false;
        try
        {
            using var p = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false, RedirectStandardError = true })!;
            p.WaitForExit();
            ok = p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception) { }
        if (!ok)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "mkfifo (coreutils) is missing in CI");
            Skip.If(true, "mkfifo is not available here");
        }
    }

    private sealed class ThrowingWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("Broken pipe");
        public override void Write(string? value) => throw new IOException("Broken pipe");
        public override void WriteLine(string? value) => throw new IOException("Broken pipe");
        public override void Write(char[] buffer, int index, int count) => throw new IOException("Broken pipe");
    }
}

/// <summary>A fact for Unix (symbolic links without privileges, /dev, file modes).</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) Skip = "needs Unix (symbolic links, /dev, file modes)";
    }
}

/// <summary>A theory for Linux only (/dev/zero, /dev/full).</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) Skip = "needs Linux (/dev)";
    }
}
