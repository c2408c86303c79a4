using System.Text;

namespace Vertrieb40.Rules.IO;

/// <summary>
/// Writes files atomically: a temporary file in the same directory, then a rename. A crash never leaves half a
/// report. Only a regular file is replaced that way: a symbolic link is followed and its target written (the link
/// stays), and special files (<c>/dev/stdout</c>, <c>/dev/null</c>, a pipe) are written through, never replaced
/// by a regular file. A replaced file keeps its permissions (a 600 file stays 600) and, where the process may set
/// them (root, or a group the user belongs to), its owner and group (<see cref="NativeFile"/>; not on Windows).
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes UTF-8 text (no BOM) to <paramref name="path"/> atomically.</summary>
    public static void WriteText(string path, Action<TextWriter> write) => WriteText(path, write, null);

    /// <summary>
    /// Writes UTF-8 text (no BOM) to <paramref name="path"/> atomically; <paramref name="beforeReplace"/> runs once the
    /// new content is complete on disk and just before it replaces the old file (it may throw to keep the old file).
    /// </summary>
    public static void WriteText(string path, Action<TextWriter> write, Action<string>? beforeReplace)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        if (path.Length == 0) throw new IOException("the output path is empty");
        var full = Path.GetFullPath(path);
        if (FileGuard.IsSpecialFileSystemPath(full) || FileGuard.IsSpecialFileSystemPath(FileGuard.RealPath(full)))
        {
            WriteThrough(full, write, beforeReplace);
            return;
        }
        var target = FileGuard.RealPath(full); // a link is written through to its target; the link stays
        if (Directory.Exists(target)) throw new IOException($"'{path}' is a directory, not a file");
        var existing = new FileInfo(target);
        if (existing.Exists && existing.Length == 0)
        {
            // Possibly a pipe, device or socket (their length is 0, and .NET cannot tell them apart from an empty
            // file): write into it, as a shell redirection would. An empty file loses nothing that way either.
            WriteThrough(target, write, beforeReplace);
            return;
        }
        var dir = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, "." + TempStem(Path.GetFileName(target)) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 1 << 16 };
        // The temporary file is created with the old file's permissions, so personal data is never readable by more people, not even for a moment.
        if (existing.Exists && !OperatingSystem.IsWindows()) options.UnixCreateMode = existing.UnixFileMode;
        var owner = existing.Exists ? NativeFile.Stat(target) : null;
        try
        {
            using (var stream = new FileStream(temp, options))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
            {
                write(writer);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            // The owner first: chown clears set-user-id bits, which the mode below puts back.
            if (owner is { } old && NativeFile.Stat(temp) is { } fresh && (fresh.UserId != old.UserId || fresh.GroupId != old.GroupId))
                NativeFile.TrySetOwner(temp, old.UserId, old.GroupId);
            if (existing.Exists && !OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, existing.UnixFileMode); // umask may have narrowed it
            beforeReplace?.Invoke(target);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    // Keeps the temporary name within the usual 255-byte limit for file names.
    private static string TempStem(string name)
        => Encoding.UTF8.GetByteCount(name) <= 200 ? name : "vertrieb40";

    private static void WriteThrough(string path, Action<TextWriter> write, Action<string>? beforeReplace)
    {
        beforeReplace?.Invoke(path);
        // Open, never create or truncate: a device stays a device.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 0);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        write(writer);
        writer.Flush();
    }
}
