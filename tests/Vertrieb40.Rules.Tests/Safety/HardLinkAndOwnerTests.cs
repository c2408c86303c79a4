using System.Runtime.InteropServices;
using Vertrieb40.Rules.IO;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>
/// Issue 17: what paths cannot show. A hard link is a second name for the same file, so an output that is a hard
/// link to an input would replace the input's content under another name; and a replaced file keeps its owner.
/// Both need the file's identity and owner from libc (<see cref="NativeFile"/>).
/// </summary>
public class HardLinkAndOwnerTests
{
    // CA2101: both paths are marshalled explicitly as UTF-8 (LPUTF8Str), what libc takes on Linux and macOS.
#pragma warning disable CA2101
    [DllImport("libc", SetLastError = true)]
    private static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);
#pragma warning restore CA2101

    private static void HardLink(string existing, string newPath)
    {
        Skip.If(OperatingSystem.IsWindows(), "hard-link detection needs Unix (device and inode from stat); Windows compares paths only");
        Skip.IfNot(NativeFile.IsSupported, "this platform's libc has no statx/stat entry point the tool can call");
        Assert.True(link(existing, newPath) == 0, $"link() failed with errno {Marshal.GetLastPInvokeError()}");
    }

    private static string Seed(TempDir dir) => dir.Write("org.json", File.ReadAllBytes(SeedPaths.Classic));

    [SkippableFact]
    public void The_native_status_names_a_file_by_identity_whatever_path_reaches_it()
    {
        using var dir = new TempDir();
        var a = dir.Write("a.txt", "x");
        var b = dir.File("b.txt");
        HardLink(a, b);
        var c = dir.Write("c.txt", "x");
        var sa = NativeFile.Stat(a)!.Value;
        Assert.True(sa.IsRegularFile);
        Assert.Equal(sa.Identity, NativeFile.Stat(b)!.Value.Identity);
        Assert.NotEqual(sa.Identity, NativeFile.Stat(c)!.Value.Identity);
        Assert.Null(NativeFile.Stat(dir.File("missing.txt")));
        Assert.False(NativeFile.Stat(dir.Path)!.Value.IsRegularFile);
        if (File.Exists("/dev/null")) Assert.False(NativeFile.Stat("/dev/null")!.Value.IsRegularFile);
    }

    [SkippableFact]
    public void Output_onto_a_hard_link_of_the_input_is_refused_and_the_input_is_kept()
    {
        using var dir = new TempDir();
        var input = Seed(dir);
        var report = dir.File("report.txt");
        HardLink(input, report);
        var before = File.ReadAllBytes(input);
        var (code, output, err) = Cli.Run("analyze", input, "--output", report);
        Assert.Equal(2, code);
        Assert.Contains("would replace the input", err);
        Assert.Contains("hard link", err);
        Cli.AssertCleanFailure(output, err);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [SkippableTheory]
    [InlineData("fix")]
    [InlineData("baseline")]
    public void Fix_and_baseline_output_onto_a_hard_link_of_a_side_file_is_refused(string command)
    {
        using var dir = new TempDir();
        var input = Seed(dir);
        var suppressions = dir.Write("s.json", "{ \"suppressions\": [] }");
        var report = dir.File("out.json");
        HardLink(suppressions, report);
        var (code, output, err) = command == "fix"
            ? Cli.Run("fix", input, "--suppressions", suppressions, "--output", report)
            : Cli.Run("baseline", "update", input, "--suppressions", suppressions, "-o", report);
        Assert.Equal(2, code);
        Assert.Contains("the --suppressions file", err);
        Assert.Contains("hard link", err);
        Cli.AssertCleanFailure(output, err);
        Assert.Equal("{ \"suppressions\": [] }", File.ReadAllText(suppressions));
    }

    [SkippableFact]
    public void Two_separate_files_with_equal_content_are_no_collision()
    {
        using var dir = new TempDir();
        var input = Seed(dir);
        var report = dir.Write("report.txt", File.ReadAllBytes(input)); // a copy, not a link
        Skip.IfNot(NativeFile.IsSupported, "no native file status here");
        Assert.Equal(1, Cli.Run("analyze", input, "--output", report).Code);
        Assert.Contains("VT3001", File.ReadAllText(report));
    }

    [SkippableFact]
    public void A_replaced_report_keeps_its_owner_and_group()
    {
        Skip.If(OperatingSystem.IsWindows(), "owners are restored on Unix only");
        Skip.IfNot(NativeFile.IsSupported, "this platform's libc has no statx/stat entry point the tool can call");
        using var dir = new TempDir();
        var input = Seed(dir);
        var report = dir.Write("report.txt", "old");
        // Giving a file away needs root (CAP_CHOWN); as an ordinary user the tool keeps only what it may set.
        Skip.IfNot(NativeFile.TrySetOwner(report, 54321, 54322), "giving a file to another user is not permitted here (not root): the owner cannot be tested");
        var (code, _, _) = Cli.Run("analyze", input, "--output", report);
        Assert.Equal(1, code);
        Assert.Contains("VT3001", File.ReadAllText(report)); // replaced…
        var status = NativeFile.Stat(report)!.Value;
        Assert.Equal(54321u, status.UserId);            // …and still owned by the same user
        Assert.Equal(54322u, status.GroupId);
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // skipped there
    public void Fix_in_place_keeps_owner_group_and_mode()
    {
        Skip.If(OperatingSystem.IsWindows(), "owners and modes are Unix");
        Skip.IfNot(NativeFile.IsSupported, "this platform's libc has no statx/stat entry point the tool can call");
        using var dir = new TempDir();
        var input = Seed(dir);
        Skip.IfNot(NativeFile.TrySetOwner(input, 54321, 54322), "giving a file to another user is not permitted here (not root): the owner cannot be tested");
        File.SetUnixFileMode(input, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var before = File.ReadAllText(input);
        Assert.Equal(0, Cli.Run("fix", input, "--in-place").Code);
        Assert.NotEqual(before, File.ReadAllText(input));
        var status = NativeFile.Stat(input)!.Value;
        Assert.Equal((54321u, 54322u), (status.UserId, status.GroupId));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(input));
    }
}
