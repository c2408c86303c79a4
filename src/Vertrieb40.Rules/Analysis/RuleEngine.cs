using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using NRules;
using NRules.Extensibility;
using NRules.Fluent;
using NRules.RuleModel;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Diagnostic = Vertrieb40.Rules.Diagnostics.Diagnostic;

namespace Vertrieb40.Rules.Analysis;

/// <summary>
/// The rule engine: a rule set compiled once into an NRules session factory (thread-safe, reusable); each
/// run gets its own session. It knows only the model, the diagnostics and the rules — reading documents,
/// configuration, suppressions, baselines and the score belong to the <c>OrganizationAnalyzer</c> around it.
/// </summary>
internal sealed class RuleEngine
{
    private readonly Compiled _all;
    private readonly Dictionary<string, IReadOnlyList<DiagnosticDescriptor>> _declared;
    private readonly (string Name, IReadOnlyList<string> Facts)[] _requirements;
    private readonly IReadOnlyList<OrganizationRule> _rules;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Compiled>> _subsets = new(StringComparer.Ordinal);

    /// <summary>
    /// A document this large (people and units) gets a session of only the rules that can report (severity not
    /// <c>none</c>, selected): compiling that subset once costs less than running the others' conditions on it.
    /// A smaller document uses such a subset when one is compiled already, else the whole set with the others'
    /// actions skipped.
    /// </summary>
    internal const int SubsetSessionThreshold = 20_000;

    /// <summary>A compiled rule set: its session factory, the fact types its rules match, and the rules of each network node.</summary>
    private sealed class Compiled
    {
        public Compiled(ISessionFactory factory, IEnumerable<IRuleDefinition> definitions)
        {
            Factory = factory;
            // Which fact types any rule matches: only those are inserted (a million people that no rule
            // matches are not pushed through the network).
            foreach (var definition in definitions)
                foreach (var d in definition.LeftHandSide.Exports)
                    FactTypes.Add(d.Type);
            RulesOfNode = factory.GetSchema().Nodes.ToDictionary(n => n.Id, n => n.Rules.Select(x => x.Name).ToArray());
        }

        public ISessionFactory Factory { get; }
        public HashSet<Type> FactTypes { get; } = new();
        public Dictionary<int, string[]> RulesOfNode { get; }
    }

    private static (ISessionFactory Factory, IEnumerable<IRuleDefinition> Definitions) Compile(IReadOnlyList<OrganizationRule> rules)
    {
        var repository = new RuleRepository { Activator = new InstanceActivator(rules) };
        repository.Load(x => x.NestedTypes(true).PrivateTypes(true).From(rules.Select(r => r.GetType())));
        return (repository.Compile(), repository.GetRules());
    }

    private RuleEngine(ISessionFactory factory, IReadOnlyList<OrganizationRule> rules, IEnumerable<IRuleDefinition> definitions, TimeSpan compileTime)
    {
        _all = new Compiled(factory, definitions);
        _rules = rules;
        CompileTime = compileTime;
        _declared = rules.ToDictionary(RuleName, r => r.SupportedDiagnostics, StringComparer.Ordinal);
        _requirements = rules.Select(r => (RuleName(r), InputFacts.RequiredBy(r.GetType()))).OrderBy(x => x.Item1, StringComparer.Ordinal).ToArray();
        SupportedDiagnostics = rules.SelectMany(r => r.SupportedDiagnostics).Concat(InputDescriptors.All)
            .GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        SupportedOptions = rules.SelectMany(r => r.SupportedOptions).GroupBy(o => o.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First()).OrderBy(o => o.Key, StringComparer.OrdinalIgnoreCase).ToArray();
    }

    // A rule that matches a derived fact it does not declare would silently never fire (its facts are built only
    // for the rules that declare them): refused when the engine is created, naming the rule and the type.
    private static void CheckDerivedFacts(IReadOnlyList<OrganizationRule> rules, IEnumerable<IRuleDefinition> definitions)
    {
        var byName = new Dictionary<string, OrganizationRule>(StringComparer.Ordinal);
        foreach (var r in rules) byName.TryAdd(RuleName(r), r);
        foreach (var definition in definitions)
        {
            if (!byName.TryGetValue(definition.Name, out var rule)) continue;
            foreach (var d in definition.LeftHandSide.Exports)
            {
                var type = d.Type;
                if (typeof(Entity).IsAssignableFrom(type) || type == typeof(RuleOptions) || type == typeof(SemanticModel)) continue;
                if (!rule.DerivedFacts.Any(f => f.FactType == type))
                    throw new InvalidOperationException(
                        $"Rule '{definition.Name}' matches facts of type {type.Name}, which are neither entities of the document nor declared in its DerivedFacts.");
            }
        }
    }

    /// <summary>Compiles the built-in rules plus rules from <paramref name="additionalRuleAssemblies"/>.</summary>
    public static RuleEngine Create(IEnumerable<Assembly>? additionalRuleAssemblies = null)
    {
        var assemblies = new List<Assembly> { typeof(RuleEngine).Assembly };
        if (additionalRuleAssemblies != null) assemblies.AddRange(additionalRuleAssemblies.Where(a => !assemblies.Contains(a)));
        var types = assemblies.SelectMany(SafeTypes)
            .Where(t => typeof(OrganizationRule).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) != null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        return Create(types.Select(CreateRule).ToList());
    }

    // A rule whose static descriptor is invalid (a bad id, an empty title) fails in its type initializer; the
    // caller gets the rule's name and the descriptor's own message instead of a bare TypeInitializationException.
    // Static fields without a static constructor are initialised lazily (beforefieldinit), so creating the
    // instance alone does not reach the descriptor: the initialiser is run and the descriptors are read here.
    internal static OrganizationRule CreateRule(Type type)
    {
        OrganizationRule rule;
        try
        {
            RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            rule = (OrganizationRule)Activator.CreateInstance(type)!;
        }
        catch (Exception ex) when (ex is TargetInvocationException or TypeInitializationException)
        {
            throw CannotCreate(type, ex);
        }
        CheckDescriptors(rule);
        return rule;
    }

    private static void CheckDescriptors(OrganizationRule rule)
    {
        try { _ = rule.SupportedDiagnostics; }
        catch (Exception ex) when (ex is TypeInitializationException or ArgumentException)
        {
            throw CannotCreate(rule.GetType(), ex);
        }
    }

    private static InvalidOperationException CannotCreate(Type type, Exception ex)
    {
        var inner = ex;
        while (inner is TargetInvocationException or TypeInitializationException && inner.InnerException != null) inner = inner.InnerException;
        return new InvalidOperationException($"Rule {type.FullName} cannot be created: {inner.Message}", inner);
    }

    /// <summary>Compiles exactly the given rules (custom rule sets, tests).</summary>
    public static RuleEngine Create(IEnumerable<OrganizationRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        foreach (var rule in list) CheckDescriptors(rule);
        var sw = Stopwatch.StartNew();
        var (factory, definitions) = Compile(list);
        CheckDerivedFacts(list, definitions);
        sw.Stop();
        return new RuleEngine(factory, list, definitions, sw.Elapsed);
    }

    private static IEnumerable<Type> SafeTypes(Assembly a)
    {
        try { return a.GetTypes(); }
        catch (ReflectionTypeLoadException ex) { return ex.Types.Where(t => t != null)!; }
    }

    /// <summary>Every descriptor this engine may report, rules and input, ordered by id.</summary>
    public IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>Every option the rules declare, ordered by key.</summary>
    public IReadOnlyList<RuleOption> SupportedOptions { get; }

    /// <summary>How long compiling the rule set took.</summary>
    public TimeSpan CompileTime { get; }

    /// <summary>
    /// Runs the rules on an organisation that was read without errors: the raw findings (plus internal
    /// diagnostics of failing rules), sorted, before configuration, suppressions or a baseline are applied.
    /// </summary>
    /// <param name="organization">The organisation (read without errors, linked).</param>
    /// <param name="ruleOptions">Rule options, already merged from configuration and caller.</param>
    /// <param name="onlyRules">Rule ids to run; all when null.</param>
    /// <param name="isEnabled">Whether configuration leaves a rule id switched on (coverage says "Disabled" otherwise); all when null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <param name="timeBudget">
    /// Each rule's time budget (its actions in this run; the condition phase gets every rule's budget together);
    /// null for none. A rule over it is stopped and reported (VT0100); see <see cref="RuleWatch"/>.
    /// </param>
    public RuleRun Run(Organization organization, RuleOptions ruleOptions, IReadOnlyCollection<string>? onlyRules, Func<DiagnosticDescriptor, bool>? isEnabled, TimeSpan? timeBudget, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var total = Stopwatch.StartNew();
        var model = new SemanticModel(organization);
        var enabled = isEnabled ?? (_ => true);
        var (coverage, unable) = ComputeCoverage(model, onlyRules, enabled);
        var derivedFacts = DerivedFactsToBuild(onlyRules, enabled, unable);
        var internalDiagnostics = new List<Diagnostic>();
        var failedRules = new HashSet<string>(StringComparer.Ordinal);
        var actionTime = new Dictionary<string, (long Ticks, int Firings)>(StringComparer.Ordinal);
        var watch = timeBudget is { } b && b > TimeSpan.Zero && b != Timeout.InfiniteTimeSpan ? new RuleWatch(b, _declared.Count, cancellationToken) : null;
        var abandoned = false;

        void AddInternal(Diagnostic d)
        {
            lock (internalDiagnostics) if (!abandoned) internalDiagnostics.Add(d);
        }

        var context = new AnalysisContext(model, ruleOptions, DeclaredBy,
            (rule, descriptor) => AddInternal(Diagnostic.Create(InputDescriptors.UndeclaredDiagnostic, FileLocation(organization), rule, descriptor.Id)))
        { Watch = watch };

        void RuleFailed(string rule, Exception ex)
        {
            lock (internalDiagnostics) if (!failedRules.Add(rule)) return; // one internal diagnostic per rule and run
            // NRules wraps the rule's own exception; report the one the rule author threw.
            var inner = ex.GetType().Namespace?.StartsWith("NRules", StringComparison.Ordinal) == true && ex.InnerException != null ? ex.InnerException : ex;
            AddInternal(Diagnostic.Create(InputDescriptors.RuleFailed, FileLocation(organization), rule, inner.GetType().Name, inner.Message.TrimEnd('.')));
        }

        void OverBudget(string? rule, TimeSpan ran, bool abandonedRun)
        {
            if (rule != null) lock (internalDiagnostics) if (!failedRules.Add(rule)) return;
            var seconds = watch!.Budget.TotalSeconds;
            var why = new LocalizableFormat(new LocalizableResourceString(
                rule is null ? "RuleBudget_Conditions" : abandonedRun ? "RuleBudget_Abandoned" : "RuleBudget_Stopped", InputDescriptors.Resources),
                Math.Round(ran.TotalSeconds, 1), seconds, rule is null ? watch.ConditionBudget.TotalSeconds : seconds);
            var d = Diagnostic.Create(InputDescriptors.RuleFailed, FileLocation(organization), rule ?? "(conditions)", nameof(TimeoutException), why);
            // An abandoned run has not run every rule: the file's result is incomplete, which is an error.
            lock (internalDiagnostics) internalDiagnostics.Add(abandonedRun ? d.WithSeverity(DiagnosticSeverity.Error) : d);
        }

        // No work for rules that cannot report (severity none, not selected): a session without them, or their actions skipped.
        var (compiled, inactive) = SessionFor(organization, onlyRules, isEnabled);
        var session = compiled.Factory.CreateSession();
        session.DependencyResolver = new ContextResolver(context);
        session.ActionInterceptor = new TimingInterceptor(context, actionTime, RuleFailed, onlyRules, _declared, unable, inactive, watch, OverBudget);
        session.Events.LhsExpressionFailedEvent += (_, e) =>
        {
            e.IsHandled = true;
            foreach (var r in e.Rules) RuleFailed(r.Name, e.Exception!);
        };
        session.Events.AgendaExpressionFailedEvent += (_, e) =>
        {
            e.IsHandled = true;
            RuleFailed(e.Rule.Name, e.Exception!);
        };

        void Work()
        {
            watch?.Enter(null); // the rules' conditions run while facts are inserted
            Insert(session, compiled, organization.UnitsList);
            Insert(session, compiled, organization.RolesList);
            Insert(session, compiled, organization.PeopleList);
            Insert(session, compiled, organization.OfferingsList);
            Insert(session, compiled, organization.IncentivePlansList);
            Insert(session, compiled, organization.TargetsList);
            Insert(session, compiled, organization.ForecastsList);
            Insert(session, compiled, organization.MeetingsList);
            Insert(session, compiled, organization.ApprovalPoliciesList);
            Insert(session, compiled, organization.HandoffsList);
            Insert(session, compiled, organization.ChannelsList);
            Insert(session, compiled, organization.ToolRolloutsList);
            Insert(session, compiled, organization.ProcessesList);
            Insert(session, compiled, organization.RecognitionProgramsList);
            Insert(session, compiled, organization.CultureStatementsList);
            Insert(session, compiled, organization.DecisionRightsList);
            foreach (var derived in derivedFacts)
                Insert(session, compiled, derived.Build(model));
            if (compiled.FactTypes.Contains(typeof(RuleOptions))) session.Insert(ruleOptions);
            if (compiled.FactTypes.Contains(typeof(SemanticModel))) session.Insert(model);
            watch?.Leave();
            session.Fire(cancellationToken);
        }

        if (watch is null) Work();
        else abandoned = RunWatched(Work, watch, OverBudget, context, cancellationToken);
        // NRules stops firing quietly when cancelled; a partial run must not look like a complete result.
        cancellationToken.ThrowIfCancellationRequested();
        // Per document (options may be shared by a batch): reported by the pipeline like unusable values (VT0203).
        var withoutEffect = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in _rules)
            if (onlyRules is null || _declared[RuleName(rule)].Any(d => onlyRules.Contains(d.Id, StringComparer.OrdinalIgnoreCase)))
                foreach (var (key, problem) in rule.OptionsWithoutEffect(model, ruleOptions))
                    withoutEffect.TryAdd(key, problem);
        total.Stop();

        List<Diagnostic> diagnostics;
        lock (internalDiagnostics)
        {
            diagnostics = context.CloseAndCopy().Concat(internalDiagnostics).ToList();
        }
        diagnostics.Sort(DiagnosticComparer.Instance);
        Dictionary<string, (long Ticks, int Firings)> times;
        lock (actionTime) times = new(actionTime, StringComparer.Ordinal);
        if (!abandoned) watch?.Dispose();
        // An abandoned session still runs on its thread: its metrics are not read.
        return new RuleRun(diagnostics, Timings(abandoned ? null : session, compiled, times), total.Elapsed, model, coverage) { OptionsWithoutEffect = withoutEffect };
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a thread of its own and watches it: a rule over its budget is stopped (its
    /// token cancelled, its further firings skipped); when it does not return within the grace period, or the
    /// caller cancels and the run does not stop, the run is abandoned: the thread is left behind (a background
    /// thread, which .NET cannot stop) and true is returned.
    /// </summary>
    private static bool RunWatched(Action work, RuleWatch watch, Action<string?, TimeSpan, bool> overBudget, AnalysisContext context, CancellationToken cancellationToken)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var (culture, uiCulture) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        // On a thread with the 8 MB main thread's stack or more (secondary threads get 1 MB by default): the engine's
        // own recursion depth must not depend on whether a budget is set. The thread is reused by the next run.
        var thread = RuleThread.Start(() =>
        {
            System.Globalization.CultureInfo.CurrentCulture = culture; // the rules see the caller's cultures
            System.Globalization.CultureInfo.CurrentUICulture = uiCulture;
            try { work(); }
            catch (Exception ex) { failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex); }
        });
        var poll = TimeSpan.FromTicks(Math.Clamp(watch.Budget.Ticks / 10, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromMilliseconds(250).Ticks));
        var cancelSeen = false;
        while (!thread.Join(poll))
        {
            if (cancellationToken.IsCancellationRequested && !cancelSeen)
            {
                // Ctrl+C: a rule that looks at its token or returns lets the run end; one that does not is left behind.
                cancelSeen = true;
                if (!thread.Join(watch.Grace)) { context.Abandon(); thread.Release(abandoned: true); return true; }
                break;
            }
            var (over, rule, ran) = watch.Overrun();
            if (!over) continue;
            if (rule != null && watch.MarkOverBudget(rule))
            {
                // Stopped: the rule may look at its token and return; its further firings are skipped.
                var finished = thread.Join(watch.Grace);
                if (!finished && watch.Overrun() is { Over: true } still && still.Rule == rule)
                {
                    context.Abandon();
                    thread.Release(abandoned: true);
                    overBudget(rule, still.Ran, true);
                    return true;
                }
                overBudget(rule, ran, false);
                if (finished) break;
                continue;
            }
            if (rule is null)
            {
                context.Abandon();
                thread.Release(abandoned: true);
                overBudget(null, ran, true);
                return true;
            }
        }
        thread.Release(abandoned: false);
        failure?.Throw();
        return false;
    }

    // Coverage per rule id: a rule the document cannot feed (no teams, no cadences …) does not run at all, so
    // that it cannot judge what the document does not say; a rule switched off or not selected is not applicable.
    private (IReadOnlyList<RuleCoverage> Coverage, HashSet<string> UnableRules) ComputeCoverage(SemanticModel model, IReadOnlyCollection<string>? onlyRules, Func<DiagnosticDescriptor, bool> isEnabled)
    {
        var held = new Dictionary<string, bool>(StringComparer.Ordinal);
        var coverage = new List<RuleCoverage>();
        var unable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (rule, facts) in _requirements)
        {
            var missing = facts.Where(f => held.TryGetValue(f, out var h) ? !h : !(held[f] = InputFacts.IsHeld(f, model))).Distinct().ToArray();
            var ruleUnable = true;
            foreach (var descriptor in _declared[rule])
            {
                if (descriptor.Category is DiagnosticCategories.Input or DiagnosticCategories.Internal) continue;
                RuleCoverage entry;
                if (onlyRules != null && !onlyRules.Contains(descriptor.Id, StringComparer.OrdinalIgnoreCase))
                    entry = NotApplicable(descriptor.Id, "NotSelected");
                else if (!isEnabled(descriptor))
                    entry = NotApplicable(descriptor.Id, "Disabled");
                else if (missing.Length > 0)
                {
                    var reason = missing.Length == 1 ? InputFacts.Missing(missing[0]) : new JoinedReasons(missing.Select(InputFacts.Missing).ToArray());
                    entry = new RuleCoverage(descriptor.Id, CoverageStatus.CouldNotCheck, reason.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    {
                        LocalizableReason = reason,
                        MissingFacts = missing,
                    };
                }
                else entry = new RuleCoverage(descriptor.Id, CoverageStatus.Checked, null);
                if (entry.Status != CoverageStatus.CouldNotCheck) ruleUnable = false;
                coverage.Add(entry);
            }
            if (missing.Length > 0 && ruleUnable) unable.Add(rule);
        }
        // Several NRules rules may report one id (VT3004's two halves): the id is checked when any of them can run.
        var merged = coverage.GroupBy(c => c.RuleId, StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(c => c.Status == CoverageStatus.Checked)
                         ?? g.FirstOrDefault(c => c.Status == CoverageStatus.CouldNotCheck)
                         ?? g.First())
            .OrderBy(c => c.RuleId, StringComparer.Ordinal).ToList();
        return (merged, unable);
    }

    // The derived facts of the rules that run (selected, switched on, able to check), each type once.
    private List<DerivedFact> DerivedFactsToBuild(IReadOnlyCollection<string>? onlyRules, Func<DiagnosticDescriptor, bool> isEnabled, HashSet<string> unable)
    {
        var result = new List<DerivedFact>();
        foreach (var rule in _rules)
        {
            if (rule.DerivedFacts.Count == 0) continue;
            var name = RuleName(rule);
            if (unable.Contains(name)) continue;
            var runs = false;
            foreach (var d in _declared[name])
                if ((onlyRules is null || onlyRules.Contains(d.Id, StringComparer.OrdinalIgnoreCase)) && isEnabled(d)) { runs = true; break; }
            if (!runs) continue;
            foreach (var fact in rule.DerivedFacts)
                if (_all.FactTypes.Contains(fact.FactType) && !result.Any(f => f.FactType == fact.FactType)) result.Add(fact);
        }
        return result;
    }

    private static RuleCoverage NotApplicable(string id, string why)
    {
        var reason = InputFacts.Text(why);
        return new RuleCoverage(id, CoverageStatus.NotApplicable, reason.ToString(System.Globalization.CultureInfo.InvariantCulture)) { LocalizableReason = reason };
    }

    private static void Insert(ISession session, Compiled compiled, IList facts)
    {
        if (facts.Count == 0) return;
        var type = facts.GetType().IsGenericType ? facts.GetType().GetGenericArguments()[0] : facts[0]!.GetType();
        if (!compiled.FactTypes.Any(t => t.IsAssignableFrom(type))) return;
        session.InsertAll(facts.Cast<object>());
    }

    // The rules that can report in this run: one of their descriptors selected and switched on (input and internal
    // descriptors do not count; a rule with no other descriptor always runs). The rule set to run, and the rules
    // in it whose actions are skipped.
    private (Compiled Compiled, HashSet<string>? Inactive) SessionFor(Organization organization, IReadOnlyCollection<string>? onlyRules, Func<DiagnosticDescriptor, bool>? isEnabled)
    {
        if (onlyRules is null && isEnabled is null) return (_all, null);
        var inactive = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (rule, descriptors) in _declared)
        {
            var reporting = descriptors.Where(d => d.Category is not (DiagnosticCategories.Input or DiagnosticCategories.Internal)).ToList();
            if (reporting.Count == 0) continue;
            if (!reporting.Any(d => (onlyRules is null || onlyRules.Contains(d.Id, StringComparer.OrdinalIgnoreCase)) && (isEnabled is null || isEnabled(d))))
                inactive.Add(rule);
        }
        if (inactive.Count == 0) return (_all, null);
        var key = string.Join("\n", inactive.OrderBy(r => r, StringComparer.Ordinal));
        if (!_subsets.TryGetValue(key, out var subset))
        {
            if (organization.People.Count + organization.Units.Count < SubsetSessionThreshold) return (_all, inactive);
            subset = _subsets.GetOrAdd(key, _ => new Lazy<Compiled>(() =>
            {
                var (factory, definitions) = Compile(_rules.Where(r => !inactive.Contains(RuleName(r))).ToList());
                return new Compiled(factory, definitions);
            }));
        }
        return (subset.Value, null);
    }

    private IReadOnlyList<RuleTiming> Timings(ISession? session, Compiled compiled, Dictionary<string, (long Ticks, int Firings)> actionTime)
    {
        // Matching time per node is shared evenly among the rules that use the node.
        var matchMs = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var m in session?.Metrics.GetAll() ?? Enumerable.Empty<NRules.Diagnostics.INodeMetrics>())
        {
            if (!compiled.RulesOfNode.TryGetValue(m.NodeId, out var rules) || rules.Length == 0) continue;
            var ms = (double)(m.InsertDurationMilliseconds + m.UpdateDurationMilliseconds + m.RetractDurationMilliseconds) / rules.Length;
            foreach (var r in rules) matchMs[r] = matchMs.GetValueOrDefault(r) + ms;
        }
        return _declared.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(rule =>
        {
            var (ticks, firings) = actionTime.GetValueOrDefault(rule);
            var elapsed = TimeSpan.FromMilliseconds(matchMs.GetValueOrDefault(rule)) + TimeSpan.FromTicks(ticks * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
            return new RuleTiming(rule, _declared[rule].Select(d => d.Id).ToArray(), elapsed, firings);
        }).ToArray();
    }

    private IReadOnlyList<DiagnosticDescriptor> DeclaredBy(string rule)
        => _declared.TryGetValue(rule, out var d) ? d : Array.Empty<DiagnosticDescriptor>();

    private static Location FileLocation(Organization organization) => new(organization.FilePath, "", LineSpan.None);

    // The same name NRules gives the rule: its [Name] attribute, else the class's full name.
    internal static string RuleName(OrganizationRule rule)
        => rule.GetType().GetCustomAttributesData()
               .FirstOrDefault(a => a.AttributeType == typeof(NRules.Fluent.Dsl.NameAttribute))?.ConstructorArguments[0].Value as string
           ?? rule.GetType().FullName!;

    private sealed class InstanceActivator(IReadOnlyList<OrganizationRule> rules) : IRuleActivator
    {
        public IEnumerable<NRules.Fluent.Dsl.Rule> Activate(Type type) => rules.Where(r => r.GetType() == type);
    }

    private sealed class ContextResolver(AnalysisContext context) : IDependencyResolver
    {
        public object Resolve(IResolutionContext resolutionContext, Type serviceType)
            => serviceType.IsInstanceOfType(context) ? context
                : serviceType.IsInstanceOfType(context.Model) ? context.Model
                : serviceType.IsInstanceOfType(context.Options) ? context.Options
                : throw new InvalidOperationException($"Rules can depend on AnalysisContext, SemanticModel or RuleOptions, not on {serviceType.Name}.");
    }

    /// <summary>Times each rule's actions, keeps a throwing action from ending the run, skips rules that are not selected, and keeps each rule within its time budget.</summary>
    private sealed class TimingInterceptor(
        AnalysisContext context,
        Dictionary<string, (long Ticks, int Firings)> times,
        Action<string, Exception> onFailure,
        IReadOnlyCollection<string>? onlyRules,
        Dictionary<string, IReadOnlyList<DiagnosticDescriptor>> declared,
        HashSet<string> unableRules,
        HashSet<string>? inactiveRules,
        RuleWatch? watch,
        Action<string?, TimeSpan, bool> overBudget) : IActionInterceptor
    {
        public void Intercept(IContext ctx, IReadOnlyCollection<IActionInvocation> actions)
        {
            var rule = ctx.Rule.Name;
            if (unableRules.Contains(rule)) return; // the document lacks what the rule needs: coverage says so
            if (inactiveRules != null && inactiveRules.Contains(rule)) return; // cannot report in this run (severity none, not selected)
            if (onlyRules != null && declared.TryGetValue(rule, out var ids) && !ids.Any(d => onlyRules.Contains(d.Id, StringComparer.OrdinalIgnoreCase)))
                return;
            if (watch != null && watch.IsOverBudget(rule)) return; // stopped: its time is up for this run
            var start = Stopwatch.GetTimestamp();
            context.CurrentRule = rule;
            watch?.Enter(rule);
            try
            {
                foreach (var action in actions) action.Invoke();
            }
            catch (Exception ex) when (watch != null && watch.IsOverBudget(rule))
            {
                // The rule saw its cancelled token and gave up: already reported as over its budget.
                _ = ex;
            }
            catch (Exception ex)
            {
                onFailure(rule, ex);
            }
            finally
            {
                watch?.Leave();
                context.CurrentRule = null;
                long ticks;
                lock (times)
                {
                    var (t, n) = times.GetValueOrDefault(rule);
                    times[rule] = (ticks = t + Stopwatch.GetTimestamp() - start, n + 1);
                }
                // Many short firings add up: the budget is the rule's total in this run.
                if (watch != null && Stopwatch.GetElapsedTime(0, ticks) > watch.Budget && watch.MarkOverBudget(rule))
                    overBudget(rule, Stopwatch.GetElapsedTime(0, ticks), false);
            }
        }
    }
}

/// <summary>What one run of the rules produced.</summary>
/// <param name="Diagnostics">The findings, sorted (<see cref="DiagnosticComparer"/>).</param>
/// <param name="RuleTimings">Time per rule.</param>
/// <param name="Elapsed">Time to build the semantic model and run the rules.</param>
/// <param name="Model">The semantic model the rules saw (the score outline is built from it).</param>
/// <param name="Coverage">Per rule id: checked, could not check (the input lacks what it needs) or not applicable.</param>
internal sealed record RuleRun(List<Diagnostic> Diagnostics, IReadOnlyList<RuleTiming> RuleTimings, TimeSpan Elapsed, SemanticModel Model, IReadOnlyList<RuleCoverage> Coverage)
{
    /// <summary>Rule options whose valid value cannot have an effect on this document, with the reason.</summary>
    public IReadOnlyDictionary<string, string> OptionsWithoutEffect { get; init; } = new Dictionary<string, string>();
}
