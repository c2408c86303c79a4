using System.Runtime.InteropServices;

namespace Vertrieb40.Rules.IO;

/// <summary>What <see cref="NativeFile.Stat"/> knows about a file (links followed).</summary>
/// <param name="Device">The device the file lives on.</param>
/// <param name="Inode">The file's number on that device; device + inode name the file, whatever path reaches it.</param>
/// <param name="Mode">The type and permission bits (<c>st_mode</c>).</param>
/// <param name="UserId">The owner.</param>
/// <param name="GroupId">The group.</param>
internal readonly record struct FileStatus(ulong Device, ulong Inode, uint Mode, uint UserId, uint GroupId)
{
    /// <summary>True for a regular file (not a directory, device, pipe or socket).</summary>
    public bool IsRegularFile => (Mode & 0xF000) == 0x8000;

    /// <summary>The identity of the file: two paths with the same identity are the same file (hard links, bind mounts).</summary>
    public (ulong Device, ulong Inode) Identity => (Device, Inode);
}

/// <summary>
/// The few things .NET cannot ask the file system for without native calls: a file's identity (device and inode,
/// which is what tells two hard links to one file apart from two files) and its owner. On Linux this is libc's
/// <c>statx</c> (glibc 2.28+, musl 1.2.5+; its structure has one layout on every architecture) and <c>chown</c>;
/// on macOS <c>stat</c> (64-bit inodes) and <c>chown</c>. On Windows, and wherever the call is missing,
/// <see cref="Stat"/> returns null: hard links are then not detected and owners not restored (the README says so).
/// </summary>
// CA2101 asks for a CharSet on string arguments; every path argument here is marshalled explicitly as UTF-8
// (LPUTF8Str), which is what the file system APIs take on Linux and macOS, so the rule's concern does not apply.
#pragma warning disable CA2101
internal static class NativeFile
{
    /// <summary>Whether this platform can answer <see cref="Stat"/> at all (tried once).</summary>
    public static bool IsSupported { get; } = Probe();

    /// <summary>
    /// The status of the file at <paramref name="path"/>, links followed; null when it does not exist, cannot be
    /// reached, or the platform has no native call for it.
    /// </summary>
    public static FileStatus? Stat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows() || path.Length == 0 || path.Contains('\0')) return null;
        try
        {
            if (OperatingSystem.IsLinux())
            {
                if (Linux.statx(Linux.AtFdCwd, path, 0, Linux.StatxBasicStats, out var sx) != 0) return null;
                // Device numbers: major and minor together, the same pair for the same device.
                return new FileStatus(((ulong)sx.DevMajor << 32) | sx.DevMinor, sx.Inode, sx.Mode, sx.Uid, sx.Gid);
            }
            if (OperatingSystem.IsMacOS())
            {
                var rc = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? MacOS.stat_x64(path, out var st) : MacOS.stat(path, out st);
                if (rc != 0) return null;
                return new FileStatus(unchecked((uint)st.Dev), st.Inode, st.Mode, st.Uid, st.Gid);
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException or MarshalDirectiveException) { }
        return null;
    }

    /// <summary>
    /// Gives <paramref name="path"/> the owner and group of the file it replaces. Returns false when that is not
    /// permitted (only root may give a file away) or not possible here; the group alone is then tried, which an
    /// ordinary user may set to a group they belong to.
    /// </summary>
    public static bool TrySetOwner(string path, uint userId, uint groupId)
    {
        if (OperatingSystem.IsWindows() || !IsSupported) return false;
        try
        {
            if (Libc.chown(path, userId, groupId) == 0) return true;
            _ = Libc.chown(path, uint.MaxValue, groupId); // -1: keep the owner, set the group where permitted
            return false;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException) { return false; }
    }

    private static bool Probe()
    {
        try { return Stat(Path.GetTempPath()) is not null || Stat("/") is not null; }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException) { return false; }
    }

    private static class Libc
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint owner, uint group);
    }

    private static class Linux
    {
        public const int AtFdCwd = -100;
        public const uint StatxBasicStats = 0x7ff;

        // struct statx (linux/stat.h): the same 256 bytes on every architecture.
        [StructLayout(LayoutKind.Explicit, Size = 256)]
        public struct Statx
        {
            [FieldOffset(20)] public uint Uid;
            [FieldOffset(24)] public uint Gid;
            [FieldOffset(28)] public ushort Mode;
            [FieldOffset(32)] public ulong Inode;
            [FieldOffset(136)] public uint DevMajor;
            [FieldOffset(140)] public uint DevMinor;
        }

        [DllImport("libc", SetLastError = true)]
        public static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out Statx buffer);
    }

    private static class MacOS
    {
        // struct stat with 64-bit inodes (sys/stat.h, __DARWIN_64_BIT_INO_T): 144 bytes.
        [StructLayout(LayoutKind.Explicit, Size = 144)]
        public struct Stat
        {
            [FieldOffset(0)] public int Dev;
            [FieldOffset(4)] public ushort Mode;
            [FieldOffset(8)] public ulong Inode;
            [FieldOffset(16)] public uint Uid;
            [FieldOffset(20)] public uint Gid;
        }

        [DllImport("libc", SetLastError = true)]
        public static extern int stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out Stat buffer);

        // On x64 the 64-bit-inode variant has its own symbol.
        [DllImport("libc", EntryPoint = "stat$INODE64", SetLastError = true)]
        public static extern int stat_x64([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out Stat buffer);
    }
}
#pragma warning restore CA2101
