namespace Vertrieb40.Rules.Cli;

internal static class HelpText
{
    public const string Main = """
vertrieb40 — diagnostics for the anti-patterns of Vertrieb 4.0 in an organisation description

Usage:
  vertrieb40 analyze <file|dir>... [options]   Analyse organisation documents (JSON)
  vertrieb40 rules [--format text|json] [--culture en|de]
                                               List every rule id with category and default severity
  vertrieb40 generate --people N [--seed S] [--anti-pattern-density D] -o FILE [--manifest PATH]
                                               Write a synthetic organisation (deterministic for a seed)
                                               with a known number of planted anti-patterns
  vertrieb40 --help | --version

analyze options:
  --format text|json      Output format (default text: compiler-style lines and a summary)
  --output PATH           Write the report to PATH (atomically) instead of standard output
  --fail-on LEVEL         error|warning|info|none: exit 1 when a finding reaches LEVEL (default error)
  --culture en|de         Language of messages (default: the system's UI language, else en)
  --recursive             Also analyse *.json files in sub-directories of a directory argument
  --rule-option ID.option=value
                          Set a rule option, e.g. --rule-option VT1010.purposes=pipelineReview
                          (repeatable)

generate options:
  --people N              People to generate (20 to 50,000,000)
  --seed S                Seed (default 1): the same seed gives a byte-identical file
  --anti-pattern-density D
                          Share (0-1) of the candidates of each anti-pattern that are planted (default 0.05)
  -o, --output FILE       The document to write
  --manifest PATH         Also write the manifest (entity counts, planted findings per rule) as JSON

Exit codes:
  0  nothing at or above --fail-on
  1  findings at or above --fail-on
  2  input or usage error (unreadable, invalid or inconsistent document; bad arguments)
  3  internal error

Documentation: README.md, docs/input-format.md, rules/<ID>.md

""";
}
