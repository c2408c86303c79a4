using System.Globalization;

namespace Vertrieb40.Rules.Comparison;

/// <summary>How diff, trend and what-if reports are written: language, privacy, labels.</summary>
internal sealed record ComparisonReportOptions
{
    /// <summary>English (default) or German.</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.GetCultureInfo("en");

    /// <summary>Whether person ids may appear (<c>--show-names</c>); a finding on a person's entry is otherwise "an entry in the list of people".</summary>
    public bool ShowNames { get; init; }

    /// <summary>The report's title; the default title of the report kind when null.</summary>
    public string? Title { get; init; }

    /// <summary>The column label of the earlier snapshot ("before"; what-if: "today").</summary>
    public string? BeforeLabel { get; init; }

    /// <summary>The column label of the later snapshot ("after"; what-if: "after the fixes").</summary>
    public string? AfterLabel { get; init; }

    /// <summary>Lines shown under the title (e.g. what-if: which fixes were applied).</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    /// <summary>The tool version written into JSON and HTML.</summary>
    public string ToolVersion { get; init; } = typeof(ComparisonReportOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    internal string Before => BeforeLabel ?? ComparisonText.Get("Diff_Before", Culture);
    internal string After => AfterLabel ?? ComparisonText.Get("Diff_After", Culture);
}
