namespace Vertrieb40.Rules.Cli;

internal static class HelpText
{
    public const string Main = """
vertrieb40 — diagnostics for the anti-patterns of Vertrieb 4.0 in an organisation description

Usage:
  vertrieb40 analyze <file|dir|glob>... [options]
                                               Analyse organisation documents (JSON) and HR exports (CSV)
  vertrieb40 rules [--format text|json] [--culture en|de] [--rules-assembly PATH]...
                                               List every rule id with category and default severity
  vertrieb40 sarif merge <in.sarif>... -o <out.sarif>
                                               Merge SARIF logs (e.g. from shards) into one log
  vertrieb40 baseline create|update <file|dir>... [-o PATH] [options]
                                               Record today's findings as accepted (default
                                               vertrieb40.baseline.json; create never overwrites,
                                               update replaces an existing baseline)
  vertrieb40 fix <file> [--rule ID]... [--dry-run] [--output PATH] [--in-place]
                                               Apply code fixes (VT1002, VT1009, VT1010, VT2005,
                                               VT3001, VT3007); without --output/--in-place shows a
                                               unified diff and writes nothing
  vertrieb40 generate --people N [--seed S] [--anti-pattern-density D] [--format json|csv] -o FILE [--manifest PATH]
                                               Write a synthetic organisation (deterministic for a seed)
                                               with a known number of planted anti-patterns
  vertrieb40 diff <before> <after> [--format text|json|html] [--output PATH] [--fail-on-new LEVEL]
                                               Compare two snapshots (documents or saved JSON
                                               results): new, resolved, changed findings, the
                                               score change, the people each rule reaches
  vertrieb40 trend <snapshot|dir>... [--format text|json|html] [--output PATH] [--parallel N]
                                               The transformation over time: snapshots ordered by
                                               organization.asOf (else a yyyy-MM-dd date in the
                                               file name), score per category, each finding's
                                               lifecycle, largest improvements and regressions
  vertrieb40 init --template FILE.xlsx [--culture en|de]
                                               Write the practice workbook to fill in (one sheet per
                                               practice, drop-down lists); analyze reads it back
  vertrieb40 --help | --version

analyze options:
  --format FORMAT         text|json|sarif|html|pdf (default text: compiler-style lines, a summary
                          table, the Vertrieb-4.0 score and the next steps; sarif: SARIF 2.1.0;
                          html: a self-contained report for people; pdf: that report printed
                          to A4 by headless Chromium, needs --output; see docs/result-format.md)
  --output PATH           Write the report to PATH (atomically) instead of standard output
  --fail-on LEVEL         error|warning|info|none: exit 1 when a finding reaches LEVEL (default error)
  --culture en|de         Language of messages (default: the system's UI language, else en)
  --recursive             Also analyse files in sub-directories of a directory argument
  --min-group-size N      Privacy: units with fewer than N people (default 5) get no breakdown
                          of their own, and findings about them are described, not named
                          ("a unit of fewer than 5 people in Sales"), in every format
  --source-root DIR       SARIF: artifact paths relative to DIR (default: the git work tree's
                          root, else the working directory)
  --rule-link-base URL    Link rules to URL/ID.md (SARIF helpUri, HTML); default: no links
  --title TEXT, --author TEXT, --date TEXT, --logo FILE
                          Brand the HTML/PDF report (logo: PNG/JPEG/GIF/WebP, at most 256 KiB)
  --report-timings        Write per-rule execution times into SARIF run properties (these
                          differ from run to run, so the output is no longer byte-identical)
  --rule-option ID.option=value
                          Set a rule option, e.g. --rule-option VT1010.purposes=pipelineReview
  --rule-time-budget SECONDS
                          How long each rule may run per document (default 60; 0 = no budget). A rule
                          over it is stopped and reported as VT0100; see README "What the host cannot stop"
                          (repeatable; wins over the configuration file)
  --config PATH           Use this configuration file instead of looking for .vertrieb40config /
                          .globalconfig next to each document and in its parent directories
  --suppressions FILE     Suppressions file (JSON: ruleId, target, justification, expires, owner);
                          repeatable
  --baseline FILE         Mark findings new/unchanged against a baseline; --fail-on then counts
                          new findings only; baseline entries no longer found are listed (VT0220)
  --strict-baseline       With --baseline: exit 1 when the baseline is stale
  --warnaserror           Report every warning as an error
  --warnaserror:ID[,ID]   Report warnings of these rule ids as errors, e.g. --warnaserror:VT1009,VT1010
  --rules-assembly PATH   Also run the rules in this assembly (custom rules; repeatable; only
                          explicit paths are loaded)
  --what-if FILE          One document: show today's findings and score next to the projection
                          after the fixes FILE selects (JSON: { "formatVersion": "1.0", "fixes":
                          [ { "ruleId": "VT3001" }, { "ruleId": "VT1010", "entityIds": ["m-1"] } ] });
                          applied in memory, the input is never written; --fail-on judges today's findings

baseline options: -o|--output PATH, --config, --suppressions, --rule-option, --rules-assembly, --rule-time-budget,
  --recursive, --culture

fix options:
  --rule ID               Only fix findings of this rule (repeatable or comma-separated)
  --dry-run               Show the diff and (on standard error) the projected score and findings
                          after the fixes; write nothing (even with --output or --in-place)
  --output PATH           Write the fixed document to PATH (atomically); never the input itself
  --in-place              Replace the input document (atomically)
  --config, --suppressions, --rule-option, --rule-time-budget, --culture as for analyze (suppressed findings are not fixed)

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
  --calendar FILE.ics      Add the recurring meetings of a calendar export (RFC 5545; repeatable):
                          cadence from the recurrence rule, chair from the organiser, attendees
                          matched to people by the export's e-mail column or by name, purpose from
                          the title (the mapping's "meetings": { "Jour fixe*": "coordination" }
                          overrides it). One-off, private and unrecognised events are counted,
                          never listed; addresses never appear in any report. Read only when named.

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

diff and trend options:
  --fail-on-new LEVEL     diff: error|warning|info|none — exit 1 when a new finding reaches LEVEL
                          (default none: diff reports, it does not judge)
  --recursive             trend: also take snapshots from sub-directories
  --culture, --min-group-size, --show-names, --title, --config, --suppressions, --rule-option,
  --rules-assembly, --practices, --mapping as for analyze (applied to every document snapshot).
  A saved result made by another tool version or result format is recomputed from the document
  it names when that document can be found; otherwise it is refused (exit 2)

generate options:
  --people N              People to generate (20 to 50,000,000)
  --seed S                Seed (default 1): the same seed gives a byte-identical file
  --anti-pattern-density D
                          Share (0-1) of the candidates of each anti-pattern that are planted (default 0.05)
  -o, --output FILE       The document to write
  --manifest PATH         Also write the manifest (entity counts, planted findings per rule) as JSON
  --format json|csv       json: an organisation document (default); csv: its structure as an HR export
                          (Employee ID;Name;Manager ID;Division;Department;Team;Job Title;Roles).
                          Default: csv when FILE ends in .csv

Exit codes:
  0    nothing at or above --fail-on (diff: no new finding at or above --fail-on-new)
  1    findings at or above --fail-on (diff: new findings at or above --fail-on-new)
  2    input or usage error (unreadable, invalid or inconsistent document; bad arguments)
  3    internal error (in a batch: the tool failed on a file; the other files were analysed)
  130  interrupted (Ctrl+C) before every file was analysed

Documentation: README.md (Configuration, Suppressions, Baselines, Code fixes, Custom rules),
docs/input-format.md, docs/result-format.md, docs/score.md, rules/<ID>.md

""";
}
