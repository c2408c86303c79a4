using Newtonsoft.Json;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Reporting;

/// <summary>
/// The JSON result format (documented in docs/result-format.md): per file, every diagnostic with its
/// location, pointer, entity, message and suppression; then totals. Written as a stream; byte-identical
/// for the same input (no timestamps, stable order).
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    /// <summary>The format version of this output.</summary>
    public const string FormatVersion = "1.0";

    /// <inheritdoc />
    public string Format => "json";

    /// <inheritdoc />
    public void Write(ReportContext context, TextWriter output)
    {
        using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        var culture = context.Culture;
        w.WriteStartObject();
        w.WritePropertyName("formatVersion"); w.WriteValue(FormatVersion);
        w.WritePropertyName("tool");
        w.WriteStartObject();
        w.WritePropertyName("name"); w.WriteValue("vertrieb40");
        w.WritePropertyName("version"); w.WriteValue(context.ToolVersion);
        w.WriteEndObject();
        w.WritePropertyName("culture"); w.WriteValue(culture.Name.Length == 0 ? "en" : culture.Name);
        w.WritePropertyName("files");
        w.WriteStartArray();
        var all = new List<Diagnostic>();
        foreach (var r in context.Results)
        {
            w.WriteStartObject();
            w.WritePropertyName("path"); w.WriteValue(r.FilePath);
            w.WritePropertyName("inputFailed"); w.WriteValue(r.InputFailed);
            w.WritePropertyName("people"); w.WriteValue(r.PeopleCount);
            w.WritePropertyName("units"); w.WriteValue(r.UnitCount);
            w.WritePropertyName("diagnostics");
            w.WriteStartArray();
            foreach (var d in r.Diagnostics)
            {
                all.Add(d);
                WriteDiagnostic(w, d, culture);
            }
            w.WriteEndArray();
            WriteCounts(w, "summary", SeverityCounts.Of(r.Diagnostics));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteCounts(w, "summary", SeverityCounts.Of(all));
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
    }

    private static void WriteDiagnostic(JsonWriter w, Diagnostic d, IFormatProvider culture)
    {
        w.WriteStartObject();
        w.WritePropertyName("id"); w.WriteValue(d.Id);
        w.WritePropertyName("severity"); w.WriteValue(SeverityName(d.Severity));
        w.WritePropertyName("defaultSeverity"); w.WriteValue(SeverityName(d.DefaultSeverity));
        w.WritePropertyName("category"); w.WriteValue(d.Descriptor.Category);
        w.WritePropertyName("title"); w.WriteValue(d.Descriptor.Title.ToString(culture));
        w.WritePropertyName("message"); w.WriteValue(d.GetMessage(culture));
        w.WritePropertyName("helpUri"); w.WriteValue(d.Descriptor.HelpLinkUri);
        WriteLocation(w, "location", d.Location);
        if (d.AdditionalLocations.Count > 0)
        {
            w.WritePropertyName("additionalLocations");
            w.WriteStartArray();
            foreach (var l in d.AdditionalLocations) WriteLocation(w, null, l);
            w.WriteEndArray();
        }
        if (d.Properties.Count > 0)
        {
            w.WritePropertyName("properties");
            w.WriteStartObject();
            foreach (var kv in d.Properties.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                w.WritePropertyName(kv.Key);
                w.WriteValue(kv.Value);
            }
            w.WriteEndObject();
        }
        w.WritePropertyName("suppressed"); w.WriteValue(d.IsSuppressed);
        if (d.IsSuppressed) { w.WritePropertyName("justification"); w.WriteValue(d.SuppressionJustification); }
        w.WriteEndObject();
    }

    private static void WriteLocation(JsonWriter w, string? name, Location l)
    {
        if (name != null) w.WritePropertyName(name);
        w.WriteStartObject();
        w.WritePropertyName("file"); w.WriteValue(l.FilePath);
        w.WritePropertyName("pointer"); w.WriteValue(l.JsonPointer);
        if (l.Span.IsKnown)
        {
            w.WritePropertyName("line"); w.WriteValue(l.Span.StartLine);
            w.WritePropertyName("column"); w.WriteValue(l.Span.StartColumn);
            w.WritePropertyName("endLine"); w.WriteValue(l.Span.EndLine);
            w.WritePropertyName("endColumn"); w.WriteValue(l.Span.EndColumn);
        }
        if (l.EntityId != null)
        {
            w.WritePropertyName("entityKind"); w.WriteValue(l.EntityKind);
            w.WritePropertyName("entityId"); w.WriteValue(l.EntityId);
        }
        w.WriteEndObject();
    }

    private static void WriteCounts(JsonWriter w, string name, SeverityCounts c)
    {
        w.WritePropertyName(name);
        w.WriteStartObject();
        w.WritePropertyName("errors"); w.WriteValue(c.Errors);
        w.WritePropertyName("warnings"); w.WriteValue(c.Warnings);
        w.WritePropertyName("info"); w.WriteValue(c.Infos);
        w.WritePropertyName("hidden"); w.WriteValue(c.Hidden);
        w.WritePropertyName("suppressed"); w.WriteValue(c.Suppressed);
        w.WriteEndObject();
    }

    internal static string SeverityName(DiagnosticSeverity s) => s switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
