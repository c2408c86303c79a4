using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Suppressions;

/// <summary>
/// Applies suppressions to the diagnostics of one document. A suppression names a rule id and a target:
/// a JSON Pointer that equals the diagnostic's pointer or is a prefix of it at a segment boundary
/// (<c>/meetings/0</c> covers <c>/meetings/0/attendees</c>, not <c>/meetings/01</c>), an entity id, or
/// nothing / <c>*</c> for the whole document. Suppressed diagnostics stay in the result with their
/// justification.
/// </summary>
internal static class SuppressionMatcher
{
    /// <summary>True when <paramref name="entry"/> covers <paramref name="diagnostic"/> (rule id and target; not expiry).</summary>
    public static bool Matches(SuppressionEntry entry, Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(diagnostic);
        return string.Equals(entry.RuleId, diagnostic.Id, StringComparison.OrdinalIgnoreCase) && TargetMatches(entry.Target, diagnostic.Location);
    }

    /// <summary>True when a target (pointer, entity id, empty or <c>*</c>) covers a location.</summary>
    public static bool TargetMatches(string? target, Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        target = target?.Trim() ?? "";
        if (target.Length == 0 || target == "*") return true;
        if (target[0] == '/')
        {
            var pointer = location.JsonPointer;
            return pointer == target
                || (pointer.Length > target.Length && pointer.StartsWith(target, StringComparison.Ordinal) && pointer[target.Length] == '/');
        }
        return location.EntityId != null && string.Equals(location.EntityId, target, StringComparison.Ordinal);
    }

    /// <summary>
    /// Suppresses what the entries cover and reports expired (VT0210), unmatched (VT0211) and
    /// not-allowed (VT0204, for NotConfigurable descriptors) suppressions. Returns the new list.
    /// </summary>
    public static List<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics, IEnumerable<SuppressionEntry> entries, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(entries);
        var result = diagnostics.ToList();
        var reports = new List<Diagnostic>();
        // By rule id first: many suppressions over many findings must not be compared pair by pair.
        var byRule = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < result.Count; i++)
        {
            if (!byRule.TryGetValue(result[i].Id, out var l)) byRule[result[i].Id] = l = new List<int>();
            l.Add(i);
        }
        foreach (var entry in entries)
        {
            var location = LocationOf(entry);
            var expired = entry.Expires is { } e && today > e;
            var matched = false;
            var refused = false;
            foreach (var i in byRule.TryGetValue(entry.RuleId, out var candidates) ? candidates : (IEnumerable<int>)Array.Empty<int>())
            {
                var d = result[i];
                if (!Matches(entry, d)) continue;
                if (d.Descriptor.IsNotConfigurable) { refused = true; continue; }
                matched = true;
                if (expired || d.IsSuppressed) continue;
                // SARIF tells suppressions in the document ("inSource") from those in a separate file ("external").
                result[i] = d.WithSuppression(true, entry.Justification)
                    .WithProperty("suppressionKind", string.Equals(entry.FilePath, d.Location.FilePath, StringComparison.Ordinal) ? "inSource" : "external");
            }
            if (refused && !matched)
                reports.Add(Diagnostic.Create(InputDescriptors.ConfigNotConfigurable, location, entry.Pointer, entry.RuleId));
            else if (expired)
                reports.Add(Diagnostic.Create(InputDescriptors.SuppressionExpired, location, entry.RuleId, TargetText(entry),
                    entry.Expires!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Terms.OrUnspecified(entry.Owner)));
            else if (!matched)
                reports.Add(Diagnostic.Create(InputDescriptors.SuppressionUnmatched, location, entry.RuleId, TargetText(entry)));
        }
        result.AddRange(reports);
        return result;
    }

    private static string TargetText(SuppressionEntry entry) => entry.Target.Length == 0 ? "*" : entry.Target;

    private static Location LocationOf(SuppressionEntry entry)
    {
        var p = entry.Position;
        return new Location(entry.FilePath, entry.Pointer, p.IsKnown ? new LineSpan(p.Line, p.Column, p.Line, p.Column) : LineSpan.None);
    }
}
