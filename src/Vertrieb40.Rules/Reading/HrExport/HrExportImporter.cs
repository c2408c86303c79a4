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

    // A row with more fields than this is broken (or hostile): the rest of it is parsed but not kept.
    private const int MaxFieldsPerRow = 4096;

    private readonly IRecordSource _csv;
    private readonly string? _filePath;
    private readonly ColumnMapping? _mapping;
    private readonly InputErrors _errors;
    private readonly PrivacyOptions _privacy;
    private readonly int _summaryThreshold;
    private readonly Organization _org = new();
    private readonly int[] _column = new int[FieldCount];     // 0-based column per field, -1 when absent
    private int _managerKeyColumn = -1;                        // managerKey { "column": … }
    private string[] _header = Array.Empty<string>();
    private readonly Dictionary<string, Unit> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<(Unit? Parent, string Name), Unit> _unitByParentAndName = new();
    private readonly Dictionary<string, Role> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _roleSets = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Title, string Roles), string[]> _roleSetsWithRoles = new();
    // Each employee id's person (the first row of the id): finds repeated rows, and is the manager index by id.
    private readonly Dictionary<string, Person> _personOfId = new(StringComparer.Ordinal);
    private readonly EntityOrigin _rowSource;
    private readonly RowProblems _duplicates = new();
    private readonly Dictionary<Unit, FunctionEvidence> _unitEvidence = new(ReferenceEqualityComparer.Instance);

    // Manager references are resolved after the last row (a manager may come after the people they lead); a list
    // only for a column the export has.
    private List<string?>? _managerIdValue;
    private List<string?>? _managerNameValue;
    private List<string?>? _keyValue;

    // The unit and the role ids of the last row, by its (pooled) values: exports sorted by department repeat them.
    private (string Division, string Department, string Team, Unit? Unit) _lastUnit = ("", "", "", null);
    private (string Title, string Roles, string[] Ids) _lastRoles = ("", "", Array.Empty<string>());

    // The input's length in characters (0: unknown), for pre-sizing the per-person collections.
    private readonly long _inputChars;

    // inputChars: the input's length in characters when known (0 otherwise); collections are sized for the rows it likely holds.
    public HrExportImporter(TextReader text, string? filePath, ColumnMapping? mapping, InputErrors errors, PrivacyOptions privacy, ReaderOptions options, long inputChars = 0)
        : this(new CsvRecordReader(text, mapping?.Delimiter, options.MaxStringLength, MaxFieldsPerRow), filePath, mapping, errors, privacy, options)
    {
        _inputChars = inputChars;
    }

    /// <summary>An export whose rows come from elsewhere (a worksheet).</summary>
    public HrExportImporter(IRecordSource rows, string? filePath, ColumnMapping? mapping, InputErrors errors, PrivacyOptions privacy, ReaderOptions options)
    {
        _csv = rows;
        _filePath = filePath;
        _mapping = mapping;
        _errors = errors;
        _privacy = privacy;
        _summaryThreshold = options.HrExport.SummaryThreshold;
        _rowSource = new EntityOrigin(filePath, "rows");
        _org.FilePath = filePath;
        _org.Name = filePath is null ? null : Path.GetFileNameWithoutExtension(filePath);
        Array.Fill(_column, -1);
    }

    /// <summary>
    /// The people by work e-mail address (case-insensitive), for matching calendar attendees; an address two rows
    /// share matches nobody. Kept here, never in the model: no output can show an address.
    /// </summary>
    public Dictionary<string, Person?> PeopleByEmail { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The column mapping the export was read with (its <c>"meetings"</c> apply to calendars too).</summary>
    public ColumnMapping? Mapping => _mapping;

    /// <summary>How each unit and role got its business function (in the order they were created).</summary>
    public List<FunctionEvidence> Functions { get; } = new();

    /// <summary>
    /// The people by employee id (the first row of each id; rows without an id are not in it), as the linker
    /// would index them: handed to it so a million ids are not hashed into a second dictionary.
    /// </summary>
    public Dictionary<string, Person> PeopleById => _personOfId;

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
        if (_managerKeyColumn >= 0) keep[_managerKeyColumn] = true;
        _csv.Keep = keep;
        // Values that repeat from row to row: one string each for a million rows (ids and names are unique, not pooled).
        var intern = new bool[_header.Length];
        foreach (var field in new[] { HrField.Division, HrField.Department, HrField.Team, HrField.JobTitle, HrField.Roles, HrField.ManagerId, HrField.ManagerName })
            if (_column[(int)field] >= 0) intern[_column[(int)field]] = true;
        _csv.Intern = intern;
        if (_column[(int)HrField.ManagerId] >= 0) _managerIdValue = new List<string?>();
        if (_column[(int)HrField.ManagerName] >= 0) _managerNameValue = new List<string?>();
        if (_managerKeyColumn >= 0) _keyValue = new List<string?>();
        PreSize();
        var record = 0;
        while (_csv.Read())
        {
            ReadRow(record);
            record++;
        }
        if (record == 0)
            _errors.Add(InputDescriptors.InvalidCsv, At(_csv.RecordLine + 1, 1, ""), "the export has a header but no rows");
        Report(_duplicates, InputDescriptors.DuplicateEmployeeId, InputDescriptors.DuplicateEmployeeIdRows, null);
        new ManagerResolution(this).Run();
        return _org;
    }

    // A million rows grow each per-person collection a dozen times, and every large array it leaves behind
    // brings a full collection of the live model forward (measured: 12 of 15 collections at 1M rows). The rows
    // to expect follow from the input's length and the length of the first lines; rows assumed at least 32
    // characters long, so short first lines cannot make the guess (and the memory it reserves) run away.
    private void PreSize()
    {
        if (_inputChars <= 0 || _csv is not CsvRecordReader { CharsPerLine: { } perLine }) return;
        var rows = (int)Math.Min(_inputChars / Math.Max(perLine, 32), 1 << 26);
        if (rows < 1024) return;
        _org.PeopleList.Capacity = rows;
        _personOfId.EnsureCapacity(rows);
        if (_managerIdValue != null) _managerIdValue.Capacity = rows;
        if (_managerNameValue != null) _managerNameValue.Capacity = rows;
        if (_keyValue != null) _keyValue.Capacity = rows;
    }

    // ------------------------------------------------------------------ header

    private bool ReadHeader()
    {
        var line = _csv.RecordLine;
        _header = _csv.Fields.ToArray();
        if (_csv.Error != null)
        {
            _errors.Add(_csv.ErrorIsLimit ? InputDescriptors.LimitExceeded : InputDescriptors.UnusableCsvHeader, At(_csv.ErrorLine, _csv.ErrorField, "/header"),
                _csv.ErrorIsLimit ? "the header: " + _csv.Error : _csv.Error);
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
        {
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
            if (_mapping.ManagerKeyColumn is { } keyColumn)
            {
                if (byName.TryGetValue(HrHeaderSynonyms.Normalize(keyColumn), out var col)) _managerKeyColumn = col;
                else
                {
                    _errors.Add(InputDescriptors.UnusableCsvHeader, At(line, 1, "/header"),
                        $"the column mapping's managerKey names the column '{keyColumn}', but the header has no such column (columns: {string.Join(", ", _header.Select(h => "'" + h + "'"))})");
                    ok = false;
                }
            }
        }
        for (var i = 0; i < _header.Length; i++)
        {
            if (claimed[i] || !HrHeaderSynonyms.TryMatch(_header[i], out var field)) continue;
            var existing = _column[(int)field];
            if (existing >= 0)
            {
                if (_mapping?.Columns.ContainsKey(field) == true) continue; // the mapping chose; the synonym is ignored
                if (field == HrField.Email)
                {
                    // A private and a work address: calendars invite the work one. Only attendees are matched by it,
                    // so a second address column is no reason to refuse the export.
                    if (HrHeaderSynonyms.IsWorkEmail(_header[i]) && !HrHeaderSynonyms.IsWorkEmail(_header[existing])) _column[(int)field] = i;
                    continue;
                }
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
        // The row's pointer is formatted only for a problem: a million rows must not format a million of them.
        string RowPointer() => "/rows/" + record.ToString(CultureInfo.InvariantCulture);
        if (_csv.Error != null)
            _errors.Add(_csv.ErrorIsLimit ? InputDescriptors.LimitExceeded : InputDescriptors.InvalidCsv, At(_csv.ErrorLine, _csv.ErrorField, RowPointer()),
                _csv.ErrorIsLimit ? $"the row at line {line}: {_csv.Error}" : _csv.Error);
        else if (fields.Count != _header.Length)
            _errors.Add(InputDescriptors.InvalidCsv, At(line, Math.Min(fields.Count, _header.Length + 1), RowPointer()),
                $"the row at line {line} has {fields.Count} fields, but the header has {_header.Length} (a value that contains '{Printable(_csv.Delimiter)}' must be quoted)");

        var idCol = _column[(int)HrField.EmployeeId];
        var id = Get(HrField.EmployeeId);
        // SAP SuccessFactors' user data file repeats the header as labels in its second row ("USERID" under USERID).
        if (record == 0 && _org.People.Count == 0 && id.Length > 0 && string.Equals(id, _header[idCol], StringComparison.OrdinalIgnoreCase)) return;
        if (id.Length == 0)
            _errors.Add(InputDescriptors.InvalidCsv, At(LineOf(idCol), idCol + 1, RowPointer() + "/employeeId"),
                $"the row at line {line} has no employee id in column {idCol + 1} '{_header[idCol]}'");
        else if (_personOfId.TryGetValue(id, out var firstRow))
        {
            // A repeated row (exports joined with a history table repeat every person) is left out: the person is
            // the first row's. Said once per row, or once for all of them; the id only with --show-names.
            _duplicates.Add(new Location(_filePath, RowPointer() + "/employeeId", Span(LineOf(idCol), idCol + 1)), line, firstRow.Start.Line,
                _privacy.ShowNames ? " ('" + _privacy.DisplayId(id) + "')" : new HiddenValue(idCol + 1, _header[idCol], leadingSpace: true, isName: false));
            return;
        }

        var person = new Person
        {
            Id = id,
            Index = _org.People.Count,
            Start = new SourcePosition(line, 1),
            End = new SourcePosition(fields.Count > 0 ? _csv.FieldLines[^1] : line, Math.Max(1, fields.Count)),
            Origin = _rowSource,
        };
        if (id.Length > 0) _personOfId[id] = person;

        var name = Get(HrField.Name);
        if (name.Length == 0)
        {
            var first = Get(HrField.FirstName);
            var last = Get(HrField.LastName);
            name = first.Length == 0 ? last : last.Length == 0 ? first : first + " " + last;
        }
        person.Name = name.Length == 0 ? null : name;

        var team = Get(HrField.Team);
        var department = Get(HrField.Department);
        var division = Get(HrField.Division);
        // Pooled values: the same string as the last row's means the same unit.
        var unit = ReferenceEquals(team, _lastUnit.Team) && ReferenceEquals(department, _lastUnit.Department) && ReferenceEquals(division, _lastUnit.Division)
            ? _lastUnit.Unit
            : (_lastUnit = (division, department, team, UnitOf(division, department, team, record))).Unit;
        if (unit != null)
        {
            person.UnitId = unit.Id;
            var col = _column[(int)(team.Length > 0 ? HrField.Team : department.Length > 0 ? HrField.Department : HrField.Division)];
            person.UnitIdPosition = new SourcePosition(LineOf(col), col + 1);
        }
        var title = Get(HrField.JobTitle);
        var rolesValue = Get(HrField.Roles);
        var roleIds = ReferenceEquals(title, _lastRoles.Title) && ReferenceEquals(rolesValue, _lastRoles.Roles)
            ? _lastRoles.Ids
            : (_lastRoles = (title, rolesValue, RolesOf(title, rolesValue, record))).Ids;
        if (roleIds.Length > 0)
        {
            person.RoleIds = roleIds;
            var col = title.Length > 0 ? _column[(int)HrField.JobTitle] : _column[(int)HrField.Roles];
            person.RoleIdsPosition = new SourcePosition(LineOf(col), col + 1);
        }

        _managerIdValue?.Add(NullIfEmpty(Get(HrField.ManagerId)));
        _managerNameValue?.Add(NullIfEmpty(Get(HrField.ManagerName)));
        _keyValue?.Add(_managerKeyColumn < fields.Count ? NullIfEmpty(fields[_managerKeyColumn]) : null);
        var managerCol = _column[(int)HrField.ManagerId] >= 0 ? _column[(int)HrField.ManagerId] : _column[(int)HrField.ManagerName];
        if (managerCol >= 0) person.ManagerIdPosition = new SourcePosition(LineOf(managerCol), managerCol + 1);
        if (NullIfEmpty(Get(HrField.Email)) is { } email)
        {
            email = email.Trim();
            if (email.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) email = email[7..];
            // Shared by two rows (a team mailbox written into each row): ambiguous, so it matches nobody.
            if (!PeopleByEmail.TryAdd(email, person)) PeopleByEmail[email] = null;
        }
        _org.PeopleList.Add(person);
    }

    // What exports write for "no value": SQL NULL, pandas NaN, Excel #N/A.
    private static string? NullIfEmpty(string value)
        => value.Length == 0 || value is "-" || value.Equals("NULL", StringComparison.OrdinalIgnoreCase) || value.Equals("NA", StringComparison.OrdinalIgnoreCase)
           || value.Equals("N/A", StringComparison.OrdinalIgnoreCase) || value.Equals("#N/A", StringComparison.OrdinalIgnoreCase)
           || value.Equals("NaN", StringComparison.OrdinalIgnoreCase) || value.Equals("none", StringComparison.OrdinalIgnoreCase)
           || value.Equals("NO_MANAGER", StringComparison.OrdinalIgnoreCase) // SuccessFactors' word for the top
            ? null : value;

    private Unit? UnitOf(string division, string department, string team, int record)
    {
        Unit? parent = null;
        if (division.Length > 0) parent = GetOrAddUnit(division, null, UnitKind.Division, HrField.Division, record);
        if (department.Length > 0) parent = GetOrAddUnit(department, parent, UnitKind.Department, HrField.Department, record);
        if (team.Length > 0) parent = GetOrAddUnit(team, parent, UnitKind.Team, HrField.Team, record);
        return parent;
    }

    /// <summary>
    /// A unit's id is its path of names below the export's top ("Vertrieb/Vertrieb Nord/Team A"): two divisions may
    /// each have a department of the same name. A '/' or '\' inside a name is escaped with '\', so division
    /// "Vertrieb/Nord" + department "Team" and division "Vertrieb" + department "Nord/Team" stay two units.
    /// </summary>
    internal static string UnitId(string? parentId, string name)
    {
        var part = name.Contains('/') || name.Contains('\\') ? name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("/", "\\/", StringComparison.Ordinal) : name;
        return parentId is null ? part : parentId + "/" + part;
    }

    private Unit GetOrAddUnit(string name, Unit? parent, UnitKind kind, HrField field, int record)
    {
        // Looked up by (parent, name) first: a million rows, a few thousand units, no id string built per row.
        if (_unitByParentAndName.TryGetValue((parent, name), out var known)) return known;
        var id = UnitId(parent?.Id, name);
        if (_units.TryGetValue(id, out var u)) return _unitByParentAndName[(parent, name)] = u;
        var col = _column[(int)field];
        var pointer = "/rows/" + record.ToString(CultureInfo.InvariantCulture) + "/" + Camel(field);
        u = new Unit
        {
            Id = id,
            Name = name,
            Kind = kind,
            ParentId = parent?.Id,
            Index = _org.Units.Count,
            Start = new SourcePosition(LineOf(col), col + 1),
            Origin = new EntityOrigin(_filePath, null, pointer),
        };
        u.End = u.Start;
        if (parent != null) u.SetPropertyPosition("parentId", u.Start);
        var evidence = Classify(u, name, _mapping?.UnitFunctions, field == HrField.Team ? FunctionSource.TeamName : field == HrField.Division ? FunctionSource.DivisionName : FunctionSource.DepartmentName);
        if (evidence.Function is null && parent != null && _unitEvidence.TryGetValue(parent, out var parentEvidence) && parentEvidence.Function is { } inherited)
        {
            // A department of the sales division, a team of the sales department: the parent's name is the evidence.
            evidence = new FunctionEvidence(u, inherited, FunctionSource.Parent, parent.Name);
        }
        u.Function = evidence.Function ?? BusinessFunction.Other;
        Functions.Add(evidence);
        _unitEvidence[u] = evidence;
        _units[id] = u;
        _unitByParentAndName[(parent, name)] = u;
        _org.UnitsList.Add(u);
        return u;
    }

    private static FunctionEvidence Classify(Entity entity, string name, IReadOnlyList<FunctionPattern>? patterns, FunctionSource fromName)
    {
        if (patterns != null)
            foreach (var p in patterns)
                if (p.Matches(name)) return new FunctionEvidence(entity, p.Function, FunctionSource.Mapping, p.Pattern);
        return new FunctionEvidence(entity, FunctionInference.Classify(name, isUnit: entity is Unit), fromName, null);
    }

    private static readonly char[] RoleSeparators = { ';', ',', '|' };

    private string[] RolesOf(string title, string roles, int record)
    {
        if (roles.Length == 0) return title.Length == 0 ? Array.Empty<string>() : RoleSet(title, title, record);
        if (_roleSetsWithRoles.TryGetValue((title, roles), out var ids)) return ids;
        var list = new List<string>();
        if (title.Length > 0) list.Add(RoleOf(title, HrField.JobTitle, record).Id);
        foreach (var part in roles.Split(RoleSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var id = RoleOf(part, HrField.Roles, record).Id;
            if (!list.Contains(id)) list.Add(id);
        }
        ids = list.ToArray();
        _roleSetsWithRoles[(title, roles)] = ids;
        return ids;
    }

    // One array per distinct title, shared by every holder: a million people, a few hundred arrays.
    private string[] RoleSet(string key, string title, int record)
    {
        if (_roleSets.TryGetValue(key, out var ids)) return ids;
        ids = new[] { RoleOf(title, HrField.JobTitle, record).Id };
        _roleSets[key] = ids;
        return ids;
    }

    private Role RoleOf(string title, HrField field, int record)
    {
        if (_roles.TryGetValue(title, out var r)) return r;
        var col = _column[(int)field];
        var role = new Role
        {
            Id = title,
            Name = title,
            FunctionInferred = true, // a guess from the job title, not a statement: rules that need role functions do not rely on it
            Index = _org.Roles.Count,
            Start = new SourcePosition(LineOf(col), col + 1),
            Origin = new EntityOrigin(_filePath, null, "/rows/" + record.ToString(CultureInfo.InvariantCulture) + "/" + Camel(field)),
        };
        role.End = role.Start;
        var evidence = Classify(role, title, _mapping?.RoleFunctions, FunctionSource.JobTitle);
        role.Function = evidence.Function ?? BusinessFunction.Other;
        Functions.Add(evidence);
        _roles[title] = role;
        _org.RolesList.Add(role);
        return role;
    }

    // ------------------------------------------------------------------ managers

    /// <summary>
    /// Decides what the manager column refers to, from the evidence of the whole export, then resolves each row.
    /// Exports write it three ways: the manager's employee id; a numbering of their own (HRDataset's ManagerID
    /// 1…39 next to EmpIDs 10001…), with the manager's name in another column; or the name itself.
    /// </summary>
    private sealed class ManagerResolution(HrExportImporter owner)
    {
        private readonly List<Person> _people = owner._org.PeopleList;
        private Dictionary<string, Person>? _byKey;
        private PersonNameIndex? _names;
        private readonly RowProblems _unknown = new();
        private readonly RowProblems _ambiguous = new();
        private readonly RowProblems _missing = new();

        private Dictionary<string, Person> ById() => owner._personOfId;

        private PersonNameIndex Names() => _names ??= new PersonNameIndex(_people);

        public void Run()
        {
            var o = owner;
            var idCol = o._column[(int)HrField.ManagerId];
            var nameCol = o._column[(int)HrField.ManagerName];
            if (idCol < 0 && nameCol < 0) return;
            var mode = o._mapping?.ManagerKey;

            // Evidence: how many id values are employee ids, and how many rows resolve by name instead.
            int idRows = 0, idHits = 0, anyRows = 0;
            for (var i = 0; i < _people.Count; i++)
            {
                if (o._managerIdValue?[i] != null || o._managerNameValue?[i] != null) anyRows++;
                if (o._managerIdValue?[i] is { } v)
                {
                    idRows++;
                    if (ById().ContainsKey(v)) idHits++;
                }
            }
            var useIdColumn = true;     // id values are tried as employee ids
            var idValuesAsNames = true; // id values that are no id are tried as names (German "Vorgesetzter: Anna Albers")
            var useNameColumn = true;   // the manager-name column, where the id column gives nothing usable
            if (mode == ManagerKey.EmployeeId) { idValuesAsNames = false; useNameColumn = false; }
            else if (mode == ManagerKey.Name) useIdColumn = false;
            else if (mode == ManagerKey.Column) { ResolveByColumn(); return; }
            else if (idCol >= 0 && idRows > 0 && idHits * 2 < idRows)
            {
                // Most id values are not employee ids: another numbering, or names. Count what names resolve.
                var byNameColumn = o._managerNameValue is { } names ? CountByName(names) : 0;
                var byIdValues = CountByName(o._managerIdValue!);
                if (byNameColumn == 0 && byIdValues == 0)
                {
                    o.AddInfo(InputDescriptors.ManagerKeyUnresolved, o.At(1, idCol + 1, "/header/" + idCol), o._header[idCol], idHits, anyRows);
                }
                else
                {
                    useIdColumn = false;
                    var viaNameColumn = byNameColumn >= byIdValues;
                    useNameColumn = viaNameColumn;
                    idValuesAsNames = !viaNameColumn;
                    var resolvedBy = viaNameColumn ? nameCol : idCol;
                    o.AddInfo(InputDescriptors.ManagerKey, o.At(1, resolvedBy + 1, "/header/" + resolvedBy), o._header[idCol], idHits, anyRows,
                        o._header[resolvedBy], viaNameColumn ? byNameColumn : byIdValues);
                }
            }

            Person? top = null;
            for (var i = 0; i < _people.Count; i++)
            {
                var p = _people[i];
                var idValue = idCol >= 0 && (useIdColumn || idValuesAsNames) ? o._managerIdValue![i] : null;
                var nameValue = nameCol >= 0 && useNameColumn ? o._managerNameValue![i] : null;
                var (col, field) = idValue != null || (nameValue is null && idCol >= 0) ? (idCol, "managerId") : (nameCol, "managerName");
                // The location is made only when the row has a problem: most rows resolve, and a million would be garbage.
                var at = new RowAt(p, col, i, field);
                // HR systems often record the head of the company as their own manager: that is the top, not a cycle.
                if ((idValue is null && nameValue is null) || (idValue != null && useIdColumn && idValue == p.Id))
                {
                    if (top is null) top = p;
                    else _missing.Add(at.Location(o), p.Start.Line, top.Start.Line);
                    continue;
                }
                if (idValue != null)
                {
                    if (useIdColumn && ById().TryGetValue(idValue, out var m)) { p.ManagerId = m.Id; continue; }
                    if (idValuesAsNames && ByName(p, idValue, col, at)) continue;
                    if (nameValue is null || !useNameColumn)
                    {
                        if (!idValuesAsNames || !LooksLikeName(idValue)) _unknown.Add(at.Location(o), p.Start.Line, o.Shown(idValue, col, isName: !useIdColumn));
                        continue;
                    }
                    at = new RowAt(p, nameCol, i, "managerName");
                    col = nameCol;
                }
                if (nameValue != null) ByName(p, nameValue, col, at);
            }
            o.Report(_unknown, InputDescriptors.UnknownManager, InputDescriptors.UnknownManagerRows, null);
            o.Report(_ambiguous, InputDescriptors.AmbiguousManagerName, InputDescriptors.AmbiguousManagerRows, null);
            o.Report(_missing, InputDescriptors.MissingManager, InputDescriptors.MissingManagerRows, top?.Start.Line);
        }

        // A value of letters and spaces that did not resolve was tried as a name; ByName has reported it already.
        private static bool LooksLikeName(string value) => value.Any(char.IsLetter) && !value.Any(char.IsDigit);

        // True when resolved; otherwise a warning is recorded (unknown or ambiguous), except for a value that looks
        // like an id (the caller reports it as an unknown id).
        private bool ByName(Person p, string name, int col, RowAt at)
        {
            var (match, count) = Names().Find(name);
            if (match != null)
            {
                if (ReferenceEquals(match, p))
                {
                    // Their own name as manager: the top, as with their own id.
                    return true;
                }
                p.ManagerId = match.Id;
                return true;
            }
            if (count > 1) { _ambiguous.Add(at.Location(owner), p.Start.Line, owner.Shown(name, col, isName: true), count); return true; }
            if (LooksLikeName(name) || col == owner._column[(int)HrField.ManagerName])
            {
                _unknown.Add(at.Location(owner), p.Start.Line, owner.Shown(name, col, isName: true));
                return true;
            }
            return false;
        }

        private int CountByName(List<string?> values)
        {
            var n = 0;
            foreach (var v in values)
                if (v != null && Names().Find(v).Match != null) n++;
            return n;
        }

        private void ResolveByColumn()
        {
            var o = owner;
            var col = o._managerKeyColumn;
            var idCol = o._column[(int)HrField.ManagerId] >= 0 ? o._column[(int)HrField.ManagerId] : o._column[(int)HrField.ManagerName];
            var values = (o._column[(int)HrField.ManagerId] >= 0 ? o._managerIdValue : o._managerNameValue)!;
            _byKey = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
            var repeated = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < _people.Count; i++)
                if (o._keyValue![i] is { } k && !_byKey.TryAdd(k, _people[i])) repeated.Add(k);
            Person? top = null;
            int rows = 0, resolved = 0;
            for (var i = 0; i < _people.Count; i++)
            {
                var p = _people[i];
                var at = new RowAt(p, idCol, i, "managerId");
                var v = values[i];
                if (v is null || (o._keyValue![i] is { } own && string.Equals(own, v, StringComparison.OrdinalIgnoreCase)))
                {
                    if (top is null) top = p;
                    else _missing.Add(at.Location(o), p.Start.Line, top.Start.Line);
                    continue;
                }
                rows++;
                if (repeated.Contains(v)) { _ambiguous.Add(at.Location(o), p.Start.Line, o.Shown(v, idCol, isName: false), 2); continue; }
                if (_byKey.TryGetValue(v, out var m)) { p.ManagerId = m.Id; resolved++; continue; }
                _unknown.Add(at.Location(o), p.Start.Line, o.Shown(v, idCol, isName: false));
            }
            o.AddInfo(InputDescriptors.ManagerKeyColumn, o.At(1, col + 1, "/header/" + col), o._header[col], resolved, rows);
            o.Report(_unknown, InputDescriptors.UnknownManager, InputDescriptors.UnknownManagerRows, null);
            o.Report(_ambiguous, InputDescriptors.AmbiguousManagerName, InputDescriptors.AmbiguousManagerRows, null);
            o.Report(_missing, InputDescriptors.MissingManager, InputDescriptors.MissingManagerRows, top?.Start.Line);
        }
    }

    // ------------------------------------------------------------------ reporting

    /// <summary>Rows that share one problem: reported one by one, or — above the threshold — as one summary.</summary>
    private sealed class RowProblems
    {
        public List<(Location At, int Line, object?[] Args)> Items { get; } = new();
        public void Add(Location at, int line, params object?[] args) => Items.Add((at, line, args));
    }

    private void Report(RowProblems problems, DiagnosticDescriptor single, DiagnosticDescriptor summary, int? topLine)
    {
        var items = problems.Items;
        if (items.Count == 0) return;
        if (items.Count <= _summaryThreshold)
        {
            foreach (var (at, line, rest) in items) _errors.Add(single, at, new object?[] { line }.Concat(rest).ToArray());
            return;
        }
        // One diagnostic: the count and the first rows in its message (text and HTML stay readable), every row as
        // an additional location (JSON and SARIF list them all).
        var first = string.Join(", ", items.Take(10).Select(i => i.Line.ToString(CultureInfo.InvariantCulture))) + (items.Count > 10 ? ", …" : "");
        var args = topLine is { } top ? new object?[] { items.Count, top, first } : new object?[] { items.Count, first };
        var shown = items[0].At;
        var where = new Location(shown.FilePath, shown.JsonPointer, shown.Span, null, null);
        _errors.Add(Diagnostic.Create(summary, where, items.Select(i => i.At), null, args));
    }

    private void AddInfo(DiagnosticDescriptor descriptor, Location at, params object?[] args) => _errors.Add(descriptor, at, args);

    /// <summary>A manager value as it may appear: itself (or its pseudonym) with --show-names, else where it is.</summary>
    private object Shown(string value, int col, bool isName)
    {
        if (!_privacy.ShowNames) return new HiddenValue(col + 1, _header[col], leadingSpace: false, isName);
        return "'" + (isName ? _privacy.DisplayName(value) : _privacy.DisplayId(value)) + "'";
    }

    /// <summary>Stands in for a hidden name or id in a message, in the language the message is shown in.</summary>
    private sealed class HiddenValue(int column, string header, bool leadingSpace, bool isName) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider)
            => (leadingSpace ? " " : "") + ((formatProvider as CultureInfo ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "de"
                ? $"in Spalte {column} '{header}' ({(isName ? "Name" : "Nummer")} verborgen; --show-names zeigt {(isName ? "ihn" : "sie")})"
                : $"in column {column} '{header}' ({(isName ? "name" : "id")} hidden; --show-names shows it)");

        public override string ToString() => ToString(null, CultureInfo.InvariantCulture);
    }

    // ------------------------------------------------------------------ helpers

    private string Get(HrField field)
    {
        var col = _column[(int)field];
        return col >= 0 && col < _csv.Fields.Count ? _csv.Fields[col] : "";
    }

    private int LineOf(int col) => col >= 0 && col < _csv.FieldLines.Count ? _csv.FieldLines[col] : _csv.RecordLine;

    private static LineSpan Span(int line, int column) => new(line, Math.Max(1, column), line, Math.Max(1, column));

    private Location At(int line, int column, string pointer) => new(_filePath, pointer, Span(line, column));

    /// <summary>Where a row's manager value is, made into a <see cref="Location"/> only when there is something to report.</summary>
    private readonly record struct RowAt(Person Person, int Column, int Row, string Field)
    {
        public Location Location(HrExportImporter owner)
            => owner.PersonAt(Person, Column, "/rows/" + Row.ToString(CultureInfo.InvariantCulture) + "/" + Field);
    }

    // The person's id names the location only where ids may be shown (--show-names, or a pseudonym).
    private Location PersonAt(Person p, int col, string pointer)
    {
        var pos = p.ManagerIdPosition.IsKnown ? new SourcePosition(p.ManagerIdPosition.Line, col + 1) : p.Start;
        var shownId = p.Id.Length == 0 || (!_privacy.ShowNames && _privacy.Pseudonymizer is null) ? null : _privacy.DisplayId(p.Id);
        return new Location(_filePath, pointer, Span(pos.Line, pos.Column), p.Collection, shownId);
    }

    private static string Camel(HrField f) => CamelNames[(int)f];

    // Formatted once: every unit and role of an export names its column in its pointer.
    private static readonly string[] CamelNames = Enum.GetValues<HrField>().Select(f => { var s = f.ToString(); return char.ToLowerInvariant(s[0]) + s[1..]; }).ToArray();

    private static string Words(HrField f) => f switch
    {
        HrField.EmployeeId => "employee id",
        HrField.ManagerId => "manager id",
        HrField.ManagerName => "manager name",
        HrField.JobTitle => "job title",
        HrField.FirstName => "first name",
        HrField.LastName => "last name",
        HrField.CostCenter => "cost centre",
        HrField.Email => "e-mail address",
        _ => f.ToString().ToLowerInvariant(),
    };

    private static string Printable(char c) => c == '\t' ? "\\t" : c.ToString();
}

/// <summary>Where a unit's or role's business function came from.</summary>
internal enum FunctionSource { Mapping, DivisionName, DepartmentName, TeamName, JobTitle, Parent, PracticesFile }

/// <summary>How one unit or role got its business function (null: unknown).</summary>
internal sealed record FunctionEvidence(Entity Entity, BusinessFunction? Function, FunctionSource Source, string? Detail);
