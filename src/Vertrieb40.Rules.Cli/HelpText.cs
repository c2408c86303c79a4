namespace Vertrieb40.Rules.Cli;

internal static class HelpText
{
    public const string Main = """
vertrieb40 — diagnostics for the anti-patterns of Vertrieb 4.0 in an organisation description

Usage:
  vertrieb40 analyze <file|dir|glob>... [options]
                                               Analyse organisation documents (JSON) and HR exports (CSV)
  vertrieb40 rules [--format text|json] [--culture en|de]
                                               List every rule id with category and default severity
  vertrieb40 --help | --version

analyze options:
  --format text|json      Output format (default text: compiler-style lines and a summary)
  --output PATH           Write the report to PATH (atomically) instead of standard output
  --fail-on LEVEL         error|warning|info|none: exit 1 when a finding reaches LEVEL (default error)
  --culture en|de         Language of messages (default: the system's UI language, else en)
  --recursive             Also analyse files in sub-directories of a directory argument
  --rule-option ID.option=value
                          Set a rule option, e.g. --rule-option VT1010.purposes=pipelineReview
                          (repeatable)

Inputs:
  A file, a directory (its *.json and *.csv files), or a glob such as 'exports/**/*.csv'
  (* within a folder, ? one character, ** any folders; quote it so the shell leaves it alone).
  *.practices.json and *.mapping.json are side files and are not analysed on their own.

HR exports (CSV, ',' or ';', UTF-8 or Windows-1252):
  --practices FILE        JSON organisation document with the practices HR systems do not export
                          (plans, targets, meetings, policies, …); its ids refer to the export's
                          units (department names), roles (job titles) and people (employee ids).
                          Default: <export>.practices.json next to the export, when it exists
  --mapping FILE          Column mapping (JSON) for headers no synonym covers:
                          { "columns": { "employeeId": "Pers-Nr", "managerId": "Chef" } }

Privacy (reports name structures, not people):
  --pseudonymize          Replace person ids and names by a keyed HMAC-SHA256 pseudonym; the key
                          comes from VERTRIEB40_PSEUDONYM_KEY or --pseudonym-key-file and is never
                          written into a report
  --pseudonym-key-file PATH
                          Read the pseudonymisation key from PATH
  --show-names            Keep person names (pseudonymised with --pseudonymize); hidden by default

Batch:
  --parallel N            Analyse N files at once (default: the number of processor cores)
  --output-dir DIR        Write one report per input below DIR (named after the input's path,
                          e.g. DIR/exports/a.csv.report.txt) plus summary.txt and summary.json;
                          standard output gets the summary table
  --shard i/n             Analyse only the inputs of shard i (0 <= i < n), chosen by a hash of each
                          input's relative path: n CI jobs (or a Kubernetes indexed job with
                          --shard $JOB_COMPLETION_INDEX/n) together cover every input exactly once
  A progress bar is drawn on standard error when it is a terminal. Ctrl+C stops starting new files,
  finishes the running ones and lists what was not analysed (exit code 130).

Exit codes:
  0    nothing at or above --fail-on
  1    findings at or above --fail-on
  2    input or usage error (unreadable, invalid or inconsistent document; bad arguments)
  3    internal error (in a batch: the tool failed on a file; the other files were analysed)
  130  interrupted (Ctrl+C) before every file was analysed

Documentation: README.md, docs/input-format.md, rules/<ID>.md

""";
}
