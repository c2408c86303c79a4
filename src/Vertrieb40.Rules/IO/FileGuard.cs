using System.Text;

namespace Vertrieb40.Rules.IO;

/// <summary>
/// Checks a path before anything opens it, and names files by what they are rather than how they were reached.
/// .NET has no portable, P/Invoke-free way to ask for the file type, and opening a pipe (FIFO) for reading blocks
/// until a writer comes; devices such as <c>/dev/zero</c> never end. Pipes, devices and sockets all report a
/// length of 0, so a file of length 0 is never opened: it is reported as "empty or not a regular file" instead
/// (an empty file has nothing to read anyway). Everything else is checked against a size limit first.
/// </summary>
internal static class FileGuard
{
    /// <summary>Side files (configuration, suppressions, baseline, key, practices, mapping) are read whole; this is their default limit.</summary>
    public const long SideFileLimit = 64L * 1024 * 1024;

    /// <summary>The limit for a pseudonymisation key file.</summary>
    public const long KeyFileLimit = 64L * 1024;

    /// <summary>The problem for a file of length 0: empty, or a pipe, device or socket (never opened).</summary>
    public const string EmptyOrSpecial = "it is empty or not a regular file (a pipe, device or socket), so it was not opened";

    /// <summary>
    /// Why <paramref name="path"/> cannot be read as a regular file of at most <paramref name="maxBytes"/> bytes
    /// (links followed), or null when it can. Never opens the file.
    /// </summary>
    public static string? Problem(string path, long maxBytes, string? limitName = null)
    {
        try
        {
            if (Directory.Exists(path)) return "it is a directory, not a file";
            var info = new FileInfo(path);
            if (info.LinkTarget != null)
            {
                // A link: what counts is the file it ends at.
                var final = info.ResolveLinkTarget(returnFinalTarget: true);
                if (final is null || !final.Exists) return $"it is a symbolic link to '{info.LinkTarget}', which does not exist";
                if (final is DirectoryInfo || Directory.Exists(final.FullName)) return "it is a link to a directory, not a file";
                info = new FileInfo(final.FullName);
            }
            if (!info.Exists) return "it does not exist";
            if (info.Length == 0) return EmptyOrSpecial;
            if (info.Length > maxBytes)
                return $"the file has {info.Length:N0} bytes; the limit is {maxBytes:N0}{(limitName is null ? "" : " (" + limitName + ")")}";
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            return ex.Message.TrimEnd('.');
        }
    }

    /// <summary>
    /// Reads a side file whole as text (UTF-8, or what its byte-order mark says) after <see cref="Problem"/> found
    /// nothing; reads at most <paramref name="maxBytes"/> + 1 bytes, so a file that grows meanwhile cannot exhaust memory.
    /// Throws <see cref="IOException"/> with a message fit for a diagnostic.
    /// </summary>
    public static string ReadAllText(string path, long maxBytes = SideFileLimit, string? limitName = null)
    {
        if (Problem(path, maxBytes, limitName) is { } problem) throw new IOException(problem);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > maxBytes) throw new IOException($"the file is longer than {maxBytes:N0} bytes{(limitName is null ? "" : " (" + limitName + ")")}");
        }
        buffer.Position = 0;
        using var reader = new StreamReader(buffer, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The absolute path with every symbolic link resolved (in the directories and the file name), so that two
    /// paths naming the same file through links compare equal. A path that does not exist is resolved as far as it
    /// exists. Loops of links stop after 40 hops (as the kernel does).
    /// </summary>
    public static string RealPath(string path) => RealPath(Path.GetFullPath(path), 0);

    private static string RealPath(string full, int hops)
    {
        var parent = Path.GetDirectoryName(full);
        if (parent is null) return full; // a root
        var current = Path.Combine(RealPath(parent, hops), Path.GetFileName(full));
        if (hops >= 40) return current;
        string? target = null;
        try { target = new FileInfo(current).LinkTarget; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        return target is null ? current : RealPath(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, target)), hops + 1);
    }

    /// <summary>How paths compare on this platform's usual file systems.</summary>
    public static StringComparer PathComparer { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>True when both paths name the same file once links are followed.</summary>
    public static bool SameFile(string a, string b) => PathComparer.Equals(RealPath(a), RealPath(b));

    /// <summary>True for paths the kernel resolves to something that is not a plain path (<c>/dev/stdout</c>, <c>/proc/self/fd/1</c>).</summary>
    public static bool IsSpecialFileSystemPath(string fullPath)
        => !OperatingSystem.IsWindows() && (fullPath.StartsWith("/dev/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal));
}
