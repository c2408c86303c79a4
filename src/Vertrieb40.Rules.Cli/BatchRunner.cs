using Vertrieb40.Rules.Analysis;

namespace Vertrieb40.Rules.Cli;

/// <summary>The outcome of one input of a batch.</summary>
internal sealed class FileOutcome(InputFile input)
{
    public InputFile Input { get; } = input;
    /// <summary>The result; null when the file was not analysed (interrupted) or the tool failed on it.</summary>
    public AnalysisResult? Result { get; set; }
    /// <summary>Set when the tool itself failed on this file (a bug): the batch went on.</summary>
    public Exception? Failure { get; set; }
    /// <summary>Set when the file was analysed but its report could not be written (disk full, permissions, name too long).</summary>
    public Exception? WriteFailure { get; set; }
    /// <summary>The report written for this input (with --output-dir).</summary>
    public string? ReportPath { get; set; }
    /// <summary>False when the batch was interrupted before the file was started.</summary>
    public bool Started { get; set; }
}

/// <summary>
/// Runs a batch: every input on a bounded number of workers, all sharing the one compiled analyzer (each
/// analysis gets its own NRules session). Workers take inputs in input order; after cancellation no new
/// input is started, and inputs already running finish, so every report written is complete. Outcomes are
/// returned in input order whatever the order of completion.
/// </summary>
internal static class BatchRunner
{
    public static FileOutcome[] Run(IReadOnlyList<InputFile> inputs, int parallelism, Func<InputFile, AnalysisResult> analyze,
        Action<FileOutcome>? completed, CancellationToken cancellation)
    {
        var outcomes = inputs.Select(i => new FileOutcome(i)).ToArray();
        var next = -1;
        void Worker()
        {
            while (!cancellation.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= outcomes.Length) return;
                var outcome = outcomes[i];
                outcome.Started = true;
                try
                {
                    outcome.Result = analyze(outcome.Input);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    outcome.Failure = ex; // reported with the file's name; the other files go on
                }
                try
                {
                    completed?.Invoke(outcome);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    outcome.WriteFailure ??= ex; // the report could not be written: this file failed, the batch goes on
                }
            }
        }

        var workers = Math.Max(1, Math.Min(parallelism, outcomes.Length));
        if (workers == 1) Worker();
        else
        {
            var threads = Enumerable.Range(0, workers).Select(n => new Thread(Worker) { IsBackground = true, Name = "vertrieb40-batch-" + n }).ToList();
            foreach (var t in threads) t.Start();
            foreach (var t in threads) t.Join();
        }
        return outcomes;
    }
}
