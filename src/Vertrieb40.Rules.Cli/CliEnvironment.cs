namespace Vertrieb40.Rules.Cli;

/// <summary>What the tool takes from its surroundings: a terminal or not, Ctrl+C, environment variables. Tests pass their own.</summary>
internal sealed class CliEnvironment
{
    /// <summary>True when standard error is an interactive terminal (then a progress bar is drawn).</summary>
    public bool InteractiveErrorOutput { get; init; }

    /// <summary>Cancelled on Ctrl+C: the batch starts no new files.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Reads an environment variable.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>No terminal, no Ctrl+C, the process's environment.</summary>
    public static CliEnvironment Default { get; } = new();
}
