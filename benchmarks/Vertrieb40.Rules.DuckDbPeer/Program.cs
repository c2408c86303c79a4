// The quick table's peer: what a data analyst would write instead of this library — the three reference
// rules (VT3001 incentive pay, VT1009 individual targets, VT1010 control meetings) as SQL in DuckDB over the
// same JSON file, with each finding's reach (distinct people in the scope, unit subtrees by a recursive CTE).
//
//   Vertrieb40.Rules.DuckDbPeer <organisation.json> <findings.tsv>
//
// Writes one line per finding (rule id, entity id, reach; sorted) and prints
// RESULT {"seconds":…,"cpu":…,"peakMb":…,"findings":…} for benchmarks/quick.sh. The rules use their default
// options, as the quick table's engine run does.
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Vertrieb40.Rules.DuckDbPeer <organisation.json> <findings.tsv>");
    return 2;
}
var file = Path.GetFullPath(args[0]);
var inv = CultureInfo.InvariantCulture;
var wall = Stopwatch.StartNew();
var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;

using var db = new DuckDBConnection("DataSource=:memory:");
db.Open();
void Run(string sql)
{
    using var c = db.CreateCommand();
    c.CommandText = sql;
    c.ExecuteNonQuery();
}

// A scope as the schema writes it; fields a document leaves out are NULL.
const string Scope = "STRUCT(everyone BOOLEAN, unitIds VARCHAR[], roleIds VARCHAR[], personIds VARCHAR[])";
// Enum values are read as the library reads them: case-insensitive, '-' and '_' ignored.
static string Norm(string column) => $"lower(replace(replace({column}, '-', ''), '_', ''))";

var path = file.Replace("'", "''", StringComparison.Ordinal);
Run($"""
    CREATE TABLE doc AS SELECT * FROM read_json('{path}', format = 'auto', records = true,
      maximum_object_size = {Math.Max(new FileInfo(file).Length + 1024, 16 << 20)},
      columns = {"{"}
        units: 'STRUCT(id VARCHAR, parentId VARCHAR, kind VARCHAR)[]',
        people: 'STRUCT(id VARCHAR, unitId VARCHAR, roleIds VARCHAR[])[]',
        incentivePlans: 'STRUCT(id VARCHAR, type VARCHAR, distribution VARCHAR, participants {Scope})[]',
        recognitionPrograms: 'STRUCT(id VARCHAR, prize VARCHAR, participants {Scope})[]',
        targets: 'STRUCT(id VARCHAR, level VARCHAR, appliesTo {Scope})[]',
        meetings: 'STRUCT(id VARCHAR, purpose VARCHAR, cadence VARCHAR, attendees {Scope})[]'
      {"}"})
    """);
Run("CREATE TABLE units AS SELECT u.id, u.parentId AS parent, coalesce(u.kind, 'department') AS kind FROM (SELECT unnest(units) AS u FROM doc)");
Run("CREATE TABLE people AS SELECT p.id, p.unitId AS unit, coalesce(p.roleIds, []) AS roles FROM (SELECT unnest(people) AS p FROM doc)");
Run("CREATE TABLE person_roles AS SELECT DISTINCT id AS person, unnest(roles) AS role FROM people");
// Every unit with itself and each of its ancestors.
Run("""
    CREATE TABLE within AS WITH RECURSIVE a(unit, ancestor) AS (
      SELECT id, id FROM units
      UNION ALL
      SELECT a.unit, u.parent FROM a JOIN units u ON u.id = a.ancestor WHERE u.parent IS NOT NULL)
    SELECT * FROM a
    """);

// The candidates: the three rules' conditions, each with the scope whose people it reaches.
Run($"""
    CREATE TABLE findings AS
    WITH plans AS (SELECT unnest(incentivePlans) AS p FROM doc),
         targets AS (SELECT unnest(targets) AS t FROM doc),
         meetings AS (SELECT unnest(meetings) AS m FROM doc),
         programs AS (SELECT unnest(recognitionPrograms) AS r FROM doc)
    SELECT 'VT3001' AS rule, p.id AS entity, p.participants AS scope FROM plans
      WHERE {Norm("p.type")} <> 'fixed'
        AND NOT ({Norm("p.type")} = 'profitshare' AND coalesce({Norm("p.distribution")}, '') <> 'byresult' AND (
              coalesce(p.participants.everyone, false)
              OR (len(coalesce(p.participants.unitIds, [])) > 0 AND len(coalesce(p.participants.roleIds, [])) = 0
                  AND NOT EXISTS (SELECT 1 FROM units u WHERE list_contains(p.participants.unitIds, u.id)
                                  AND ({Norm("u.kind")} <> 'company' OR u.parent IS NOT NULL)))))
    UNION ALL
    -- A recognition programme with a prize is pay for results too (schema 1.1).
    SELECT 'VT3001', r.id, r.participants FROM programs WHERE trim(coalesce(r.prize, '')) <> ''
    UNION ALL
    SELECT 'VT1009', t.id, t.appliesTo FROM targets WHERE {Norm("t.level")} = 'individual'
    UNION ALL
    SELECT 'VT1010', m.id, m.attendees FROM meetings
      WHERE {Norm("m.purpose")} IN ('statusreporting', 'pipelinereview', 'forecastreview')
        AND m.cadence IS NOT NULL AND {Norm("m.cadence")} NOT IN ('once', 'adhoc')
    """);
Run("""
    CREATE TABLE scopes AS SELECT row_number() OVER () AS sid, rule, entity,
      coalesce(scope.everyone, false) AS everyone,
      coalesce(scope.unitIds, []) AS unitIds, coalesce(scope.roleIds, []) AS roleIds, coalesce(scope.personIds, []) AS personIds
    FROM findings
    """);
// Reach: people in the listed units' subtrees AND holding a listed role (each filter only when given),
// plus the people named one by one; everyone is everyone.
Run("""
    CREATE TABLE reach AS
    WITH su AS (SELECT sid, unnest(unitIds) AS unit FROM scopes WHERE NOT everyone),
         sr AS (SELECT sid, unnest(roleIds) AS role FROM scopes WHERE NOT everyone),
         in_units AS (SELECT DISTINCT su.sid, p.id AS person FROM su JOIN within w ON w.ancestor = su.unit JOIN people p ON p.unit = w.unit),
         in_roles AS (SELECT DISTINCT sr.sid, pr.person FROM sr JOIN person_roles pr ON pr.role = sr.role),
         members AS (
           SELECT sid, person FROM in_units WHERE sid IN (SELECT sid FROM scopes WHERE len(roleIds) = 0)
           UNION SELECT sid, person FROM in_roles WHERE sid IN (SELECT sid FROM scopes WHERE len(unitIds) = 0)
           UNION (SELECT sid, person FROM in_units INTERSECT SELECT sid, person FROM in_roles)
           UNION SELECT sid, unnest(personIds) FROM scopes WHERE NOT everyone)
    SELECT s.rule, s.entity,
      CASE WHEN s.everyone THEN (SELECT count(*) FROM people) ELSE (SELECT count(*) FROM members m WHERE m.sid = s.sid) END AS reach
    FROM scopes s
    """);

var lines = new List<string>();
using (var c = db.CreateCommand())
{
    c.CommandText = "SELECT rule, entity, reach FROM reach ORDER BY rule, entity";
    using var r = c.ExecuteReader();
    while (r.Read()) lines.Add(string.Create(inv, $"{r.GetString(0)}\t{r.GetString(1)}\t{r.GetInt64(2)}"));
}
File.WriteAllLines(args[1], lines);
var seconds = wall.Elapsed.TotalSeconds;
var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
double peakMb = 0;
foreach (var line in File.ReadLines("/proc/self/status"))
    if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) peakMb = double.Parse(line[6..].Trim().Split(' ')[0], inv) / 1024.0;
Console.WriteLine(string.Create(inv, $"RESULT {{\"seconds\":{seconds:F3},\"cpu\":{cpu:F3},\"peakMb\":{peakMb:F0},\"findings\":{lines.Count}}}"));
return 0;
