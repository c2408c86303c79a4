using System.Globalization;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Privacy;
using Vertrieb40.Rules.Reading.Json;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Reading.HrExport;

/// <summary>The row-by-row part of <see cref="HrExportReader"/>: header, people, units, roles, managers.</summary>
internal sealed class HrExportImporter
{
    private static readonly int FieldCount = Enum.GetValues<HrField>().Length;

    private readonly CsvRecordReader _csv;
    private readonly string? _filePath;
    private readonly ColumnMapping? _mapping;
    private readonly InputErrors _errors;
    private readonly PrivacyOptions _privacy;
    private readonly Organization _org = new();
    private readonly int[] _column = new int[FieldCount];     // 0-based column per field, -1 when absent
    private string[] _header = Array.Empty<string>();
    private readonly Dictionary<string, Unit> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Role Role, string[] Ids)> _roles = new(StringComparer.Ordinal);
    private readonly EntityOrigin _rowSource;

    // Manager references are resolved after the last row (a manager may come after the people they lead).
    private readonly List<string?> _managerRef = new();
    private readonly List<bool> _managerByName = new();
    private readonly List<int> _managerColumn = new();

    public HrExportImporter(TextReader text, string? filePath, ColumnMapping? mapping, InputErrors errors, PrivacyOptions privacy)
    {
        _csv = new CsvRecordReader(text, mapping?.Delimiter);
        _filePath = filePath;
        _mapping = mapping;
        _errors = errors;
        _privacy = privacy;
        _rowSource = new EntityOrigin(filePath, "rows");
        _org.FilePath = filePath;
        _org.Name = filePath is null ? null : Path.GetFileNameWithoutExtension(filePath);
        Array.Fill(_column, -1);
    }

    /// <summary>Imports the rows; null when the header cannot be used (nothing else can be read then).</summary>
    public Organization? Import()
    {
        if (!_csv.Read())
        {
            _errors.Add(InputDescriptors.UnusableCsvHeader, At(1, 1, ""), "the file is empty (expected a header row such as 'Personalnummer;Name;Vorgesetzter;Abteilung;Stelle')");
            return null;
        }
        if (!ReadHeader()) return null;
        var keep = new bool[_header.Length];
        foreach (var col in _column)
            if (col >= 0) keep[col] = true;
        _csv.Keep = keep;
        var record = 0;
        while (_csv.Read())
        {
            ReadRow(record);
            record++;
        }
        if (record == 0)
            _errors.Add(InputDescriptors.InvalidCsv, At(_csv.RecordLine + 1, 1, ""), "the export has a header but no rows");
        ResolveManagers();
        return _org;
    }

    // ------------------------------------------------------------------ header

    private bool ReadHeader()
    {
        var line = _csv.RecordLine;
        _header = _csv.Fields.ToArray();
        if (_csv.Error != null)
        {
            _errors.Add(InputDescriptors.UnusableCsvHeader, At(_csv.ErrorLine, _csv.ErrorField, "/header"), _csv.Error);
            return false;
        }
        var ok = true;
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _header.Length; i++)
        {
            var key = HrHeaderSynonyms.Normalize(_header[i]);
            if (key.Length == 0) continue;
            if (byName.TryGetValue(key, out var first))
            {
                _errors.Add(InputDescriptors.UnusableCsvHeader, At(line, i + 1, "/header/" + i),
                    $"column {i + 1} '{_header[i]}' has the same name as column {first + 1} '{_header[first]}' (rename one of them)");
                ok = false;
            }
            else byName[key] = i;
        }
        if (!ok) return false;

        var claimed = new bool[_header.Length];
        if (_mapping != null)
            foreach (var (field, name) in _mapping.Columns)
            {
                if (byName.TryGetValue(HrHeaderSynonyms.Normalize(name), out var col))
                {
                    _column[(int)field] = col;
                    claimed[col] = true;
                }
                else
                {
                    _errors.Add(InputDescriptors.UnusableCsvHeader, At(line, 1, "/header"),
                        $"the column mapping names '{name}' for {Camel(field)}, but the header has no such column (columns: {string.Join(", ", _header.Select(h => "'" + h + "'"))})");
                    ok = false;
                }
            }
        for (var i = 0; i < _header.Length; i++)
        {
            if (claimed[i] || !HrHeaderSynonyms.TryMatch(_header[i], out var field)) continue;
            var existing = _column[(int)field];
            if (existing >= 0)
            {
                if (_mapping?.Columns.ContainsKey(field) == true) continue; // the mapping chose; the synonym is ignored
                _errors.Add(InputDescriptors.UnusableCsvHeader, At(line, i + 1, "/header/" + i),
                    $"columns {existing + 1} '{_header[existing]}' and {i + 1} '{_header[i]}' both look like the {Words(field)}; name the one to use in a column mapping file (--mapping)");
                ok = false;
                continue;
            }
            _column[(int)field] = i;
        }
        if (_column[(int)HrField.EmployeeId] < 0)
        {
            _errors.Add(InputDescriptors.UnusableCsvHeader, At(line, 1, "/header"),
                $"no column holds the employee id (expected a header such as 'Employee ID', 'EmpID', 'Worker_ID' or 'Personalnummer', or a column mapping); the first row is: {string.Join(_csv.Delimiter == '\t' ? " | " : _csv.Delimiter.ToString(), _header.Take(8))}");
            ok = false;
        }
        return ok;
    }

    // ------------------------------------------------------------------ rows

    private void ReadRow(int record)
    {
        var fields = _csv.Fields;
        var line = _csv.RecordLine;
        var pointer = "/rows/" + record.ToString(CultureInfo.InvariantCulture);
        if (_csv.Error != null)
            _errors.Add(InputDescriptors.InvalidCsv, At(_csv.ErrorLine, _csv.ErrorField, pointer), _csv.Error);
        else if (fields.Count != _header.Length)
            _errors.Add(InputDescriptors.InvalidCsv, At(line, Math.Min(fields.Count, _header.Length + 1), pointer),
                $"the row at line {line} has {fields.Count} fields, but the header has {_header.Length} (a value that contains '{Printable(_csv.Delimiter)}' must be quoted)");

        var idCol = _column[(int)HrField.EmployeeId];
        var id = Get(HrField.EmployeeId);
        var person = new Person
        {
            Id = id,
            Index = _org.People.Count,
            Start = new SourcePosition(line, 1),
            End = new SourcePosition(fields.Count > 0 ? _csv.FieldLines[^1] : line, Math.Max(1, fields.Count)),
            Origin = _rowSource,
        };
        if (id.Length == 0)
            _errors.Add(InputDescriptors.InvalidCsv, At(LineOf(idCol), idCol + 1, pointer + "/employeeId"),
                $"the row at line {line} has no employee id in column {idCol + 1} '{_header[idCol]}'");

        var name = Get(HrField.Name);
        if (name.Length == 0)
        {
            var first = Get(HrField.FirstName);
            var last = Get(HrField.LastName);
            name = first.Length == 0 ? last : last.Length == 0 ? first : first + " " + last;
        }
        person.Name = name.Length == 0 ? null : name;

        var unit = UnitOf(Get(HrField.Division), Get(HrField.Department), record);
        if (unit != null)
        {
            person.UnitId = unit.Id;
            var col = _column[(int)HrField.Department] >= 0 && Get(HrField.Department).Length > 0 ? _column[(int)HrField.Department] : _column[(int)HrField.Division];
            person.UnitIdPosition = new SourcePosition(LineOf(col), col + 1);
        }
        var title = Get(HrField.JobTitle);
        if (title.Length > 0)
        {
            person.RoleIds = RoleOf(title, record);
            var col = _column[(int)HrField.JobTitle];
            person.RoleIdsPosition = new SourcePosition(LineOf(col), col + 1);
        }

        var managerId = Get(HrField.ManagerId);
        var managerName = Get(HrField.ManagerName);
        var byName = managerId.Length == 0 && managerName.Length > 0;
        var managerCol = byName ? _column[(int)HrField.ManagerName] : _column[(int)HrField.ManagerId] >= 0 ? _column[(int)HrField.ManagerId] : _column[(int)HrField.ManagerName];
        _managerRef.Add(byName ? managerName : managerId.Length > 0 ? managerId : null);
        _managerByName.Add(byName);
        _managerColumn.Add(managerCol);
        if (managerCol >= 0) person.ManagerIdPosition = new SourcePosition(LineOf(managerCol), managerCol + 1);
        _org.People.Add(person);
    }

    private Unit? UnitOf(string division, string department, int record)
    {
        Unit? parent = null;
        if (division.Length > 0) parent = GetOrAddUnit(division, division, null, UnitKind.Division, HrField.Division, record);
        if (department.Length == 0) return parent;
        // Two divisions may each have a department of the same name: the id is the path.
        var id = parent is null ? department : parent.Id + "/" + department;
        return GetOrAddUnit(id, department, parent, UnitKind.Department, HrField.Department, record);
    }

    private Unit GetOrAddUnit(string id, string name, Unit? parent, UnitKind kind, HrField field, int record)
    {
        if (_units.TryGetValue(id, out var u)) return u;
        var col = _column[(int)field];
        var pointer = "/rows/" + record.ToString(CultureInfo.InvariantCulture) + "/" + Camel(field);
        u = new Unit
        {
            Id = id,
            Name = name,
            Kind = kind,
            Function = FunctionInference.FromName(name),
            ParentId = parent?.Id,
            Index = _org.Units.Count,
            Start = new SourcePosition(LineOf(col), col + 1),
            Origin = new EntityOrigin(_filePath, null, pointer),
        };
        u.End = u.Start;
        if (parent != null) u.SetPropertyPosition("parentId", u.Start);
        _units[id] = u;
        _org.Units.Add(u);
        return u;
    }

    private string[] RoleOf(string title, int record)
    {
        if (_roles.TryGetValue(title, out var r)) return r.Ids;
        var col = _column[(int)HrField.JobTitle];
        var role = new Role
        {
            Id = title,
            Name = title,
            Function = FunctionInference.FromName(title),
            FunctionInferred = true, // a guess from the job title, not a statement: rules that need role functions do not rely on it
            Index = _org.Roles.Count,
            Start = new SourcePosition(LineOf(col), col + 1),
            Origin = new EntityOrigin(_filePath, null, "/rows/" + record.ToString(CultureInfo.InvariantCulture) + "/jobTitle"),
        };
        role.End = role.Start;
        var ids = new[] { title }; // shared by every holder: a million people, one array per title
        _roles[title] = (role, ids);
        _org.Roles.Add(role);
        return ids;
    }

    // ------------------------------------------------------------------ managers

    private void ResolveManagers()
    {
        var people = _org.People;
        var byId = new Dictionary<string, Person>(people.Count, StringComparer.Ordinal);
        foreach (var p in people)
            if (p.Id.Length > 0) byId.TryAdd(p.Id, p);
        Dictionary<string, (Person First, int Count)>? byName = null;
        Dictionary<string, (Person First, int Count)> Names()
        {
            if (byName != null) return byName;
            byName = new Dictionary<string, (Person, int)>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in people)
            {
                if (p.Name is null) continue;
                var key = NameKey(p.Name);
                byName[key] = byName.TryGetValue(key, out var e) ? (e.First, e.Count + 1) : (p, 1);
            }
            return byName;
        }

        var hasManagerColumn = _column[(int)HrField.ManagerId] >= 0 || _column[(int)HrField.ManagerName] >= 0;
        Person? top = null;
        for (var i = 0; i < people.Count; i++)
        {
            var p = people[i];
            var reference = _managerRef[i];
            var col = _managerColumn[i];
            var pointer = "/rows/" + i.ToString(CultureInfo.InvariantCulture) + "/" + (_managerByName[i] ? "managerName" : "managerId");
            // HR systems often record the head of the company as their own manager: that is the top, not a cycle.
            if (reference is null || (!_managerByName[i] && reference == p.Id))
            {
                if (!hasManagerColumn) continue;
                if (top is null) top = p;
                else _errors.Add(InputDescriptors.MissingManager, PersonAt(p, col, pointer), p.Start.Line, top.Start.Line);
                continue;
            }
            if (!_managerByName[i])
            {
                if (byId.TryGetValue(reference, out var m)) { p.ManagerId = m.Id; continue; }
                // A "manager id" column that holds names (common in German exports: "Vorgesetzter").
                if (Names().TryGetValue(NameKey(reference), out var named) && named.Count == 1) { p.ManagerId = named.First.Id; continue; }
                _errors.Add(InputDescriptors.UnknownManager, PersonAt(p, col, pointer), p.Start.Line, "'" + _privacy.DisplayId(reference) + "'");
                continue;
            }
            if (Names().TryGetValue(NameKey(reference), out var e))
            {
                if (e.Count == 1) { p.ManagerId = e.First.Id; continue; }
                _errors.Add(InputDescriptors.AmbiguousManagerName, PersonAt(p, col, pointer), p.Start.Line, ShownName(reference, col), e.Count);
                continue;
            }
            _errors.Add(InputDescriptors.UnknownManager, PersonAt(p, col, pointer), p.Start.Line, ShownName(reference, col));
        }
    }

    private object ShownName(string name, int col)
        => _privacy.DisplayName(name) is { } shown ? "'" + shown + "'" : new HiddenName(col + 1, _header[col]);

    /// <summary>Stands in for a hidden name in a message, in the language the message is shown in.</summary>
    private sealed class HiddenName(int column, string header) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider)
            => (formatProvider as CultureInfo ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "de"
                ? $"in Spalte {column} '{header}' (Name verborgen; --show-names zeigt ihn)"
                : $"in column {column} '{header}' (name hidden; --show-names shows it)";

        public override string ToString() => ToString(null, CultureInfo.InvariantCulture);
    }

    private static string NameKey(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    // ------------------------------------------------------------------ helpers

    private string Get(HrField field)
    {
        var col = _column[(int)field];
        return col >= 0 && col < _csv.Fields.Count ? _csv.Fields[col] : "";
    }

    private int LineOf(int col) => col >= 0 && col < _csv.FieldLines.Count ? _csv.FieldLines[col] : _csv.RecordLine;

    private Location At(int line, int column, string pointer)
        => new(_filePath, pointer, new LineSpan(line, Math.Max(1, column), line, Math.Max(1, column)));

    private Location PersonAt(Person p, int col, string pointer)
    {
        var pos = p.ManagerIdPosition.IsKnown ? p.ManagerIdPosition : p.Start;
        return new Location(_filePath, pointer, new LineSpan(pos.Line, pos.Column, pos.Line, pos.Column), p.Collection,
            p.Id.Length == 0 ? null : _privacy.DisplayId(p.Id));
    }

    private static string Camel(HrField f) { var s = f.ToString(); return char.ToLowerInvariant(s[0]) + s[1..]; }

    private static string Words(HrField f) => f switch
    {
        HrField.EmployeeId => "employee id",
        HrField.ManagerId => "manager id",
        HrField.ManagerName => "manager name",
        HrField.JobTitle => "job title",
        HrField.FirstName => "first name",
        HrField.LastName => "last name",
        HrField.CostCenter => "cost centre",
        _ => f.ToString().ToLowerInvariant(),
    };

    private static string Printable(char c) => c == '\t' ? "\\t" : c.ToString();
}
