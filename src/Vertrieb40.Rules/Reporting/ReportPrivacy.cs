using System.Globalization;
using System.Text.RegularExpressions;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Scoring;

namespace Vertrieb40.Rules.Reporting;

/// <summary>
/// The one privacy policy every writer (text, JSON, SARIF, HTML) applies to message texts: a finding about a unit
/// of fewer than <see cref="ReportContext.MinimumGroupSize"/> people (with its sub-units) does not name or count
/// it — it is described as "a unit of fewer than N people in PARENT", PARENT being the nearest unit that is large
/// enough; and without <see cref="ReportContext.ShowNames"/> no e-mail address appears in a message.
/// </summary>
internal sealed partial class ReportPrivacy
{
    private readonly ReportContext _context;
    private readonly Dictionary<AnalysisResult, Dictionary<string, int>> _unitIndex = new(ReferenceEqualityComparer.Instance);

    public ReportPrivacy(ReportContext context) => _context = context;

    /// <summary>The message of a diagnostic of <paramref name="result"/> as the report may show it.</summary>
    public string Message(AnalysisResult? result, Diagnostic d)
    {
        var culture = _context.Culture;
        if (result?.Outline is { } outline && SmallUnit(result, outline, d) is { } small)
        {
            var parent = LargeEnoughAncestor(outline, small);
            var where = parent >= 0 ? outline.Units[parent].Name : outline.Name ?? ReportText.Get("Privacy_TheOrganisation", culture);
            return ReportText.Format("Privacy_SmallUnit", culture, _context.MinimumGroupSize, where, d.Descriptor.Title.ToString(culture));
        }
        return Mask(d.GetMessage(culture));
    }

    /// <summary>A text with e-mail addresses masked (unless <see cref="ReportContext.ShowNames"/>).</summary>
    public string Mask(string text)
        // Without an @ the pattern cannot match: skip the regex (it ran for every finding of every writer).
        => _context.ShowNames || !text.Contains('@') ? text : EmailPattern().Replace(text, ReportText.Get("Privacy_Email", _context.Culture));

    /// <summary>True when the diagnostic is about a unit below the minimum group size (its message is replaced).</summary>
    public bool IsAboutSmallUnit(AnalysisResult? result, Diagnostic d)
        => result?.Outline is { } outline && SmallUnit(result, outline, d) is not null;

    private int? SmallUnit(AnalysisResult result, OrganizationOutline outline, Diagnostic d)
    {
        if (d.Location.EntityKind != "units" || d.Location.EntityId is null) return null;
        if (!_unitIndex.TryGetValue(result, out var index))
        {
            index = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var u in outline.Units) index.TryAdd(u.Id, u.Index);
            _unitIndex[result] = index;
        }
        return index.TryGetValue(d.Location.EntityId, out var i) && outline.Units[i].SubtreePeople < _context.MinimumGroupSize ? i : null;
    }

    private int LargeEnoughAncestor(OrganizationOutline outline, int unit)
    {
        var u = outline.Units[unit].ParentIndex;
        while (u >= 0 && outline.Units[u].SubtreePeople < _context.MinimumGroupSize) u = outline.Units[u].ParentIndex;
        return u;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();
}
