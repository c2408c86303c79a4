using System.Diagnostics;

namespace Vertrieb40.Rules.Cli;

/// <summary>
/// <c>--format pdf</c>: the HTML report printed to PDF by a headless Chromium (Debian package <c>chromium</c>),
/// the browser the report's tests use; no native library of our own. Without Chromium the user is told what to
/// install (or to use --format html and print from any browser).
/// </summary>
internal static class PdfPrinter
{
    /// <summary>The browser: VERTRIEB40_CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH.</summary>
    public static string? FindChromium(CliEnvironment env)
    {
        if (env.GetEnvironmentVariable("VERTRIEB40_CHROMIUM") is { Length: > 0 } explicitPath)
            return File.Exists(explicitPath) ? explicitPath : null;
        var path = env.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>Prints <paramref name="html"/> to <paramref name="pdfPath"/>; throws a usage error with the reason when it cannot.</summary>
    public static void Print(string html, string pdfPath, CliEnvironment env)
    {
        var chromium = FindChromium(env) ?? throw new UsageException(
            "--format pdf prints the HTML report with a headless Chromium, and none was found (install the 'chromium' package, "
            + "or set VERTRIEB40_CHROMIUM to a Chromium binary); or write --format html and print it from any browser.");
        var work = Directory.CreateTempSubdirectory("vertrieb40-pdf-");
        try
        {
            var htmlPath = Path.Combine(work.FullName, "report.html");
            File.WriteAllText(htmlPath, html, new System.Text.UTF8Encoding(false));
            // Printed next to the destination and renamed there, so a failed print never leaves half a PDF.
            var full = Path.GetFullPath(pdfPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var tempPdf = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
            var psi = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--user-data-dir=" + Path.Combine(work.FullName, "profile"), "--no-pdf-header-footer",
                         "--print-to-pdf=" + tempPdf, new Uri(htmlPath).AbsoluteUri,
                     })
                psi.ArgumentList.Add(a);
            try
            {
                using var p = Process.Start(psi) ?? throw new UsageException($"--format pdf: '{chromium}' could not be started.", $"--format pdf: „{chromium}“ konnte nicht gestartet werden.");
                var stdout = p.StandardOutput.ReadToEndAsync();
                var stderr = p.StandardError.ReadToEndAsync();
                if (!p.WaitForExit(120_000))
                {
                    p.Kill(entireProcessTree: true);
                    throw new UsageException("--format pdf: Chromium did not finish printing within 120 seconds.", "--format pdf: Chromium hat das Drucken nicht binnen 120 Sekunden beendet.");
                }
                Task.WaitAll(stdout, stderr);
                if (!File.Exists(tempPdf) || new FileInfo(tempPdf).Length == 0)
                    throw new UsageException($"--format pdf: Chromium wrote no PDF (exit code {p.ExitCode}).", $"--format pdf: Chromium hat kein PDF geschrieben (Exit-Code {p.ExitCode}).");
                File.Move(tempPdf, full, overwrite: true);
            }
            finally
            {
                if (File.Exists(tempPdf)) File.Delete(tempPdf);
            }
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
