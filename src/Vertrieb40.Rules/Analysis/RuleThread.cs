namespace Vertrieb40.Rules.Analysis;

/// <summary>
/// The threads watched runs execute on, kept for the next run: creating a thread with a 16 MB stack per document
/// cost about a third of the engine's time on a batch of small documents (issue 14). A run that is abandoned
/// (its rule did not return) keeps its thread; that thread leaves when the rule returns, if it ever does, and is
/// never handed out again.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The thread disposes its event when it ends; nobody else may.")]
internal sealed class RuleThread
{
    private const int StackSize = 16 * 1024 * 1024;
    private static readonly Stack<RuleThread> Idle = new();
    private static int MaxIdle => Math.Max(2, Environment.ProcessorCount);

    // Neither side spins while it waits (SemaphoreSlim and a default ManualResetEventSlim do): on a shared machine a
    // spinning idle thread took a quarter of a batch's CPU time.
    private readonly object _gate = new();
    private bool _started;
    private readonly ManualResetEventSlim _done = new(false, 1);
    private Action? _work;
    private volatile bool _abandoned;

    private RuleThread()
    {
        new Thread(Loop, StackSize) { IsBackground = true, Name = "vertrieb40 rules" }.Start();
    }

    /// <summary>Starts <paramref name="work"/> on an idle thread (or a new one).</summary>
    public static RuleThread Start(Action work)
    {
        RuleThread? thread = null;
        lock (Idle) if (Idle.Count > 0) thread = Idle.Pop();
        thread ??= new RuleThread();
        thread._done.Reset();
        thread._work = work;
        thread.Signal();
        return thread;
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the work to return; true when it has.</summary>
    public bool Join(TimeSpan timeout) => _done.Wait(timeout);

    /// <summary>
    /// After the work returned: the thread waits for the next run. After an abandoned run: the thread is never reused.
    /// </summary>
    public void Release(bool abandoned)
    {
        if (abandoned)
        {
            _abandoned = true;
            Signal(); // if the work returns, the loop sees the flag and ends
            return;
        }
        lock (Idle)
        {
            if (Idle.Count < MaxIdle)
            {
                Idle.Push(this);
                return;
            }
        }
        _abandoned = true; // enough idle threads: this one ends
        Signal();
    }

    private void Signal()
    {
        lock (_gate)
        {
            _started = true;
            Monitor.Pulse(_gate);
        }
    }

    private void Loop()
    {
        while (true)
        {
            lock (_gate)
            {
                while (!_started) Monitor.Wait(_gate);
                _started = false;
            }
            if (_abandoned)
            {
                _done.Dispose();
                return;
            }
            var work = _work;
            _work = null;
            try { work?.Invoke(); }
            finally { _done.Set(); }
        }
    }
}
