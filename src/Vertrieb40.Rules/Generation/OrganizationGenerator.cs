using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.IO;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Generation;

/// <summary>
/// Writes a synthetic, valid organisation document of any size — deterministic for a seed — with a known
/// number of planted anti-patterns (see <see cref="GenerationManifest"/>). Used by the benchmarks and by
/// <c>vertrieb40 generate</c>.
/// </summary>
/// <remarks>
/// Shape: a company with divisions per function (sales, marketing, support, product, engineering, finance,
/// people, operations), split recursively into departments (3–10 sub-units) down to teams of 5–25 people;
/// every department has a leadership team whose first member heads it, so spans stay between about 5 and 25
/// and a million people give 8–11 layers. Every person holds two or three roles (skewed towards the
/// common roles of the team's function), and within a clean team every role is held by at least two
/// people. Practices (plans, targets, forecasts, meetings, policies, hand-overs, channels, roll-outs,
/// processes, recognition programmes, culture statements, decision rights, offerings) come in proportion to
/// the number of units. Only the unit tree is held in memory; people and practices are streamed out with a
/// <see cref="JsonTextWriter"/>, one entity per line.
/// </remarks>
internal static class OrganizationGenerator
{
    /// <summary>Writes an organisation to a file (UTF-8 without BOM) and returns its manifest.</summary>
    public static GenerationManifest GenerateFile(GeneratorOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        // Atomic, through links and special files (never a rename over /dev/null), keeping the old file's mode.
        GenerationManifest? manifest = null;
        IO.AtomicFile.WriteText(path, w => manifest = Generate(options, w));
        return manifest!;
    }

    /// <summary>Writes an organisation to <paramref name="output"/> and returns its manifest.</summary>
    public static GenerationManifest Generate(GeneratorOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        if (options.People < 20) throw new ArgumentOutOfRangeException(nameof(options), options.People, "The generator needs at least 20 people.");
        if (options.AntiPatternDensity is < 0 or > 1 || double.IsNaN(options.AntiPatternDensity))
            throw new ArgumentOutOfRangeException(nameof(options), options.AntiPatternDensity, "The anti-pattern density is a share from 0 to 1.");
        return new Builder(options).Run(output);
    }

    // ------------------------------------------------------------------------------------------------

    private sealed record RoleDef(string Id, string Name, BusinessFunction Function, FunnelStage Stage);

    private static readonly RoleDef[] Roles =
    {
        new("r-lead", "Leadership", BusinessFunction.Management, FunnelStage.None),
        new("r-strategy", "Strategy and planning", BusinessFunction.Management, FunnelStage.None),
        new("r-perf-marketer", "Performance marketer", BusinessFunction.Marketing, FunnelStage.Awareness),
        new("r-online-editor", "Online editor", BusinessFunction.Marketing, FunnelStage.Interest),
        new("r-social-editor", "Social-media editor", BusinessFunction.Marketing, FunnelStage.Awareness),
        new("r-webinar-host", "Webinar host", BusinessFunction.Marketing, FunnelStage.Consideration),
        new("r-content", "Content strategist", BusinessFunction.Marketing, FunnelStage.Interest),
        new("r-events", "Event marketer", BusinessFunction.Marketing, FunnelStage.Awareness),
        new("r-inbound-sales", "Inbound sales representative", BusinessFunction.Sales, FunnelStage.Consideration),
        new("r-field-sales", "Field sales", BusinessFunction.Sales, FunnelStage.Purchase),
        new("r-inside-sales", "Inside sales", BusinessFunction.Sales, FunnelStage.Purchase),
        new("r-key-account", "Key account manager", BusinessFunction.Sales, FunnelStage.Retention),
        new("r-sales-engineer", "Sales engineer", BusinessFunction.Sales, FunnelStage.Consideration),
        new("r-bid-manager", "Bid manager", BusinessFunction.Sales, FunnelStage.Purchase),
        new("r-support-agent", "Support agent", BusinessFunction.Support, FunnelStage.Onboarding),
        new("r-customer-success", "Customer success manager", BusinessFunction.Support, FunnelStage.Retention),
        new("r-onboarding", "Onboarding specialist", BusinessFunction.Support, FunnelStage.Onboarding),
        new("r-community", "Community manager", BusinessFunction.Support, FunnelStage.Advocacy),
        new("r-product-manager", "Product manager", BusinessFunction.Product, FunnelStage.Consideration),
        new("r-product-owner", "Product owner", BusinessFunction.Product, FunnelStage.None),
        new("r-ux-research", "UX researcher", BusinessFunction.Product, FunnelStage.None),
        new("r-developer", "Software developer", BusinessFunction.Engineering, FunnelStage.None),
        new("r-tester", "Tester", BusinessFunction.Engineering, FunnelStage.None),
        new("r-architect", "Architect", BusinessFunction.Engineering, FunnelStage.None),
        new("r-devops", "DevOps engineer", BusinessFunction.Engineering, FunnelStage.None),
        new("r-data-engineer", "Data engineer", BusinessFunction.Engineering, FunnelStage.None),
        new("r-controller", "Controller", BusinessFunction.Finance, FunnelStage.None),
        new("r-accountant", "Accountant", BusinessFunction.Finance, FunnelStage.None),
        new("r-recruiter", "Recruiter", BusinessFunction.People, FunnelStage.None),
        new("r-people-partner", "People partner", BusinessFunction.People, FunnelStage.None),
        new("r-it-admin", "IT administrator", BusinessFunction.Operations, FunnelStage.None),
        new("r-logistics", "Logistics coordinator", BusinessFunction.Operations, FunnelStage.None),
        new("r-facility", "Facility manager", BusinessFunction.Operations, FunnelStage.None),
    };

    private static readonly Dictionary<string, FunnelStage> StageOf = Roles.ToDictionary(r => r.Id, r => r.Stage, StringComparer.Ordinal);
    private static readonly Dictionary<string, int> RoleIndex = Enumerable.Range(0, Roles.Length).ToDictionary(i => Roles[i].Id, StringComparer.Ordinal);

    private static readonly (BusinessFunction Function, double Share)[] Divisions =
    {
        (BusinessFunction.Sales, 0.38), (BusinessFunction.Marketing, 0.12), (BusinessFunction.Support, 0.12),
        (BusinessFunction.Product, 0.07), (BusinessFunction.Engineering, 0.18), (BusinessFunction.Finance, 0.04),
        (BusinessFunction.People, 0.04), (BusinessFunction.Operations, 0.05),
    };

    private static readonly HashSet<BusinessFunction> Silos = new()
    {
        BusinessFunction.Marketing, BusinessFunction.Sales, BusinessFunction.Support, BusinessFunction.Product, BusinessFunction.Engineering,
    };

    // Team-level patterns (at most one per team).
    private const byte TeamVT1001 = 1, TeamVT1002 = 2, TeamVT1004 = 3, TeamVT3004 = 4, TeamVT2006 = 5;

    private sealed class UnitPlan
    {
        public int Index;
        public int Parent = -1;
        public UnitKind Kind;
        public BusinessFunction Function;
        public int Depth;
        public bool IsLeaf;
        public bool IsLeadership;
        public int Leadership = -1;
        public int Size;
        public int FirstPerson;
        public bool LoneFighter;
        public int LoneFighterPerson = -1;
        public int[] TeamRoles = Array.Empty<int>();
        public int ExtraRole = -1;
        public byte Pattern;
        public bool NoContact;
        public bool FirstLeafChild;
        public string Id = "";
        public string Name = "";
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The writer wraps the caller's stream, which the caller disposes; Run closes the writer without closing the stream.")]
    private sealed class Builder
    {
        private readonly GeneratorOptions _o;
        private readonly Xoshiro256 _rng;
        // The model 1.1 properties (owner roles and people, chairs, who decided a plan, its split, governing processes)
        // draw from a stream of their own: the rest of a seed's organisation stays as it was before they were written.
        private readonly Xoshiro256 _rng11;
        private readonly List<(string Id, UnitPlan PerformedBy)> _processes = new();
        private readonly List<UnitPlan> _units = new();
        private readonly Dictionary<BusinessFunction, int[]> _rolesOf;
        private readonly SortedDictionary<string, int> _planted = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, int> _entities = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, string> _notes = new(StringComparer.Ordinal);
        private JsonTextWriter _w = null!;
        private int _people;

        // Pools of leaf (non-leadership) teams per function.
        private readonly Dictionary<BusinessFunction, List<UnitPlan>> _teamsOf = new();
        private readonly List<UnitPlan> _teams = new();

        public Builder(GeneratorOptions options)
        {
            _o = options;
            _rng = new Xoshiro256(options.Seed);
            _rng11 = new Xoshiro256(options.Seed ^ 0x5EED_1_1UL);
            _rolesOf = System.Enum.GetValues<BusinessFunction>().ToDictionary(f => f,
                f => Enumerable.Range(0, Roles.Length).Where(i => Roles[i].Function == f).ToArray());
        }

        private int _oneStageTeams;

        private void Plant(string id, int count) => _planted[id] = _planted.GetValueOrDefault(id) + count;

        /// <summary>How many of <paramref name="n"/> candidates carry a pattern.</summary>
        private int Share(int n) => n == 0 || _o.AntiPatternDensity <= 0 ? 0 : Math.Clamp((int)Math.Round(_o.AntiPatternDensity * n), 1, n);

        /// <summary>Spreads the wanted patterns over <paramref name="n"/> slots at random (0 = clean).</summary>
        private byte[] Assign(int n, params (byte Code, int Count)[] wanted)
        {
            var slots = new byte[n];
            var at = 0;
            foreach (var (code, count) in wanted)
                for (var i = 0; i < count && at < n; i++) slots[at++] = code;
            _rng.Shuffle(slots);
            return slots;
        }

        public GenerationManifest Run(TextWriter output)
        {
            BuildUnits();
            PlanTeams();
            var (offerings, funnelPlans) = PlanOfferings();

            _w = new JsonTextWriter(output) { Formatting = Formatting.Indented, Indentation = 2, CloseOutput = false };
            _w.WriteStartObject();
            _w.WritePropertyName("schemaVersion"); _w.WriteValue(OrganizationSchema.CurrentVersion);
            _w.WritePropertyName("organization");
            _w.WriteStartObject();
            _w.WritePropertyName("name");
            _w.WriteValue(_o.Name ?? $"Synthetic Group {_o.Seed.ToString(CultureInfo.InvariantCulture)} ({_o.People.ToString(CultureInfo.InvariantCulture)} people)");
            _w.WriteEndObject();

            WriteUnits();
            WriteRoles();
            WritePeople();
            WriteOfferings(offerings, funnelPlans);
            WriteIncentivePlans();
            WriteTargets();
            WriteForecasts();
            WriteMeetings();
            WritePolicies();
            WriteHandoffs(funnelPlans);
            WriteChannels();
            WriteRollouts();
            WriteProcesses();
            WriteRecognition();
            WriteCulture();
            WriteDecisionRights();

            _w.Formatting = Formatting.Indented;
            _w.WriteEndObject();
            _w.Flush();
            output.WriteLine();
            output.Flush();

            foreach (var id in AllRuleIds) if (!_planted.ContainsKey(id)) _planted[id] = 0;
            WriteNotes();
            var layers = _units.Max(u => u.Depth) + 1;
            return new GenerationManifest(_people, _units.Count, _units.Count(u => u.Kind == UnitKind.Team), layers, _entities, _planted, _notes)
            {
                ExpectedExposure = ExpectedExposure(),
            };
        }

        private static readonly string[] AllRuleIds =
        {
            RuleIds.VT1001, RuleIds.VT1002, RuleIds.VT1003, RuleIds.VT1004, RuleIds.VT1005, RuleIds.VT1006, RuleIds.VT1007, RuleIds.VT1008, RuleIds.VT1009, RuleIds.VT1010,
            RuleIds.VT2001, RuleIds.VT2002, RuleIds.VT2003, RuleIds.VT2004, RuleIds.VT2005, RuleIds.VT2006, RuleIds.VT2007,
            RuleIds.VT3001, RuleIds.VT3002, RuleIds.VT3003, RuleIds.VT3004, RuleIds.VT3005, RuleIds.VT3006, RuleIds.VT3007, RuleIds.VT3008, RuleIds.VT3009, RuleIds.VT3010,
        };

        // ------------------------------------------------------------------ structure

        private UnitPlan NewUnit(UnitPlan? parent, UnitKind kind, BusinessFunction function)
        {
            var u = new UnitPlan
            {
                Index = _units.Count,
                Parent = parent?.Index ?? -1,
                Kind = kind,
                Function = function,
                Depth = parent is null ? 0 : parent.Depth + 1,
            };
            u.Id = "u" + u.Index.ToString(CultureInfo.InvariantCulture);
            _units.Add(u);
            return u;
        }

        private void BuildUnits()
        {
            var root = NewUnit(null, UnitKind.Company, BusinessFunction.Management);
            Split(root, _o.People);

            // Names, people numbering.
            var counter = 0;
            var perFunctionKind = new Dictionary<(BusinessFunction, UnitKind), int>();
            foreach (var u in _units)
            {
                var key = (u.Function, u.Kind);
                var n = perFunctionKind[key] = perFunctionKind.GetValueOrDefault(key) + 1;
                u.Name = u.Kind == UnitKind.Company
                    ? (_o.Name ?? "Synthetic Group " + _o.Seed.ToString(CultureInfo.InvariantCulture))
                    : u.IsLeadership
                        ? "Leadership team of " + _units[u.Parent].Name
                        : u.Kind == UnitKind.Division
                            ? Label(u.Function)
                            : Label(u.Function) + " " + (u.Kind == UnitKind.Team ? "team " : "department ") + n.ToString(CultureInfo.InvariantCulture);
                if (u.LoneFighter) u.LoneFighterPerson = counter++;
                if (u.IsLeaf)
                {
                    u.FirstPerson = counter;
                    counter += u.Size;
                }
            }
            _people = counter;

            UnitPlan? previousLeafParent = null;
            foreach (var u in _units)
            {
                if (!u.IsLeaf || u.IsLeadership) continue;
                _teams.Add(u);
                if (!_teamsOf.TryGetValue(u.Function, out var list)) _teamsOf[u.Function] = list = new List<UnitPlan>();
                list.Add(u);
                var parent = _units[u.Parent];
                u.FirstLeafChild = !ReferenceEquals(previousLeafParent, parent);
                previousLeafParent = parent;
            }
        }

        private static string Label(BusinessFunction f) => f switch
        {
            BusinessFunction.CrossFunctional => "Cross-functional",
            _ => f.ToString(),
        };

        private void Split(UnitPlan u, int budget)
        {
            u.IsLeaf = false;
            var leadershipSize = Math.Min(_rng.Next(3, 6), Math.Max(2, budget / 6));
            var lead = NewUnit(u, UnitKind.Team, BusinessFunction.Management);
            lead.IsLeaf = true;
            lead.IsLeadership = true;
            lead.Size = leadershipSize;
            u.Leadership = lead.Index;
            var rest = budget - leadershipSize;

            if (u.Parent >= 0 && u.Function == BusinessFunction.Sales && rest > 12 && _o.AntiPatternDensity > 0 && _rng.Chance(_o.AntiPatternDensity))
            {
                u.LoneFighter = true;
                rest--;
            }

            if (u.Parent < 0)
            {
                var parts = new List<(BusinessFunction, int)>();
                var used = 0;
                foreach (var (f, share) in Divisions)
                {
                    if (f == BusinessFunction.Sales) continue;
                    var n = (int)(rest * share);
                    if (n < 5) continue;
                    parts.Add((f, n));
                    used += n;
                }
                parts.Insert(0, (BusinessFunction.Sales, rest - used));
                foreach (var (f, n) in parts) Child(u, n, f, UnitKind.Division);
                return;
            }

            var k = Math.Clamp(_rng.Next(3, 11), 1, Math.Max(1, rest / 8));
            if (k * 5 > rest) k = Math.Max(1, rest / 5);
            var weights = new double[k];
            double total = 0;
            for (var i = 0; i < k; i++) total += weights[i] = 0.4 + _rng.NextDouble() * 1.2;
            var extra = rest - 5 * k;
            var given = 0;
            for (var i = 0; i < k; i++)
            {
                var n = i == k - 1 ? rest - given : 5 + (int)(extra * weights[i] / total);
                given += n;
                Child(u, n, u.Function, UnitKind.Department);
            }
        }

        private void Child(UnitPlan parent, int budget, BusinessFunction f, UnitKind kindIfSplit)
        {
            if (budget <= 25)
            {
                var team = NewUnit(parent, UnitKind.Team, f);
                team.IsLeaf = true;
                team.Size = budget;
            }
            else Split(NewUnit(parent, kindIfSplit, f), budget);
        }

        private int PickRole(BusinessFunction f) { var r = _rolesOf[f]; return r[_rng.Skewed(r.Length)]; }

        private int PickRole(params BusinessFunction[] fs)
        {
            var all = fs.SelectMany(f => _rolesOf[f]).ToArray();
            return all[_rng.Skewed(all.Length)];
        }

        private void PlanTeams()
        {
            // Roles per team: every person holds two or three of the team's roles, every role ≥ 2 holders.
            foreach (var u in _units)
            {
                if (!u.IsLeaf) continue;
                if (u.IsLeadership)
                {
                    u.TeamRoles = new[] { _rolesOf[BusinessFunction.Management][0], _rolesOf[BusinessFunction.Management][1] };
                    continue;
                }
                var pool = _rolesOf[u.Function];
                var k = Math.Min(Math.Clamp(u.Size / 3, 2, 6), pool.Length + 1);
                var chosen = new List<int>(k);
                var guard = 0;
                while (chosen.Count < Math.Min(k, pool.Length) && guard++ < 200)
                {
                    var r = pool[_rng.Skewed(pool.Length)];
                    if (!chosen.Contains(r)) chosen.Add(r);
                }
                // Cross-functional members: sales teams carry marketing/support/product roles, others sometimes product.
                if (u.Function == BusinessFunction.Sales)
                {
                    var x = PickRole(BusinessFunction.Marketing, BusinessFunction.Support, BusinessFunction.Product);
                    if (chosen.Count >= k) chosen[^1] = x; else chosen.Add(x);
                }
                else if (u.Function == BusinessFunction.Engineering && _rng.Chance(0.5))
                {
                    var x = PickRole(BusinessFunction.Product);
                    if (chosen.Count >= k) chosen[^1] = x; else chosen.Add(x);
                }
                if (chosen.Count < 2) chosen.Add(_rolesOf[BusinessFunction.Management][1]);
                u.TeamRoles = chosen.ToArray();
            }

            // VT2006: sales teams with sales roles only; never the first team of a unit, so the unit above
            // keeps a cross-functional team (the finding is the team, whichever way the rule reads "inside").
            var salesEligible = _teams.Where(t => t.Function == BusinessFunction.Sales && !t.FirstLeafChild).ToArray();
            var k2006 = Share(salesEligible.Length);
            _rng.Shuffle(salesEligible);
            for (var i = 0; i < k2006; i++)
            {
                var t = salesEligible[i];
                t.Pattern = TeamVT2006;
                var pool = _rolesOf[BusinessFunction.Sales];
                var k = Math.Min(t.TeamRoles.Length, pool.Length);
                var chosen = new List<int>();
                var guard = 0;
                while (chosen.Count < k && guard++ < 200)
                {
                    var r = pool[_rng.Skewed(pool.Length)];
                    if (!chosen.Contains(r)) chosen.Add(r);
                }
                t.TeamRoles = chosen.ToArray();
            }

            var rest = _teams.Where(t => t.Pattern == 0).ToArray();
            var n = rest.Length;
            var slots = Assign(n, (TeamVT1001, Share(n)), (TeamVT1002, Share(n)), (TeamVT1004, Share(n)), (TeamVT3004, Share(n)));
            for (var i = 0; i < n; i++)
            {
                rest[i].Pattern = slots[i];
                if (slots[i] == TeamVT1002)
                {
                    int x;
                    do x = _rng.Next(0, Roles.Length); while (rest[i].TeamRoles.Contains(x));
                    rest[i].ExtraRole = x;
                }
            }
            Plant(RuleIds.VT1001, _teams.Count(t => t.Pattern == TeamVT1001));
            Plant(RuleIds.VT1002, _teams.Count(t => t.Pattern == TeamVT1002));
            Plant(RuleIds.VT1004, _teams.Count(t => t.Pattern == TeamVT1004));
            Plant(RuleIds.VT3004, _teams.Count(t => t.Pattern == TeamVT3004));
            Plant(RuleIds.VT2006, _teams.Count(t => t.Pattern == TeamVT2006));
            Plant(RuleIds.VT3010, _units.Count(u => u.LoneFighter));
        }

        private UnitPlan Head(UnitPlan u) => u.IsLeaf ? u : _units[u.Leadership];

        private int HeadPerson(UnitPlan u) => Head(u).FirstPerson;

        // ------------------------------------------------------------------ JSON helpers

        private void BeginCollection(string name)
        {
            _w.Formatting = Formatting.Indented;
            _w.WritePropertyName(name);
            _w.WriteStartArray();
        }

        private void EndCollection(string name, int count)
        {
            _w.Formatting = Formatting.Indented;
            _w.WriteEndArray();
            _entities[name] = count;
        }

        /// <summary>Starts an entity on its own line; its properties follow on the same line.</summary>
        private void BeginEntity(string id, string? name = null)
        {
            _w.Formatting = Formatting.Indented;
            _w.WriteStartObject();
            _w.Formatting = Formatting.None;
            _w.WritePropertyName("id"); _w.WriteValue(id);
            if (name != null) { _w.WritePropertyName("name"); _w.WriteValue(name); }
        }

        private void EndEntity() => _w.WriteEndObject();

        private void Prop(string name, string? value) { _w.WritePropertyName(name); _w.WriteValue(value); }
        private void Prop(string name, bool value) { _w.WritePropertyName(name); _w.WriteValue(value); }
        private void Prop(string name, int value) { _w.WritePropertyName(name); _w.WriteValue(value); }
        private void Prop(string name, double value) { _w.WritePropertyName(name); _w.WriteValue(value); }
        private void Enum<T>(string name, T value) where T : struct, System.Enum { _w.WritePropertyName(name); _w.WriteValue(EnumNames<T>.Name(value)); }

        private void Ids(string name, IEnumerable<string> ids)
        {
            _w.WritePropertyName(name);
            _w.WriteStartArray();
            foreach (var id in ids) _w.WriteValue(id);
            _w.WriteEndArray();
        }

        private static string PersonId(int index) => "p" + index.ToString(CultureInfo.InvariantCulture);

        private UnitPlan AnyUnit() => _units[_rng.Next(0, _units.Count)];
        private UnitPlan AnyTeam() => _teams.Count > 0 ? _teams[_rng.Next(0, _teams.Count)] : _units[0];

        private UnitPlan TeamOf(BusinessFunction f)
            => _teamsOf.TryGetValue(f, out var l) && l.Count > 0 ? l[_rng.Next(0, l.Count)] : AnyTeam();

        private UnitPlan UnitOf(BusinessFunction f)
        {
            // A division or department of the function, else any unit.
            for (var guard = 0; guard < 50; guard++)
            {
                var u = AnyUnit();
                if (u.Function == f && !u.IsLeaf) return u;
            }
            return _units[0];
        }

        /// <summary>A realistic scope: everyone, some units, a role (optionally within a unit), or a few people.</summary>
        /// <returns>Whom the scope reaches, for the manifest's expected exposure.</returns>
        private PlantedReach Scope(string name, BusinessFunction focus)
        {
            _w.WritePropertyName(name);
            _w.WriteStartObject();
            var x = _rng.NextDouble();
            PlantedReach reach;
            if (x < 0.15)
            {
                _w.WritePropertyName("everyone"); _w.WriteValue(true);
                reach = new PlantedReach { Everyone = true };
            }
            else if (x < 0.65)
            {
                var n = _rng.Next(1, 4);
                var units = new List<UnitPlan>(n);
                for (var i = 0; i < n; i++) units.Add(_rng.Chance(0.5) ? UnitOf(focus) : AnyUnit());
                Ids("unitIds", units.Select(u => u.Id).Distinct());
                reach = new PlantedReach { Units = units.Select(u => u.Index).Distinct().ToArray() };
            }
            else if (x < 0.85)
            {
                var unit = _rng.Chance(0.5) ? UnitOf(focus) : null;
                if (unit != null) Ids("unitIds", new[] { unit.Id });
                var roles = _rolesOf[focus].Length > 0 ? _rolesOf[focus] : _rolesOf[BusinessFunction.Sales];
                var role = roles[_rng.Skewed(roles.Length)];
                Ids("roleIds", new[] { Roles[role].Id });
                reach = new PlantedReach { Units = unit is null ? Array.Empty<int>() : new[] { unit.Index }, Role = role };
            }
            else
            {
                var n = _rng.Next(1, 6);
                var ids = new SortedSet<int>();
                for (var i = 0; i < n; i++) ids.Add(_rng.Next(0, _people));
                Ids("personIds", ids.Select(PersonId));
                reach = new PlantedReach { People = ids.ToArray() };
            }
            _w.WriteEndObject();
            return reach;
        }

        // ------------------------------------------------------------------ expected exposure

        /// <summary>
        /// Whom a planted finding reaches (docs/score.md, "Whom a finding reaches"): everyone; or the people of the
        /// units with their sub-units, only the holders of <see cref="Role"/> among them when a role is given (all its
        /// holders without units); plus named people.
        /// </summary>
        private sealed class PlantedReach
        {
            public bool Everyone;
            public int[] Units = Array.Empty<int>();
            public int Role = -1;
            public int[] People = Array.Empty<int>();
        }

        private readonly SortedDictionary<string, List<PlantedReach>> _reaches = new(StringComparer.Ordinal);
        private ulong[] _roleMask = Array.Empty<ulong>(); // by person: the roles written for them (33 roles: one bit each)

        private void Reaches(string ruleId, PlantedReach reach)
        {
            if (!_reaches.TryGetValue(ruleId, out var list)) _reaches[ruleId] = list = new List<PlantedReach>();
            list.Add(reach);
        }

        private static PlantedReach UnitReach(UnitPlan u) => new() { Units = new[] { u.Index } };

        /// <summary>
        /// Per rule, the distinct people its planted findings reach: the union over its findings (scopes overlap). From
        /// the generator's own plan (which people it put in which unit with which roles), not from the written file.
        /// </summary>
        private SortedDictionary<string, int> ExpectedExposure()
        {
            // People in the pre-order of their units, so that a unit's subtree is one run of positions (a walk over
            // every person per planted finding took 25 minutes at a million people).
            var children = new List<int>[_units.Count];
            foreach (var u in _units) if (u.Parent >= 0) (children[u.Parent] ??= new List<int>()).Add(u.Index);
            var direct = new List<int>[_units.Count];
            foreach (var u in _units)
            {
                if (u.LoneFighter) (direct[u.Index] ??= new List<int>()).Add(u.LoneFighterPerson);
                if (u.IsLeaf) for (var i = 0; i < u.Size; i++) (direct[u.Index] ??= new List<int>()).Add(u.FirstPerson + i);
            }
            var personAt = new int[_people];
            var start = new int[_units.Count];
            var end = new int[_units.Count];
            var next = 0;
            var stack = new Stack<(int Unit, bool Done)>();
            stack.Push((0, false));
            while (stack.Count > 0)
            {
                var (u, done) = stack.Pop();
                if (done) { end[u] = next; continue; }
                start[u] = next;
                if (direct[u] is { } members) foreach (var p in members) personAt[next++] = p;
                stack.Push((u, true));
                if (children[u] is { } c) for (var i = c.Count - 1; i >= 0; i--) stack.Push((c[i], false));
            }
            var result = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var reached = new bool[_people];
            foreach (var (ruleId, reaches) in _reaches)
            {
                Array.Clear(reached);
                var wholeRoles = new HashSet<int>();
                foreach (var r in reaches)
                {
                    if (r.Everyone) { Array.Fill(reached, true); break; }
                    foreach (var p in r.People) reached[p] = true;
                    if (r.Units.Length == 0)
                    {
                        // A role without units: all its holders, once per rule.
                        if (r.Role >= 0 && wholeRoles.Add(r.Role))
                            for (var p = 0; p < _people; p++)
                                if ((_roleMask[p] & (1UL << r.Role)) != 0) reached[p] = true;
                        continue;
                    }
                    foreach (var u in r.Units)
                        for (var at = start[u]; at < end[u]; at++)
                        {
                            var p = personAt[at];
                            if (r.Role < 0 || (_roleMask[p] & (1UL << r.Role)) != 0) reached[p] = true;
                        }
                }
                result[ruleId] = reached.Count(x => x);
            }
            return result;
        }

        // ------------------------------------------------------------------ structure writers

        private void WriteUnits()
        {
            BeginCollection("units");
            foreach (var u in _units)
            {
                BeginEntity(u.Id, u.Name);
                Enum("kind", u.Kind);
                Enum("function", u.Function);
                if (u.Parent >= 0) Prop("parentId", _units[u.Parent].Id);
                if (Silos.Contains(u.Function) && u.Function != BusinessFunction.Engineering)
                    Enum("customerContact", u.NoContact ? CustomerContact.None : CustomerContact.Direct);
                else if (u.Function == BusinessFunction.Engineering)
                    Enum("customerContact", CustomerContact.None);
                if (u.Kind == UnitKind.Team)
                {
                    Prop("sharedGoal", u.Pattern != TeamVT1004);
                    _w.WritePropertyName("autonomy");
                    _w.WriteStartObject();
                    var full = u.Pattern != TeamVT3004;
                    Prop("how", true);
                    Prop("what", full);
                    Prop("when", full);
                    Prop("withWhom", full);
                    _w.WriteEndObject();
                }
                EndEntity();
            }
            EndCollection("units", _units.Count);
        }

        private void WriteRoles()
        {
            BeginCollection("roles");
            foreach (var r in Roles)
            {
                BeginEntity(r.Id, r.Name);
                Enum("funnelStage", r.Stage);
                Enum("function", r.Function);
                EndEntity();
            }
            EndCollection("roles", Roles.Length);
        }

        private void WritePeople()
        {
            _roleMask = new ulong[_people];
            BeginCollection("people");
            var written = 0;
            var roleIds = new List<string>(4);
            foreach (var u in _units)
            {
                if (u.LoneFighter)
                {
                    // A sales person directly in a sales department: in sales, but in no team (VT3010).
                    BeginEntity(PersonId(u.LoneFighterPerson));
                    Prop("unitId", u.Id);
                    Prop("managerId", PersonId(HeadPerson(u)));
                    int sales = PickRole(BusinessFunction.Sales), support = PickRole(BusinessFunction.Support);
                    Ids("roleIds", new[] { Roles[sales].Id, Roles[support].Id });
                    _roleMask[u.LoneFighterPerson] = (1UL << sales) | (1UL << support);
                    // VT3010 reaches the unit's direct members who sell: the lone fighter.
                    Reaches(RuleIds.VT3010, new PlantedReach { People = new[] { u.LoneFighterPerson } });
                    EndEntity();
                    written++;
                }
                if (!u.IsLeaf) continue;
                var k = u.TeamRoles.Length;
                var stages = 0; // funnel stages of the roles written for this team (VT1004)
                for (var i = 0; i < u.Size; i++)
                {
                    var index = u.FirstPerson + i;
                    BeginEntity(PersonId(index));
                    Prop("unitId", u.Id);
                    int manager;
                    if (i > 0) manager = u.FirstPerson;
                    else if (u.IsLeadership)
                    {
                        var owner = _units[u.Parent];
                        manager = owner.Parent >= 0 ? HeadPerson(_units[owner.Parent]) : -1;
                    }
                    else manager = HeadPerson(_units[u.Parent]);
                    if (manager >= 0) Prop("managerId", PersonId(manager));
                    roleIds.Clear();
                    if (u.Pattern == TeamVT1001 && i == u.Size - 1)
                        roleIds.Add(Roles[u.TeamRoles[0]].Id); // the one single-role member
                    else
                    {
                        roleIds.Add(Roles[u.TeamRoles[i % k]].Id);
                        roleIds.Add(Roles[u.TeamRoles[(i + 1) % k]].Id);
                        if (k >= 3 && _rng.Chance(0.25)) roleIds.Add(Roles[u.TeamRoles[(i + 2) % k]].Id);
                        if (u.Pattern == TeamVT1002 && i == 0) roleIds.Add(Roles[u.ExtraRole].Id); // held by nobody else in the team
                    }
                    Ids("roleIds", roleIds);
                    foreach (var id in roleIds) _roleMask[index] |= 1UL << RoleIndex[id];
                    if (u.Pattern == TeamVT1001 && i == u.Size - 1) Reaches(RuleIds.VT1001, new PlantedReach { People = new[] { index } });
                    if (u.Pattern == TeamVT1002 && i == 0) Reaches(RuleIds.VT1002, new PlantedReach { People = new[] { index } });
                    foreach (var id in roleIds)
                    {
                        var stage = StageOf[id];
                        if (stage != FunnelStage.None) stages |= 1 << (int)stage;
                    }
                    EndEntity();
                    written++;
                }
                // VT1004 also reports a team whose roles all work at one funnel stage (no dependency in the work);
                // the planted VT1004 teams are counted already.
                if (u.Kind == UnitKind.Team && u.Pattern != TeamVT1004 && u.Size >= 2 && System.Numerics.BitOperations.PopCount((uint)stages) == 1)
                {
                    Plant(RuleIds.VT1004, 1);
                    Reaches(RuleIds.VT1004, UnitReach(u));
                    _oneStageTeams++;
                }
                // Team patterns that reach the team's members (VT1007's marketing teams are leaves too).
                if (u.Pattern == TeamVT1004) Reaches(RuleIds.VT1004, UnitReach(u));
                if (u.Pattern == TeamVT2006) Reaches(RuleIds.VT2006, UnitReach(u));
                if (u.Pattern == TeamVT3004) Reaches(RuleIds.VT3004, UnitReach(u));
                if (u.NoContact) Reaches(RuleIds.VT1007, UnitReach(u));
            }
            EndCollection("people", written);
        }

        // ------------------------------------------------------------------ offerings and hand-overs

        private sealed record FunnelPlan(int Offering, byte Pattern, UnitPlan[] Units);

        private (int Count, List<FunnelPlan> Plans) PlanOfferings()
        {
            var clean = Math.Max(2, _teams.Count / 40);
            var k1003 = Share(clean);
            var marketing = _teamsOf.GetValueOrDefault(BusinessFunction.Marketing)?.ToArray() ?? Array.Empty<UnitPlan>();
            _rng.Shuffle(marketing);
            var k1007 = Math.Min(Share(clean), marketing.Length > 1 ? marketing.Length - 1 : 0);
            var plans = new List<FunnelPlan>();
            var sales = _teamsOf.GetValueOrDefault(BusinessFunction.Sales) ?? new List<UnitPlan> { AnyTeam() };
            var support = _teamsOf.GetValueOrDefault(BusinessFunction.Support) ?? new List<UnitPlan> { AnyTeam() };
            var total = clean + k1003 + k1007;
            var slots = Assign(total, (1, k1003), (2, k1007));
            var next1007 = 0;
            var nextMarketing = k1007;
            for (var i = 0; i < total; i++)
            {
                switch (slots[i])
                {
                    case 1:
                        var m = marketing.Length > k1007 ? marketing[k1007 + (nextMarketing++ - k1007) % (marketing.Length - k1007)] : TeamOf(BusinessFunction.Product);
                        plans.Add(new FunnelPlan(i, 1, new[] { m, sales[_rng.Next(0, sales.Count)], support[_rng.Next(0, support.Count)] }));
                        break;
                    case 2:
                        var t = marketing[next1007++];
                        t.NoContact = true;
                        plans.Add(new FunnelPlan(i, 2, new[] { t }));
                        break;
                    default:
                        plans.Add(new FunnelPlan(i, 0, new[] { sales[_rng.Next(0, sales.Count)] }));
                        break;
                }
            }
            // VT1003 needs a split by function: at least two different units of at least two functions (teams never nest).
            Plant(RuleIds.VT1003, plans.Count(p => p.Pattern == 1 && p.Units.Select(u => u.Index).Distinct().Count() > 1 && p.Units.Select(u => u.Function).Distinct().Count() > 1));
            Plant(RuleIds.VT1007, k1007);
            return (total, plans);
        }

        private static readonly string[] OfferingNames = { "Machine", "Service contract", "Spare parts", "Retrofit", "Training", "Cloud monitoring", "Consulting", "Financing" };

        private void WriteOfferings(int count, List<FunnelPlan> plans)
        {
            BeginCollection("offerings");
            foreach (var p in plans)
            {
                BeginEntity("o" + p.Offering.ToString(CultureInfo.InvariantCulture), OfferingNames[p.Offering % OfferingNames.Length] + " " + (p.Offering + 1).ToString(CultureInfo.InvariantCulture));
                _w.WritePropertyName("funnel");
                _w.WriteStartArray();
                void Step(FunnelStage s, UnitPlan u)
                {
                    _w.WriteStartObject();
                    Enum("stage", s);
                    Prop("unitId", u.Id);
                    _w.WriteEndObject();
                }
                if (p.Pattern == 1)
                {
                    Step(FunnelStage.Awareness, p.Units[0]); Step(FunnelStage.Interest, p.Units[0]);
                    Step(FunnelStage.Consideration, p.Units[1]); Step(FunnelStage.Purchase, p.Units[1]);
                    Step(FunnelStage.Onboarding, p.Units[2]); Step(FunnelStage.Retention, p.Units[2]);
                }
                else
                {
                    foreach (var s in new[] { FunnelStage.Awareness, FunnelStage.Interest, FunnelStage.Consideration, FunnelStage.Purchase, FunnelStage.Onboarding, FunnelStage.Retention })
                        Step(s, p.Units[0]);
                }
                _w.WriteEndArray();
                EndEntity();
            }
            EndCollection("offerings", count);
        }

        private void WriteHandoffs(List<FunnelPlan> funnels)
        {
            var n = Math.Max(4, _units.Count / 40);
            var slots = Assign(n, (1, Share(n)));
            var silo = 0;
            var written = 0;
            BeginCollection("handoffs");
            // As VT2005 reads it: two silo functions, or sales and any other function (cross-functional and "other" never).
            bool IsSiloHandoff(UnitPlan a, UnitPlan b) => a.Function != b.Function
                && a.Function is not (BusinessFunction.CrossFunctional or BusinessFunction.Other) && b.Function is not (BusinessFunction.CrossFunctional or BusinessFunction.Other)
                && ((Silos.Contains(a.Function) && Silos.Contains(b.Function)) || a.Function == BusinessFunction.Sales || b.Function == BusinessFunction.Sales);
            void Write(UnitPlan from, UnitPlan to, string artifact, string? offering)
            {
                BeginEntity("h" + written.ToString(CultureInfo.InvariantCulture));
                Prop("fromUnitId", from.Id);
                Prop("toUnitId", to.Id);
                Prop("artifact", artifact);
                if (offering != null) Prop("offeringId", offering);
                EndEntity();
                if (IsSiloHandoff(from, to)) silo++;
                written++;
            }
            var pairs = new[]
            {
                (BusinessFunction.Marketing, BusinessFunction.Sales, "trade-fair concept"),
                (BusinessFunction.Marketing, BusinessFunction.Sales, "MQL"),
                (BusinessFunction.Sales, BusinessFunction.Support, "signed contract"),
                (BusinessFunction.Sales, BusinessFunction.Product, "feature request"),
                (BusinessFunction.Product, BusinessFunction.Engineering, "specification"),
            };
            for (var i = 0; i < n; i++)
            {
                if (slots[i] == 1)
                {
                    var (a, b, artifact) = pairs[_rng.Next(0, pairs.Length)];
                    Write(TeamOf(a), TeamOf(b), artifact, null);
                }
                else
                {
                    // Between two teams of the same function: no silo boundary.
                    var f = _rng.Chance(0.7) ? BusinessFunction.Sales : BusinessFunction.Engineering;
                    var from = TeamOf(f);
                    var to = TeamOf(from.Function);
                    Write(from, to, f == BusinessFunction.Sales ? "key account" : "component", null);
                }
            }
            foreach (var p in funnels.Where(p => p.Pattern == 1))
            {
                var o = "o" + p.Offering.ToString(CultureInfo.InvariantCulture);
                Write(p.Units[0], p.Units[1], "MQL", o);
                Write(p.Units[1], p.Units[2], "signed contract", o);
            }
            EndCollection("handoffs", written);
            Plant(RuleIds.VT2005, silo);
        }

        // ------------------------------------------------------------------ practices

        private static readonly string[] Metrics = { "revenue", "margin", "bookings", "new logos", "pipeline value" };

        private void WriteIncentivePlans()
        {
            var n = Math.Max(4, _units.Count / 100);
            var slots = Assign(n, (1, Share(n)));
            BeginCollection("incentivePlans");
            for (var i = 0; i < n; i++)
            {
                BeginEntity("ip" + i.ToString(CultureInfo.InvariantCulture), "Plan " + (i + 1).ToString(CultureInfo.InvariantCulture));
                if (slots[i] == 1)
                {
                    var x = _rng.NextDouble();
                    var (type, level) = x < 0.5 ? (IncentiveType.Commission, MeasurementLevel.Individual)
                        : x < 0.8 ? (IncentiveType.Bonus, _rng.Chance(0.5) ? MeasurementLevel.Individual : MeasurementLevel.Team)
                        : x < 0.9 ? (IncentiveType.Spiff, MeasurementLevel.Individual)
                        : (IncentiveType.ProfitShare, MeasurementLevel.Team);
                    Enum("type", type);
                    Enum("level", level);
                    Prop("metric", Metrics[_rng.Next(0, Metrics.Length)]);
                    // Schema 1.1: how the pot is split and who set the plan up (management, or sales leadership).
                    if (_rng11.Chance(0.6))
                        Enum("distribution", type == IncentiveType.ProfitShare && _rng11.Chance(0.5) ? PayDistribution.ByRole : PayDistribution.ByResult);
                    if (_rng11.Chance(0.7)) DecidedBy(_rng11.Chance(0.6) ? _units[0] : SalesLeadership());
                }
                else
                {
                    if (_rng.Chance(0.6)) { Enum("type", IncentiveType.Fixed); Enum("level", MeasurementLevel.Company); }
                    else
                    {
                        // A profit share is exempt only where it goes to everyone (issue 10), so the clean one says so.
                        Enum("type", IncentiveType.ProfitShare); Enum("level", MeasurementLevel.Company); Prop("metric", "company profit");
                        _w.WritePropertyName("participants");
                        _w.WriteStartObject();
                        _w.WritePropertyName("everyone"); _w.WriteValue(true);
                        _w.WriteEndObject();
                        // Schema 1.1: an equal (or by-role) split keeps the exemption; by result would lose it.
                        if (_rng11.Chance(0.7)) Enum("distribution", _rng11.Chance(0.7) ? PayDistribution.Equal : PayDistribution.ByRole);
                        if (_rng11.Chance(0.5))
                        {
                            _w.WritePropertyName("decidedBy");
                            _w.WriteStartObject();
                            if (_rng11.Chance(0.5)) { _w.WritePropertyName("everyone"); _w.WriteValue(true); }
                            else Ids("unitIds", new[] { _units[0].Id });
                            _w.WriteEndObject();
                        }
                        EndEntity();
                        continue;
                    }
                }
                var reach = Scope("participants", BusinessFunction.Sales);
                if (slots[i] == 1) Reaches(RuleIds.VT3001, reach);
                EndEntity();
            }
            EndCollection("incentivePlans", n);
            Plant(RuleIds.VT3001, slots.Count(s => s == 1));
        }

        private void DecidedBy(UnitPlan unit)
        {
            _w.WritePropertyName("decidedBy");
            _w.WriteStartObject();
            Ids("unitIds", new[] { unit.Id });
            _w.WriteEndObject();
        }

        // The leadership unit of a sales division or department when there is one, else the company's root unit.
        private UnitPlan SalesLeadership()
        {
            _salesLeadership ??= _units.Where(u => u.Function == BusinessFunction.Sales && u.Kind is UnitKind.Division or UnitKind.Department).ToList();
            return _salesLeadership.Count == 0 ? _units[0] : _salesLeadership[_rng11.Next(0, _salesLeadership.Count)];
        }

        private List<UnitPlan>? _salesLeadership;

        // A role the team's members hold (schema 1.1 owners and chairs are roles and people as well as units).
        private string TeamRole(UnitPlan team)
            => team.TeamRoles.Length > 0 ? Roles[team.TeamRoles[_rng11.Next(0, team.TeamRoles.Length)]].Id : Roles[0].Id;

        // A member of the team: the first is the one the others report to.
        private string? TeamMember(UnitPlan team, bool lead)
            => team.Size <= 0 || !team.IsLeaf ? null : PersonId(team.FirstPerson + (lead ? 0 : _rng11.Next(0, team.Size)));

        private void WriteTargets()
        {
            var n = Math.Max(4, _teams.Count / 4);
            var slots = Assign(n, (1, Share(n)));
            var written = 0;
            BeginCollection("targets");
            var periods = new[] { "2026-Q1", "2026-Q2", "2026", "2026-H2" };
            for (var i = 0; i < n; i++)
            {
                BeginEntity("t" + written++.ToString(CultureInfo.InvariantCulture));
                Enum("level", slots[i] == 1 ? MeasurementLevel.Individual : _rng.Chance(0.6) ? MeasurementLevel.Team : _rng.Chance(0.5) ? MeasurementLevel.Unit : MeasurementLevel.Company);
                Prop("metric", Metrics[_rng.Next(0, Metrics.Length)]);
                Prop("period", periods[_rng.Next(0, periods.Length)]);
                var reach = Scope("appliesTo", BusinessFunction.Sales);
                if (slots[i] == 1) Reaches(RuleIds.VT1009, reach);
                EndEntity();
            }
            // A team without interdependence (VT1004): no shared goal, and every member measured alone.
            var alone = 0;
            foreach (var t in _teams.Where(t => t.Pattern == TeamVT1004))
            {
                BeginEntity("t" + written++.ToString(CultureInfo.InvariantCulture), "Personal quota " + t.Name);
                Enum("level", MeasurementLevel.Individual);
                Prop("metric", "revenue");
                Prop("period", "2026");
                _w.WritePropertyName("appliesTo");
                _w.WriteStartObject();
                Ids("unitIds", new[] { t.Id });
                _w.WriteEndObject();
                EndEntity();
                Reaches(RuleIds.VT1009, UnitReach(t));
                alone++;
            }
            EndCollection("targets", written);
            Plant(RuleIds.VT1009, slots.Count(s => s == 1) + alone);
        }

        private void WriteForecasts()
        {
            var n = Math.Max(6, _units.Count / 30);
            var slots = Assign(n, (1, Share(n)), (2, Share(n)));
            BeginCollection("forecasts");
            for (var i = 0; i < n; i++)
            {
                BeginEntity("f" + i.ToString(CultureInfo.InvariantCulture), "Forecast " + (i + 1).ToString(CultureInfo.InvariantCulture));
                Prop("ownerUnitId", UnitOf(BusinessFunction.Sales).Id);
                ForecastUse[] used;
                switch (slots[i])
                {
                    case 1: // planning orgy: per person, or weekly and faster
                        if (_rng.Chance(0.5)) { Enum("granularity", ForecastGranularity.Person); Enum("cadence", Cadence.Monthly); }
                        else { Enum("granularity", ForecastGranularity.Team); Enum("cadence", _rng.Chance(0.7) ? Cadence.Weekly : Cadence.Daily); }
                        used = new[] { ForecastUse.Planning };
                        break;
                    case 2: // used to control or evaluate
                        Enum("granularity", ForecastGranularity.Unit);
                        Enum("cadence", Cadence.Quarterly);
                        used = _rng.Chance(0.5) ? new[] { ForecastUse.Planning, ForecastUse.Control } : new[] { ForecastUse.Evaluation };
                        break;
                    default:
                        Enum("granularity", _rng.Chance(0.5) ? ForecastGranularity.Unit : _rng.Chance(0.5) ? ForecastGranularity.Team : ForecastGranularity.Company);
                        Enum("cadence", _rng.Chance(0.6) ? Cadence.Quarterly : _rng.Chance(0.5) ? Cadence.Monthly : Cadence.HalfYearly);
                        used = new[] { ForecastUse.Planning };
                        break;
                }
                _w.WritePropertyName("usedFor");
                _w.WriteStartArray();
                foreach (var u in used) _w.WriteValue(EnumNames<ForecastUse>.Name(u));
                _w.WriteEndArray();
                var reach = Scope("contributors", BusinessFunction.Sales);
                if (slots[i] == 1) Reaches(RuleIds.VT1008, reach);
                if (slots[i] == 2) Reaches(RuleIds.VT3005, reach);
                EndEntity();
            }
            EndCollection("forecasts", n);
            Plant(RuleIds.VT1008, slots.Count(s => s == 1));
            Plant(RuleIds.VT3005, slots.Count(s => s == 2));
        }

        private void WriteMeetings()
        {
            var n = Math.Max(6, _teams.Count / 2);
            var slots = Assign(n, (1, Share(n)));
            BeginCollection("meetings");
            var control = new[] { MeetingPurpose.StatusReporting, MeetingPurpose.PipelineReview, MeetingPurpose.ForecastReview };
            var good = new[] { MeetingPurpose.Coordination, MeetingPurpose.ProblemSolving, MeetingPurpose.Retrospective, MeetingPurpose.Planning, MeetingPurpose.CustomerFeedback };
            var recurring = new[] { Cadence.Daily, Cadence.Weekly, Cadence.Biweekly, Cadence.Monthly, Cadence.Quarterly };
            for (var i = 0; i < n; i++)
            {
                BeginEntity("m" + i.ToString(CultureInfo.InvariantCulture), "Meeting " + (i + 1).ToString(CultureInfo.InvariantCulture));
                if (slots[i] == 1)
                {
                    Enum("purpose", control[_rng.Next(0, control.Length)]);
                    Enum("cadence", recurring[_rng.Skewed(recurring.Length) switch { 0 => 1, 1 => 0, var c => c }]);
                }
                else if (_rng.Chance(0.05))
                {
                    // Near miss: a one-off status meeting is no routine of control.
                    Enum("purpose", MeetingPurpose.StatusReporting);
                    Enum("cadence", _rng.Chance(0.5) ? Cadence.Once : Cadence.AdHoc);
                }
                else
                {
                    Enum("purpose", good[_rng.Next(0, good.Length)]);
                    Enum("cadence", recurring[_rng.Next(0, recurring.Length)]);
                }
                var chair = AnyTeam();
                Prop("chairUnitId", chair.Id);
                // Schema 1.1: who chairs it, by role (a role the team holds) or by person (the team's lead), where stated.
                var chairBy = _rng11.NextDouble();
                if (chairBy < 0.3) Prop("chairRoleId", TeamRole(chair));
                else if (chairBy < 0.5 && TeamMember(chair, lead: true) is { } chairPerson) Prop("chairPersonId", chairPerson);
                PlantedReach reach;
                if (_rng.Chance(0.7))
                {
                    _w.WritePropertyName("attendees");
                    _w.WriteStartObject();
                    Ids("unitIds", new[] { chair.Id });
                    _w.WriteEndObject();
                    reach = UnitReach(chair);
                }
                else reach = Scope("attendees", chair.Function);
                if (slots[i] == 1) Reaches(RuleIds.VT1010, reach);
                EndEntity();
            }
            EndCollection("meetings", n);
            Plant(RuleIds.VT1010, slots.Count(s => s == 1));
        }

        private void Exceptions(int depth, int breadth)
        {
            _w.WritePropertyName("exceptions");
            _w.WriteStartArray();
            for (var i = 0; i < breadth; i++)
            {
                _w.WriteStartObject();
                Prop("description", depth switch
                {
                    1 => "unless the customer is a key account",
                    2 => "except for framework contracts",
                    _ => "but not in the last week of the quarter",
                });
                if (depth > 1) Exceptions(depth - 1, 1);
                _w.WriteEndObject();
            }
            _w.WriteEndArray();
        }

        private void WritePolicies()
        {
            var n = Math.Max(8, _units.Count / 50);
            var k = Share(n);
            var slots = Assign(n, (1, k), (2, k), (3, k));
            BeginCollection("approvalPolicies");
            for (var i = 0; i < n; i++)
            {
                BeginEntity("ap" + i.ToString(CultureInfo.InvariantCulture), "Policy " + (i + 1).ToString(CultureInfo.InvariantCulture));
                var owner = slots[i] is 1 or 2 ? UnitOf(BusinessFunction.Sales) : UnitOf(BusinessFunction.Finance);
                Prop("ownerUnitId", owner.Id);
                void Step(string approver, bool higher)
                {
                    _w.WriteStartObject();
                    Prop("approver", approver);
                    Prop("unitId", owner.Id);
                    Prop("higherRank", higher);
                    _w.WriteEndObject();
                }
                switch (slots[i])
                {
                    case 1: // VT3006: discount or price thresholds that need approval
                        Enum("subject", _rng.Chance(0.7) ? ApprovalSubject.Discount : ApprovalSubject.Price);
                        _w.WritePropertyName("thresholds");
                        _w.WriteStartArray();
                        // A staircase (VT3006.minThresholds = 2): head of sales above x %, managing director above 2x %.
                        var step = (double)_rng.Next(1, 4) * 5;
                        _w.WriteStartObject();
                        Prop("above", step);
                        Prop("measure", "percent");
                        Prop("approver", "head of sales");
                        _w.WriteEndObject();
                        _w.WriteStartObject();
                        Prop("above", step * 2);
                        Prop("measure", "percent");
                        Prop("approver", "managing director");
                        _w.WriteEndObject();
                        _w.WriteEndArray();
                        break;
                    case 2: // VT3007: offers or calculations signed off by a higher rank
                        Enum("subject", _rng.Chance(0.6) ? ApprovalSubject.Offer : ApprovalSubject.Calculation);
                        _w.WritePropertyName("steps");
                        _w.WriteStartArray();
                        Step("head of sales", true);
                        if (_rng.Chance(0.4)) Step("managing director", true);
                        _w.WriteEndArray();
                        if (i % 3 == 0)
                        {
                            // Schema 1.1: a threshold whose approver is stated to rank higher is a sign-off too (VT3007).
                            // Derived from i, not drawn: the random sequence (and every other entity) stays as before.
                            _w.WritePropertyName("thresholds");
                            _w.WriteStartArray();
                            _w.WriteStartObject();
                            Prop("above", 10);
                            Prop("measure", "percent");
                            Prop("approver", "head of sales");
                            Prop("higherRank", true);
                            _w.WriteEndObject();
                            _w.WriteEndArray();
                        }
                        break;
                    case 3: // VT3008: exceptions to exceptions
                        Enum("subject", ApprovalSubject.Expense);
                        _w.WritePropertyName("steps");
                        _w.WriteStartArray();
                        Step("team", false);
                        _w.WriteEndArray();
                        Exceptions(3, _rng.Next(1, 3));
                        break;
                    default:
                        Enum("subject", _rng.Chance(0.6) ? ApprovalSubject.Expense : ApprovalSubject.Hiring);
                        _w.WritePropertyName("steps");
                        _w.WriteStartArray();
                        Step("team", false);
                        _w.WriteEndArray();
                        break; // no exceptions: VT3008 reports the first one (maxDepth 0)
                }
                var reach = Scope("appliesTo", BusinessFunction.Sales);
                if (slots[i] is 1 or 2 or 3) Reaches(slots[i] == 1 ? RuleIds.VT3006 : slots[i] == 2 ? RuleIds.VT3007 : RuleIds.VT3008, reach);
                EndEntity();
            }
            EndCollection("approvalPolicies", n);
            Plant(RuleIds.VT3006, slots.Count(s => s == 1));
            Plant(RuleIds.VT3007, slots.Count(s => s == 2));
            Plant(RuleIds.VT3008, slots.Count(s => s == 3));
        }

        private static readonly string[] Tools = { "CRM", "Marketing automation", "CPQ", "Chat", "Ticketing", "BI dashboard", "E-signature", "Wiki" };

        private void WriteChannels()
        {
            var n = Math.Max(4, _units.Count / 100);
            var slots = Assign(n, (1, Share(n)));
            BeginCollection("channels");
            var kinds = System.Enum.GetValues<ChannelKind>();
            for (var i = 0; i < n; i++)
            {
                // Planted agency channels are communication channels (VT2003.kinds); clean ones may be any kind.
                var kind = slots[i] == 1 ? CommunicationChannels[_rng.Next(0, CommunicationChannels.Length)] : kinds[_rng.Next(0, kinds.Length - 1)];
                BeginEntity("c" + i.ToString(CultureInfo.InvariantCulture), EnumNames<ChannelKind>.Name(kind) + " " + (i + 1).ToString(CultureInfo.InvariantCulture));
                Enum("kind", kind);
                if (slots[i] == 1)
                {
                    Enum("operatedBy", ChannelOperator.Agency);
                    Prop("agency", "Agentur " + (char)('A' + _rng.Next(0, 26)));
                }
                else
                {
                    Enum("operatedBy", _rng.Chance(0.8) ? ChannelOperator.InHouse : ChannelOperator.Mixed);
                    Prop("ownerUnitId", TeamOf(BusinessFunction.Marketing).Id);
                }
                EndEntity();
            }
            EndCollection("channels", n);
            Plant(RuleIds.VT2003, slots.Count(s => s == 1));
        }

        private void WriteRollouts()
        {
            var n = Math.Max(4, _units.Count / 80);
            var slots = Assign(n, (1, Share(n)));
            BeginCollection("toolRollouts");
            for (var i = 0; i < n; i++)
            {
                var tool = Tools[_rng.Next(0, Tools.Length)];
                BeginEntity("tr" + i.ToString(CultureInfo.InvariantCulture), tool + " roll-out " + (i + 1).ToString(CultureInfo.InvariantCulture));
                Prop("tool", tool);
                if (slots[i] == 1)
                {
                    Enum("mode", RolloutMode.MandatedProject);
                    Prop("mandatedByUnitId", UnitOf(BusinessFunction.Operations).Id);
                    var used = Enumerable.Range(0, _rng.Next(2, 5)).Select(_ => AnyTeam()).Distinct().ToArray();
                    Ids("usedByUnitIds", used.Select(u => u.Id).ToArray());
                    Reaches(RuleIds.VT2001, new PlantedReach { Units = used.Select(u => u.Index).ToArray() });
                }
                else
                {
                    Enum("mode", RolloutMode.TeamChoice);
                    Ids("usedByUnitIds", new[] { AnyTeam().Id });
                }
                EndEntity();
            }
            EndCollection("toolRollouts", n);
            Plant(RuleIds.VT2001, slots.Count(s => s == 1));
        }

        private void WriteProcesses()
        {
            var n = Math.Max(6, _units.Count / 20);
            var slots = Assign(n, (1, Share(n)), (2, Share(n)), (3, Share(n)));
            BeginCollection("processes");
            for (var i = 0; i < n; i++)
            {
                BeginEntity("pr" + i.ToString(CultureInfo.InvariantCulture), "Process " + (i + 1).ToString(CultureInfo.InvariantCulture));
                switch (slots[i])
                {
                    case 1: // VT2002: creative or complex work through a mandatory step-by-step process
                        Enum("workType", _rng.Chance(0.5) ? WorkType.Creative : WorkType.Complex);
                        Prop("mandatory", true);
                        Prop("steps", _rng.Next(8, 21));
                        Enum("automation", Automation.None);
                        break;
                    case 2: // VT2004: routine work done by hand
                        Enum("workType", WorkType.Routine);
                        Prop("mandatory", _rng.Chance(0.5));
                        Prop("steps", _rng.Next(4, 11));
                        Enum("automation", Automation.None);
                        // Schema 1.1: what the routine work costs (derived from i: the random sequence stays as before).
                        _w.WritePropertyName("effort");
                        _w.WriteStartObject();
                        Prop("people", 2 + i % 9);
                        Prop("percent", 10 + i * 7 % 41);
                        _w.WriteEndObject();
                        break;
                    case 3: // VT2007: creative or complex work handed to software (optional, few steps: no VT2002)
                        Enum("workType", _rng.Chance(0.5) ? WorkType.Creative : WorkType.Complex);
                        Prop("mandatory", false);
                        Prop("steps", _rng.Next(0, 4));
                        Enum("automation", _rng.Chance(0.5) ? Automation.Partial : Automation.Full);
                        break;
                    default:
                        if (_rng.Chance(0.5))
                        {
                            Enum("workType", _rng.Chance(0.5) ? WorkType.Creative : WorkType.Complex);
                            Prop("mandatory", false);
                            Prop("steps", _rng.Next(0, 4));
                            Enum("automation", Automation.None);
                        }
                        else
                        {
                            Enum("workType", WorkType.Routine);
                            Prop("mandatory", true);
                            Prop("steps", _rng.Next(3, 12));
                            Enum("automation", Automation.Full);
                        }
                        break;
                }
                var performer = AnyTeam();
                Prop("performedByUnitId", performer.Id);
                _processes.Add(("pr" + i.ToString(CultureInfo.InvariantCulture), performer));
                EndEntity();
            }
            EndCollection("processes", n);
            Plant(RuleIds.VT2002, slots.Count(s => s == 1));
            Plant(RuleIds.VT2004, slots.Count(s => s == 2));
            Plant(RuleIds.VT2007, slots.Count(s => s == 3));
        }

        private void WriteRecognition()
        {
            var n = Math.Max(6, _units.Count / 200);
            var slots = Assign(n, (1, Share(n)), (2, Share(n)));
            var systematised = new[] { RecognitionKind.EmployeeOfTheMonth, RecognitionKind.FormalPraise, RecognitionKind.PerformanceRating, RecognitionKind.Rating360, RecognitionKind.PeerThanks };
            var ranking = new[] { RecognitionKind.Ranking, RecognitionKind.Leaderboard, RecognitionKind.Contest, RecognitionKind.TopSellerAward };
            BeginCollection("recognitionPrograms");
            var written = 0;
            var prized = 0;
            for (var i = 0; i < n; i++)
            {
                // Every kind of programme systematises recognition (peer thanks included, VT3002), so there is no
                // clean programme to write: an organisation without one is the clean case.
                if (slots[i] == 0) continue;
                written++;
                var kind = slots[i] switch
                {
                    1 => systematised[_rng.Next(0, systematised.Length)],
                    _ => ranking[_rng.Next(0, ranking.Length)],
                };
                BeginEntity("rp" + i.ToString(CultureInfo.InvariantCulture), "Programme " + (i + 1).ToString(CultureInfo.InvariantCulture));
                Enum("kind", kind);
                // Schema 1.1: a contest with a prize is pay for results too (VT3001, besides VT3009's ranking).
                var withPrize = kind == RecognitionKind.Contest && i % 2 == 0;
                if (withPrize)
                {
                    Prop("prize", "a weekend trip");
                    prized++;
                }
                var reach = Scope("participants", BusinessFunction.Sales);
                Reaches(slots[i] == 1 ? RuleIds.VT3002 : RuleIds.VT3009, reach);
                if (withPrize) Reaches(RuleIds.VT3001, reach);
                EndEntity();
            }
            EndCollection("recognitionPrograms", written);
            Plant(RuleIds.VT3001, prized);
            Plant(RuleIds.VT3002, slots.Count(s => s == 1));
            Plant(RuleIds.VT3009, slots.Count(s => s == 2));
        }

        private static readonly string[] FamilyTexts =
        {
            "We are one big family.", "Wir sind eine große Familie.", "Welcome to the family!", "Our company is like a family.",
        };

        private static readonly string[] CleanTexts =
        {
            "Teams decide how they solve their customers' problems.", "We share the profit of the company in equal parts.",
            "Customer feedback reaches the people who do the work.", "Whoever has the problem chooses the tool.",
            "We leave out individual targets and control meetings.", "Roles are shared: everybody holds more than one.",
        };

        private void WriteCulture()
        {
            var n = Math.Max(4, _units.Count / 500);
            var slots = Assign(n, (1, Share(n)));
            BeginCollection("cultureStatements");
            for (var i = 0; i < n; i++)
            {
                BeginEntity("cs" + i.ToString(CultureInfo.InvariantCulture));
                Prop("text", slots[i] == 1 ? FamilyTexts[_rng.Next(0, FamilyTexts.Length)] : CleanTexts[_rng.Next(0, CleanTexts.Length)]);
                Prop("source", _rng.Chance(0.5) ? "careers website" : "employee handbook");
                EndEntity();
            }
            EndCollection("cultureStatements", n);
            Plant(RuleIds.VT3003, slots.Count(s => s == 1));
        }

        private static readonly ChannelKind[] CommunicationChannels =
            { ChannelKind.SocialMedia, ChannelKind.OnlineAds, ChannelKind.Webinar, ChannelKind.Web, ChannelKind.Email, ChannelKind.Phone };

        private static readonly string[] Areas = { "pricing", "campaign budget", "hiring", "tool choice", "discounts", "territory", "offer design", "event budget" };

        private void WriteDecisionRights()
        {
            var n = Math.Max(6, _units.Count / 30);
            var slots = Assign(n, (1, Share(n)), (2, Share(n)), (3, Share(n)));
            var outsider = _units.FirstOrDefault(u => u.Kind == UnitKind.Division && u.Function == BusinessFunction.Finance) ?? _units[0];
            BeginCollection("decisionRights");
            for (var i = 0; i < n; i++)
            {
                BeginEntity("dr" + i.ToString(CultureInfo.InvariantCulture));
                // Every area is unique, so "one area, several rights" never happens by accident.
                Prop("area", (slots[i] == 3 ? "work selection" : Areas[i % Areas.Length]) + " " + (i + 1).ToString(CultureInfo.InvariantCulture));
                var owner = AnyTeam();
                switch (slots[i])
                {
                    case 1: // VT1005: the owning team needs approval from outside
                        Ids("ownerUnitIds", new[] { owner.Id });
                        Ids("requiresApprovalFromUnitIds", new[] { outsider.Id });
                        break;
                    case 2: // VT1006: no owner, or several
                        if (i % 2 == 0) Ids("ownerUnitIds", Array.Empty<string>());
                        else
                        {
                            UnitPlan other;
                            var guard = 0;
                            do other = AnyTeam(); while (ReferenceEquals(other, owner) && guard++ < 20);
                            // Schema 1.1: several owners may be a unit and a role ("the team and the product manager").
                            if (_rng11.Chance(0.5))
                            {
                                Ids("ownerUnitIds", new[] { owner.Id });
                                Ids("ownerRoleIds", new[] { TeamRole(other) });
                            }
                            else Ids("ownerUnitIds", ReferenceEquals(other, owner) ? new[] { owner.Id, _units[0].Id } : new[] { owner.Id, other.Id });
                        }
                        break;
                    case 3: // VT3004: the choice of work belongs to the unit above the team, not to the team
                        Ids("ownerUnitIds", new[] { _units[owner.Parent >= 0 ? owner.Parent : 0].Id });
                        break;
                    default:
                        // Schema 1.1: one owner, stated as the team, a role in it, or its lead; some rights name a process
                        // that governs them (the team's own where it has one). No generated process names a unit that
                        // prescribes it, so none pre-empts the owner (VT1005 stays as planted).
                        var by = _rng11.NextDouble();
                        if (by < 0.15) Ids("ownerRoleIds", new[] { TeamRole(owner) });
                        else if (by < 0.25 && TeamMember(owner, lead: true) is { } lead) Ids("ownerPersonIds", new[] { lead });
                        else Ids("ownerUnitIds", new[] { owner.Id });
                        if (_rng11.Chance(0.2) && _processes.Count > 0)
                        {
                            var own = _processes.FindIndex(p => ReferenceEquals(p.PerformedBy, owner));
                            Ids("governedByProcessIds", new[] { _processes[own >= 0 ? own : _rng11.Next(0, _processes.Count)].Id });
                        }
                        break;
                }
                EndEntity();
            }
            EndCollection("decisionRights", n);
            Plant(RuleIds.VT3004, _teams.Count > 0 ? slots.Count(s => s == 3) : 0);
            Plant(RuleIds.VT1005, slots.Count(s => s == 1));
            Plant(RuleIds.VT1006, slots.Count(s => s == 2));
        }

        private void WriteNotes()
        {
            _notes[RuleIds.VT1001] = "teams with exactly one member holding a single role (one finding per team = one per person); every other person holds 2-3 roles";
            _notes[RuleIds.VT1002] = "teams where the lead holds one extra role nobody else in the team holds (one team-role pair per team); leadership teams and all other teams have every role held by >= 2 members";
            _notes[RuleIds.VT1003] = "offerings whose funnel runs marketing team -> sales team -> support team with two hand-overs carrying the offeringId; clean offerings are carried by one sales team";
            _notes[RuleIds.VT1004] = "teams with sharedGoal=false and an individual-level target applying to the team (all other teams have sharedGoal=true), plus every other team whose members' roles all work at one funnel stage (" + _oneStageTeams.ToString(CultureInfo.InvariantCulture) + " here)";
            _notes[RuleIds.VT1005] = "decision rights owned by one team that need approval from the finance division (or the company)";
            _notes[RuleIds.VT1006] = "decision rights with no owner or with two owners; every area name is unique";
            _notes[RuleIds.VT1007] = "marketing teams with customerContact=none that carry a whole (single-unit) funnel; every other unit of marketing/sales/support/product has direct contact (engineering: none, but outside the funnel)";
            _notes[RuleIds.VT1008] = "forecasts at person granularity (monthly) or weekly/daily cadence, used for planning only";
            _notes[RuleIds.VT1009] = "targets at individual level (including one per VT1004 team)";
            _notes[RuleIds.VT1010] = "recurring meetings for status reporting, pipeline review or forecast review (one-off status meetings are near misses)";
            _notes[RuleIds.VT2001] = "tool roll-outs with mode mandatedProject (all others teamChoice)";
            _notes[RuleIds.VT2002] = "creative or complex processes, mandatory, with 8-20 steps (clean creative processes: optional, <= 3 steps)";
            _notes[RuleIds.VT2003] = "communication channels (social media, online ads, webinar, web, e-mail, phone) operated by an agency only (others in-house or mixed)";
            _notes[RuleIds.VT2004] = "routine processes with automation none, stating their effort (schema 1.1) (clean routine processes are fully automated)";
            _notes[RuleIds.VT2005] = "hand-overs between two units of different silo functions (marketing, sales, support, product, engineering) or between sales and any other function, including the VT1003 hand-overs; same-function hand-overs are clean";
            _notes[RuleIds.VT2006] = "sales teams whose members hold sales roles only; never the first team below its unit, so the unit above still has a cross-functional team; units without own members are assumed not to be reported";
            _notes[RuleIds.VT2007] = "creative or complex processes, optional with at most 3 steps, partly or fully automated (clean creative processes: automation none)";
            _notes[RuleIds.VT3001] = "incentive plans of type commission, bonus, spiff or team-level profit share (clean: fixed or company-level profit share), plus contests with a prize (schema 1.1)";
            _notes[RuleIds.VT3002] = "recognition programmes: employee of the month, formal praise, performance rating, 360-degree rating, peer thanks (no clean programme is written: every kind systematises recognition)";
            _notes[RuleIds.VT3003] = "culture statements with family rhetoric ('We are one big family.', 'Wir sind eine große Familie.')";
            _notes[RuleIds.VT3004] = "teams with autonomy how=true, what/when/withWhom=false (clean teams: all true; non-teams: no autonomy given), plus decision rights 'work selection N' owned by the unit above a team";
            _notes[RuleIds.VT3005] = "forecasts used for control or evaluation (unit granularity, quarterly)";
            _notes[RuleIds.VT3006] = "discount or price policies with a staircase of two percentage thresholds that need approval";
            _notes[RuleIds.VT3007] = "offer or calculation policies with sign-off steps by a higher rank (every third also with a higher-rank threshold, schema 1.1)";
            _notes[RuleIds.VT3008] = "expense policies with exceptions nested three deep (clean policies: no exceptions)";
            _notes[RuleIds.VT3009] = "recognition programmes: ranking, leaderboard, contest, top-seller award";
            _notes[RuleIds.VT3010] = "one person with a sales and a support role placed directly in a sales department or division (not in a team), per planted unit";
        }
    }
}
