namespace Vertrieb40.Rules.Cli;

internal static class HelpText
{
    public const string Main = """
vertrieb40 — diagnostics for the anti-patterns of Vertrieb 4.0 in an organisation description

Usage:
  vertrieb40 analyze <file|dir>... [options]   Analyse organisation documents (JSON)
  vertrieb40 rules [--format text|json] [--culture en|de]
                                               List every rule id with category and default severity
  vertrieb40 sarif merge <in.sarif>... -o <out.sarif>
                                               Merge SARIF logs (e.g. from shards) into one log
  vertrieb40 --help | --version

analyze options:
  --format FORMAT         text|json|sarif|html (default text: compiler-style lines, a summary
                          table and the Vertrieb-4.0 score; sarif: SARIF 2.1.0; html: a
                          self-contained report for people, see docs/result-format.md)
  --output PATH           Write the report to PATH (atomically) instead of standard output
  --fail-on LEVEL         error|warning|info|none: exit 1 when a finding reaches LEVEL (default error)
  --culture en|de         Language of messages (default: the system's UI language, else en)
  --recursive             Also analyse *.json files in sub-directories of a directory argument
  --min-group-size N      Privacy: units with fewer than N people (default 5) get no breakdown
                          of their own in json/html reports; they count with their parent
  --report-timings        Write per-rule execution times into SARIF run properties (these
                          differ from run to run, so the output is no longer byte-identical)
  --rule-option ID.option=value
                          Set a rule option, e.g. --rule-option VT1010.purposes=pipelineReview
                          (repeatable)

Exit codes:
  0  nothing at or above --fail-on
  1  findings at or above --fail-on
  2  input or usage error (unreadable, invalid or inconsistent document; bad arguments)
  3  internal error

Documentation: README.md, docs/input-format.md, docs/result-format.md, docs/score.md, rules/<ID>.md

""";
}
