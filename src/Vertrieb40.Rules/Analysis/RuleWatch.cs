using System.Diagnostics;

namespace Vertrieb40.Rules.Analysis;

/// <summary>
/// The per-rule time budget of one run. The engine tells it what runs (a rule's action, or the condition phase
/// while facts are inserted); the thread that waits for the run asks it whether that has run too long. A rule
/// over its budget gets its cancellation token cancelled (<see cref="AnalysisContext.CancellationToken"/>) and
/// none of its further firings run. .NET cannot stop a thread that does not look at a token: when the rule does not
/// return within a grace period, the run is abandoned (see <see cref="RuleEngine"/>).
/// </summary>
internal sealed class RuleWatch
{
    private readonly object _gate = new();
    private readonly CancellationToken _run;
    private readonly Dictionary<string, CancellationTokenSource> _tokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _overBudget = new(StringComparer.Ordinal);
    private string? _activity;
    private bool _active;
    private long _since;

    public RuleWatch(TimeSpan budget, int ruleCount, CancellationToken run)
    {
        Budget = budget;
        // Conditions cannot be told apart by rule while facts are inserted: the phase gets every rule's budget.
        ConditionBudget = TimeSpan.FromTicks(Math.Min(TimeSpan.MaxValue.Ticks / 2, budget.Ticks * Math.Max(1, ruleCount)));
        _run = run;
    }

    /// <summary>The budget of one rule's actions in one run.</summary>
    public TimeSpan Budget { get; }

    /// <summary>The budget of the condition phase (all rules' conditions while facts are inserted).</summary>
    public TimeSpan ConditionBudget { get; }

    /// <summary>How long to wait for a rule over its budget to return before the run is abandoned.</summary>
    public TimeSpan Grace => TimeSpan.FromTicks(Math.Clamp(Budget.Ticks / 2, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(5).Ticks));

    /// <summary>A rule's action starts (<paramref name="rule"/>), or the condition phase (null).</summary>
    public void Enter(string? rule)
    {
        lock (_gate) { _activity = rule; _since = Stopwatch.GetTimestamp(); _active = true; }
    }

    /// <summary>What <see cref="Enter"/> started has returned.</summary>
    public void Leave()
    {
        lock (_gate) _active = false;
    }

    /// <summary>The token a rule's action looks at: cancelled when the rule is over its budget or the run is cancelled.</summary>
    public CancellationToken TokenFor(string? rule)
    {
        if (rule is null) return _run;
        lock (_gate)
        {
            if (!_tokens.TryGetValue(rule, out var source))
            {
                _tokens[rule] = source = CancellationTokenSource.CreateLinkedTokenSource(_run);
                if (_overBudget.Contains(rule)) source.Cancel();
            }
            return source.Token;
        }
    }

    /// <summary>True once <paramref name="rule"/> went over its budget: its further firings are skipped.</summary>
    public bool IsOverBudget(string rule)
    {
        lock (_gate) return _overBudget.Contains(rule);
    }

    /// <summary>Marks a rule over its budget and cancels its token; false when it was marked before.</summary>
    public bool MarkOverBudget(string rule)
    {
        CancellationTokenSource? source;
        lock (_gate)
        {
            if (!_overBudget.Add(rule)) return false;
            _tokens.TryGetValue(rule, out source);
        }
        source?.Cancel();
        return true;
    }

    /// <summary>
    /// The activity that has run longer than its budget right now: (true, rule or null for the condition phase,
    /// how long it ran); (false, …) when nothing overran.
    /// </summary>
    public (bool Over, string? Rule, TimeSpan Ran) Overrun()
    {
        lock (_gate)
        {
            if (!_active) return (false, null, TimeSpan.Zero);
            var ran = Stopwatch.GetElapsedTime(_since);
            return (ran > (_activity is null ? ConditionBudget : Budget), _activity, ran);
        }
    }

    /// <summary>Frees the token sources (only when the run ended normally: an abandoned rule may still hold one).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var s in _tokens.Values) s.Dispose();
            _tokens.Clear();
        }
    }
}
