using System.Text;

namespace Vertrieb40.Rules.Fixes;

/// <summary>A unified diff of two texts (<c>diff -u</c> style), to show fixes before they are written.</summary>
internal static class UnifiedDiff
{
    /// <summary>The diff, or "" when the texts are equal.</summary>
    public static string Create(string oldText, string newText, string oldName, string newName, int context = 3)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        if (oldText == newText) return "";
        var a = Lines(oldText);
        var b = Lines(newText);

        // Common head and tail first: fixes are local, so the part to compare is usually small.
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)]) tail++;
        var ops = new List<(char Op, int A, int B)>(); // ' ' keep, '-' delete, '+' insert; A/B are line indices
        for (var i = 0; i < head; i++) ops.Add((' ', i, i));
        Middle(a, b, head, a.Length - tail, head, b.Length - tail, ops);
        for (var i = 0; i < tail; i++) ops.Add((' ', a.Length - tail + i, b.Length - tail + i));

        var sb = new StringBuilder();
        sb.Append("--- ").Append(oldName).Append('\n');
        sb.Append("+++ ").Append(newName).Append('\n');
        var k = 0;
        while (k < ops.Count)
        {
            if (ops[k].Op == ' ') { k++; continue; }
            var start = Math.Max(0, k - context);
            var end = k;
            // Extend the hunk while the next change is within 2*context unchanged lines.
            while (true)
            {
                while (end < ops.Count && ops[end].Op != ' ') end++;
                var next = end;
                while (next < ops.Count && ops[next].Op == ' ') next++;
                if (next < ops.Count && next - end <= 2 * context) { end = next; continue; }
                end = Math.Min(ops.Count, end + context);
                break;
            }
            int aCount = 0, bCount = 0;
            for (var i = start; i < end; i++)
            {
                if (ops[i].Op != '+') aCount++;
                if (ops[i].Op != '-') bCount++;
            }
            // Line numbers are 1-based; an empty range names the line before it (diff -u convention).
            var aLine = ops[start].A + (aCount == 0 ? 0 : 1);
            var bLine = ops[start].B + (bCount == 0 ? 0 : 1);
            sb.Append("@@ -").Append(aLine).Append(',').Append(aCount).Append(" +").Append(bLine).Append(',').Append(bCount).Append(" @@\n");
            for (var i = start; i < end; i++)
            {
                var (op, ai, bi) = ops[i];
                sb.Append(op).Append(op == '+' ? b[bi] : a[ai]).Append('\n');
            }
            k = end;
        }
        return sb.ToString();
    }

    // The longest common subsequence of the middle part; too large a middle becomes one replacement.
    private static void Middle(string[] a, string[] b, int a0, int a1, int b0, int b1, List<(char, int, int)> ops)
    {
        int n = a1 - a0, m = b1 - b0;
        if ((long)n * m > 4_000_000)
        {
            for (var i = a0; i < a1; i++) ops.Add(('-', i, b0));
            for (var j = b0; j < b1; j++) ops.Add(('+', a1, j));
            return;
        }
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = a[a0 + i] == b[b0 + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[a0 + x] == b[b0 + y]) { ops.Add((' ', a0 + x, b0 + y)); x++; y++; }
            // Deletions before insertions, as diff -u shows a changed line.
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1])) { ops.Add(('-', a0 + x, b0 + y)); x++; }
            else { ops.Add(('+', a0 + x, b0 + y)); y++; }
        }
    }

    private static string[] Lines(string text)
    {
        if (text.Length == 0) return Array.Empty<string>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }
}
