using Vertrieb40.Rules.Analysis;
using Xunit;

namespace Vertrieb40.Rules.Tests.Analysis;

/// <summary>The threads watched runs execute on (issue 14: no new thread per document, never an abandoned one again).</summary>
public class RuleThreadTests
{
    [Fact]
    public void A_finished_run_hands_its_thread_to_the_next_run()
    {
        Thread? first = null, second = null;
        var a = RuleThread.Start(() => first = Thread.CurrentThread);
        Assert.True(a.Join(TimeSpan.FromSeconds(30)));
        a.Release(abandoned: false);
        // Other tests may take idle threads in parallel: some later run gets this thread back, and it runs work again.
        var reused = false;
        for (var i = 0; i < 64 && !reused; i++)
        {
            var b = RuleThread.Start(() => second = Thread.CurrentThread);
            Assert.True(b.Join(TimeSpan.FromSeconds(30)));
            reused = ReferenceEquals(first, second);
            b.Release(abandoned: false);
        }
        Assert.NotSame(Thread.CurrentThread, first);
        Assert.True(reused);
    }

    [Fact]
    public void An_abandoned_run_keeps_its_thread_out_of_later_runs()
    {
        using var hold = new ManualResetEventSlim(false);
        Thread? stuck = null; // the thread itself: a managed thread id may be given to a new thread
        var a = RuleThread.Start(() => { stuck = Thread.CurrentThread; hold.Wait(); });
        Assert.False(a.Join(TimeSpan.FromMilliseconds(50)));
        a.Release(abandoned: true);
        hold.Set(); // the rule returns after all: its thread must end instead of waiting for work
        for (var i = 0; i < 32; i++)
        {
            Thread? other = null;
            var b = RuleThread.Start(() => other = Thread.CurrentThread);
            Assert.True(b.Join(TimeSpan.FromSeconds(30)));
            b.Release(abandoned: false);
            Assert.NotSame(stuck, other);
        }
    }
}
