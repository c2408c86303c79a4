using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Tests.Analysis;

/// <summary>
/// Messages are formatted from a parsed format kept per format and choice of forms (issue 14, writers): for every
/// message format of the catalog (English and German) and for hand-made formats (escaped braces, several #, a
/// placeholder without its argument, format specifiers), with random numbers (1 and others) and texts as arguments,
/// the result equals formatting the plural-applied format each time — or both throw.
/// </summary>
public class PluralFormatCacheProperties
{
    private static readonly string[] Handmade =
    [
        "{0:plural:one=# person|other=# people} in {1}", "{{literal}} {0:plural:one=#/#|other=# of #} {1:N0}",
        "{2:plural:one=a|other=b}{0}", "{0:plural:one=x}", "{0:plural:other=# y} {0,5} {1:plural:one=# z|other=# zs}",
        "{5:plural:one=# missing|other=# missing}", "no placeholders", "{0} }} {{ {1:plural:one=one|other=#}",
    ];

    private static readonly string[] Formats = OrganizationAnalyzer.Default.SupportedDiagnostics
        .SelectMany(d => new[] { d.MessageFormat.ToString(CultureInfo.InvariantCulture), d.MessageFormat.ToString(CultureInfo.GetCultureInfo("de")) })
        .Concat(Handmade).Distinct().ToArray();

    [Property(MaxTest = 500)]
    public Property The_kept_format_gives_the_same_text(int seed)
    {
        var random = new Random(seed);
        var format = Formats[random.Next(Formats.Length)];
        var culture = CultureInfo.GetCultureInfo(random.Next(2) == 0 ? "en" : "de");
        var arguments = Enumerable.Range(0, random.Next(0, 8))
            .Select(_ => random.Next(4) switch { 0 => 1, 1 => (object?)random.Next(-2, 20000), 2 => "Team " + random.Next(9), _ => (object?)(long)random.Next(3) })
            .ToArray();
        string Expected() => string.Format(culture, PluralFormat.Apply(format, arguments, culture), arguments);
        string Actual() => PluralFormat.Format(culture, format, arguments);
        var expected = Try(Expected);
        var actual = Try(Actual);
        // Twice: the second call takes the kept format.
        var again = Try(Actual);
        return (expected == actual && actual == again).ToProperty().Label($"{format} | {string.Join(", ", arguments)}: '{expected}' vs '{actual}'");
    }

    private static string Try(Func<string> f)
    {
        try { return f(); }
        catch (FormatException) { return "<FormatException>"; }
    }
}
