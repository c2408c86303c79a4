using SharpFuzz;

namespace Vertrieb40.Rules.Fuzz;

/// <summary>
/// The AFL++ harness. Under afl-fuzz (after instrumenting Vertrieb40.Rules.dll and Newtonsoft.Json.dll with the
/// sharpfuzz tool) it runs inputs in one persistent process. With <c>--replay FILE|DIR...</c> it runs saved
/// inputs once each (by extension: .csv the HR export target, .sarif the sarif-merge target, else JSON) and exits 1 on
/// the first failure — how crashes are reproduced by hand. <c>--target json|csv|sarif</c> picks the target under afl-fuzz.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--replay") return Replay(args.Skip(1));
        // --target json|csv|sarif (smoke.sh runs each in turn); JSON when not given.
        var target = args.Length >= 2 && args[0] == "--target" ? args[1] : "json";
        Action<Stream> run = target switch
        {
            "json" => FuzzTarget.Run,
            "csv" => FuzzTarget.RunCsv,
            "sarif" => FuzzTarget.RunSarif,
            _ => throw new ArgumentException($"unknown target '{target}' (json, csv, sarif)"),
        };
        Fuzzer.Run(stream => run(stream));
        return 0;
    }

    private static int Replay(IEnumerable<string> paths)
    {
        var files = paths.SelectMany<string, string>(p => Directory.Exists(p) ? Directory.EnumerateFiles(p).Order(StringComparer.Ordinal) : new[] { p }).ToList();
        foreach (var file in files)
        {
            try
            {
                FuzzTarget.RunFile(file);
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine($"{file}: {ex}");
                return 1;
            }
        }
        Console.WriteLine($"{files.Count} inputs replayed, no failure.");
        return 0;
    }
}
