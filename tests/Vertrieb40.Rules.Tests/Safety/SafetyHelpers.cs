using System.Runtime.InteropServices;
using Vertrieb40.Rules.Cli;

namespace Vertrieb40.Rules.Tests.Safety;

/// <summary>Runs the CLI in-process, as a user would from a shell.</summary>
public static class Cli
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Program.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>No stack trace and no internal error: what a user sees for bad input.</summary>
    public static void AssertCleanFailure(string output, string error)
    {
        Assert.DoesNotContain("   at ", output + error);
        Assert.DoesNotContain("internal error", output + error);
        Assert.DoesNotContain("Exception", output + error);
    }
}

/// <summary>A temporary directory that is deleted again, whatever the test did.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Path = Directory.CreateTempSubdirectory("vt40-safety-").FullName;
    public string Path { get; }
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
        return path;
    }

    public string Write(string name, byte[] bytes)
    {
        var path = File(name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try
        {
            if (!OperatingSystem.IsWindows())
                foreach (var f in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
                    System.IO.File.SetUnixFileMode(f, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A fact that needs a process without root rights (root reads files whatever their permissions).</summary>
public sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && !RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            Skip = "file permissions are tested on Unix only";
        else if (Environment.IsPrivilegedProcess)
            Skip = "running as root: permissions do not stop root from reading a file (CI runs as root; the /proc/self/mem test covers an unreadable file there)";
    }
}

/// <summary>A fact for Linux only (it uses /proc).</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) Skip = "needs Linux (/proc)";
    }
}
