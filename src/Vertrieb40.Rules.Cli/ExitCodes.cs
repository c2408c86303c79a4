namespace Vertrieb40.Rules.Cli;

/// <summary>The exit codes (a contract: CI pipelines depend on them).</summary>
internal static class ExitCodes
{
    /// <summary>Nothing at or above --fail-on.</summary>
    public const int Success = 0;
    /// <summary>Findings at or above --fail-on.</summary>
    public const int Findings = 1;
    /// <summary>Input or usage error.</summary>
    public const int InputError = 2;
    /// <summary>Internal error (a bug in the tool).</summary>
    public const int InternalError = 3;
    /// <summary>The batch was interrupted (Ctrl+C) before every file was analysed; the conventional 128 + SIGINT.</summary>
    public const int Interrupted = 130;
}
