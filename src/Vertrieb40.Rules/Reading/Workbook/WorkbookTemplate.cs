using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Newtonsoft.Json.Linq;

namespace Vertrieb40.Rules.Reading.Workbook;

/// <summary>
/// Writes the practice workbook a consultant fills in a workshop: an instructions sheet, then one sheet per
/// collection with a header row (English, or German words with the property in parentheses), a drop-down list
/// (data validation) for every column whose values are fixed, and rows to fill. <c>analyze workbook.xlsx</c> reads
/// it back (<see cref="WorkbookTokenReader"/>). Given a document, the rows are filled from it (a workbook twin).
/// </summary>
internal static class WorkbookTemplate
{
    private static readonly string[] BooleanChoices = ["true", "false"];

    /// <summary>Writes the template to <paramref name="stream"/>, in German when <paramref name="culture"/> is German.</summary>
    public static void Write(Stream stream, CultureInfo? culture = null) => Write(stream, culture, null);

    /// <summary>Writes the workbook with the rows of a JSON organisation document (the properties the workbook has columns for).</summary>
    internal static void Write(Stream stream, CultureInfo? culture, JObject? document)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var german = (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "de";
        using var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = doc.AddWorkbookPart();
        workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        uint id = 1;

        void AddSheet(string name, SheetData data, Action<Worksheet>? after = null, Columns? columns = null)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            var sheet = new Worksheet();
            // Element order matters to Excel and the validator: sheetViews, cols, sheetData, dataValidations.
            sheet.Append(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
            if (columns != null) sheet.Append(columns);
            sheet.Append(data);
            after?.Invoke(sheet);
            part.Worksheet = sheet;
            sheets.Append(new Sheet { Name = name, SheetId = id++, Id = workbookPart.GetIdOfPart(part) });
        }

        var instructions = new SheetData();
        var lines = german ? InstructionsDe : InstructionsEn;
        for (var i = 0; i < lines.Length; i++) instructions.Append(Row(i + 1, new[] { lines[i] }, i == 0 ? 1u : 0u));
        AddSheet(german ? "Anleitung" : "Instructions", instructions, columns: new Columns(new Column { Min = 1, Max = 1, Width = 120, CustomWidth = true }));

        foreach (var layout in WorkbookLayout.Sheets)
        {
            var data = new SheetData();
            data.Append(Row(1, layout.Columns.Select(c => c.Header(german)).ToArray(), 1));
            var rowNumber = 2;
            if (layout.IsList && document?[layout.ParentCollection!] is JArray parents)
            {
                // One row per threshold or step, its policy's id in the first column.
                foreach (var parent in parents.OfType<JObject>())
                    foreach (var item in (parent[layout.ListProperty!] as JArray)?.OfType<JObject>() ?? Enumerable.Empty<JObject>())
                        data.Append(Row(rowNumber++, layout.Columns.Select(c => c.Path == WorkbookLayout.ParentKey ? (string?)parent["id"] ?? "" : CellText(item, c)).ToArray(), 0));
            }
            else if (!layout.IsList && document?[layout.Collection] is JArray items)
                foreach (var item in items.OfType<JObject>())
                    data.Append(Row(rowNumber++, layout.Columns.Select(c => CellText(item, c)).ToArray(), 0));
            var widths = new Columns();
            for (var c = 0; c < layout.Columns.Count; c++)
                widths.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = Math.Clamp(layout.Columns[c].Header(german).Length + 4, 12, 40), CustomWidth = true });
            AddSheet(layout.Name(german), data, sheet =>
            {
                // A drop-down for every column with fixed values (enums, true/false), over the rows people fill.
                var validations = new DataValidations();
                for (var c = 0; c < layout.Columns.Count; c++)
                {
                    var column = layout.Columns[c];
                    var choices = column.Choices ?? (column.Kind == ColumnKind.Boolean ? BooleanChoices : null);
                    if (choices is null || column.Kind == ColumnKind.List) continue;
                    var letter = Diagnostics.Location.ColumnName(c + 1);
                    validations.Append(new DataValidation(new Formula1("\"" + string.Join(",", choices) + "\""))
                    {
                        Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true,
                        ErrorTitle = german ? "Unbekannter Wert" : "Unknown value",
                        Error = (german ? "Bitte einen Wert aus der Liste wählen: " : "Choose a value from the list: ") + Cut(string.Join(", ", choices), 200),
                        SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}1000" },
                    });
                }
                if (validations.HasChildren)
                {
                    validations.Count = (uint)validations.ChildElements.Count;
                    sheet.Append(validations);
                }
            }, widths);
        }
        workbookPart.Workbook.Save();
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string CellText(JObject item, WorkbookColumn column)
    {
        var token = item.SelectToken(column.Path);
        return token switch
        {
            null or { Type: JTokenType.Null } => "",
            JArray list => string.Join("; ", list.Values<string>()),
            { Type: JTokenType.Boolean } => (bool)token ? "true" : "false",
            { Type: JTokenType.Float or JTokenType.Integer } => WorkbookLayout.Invariant((double)token),
            _ => (string?)token ?? "",
        };
    }

    private static Row Row(int number, string[] values, uint style)
    {
        var row = new Row { RowIndex = (uint)number };
        for (var c = 0; c < values.Length; c++)
        {
            if (values[c].Length == 0) continue;
            var cell = new Cell { CellReference = Diagnostics.Location.ColumnName(c + 1) + number.ToString(CultureInfo.InvariantCulture), DataType = CellValues.InlineString };
            if (style != 0) cell.StyleIndex = style;
            cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(values[c]) { Space = SpaceProcessingModeValues.Preserve });
            row.Append(cell);
        }
        return row;
    }

    // Style 1: bold, for the header row and the instructions' title.
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });

    private static readonly string[] InstructionsEn =
    {
        "Vertrieb40 practice workbook",
        "One sheet per kind of practice: units, people, roles, incentive plans, targets, forecasts, meetings, approval policies, hand-overs, channels, tool roll-outs, processes, recognition programmes, culture statements, decision rights.",
        "One row per entry. Fill 'id' (a short, stable name such as m-pipeline) and the columns you know; leave unknown cells empty — empty means unknown, never 'no'.",
        "Columns with fixed values have a drop-down list. Lists of ids (unitIds, roleIds, attendees.unitIds) go into one cell, separated by ';'.",
        "Columns such as attendees.unitIds or autonomy.how are properties of a nested part (who attends; what the unit decides itself).",
        "A sheet you leave empty says nothing about that practice: the rules that need it report 'could not check'.",
        "Approval thresholds and steps have sheets of their own (ApprovalThresholds, ApprovalSteps): one row per threshold or step, in order, with the policy's id in the first column (policyId). Exceptions to policies (which nest) have no sheet: write them in the JSON or YAML document if you need them.",
        "The People sheet also takes an HR export pasted as it is: headers such as Employee ID, Personalnummer, Manager ID, Vorgesetzter, Department, Abteilung, Job Title, Stelle are understood.",
        "Then: vertrieb40 analyze workbook.xlsx (findings point at the cell, e.g. workbook.xlsx(Meetings!C3)).",
    };

    private static readonly string[] InstructionsDe =
    {
        "Vertrieb40-Arbeitsmappe für Praktiken",
        "Ein Blatt je Art von Praktik: Einheiten, Personen, Rollen, Vergütung, Ziele, Prognosen, Meetings, Freigaben, Übergaben, Kanäle, Werkzeuge, Prozesse, Anerkennung, Kultur, Entscheidungen.",
        "Eine Zeile je Eintrag. 'Kennung (id)' ausfüllen (ein kurzer, fester Name wie m-pipeline) und die bekannten Spalten; Unbekanntes leer lassen — leer heißt unbekannt, nie 'nein'.",
        "Spalten mit festen Werten haben eine Auswahlliste. Listen von Kennungen (unitIds, roleIds, attendees.unitIds) stehen in einer Zelle, getrennt durch ';'.",
        "Spalten wie attendees.unitIds oder autonomy.how gehören zu einem Teil des Eintrags (wer teilnimmt; was die Einheit selbst entscheidet).",
        "Ein leeres Blatt sagt nichts über diese Praktik: Regeln, die sie brauchen, melden 'nicht prüfbar'.",
        "Freigabeschwellen und -schritte haben eigene Blätter (Freigabeschwellen, Freigabeschritte): eine Zeile je Schwelle oder Schritt, in ihrer Reihenfolge, mit der Kennung der Richtlinie in der ersten Spalte (policyId). Ausnahmen von Richtlinien (die verschachtelt sein können) haben kein Blatt: bei Bedarf im JSON- oder YAML-Dokument beschreiben.",
        "Das Blatt Personen nimmt auch einen eingefügten HR-Export, wie er ist: Überschriften wie Personalnummer, Employee ID, Vorgesetzter, Manager ID, Abteilung, Department, Stelle, Job Title werden verstanden.",
        "Dann: vertrieb40 analyze arbeitsmappe.xlsx (Befunde zeigen auf die Zelle, z. B. arbeitsmappe.xlsx(Meetings!C3)).",
    };
}
