using Vertrieb40.Rules.IO;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Cli;

/// <summary>
/// The files below a directory for <c>--recursive</c> and <c>**</c>: every directory is entered once, by its real
/// path (links followed), so a symbolic link that points back up the tree ends instead of looping for ever, and a
/// directory reached through two links is listed once.
/// </summary>
internal static class DirectoryWalk
{
    /// <summary>The files in <paramref name="root"/> (and, when <paramref name="recursive"/>, below it), in ordinal order.</summary>
    public static List<string> Files(string root, bool recursive)
    {
        var visited = new HashSet<string>(FileGuard.PathComparer);
        var pending = new Stack<string>();
        pending.Push(root);
        var result = new List<string>();
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            if (!visited.Add(FileGuard.RealPath(dir))) continue; // seen already: a loop or a second way in
            try
            {
                result.AddRange(Directory.EnumerateFiles(dir));
                if (!recursive) continue;
                var subdirectories = Directory.EnumerateDirectories(dir).ToList();
                subdirectories.Sort(StringComparer.Ordinal);
                for (var i = subdirectories.Count - 1; i >= 0; i--) pending.Push(subdirectories[i]); // the first in order is entered first
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A directory that cannot be listed holds nothing we can read; the others are still searched.
            }
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }
}
