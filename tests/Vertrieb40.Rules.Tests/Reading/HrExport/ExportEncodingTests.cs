using System.Text;
using Vertrieb40.Rules.Reading.HrExport;

namespace Vertrieb40.Rules.Tests.Reading.HrExport;

/// <summary>
/// An export whose byte-order mark says UTF-8 but whose bytes do not agree (found by the AFL++ CSV target: the
/// decoder's exception escaped as an internal error): a located VT0300 error, never a crash.
/// </summary>
public class ExportEncodingTests
{
    [Fact]
    public void A_bad_byte_after_a_utf8_byte_order_mark_is_a_located_error()
    {
        var bytes = new List<byte> { 0xEF, 0xBB, 0xBF };
        bytes.AddRange(Encoding.ASCII.GetBytes("Employee ID,Name,Department\n1,Ann,Sales\n2,B"));
        bytes.Add(0xFF); // not UTF-8
        bytes.AddRange(Encoding.ASCII.GetBytes("b,Sales\n"));
        var load = HrExportReader.Read(new MemoryStream(bytes.ToArray()), "export.csv");
        var error = Assert.Single(load.Diagnostics);
        Assert.Equal("VT0300", error.Id);
        Assert.Equal(3, error.Location.Span.StartLine);
        Assert.Contains("0xFF", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(load.Organization);
    }

    [Fact]
    public void A_clean_export_with_a_utf8_byte_order_mark_still_reads()
    {
        var text = "\uFEFFEmployee ID,Name,Department\n1,Änne,Sales\n";
        var load = HrExportReader.Read(new MemoryStream(new UTF8Encoding(false).GetBytes(text)), "export.csv");
        Assert.DoesNotContain(load.Diagnostics, d => d.Severity == Vertrieb40.Rules.Diagnostics.DiagnosticSeverity.Error);
        Assert.Single(load.Organization!.People);
    }
}
