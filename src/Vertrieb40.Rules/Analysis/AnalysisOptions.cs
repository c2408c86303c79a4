using System.Globalization;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Analysis;

/// <summary>Settings for one analysis.</summary>
public sealed class AnalysisOptions
{
    /// <summary>Rule options (<c>ID.option → value</c>).</summary>
    public RuleOptions RuleOptions { get; set; } = RuleOptions.Empty;

    /// <summary>Limits for reading documents.</summary>
    public ReaderOptions Reader { get; set; } = ReaderOptions.Default;

    /// <summary>Culture for messages (en or de); the current UI culture when null.</summary>
    public CultureInfo? Culture { get; set; }

    /// <summary>Rule ids to run; all when null.</summary>
    public IReadOnlyCollection<string>? OnlyRules { get; set; }

    /// <summary>The defaults.</summary>
    public static AnalysisOptions Default { get; } = new();
}
