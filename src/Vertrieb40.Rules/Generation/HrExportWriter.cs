using System.Text;
using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Generation;

/// <summary>
/// Writes the structure of an organisation as a flat HR export (CSV, ';', UTF-8): one row per person with
/// employee id, name, manager id, division, department, team, job title and further roles — the shape the HR
/// import reads. Used by <c>generate --format csv</c> to measure import speed on exports of any size.
/// A person's unit and the units above it fill team / department / division from the bottom; deeper
/// hierarchies lose their upper levels (flat exports have three columns).
/// </summary>
internal static class HrExportWriter
{
    /// <summary>The header line.</summary>
    public const string Header = "Employee ID;Name;Manager ID;Division;Department;Team;Job Title;Roles";

    /// <summary>Writes <paramref name="organization"/> (references resolved) to <paramref name="output"/>.</summary>
    public static void Write(Organization organization, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Header);
        output.Write('\n');
        var line = new StringBuilder(256);
        foreach (var p in organization.People)
        {
            line.Clear();
            Field(line, p.Id).Append(';');
            Field(line, p.Name ?? "").Append(';');
            Field(line, p.ManagerId ?? "").Append(';');
            string? team = null, department = null, division = null;
            var u = p.Unit;
            if (u is { IsTeam: true }) { team = u.DisplayName; u = u.Parent; }
            if (u != null) { department = u.DisplayName; u = u.Parent; }
            if (u != null) division = u.DisplayName;
            Field(line, division ?? "").Append(';');
            Field(line, department ?? "").Append(';');
            Field(line, team ?? "").Append(';');
            Field(line, p.Roles.Count > 0 ? p.Roles[0].DisplayName : "").Append(';');
            Field(line, string.Join("|", p.Roles.Skip(1).Select(r => r.DisplayName)));
            line.Append('\n');
            output.Write(line);
        }
    }

    private static StringBuilder Field(StringBuilder sb, string value)
    {
        if (value.AsSpan().IndexOfAny(";\"\n\r|") < 0) return sb.Append(value);
        return sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
