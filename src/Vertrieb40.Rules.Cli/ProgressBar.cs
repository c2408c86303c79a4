using System.Diagnostics;

namespace Vertrieb40.Rules.Cli;

/// <summary>
/// A one-line progress bar on standard error, redrawn in place at most ten times a second. Only used on an
/// interactive terminal: in CI logs and pipes, carriage returns would turn into thousands of lines.
/// </summary>
internal sealed class ProgressBar(TextWriter error, int total) : IDisposable
{
    private const int Width = 30;
    private readonly object _gate = new();
    private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
    private int _done;
    private int _failed;
    private int _lastLength;

    public void Completed(bool failed)
    {
        lock (_gate)
        {
            _done++;
            if (failed) _failed++;
            if (_done == total || _sinceDraw.ElapsedMilliseconds >= 100) Draw();
        }
    }

    private void Draw()
    {
        _sinceDraw.Restart();
        var filled = total == 0 ? Width : (int)((long)_done * Width / total);
        var line = $"[{new string('#', filled)}{new string('-', Width - filled)}] {_done}/{total} files" + (_failed > 0 ? $", {_failed} with errors" : "");
        error.Write("\r" + line + (line.Length < _lastLength ? new string(' ', _lastLength - line.Length) : ""));
        _lastLength = line.Length;
        error.Flush();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_lastLength == 0) return;
            error.Write("\r" + new string(' ', _lastLength) + "\r"); // leave the terminal as it was
            error.Flush();
        }
    }
}
