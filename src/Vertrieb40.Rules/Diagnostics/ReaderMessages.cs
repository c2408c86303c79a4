using System.Globalization;
using System.Text.RegularExpressions;

namespace Vertrieb40.Rules.Diagnostics;

/// <summary>
/// German for the reasons of the reader's errors (VT0001, VT0010–VT0013). The reasons are English text made by the
/// readers and by the parsers underneath (Newtonsoft.Json, YamlDotNet, the file system); they stay the diagnostic's
/// argument, so English and machine-readable output are unchanged. Only a German message translates them, by the
/// known shapes below; a reason of an unknown shape is named as the parser's own (English) wording, never passed off
/// as German text.
/// </summary>
internal static class ReaderMessages
{
    private static readonly HashSet<string> ReaderIds = new(StringComparer.Ordinal) { "VT0001", "VT0010", "VT0011", "VT0012", "VT0013" };

    // Each English shape once; $1… are the parts that are data (characters, names, numbers), kept as they are.
    private static readonly (Regex English, string German)[] Known = Table(
        // Newtonsoft.Json's reader (the trailing period and "Path …, line …" are removed before).
        (@"Unexpected end (of the document|when reading JSON|when reading token|while parsing .*|when .*)", "unerwartetes Ende des Dokuments"),
        (@"After parsing a value an unexpected character was encountered: (.*)", "unerwartetes Zeichen nach einem Wert: $1 (fehlt ein Komma?)"),
        (@"Unexpected character encountered while parsing value: (.*)", "unerwartetes Zeichen, wo ein Wert stehen sollte: $1"),
        (@"Unexpected character encountered while parsing number: (.*)", "unerwartetes Zeichen in einer Zahl: $1"),
        (@"Invalid (?:JavaScript )?property identifier character: (.*)", "ungültiges Zeichen in einem Eigenschaftsnamen: $1"),
        (@"Invalid character after parsing property name\. Expected ':' but got: (.*)", "nach dem Eigenschaftsnamen fehlt der Doppelpunkt (gefunden: $1)"),
        (@"Unterminated string\. Expected delimiter: (.*)", "eine Zeichenkette endet nicht (es fehlt $1)"),
        (@"Bad JSON escape sequence: (.*)", "ungültige Escape-Sequenz: $1"),
        (@"Invalid Unicode escape sequence: (.*)", "ungültige Unicode-Escape-Sequenz: $1"),
        (@"Additional text encountered after finished reading JSON content: (.*)", "weiterer Text nach dem Ende des Dokuments: $1"),
        (@"Input string '(.*)' is not a valid (?:number|integer|decimal|double)", "„$1“ ist keine gültige Zahl"),
        (@"JSON integer (.*) is too large (?:or small for an Int32|to parse)", "die ganze Zahl $1 ist zu groß"),
        (@"Error parsing boolean value", "ungültiger Wert (gemeint war wohl true oder false)"),
        (@"Error parsing null value", "ungültiger Wert (gemeint war wohl null)"),
        (@"Error parsing (undefined|NaN|Infinity|-Infinity) value", "ungültiger Wert ($1 ist kein JSON)"),
        (@"Error parsing comment\. Expected: \*, got (.*)", "ungültiger Kommentar: erwartet wird * nach /, gefunden: $1"),
        (@"Unexpected character while parsing constructor: (.*)", "unerwartetes Zeichen: $1"),
        (@"Invalid JavaScript string quote character\. .*", "ungültiges Anführungszeichen (erlaubt sind \" und ')"),
        (@"Unexpected (?:state|content while parsing JSON).*", "unerwarteter Inhalt"),
        // The JSON reader's own reasons.
        (@"the file is empty \(expected an object such as (.*)\)", "die Datei ist leer (erwartet wird ein Objekt wie $1)"),
        (@"the file (?:it )?is empty or not a regular file \(a pipe, device or socket\), so it was not opened", "die Datei ist leer oder keine gewöhnliche Datei (eine Pipe, ein Gerät oder eine andere Sonderdatei) und wurde nicht geöffnet"),
        (@"unexpected content after the end of the document", "unerwarteter Inhalt nach dem Ende des Dokuments"),
        (@"a value is missing \(two commas in a row\)", "ein Wert fehlt (zwei Kommas hintereinander)"),
        (@"a JavaScript constructor \('new …\(…\)'\) is not JSON", "ein JavaScript-Konstruktor („new …(…)“) ist kein JSON"),
        (@"expected a property name", "ein Eigenschaftsname wird erwartet"),
        (@"expected a JSON value", "ein JSON-Wert wird erwartet"),
        (@"the file is not valid UTF-8 \(bytes that are not a character\)", "die Datei ist kein gültiges UTF-8 (Bytes, die kein Zeichen sind)"),
        (@"the file is not valid UTF-8 \((.*)\)", "die Datei ist kein gültiges UTF-8 ($1)"),
        // Limits (VT0010).
        (@"the document nests deeper than (\d+) levels \(the limit can be raised with ReaderOptions\.MaxDepth\)", "das Dokument ist tiefer als $1 Ebenen verschachtelt (die Grenze lässt sich mit ReaderOptions.MaxDepth anheben)"),
        (@"the document nests too deeply for the available stack \(lower ReaderOptions\.MaxDepth\)", "das Dokument ist zu tief verschachtelt für den verfügbaren Stack (ReaderOptions.MaxDepth senken)"),
        (@"the document is longer than ([\d.,]+) characters \((.*)\)", "das Dokument ist länger als $1 Zeichen ($2)"),
        (@"the file has ([\d.,]+) bytes; the limit is ([\d.,]+)(.*)", "die Datei hat $1 Bytes; die Grenze ist $2$3"),
        (@"(a string|a property name|a number or unquoted word|a comment|.*) is longer than ([\d.,]+) characters \((.*)\); reading stopped", "ein Wert ist länger als $2 Zeichen ($3); das Lesen wurde abgebrochen"),
        (@"'(.*)' is ([\d.,]+) characters long; the limit is ([\d.,]+) \((.*)\)", "„$1“ ist $2 Zeichen lang; die Grenze ist $3 ($4)"),
        (@"more than (\d+) input errors; reading stopped \((.*)\)", "mehr als $1 Eingabefehler; das Lesen wurde abgebrochen ($2)"),
        (@"([\d.,]+) more warnings were left out \((.*)\)", "$1 weitere Warnungen wurden weggelassen ($2)"),
        (@"aliases expand to more than ([\d.,]+) YAML nodes \(an alias bomb\?\); reading stopped", "Aliase ergeben mehr als $1 YAML-Knoten (eine Alias-Bombe?); das Lesen wurde abgebrochen"),
        (@"anchors hold more than ([\d.,]+) YAML nodes; reading stopped", "Anker enthalten mehr als $1 YAML-Knoten; das Lesen wurde abgebrochen"),
        (@"a scalar or comment after this point is longer than ([\d.,]+) characters \((.*)\); reading stopped", "ein Wert oder Kommentar nach dieser Stelle ist länger als $1 Zeichen ($2); das Lesen wurde abgebrochen"),
        // The file (VT0011).
        (@"it does not exist", "sie existiert nicht"),
        (@"it is a directory, not a file", "es ist ein Verzeichnis, keine Datei"),
        (@"it is a link to a directory, not a file", "es ist ein Link auf ein Verzeichnis, keine Datei"),
        (@"it is a symbolic link to '(.*)', which does not exist", "sie ist ein symbolischer Link auf „$1“, das es nicht gibt"),
        (@"Could not find file '(.*)'", "die Datei „$1“ gibt es nicht"),
        (@"Could not find a part of the path '(.*)'", "den Pfad „$1“ gibt es nicht"),
        (@"Access to the path '(.*)' is denied", "kein Zugriff auf „$1“"),
        // YAML (VT0012): YamlDotNet's parser and scanner, then the reader's own reasons.
        (@"while parsing a block collection, did not find expected '-' indicator", "in einer Liste fehlt das Zeichen „-“ (Einrückung prüfen)"),
        (@"while parsing a block mapping, did not find expected key", "in einem Objekt fehlt ein Schlüssel (Einrückung prüfen)"),
        (@"while parsing a flow sequence, did not find expected ',' or '\]'", "in einer Liste in eckigen Klammern fehlt „,“ oder „]“"),
        (@"while parsing a flow mapping, did not find expected ',' or '}'", "in einem Objekt in geschweiften Klammern fehlt „,“ oder „}“"),
        (@"while scanning a simple key, could not find expected ':'", "nach einem Schlüssel fehlt der Doppelpunkt"),
        (@"mapping values are not allowed in this context", "ein Schlüssel mit Doppelpunkt ist an dieser Stelle nicht erlaubt"),
        (@"while scanning a quoted scalar, found unexpected end of stream", "eine Zeichenkette in Anführungszeichen endet nicht"),
        (@"while scanning (?:a|an) .*", "ungültige YAML-Syntax an dieser Stelle"),
        (@"while parsing (?:a|an) .*", "ungültige YAML-Syntax an dieser Stelle"),
        (@"found character that cannot start any token", "ein Zeichen, mit dem nichts in YAML beginnen kann"),
        (@"did not find expected .*", "ungültige YAML-Syntax an dieser Stelle"),
        (@"the YAML cannot be parsed", "das YAML kann nicht gelesen werden"),
        (@"a second document \('---'\) follows the first; a file holds one organisation", "auf das erste Dokument folgt ein zweites („---“); eine Datei enthält eine Organisation"),
        (@"unexpected YAML content", "unerwarteter YAML-Inhalt"),
        (@"a property name must be a plain text, not a mapping or a list", "ein Eigenschaftsname muss einfacher Text sein, kein Objekt und keine Liste"),
        (@"the alias '(.*)' refers to no anchor before it", "der Alias „$1“ verweist auf keinen Anker davor"),
        (@"the YAML tag '(.*)' is not supported here \(tags never create objects; remove it\)", "der YAML-Tag „$1“ ist hier nicht erlaubt (Tags erzeugen nie Objekte; bitte entfernen)"),
        (@"the YAML tag '(.*)' is not supported \(tags never create objects; remove it\)", "der YAML-Tag „$1“ ist nicht erlaubt (Tags erzeugen nie Objekte; bitte entfernen)"),
        // Workbooks (VT0013).
        (@"the sheet '(.*)' is not a worksheet \(a chart sheet\?\)", "das Blatt „$1“ ist kein Tabellenblatt (ein Diagrammblatt?)"),
        (@"the sheet '(.*)' cannot be read: (.*)", "das Blatt „$1“ kann nicht gelesen werden (englische Meldung: $2)"),
        (@"the workbook has no sheet '(.*)' \(sheets: (.*)\)", "die Arbeitsmappe hat kein Blatt „$1“ (Blätter: $2)"),
        (@"the workbook has no worksheet", "die Arbeitsmappe hat kein Tabellenblatt"),
        (@"the workbook has no workbook part", "die Arbeitsmappe hat keinen Arbeitsmappen-Teil"),
        (@"the workbook contains macros; .*", "die Arbeitsmappe enthält Makros; bitte ohne Makros als .xlsx speichern (Excel: Datei › Speichern unter › Excel-Arbeitsmappe)"),
        (@"the workbook links to other files \(external links\); .*", "die Arbeitsmappe verweist auf andere Dateien (externe Verknüpfungen); bitte die Werte einfügen (Excel: Daten › Verknüpfungen bearbeiten › Verknüpfung aufheben)"),
        (@"it is not an Excel workbook \((.*)\): (.*)", "es ist keine Excel-Arbeitsmappe ($1; englische Meldung: $2)"),
        (@"the package has more than ([\d.,]+) parts", "das Paket hat mehr als $1 Teile"),
        (@"the part is ([\d.,]+) bytes uncompressed; the limit is ([\d.,]+)", "der Teil hat entpackt $1 Bytes; die Grenze ist $2"),
        (@"the part inflates ([\d.,]+) times \(a zip bomb\?\); the limit is (\d+) times", "der Teil wird beim Entpacken $1-mal größer (eine Zip-Bombe?); die Grenze ist $2-mal"),
        (@"shared string ([\d.,]+) is ([\d.,]+) characters long; the limit is ([\d.,]+) \((.*)\)", "der gemeinsame Text $1 ist $2 Zeichen lang; die Grenze ist $3 ($4)"),
        (@"the shared strings exceed ([\d.,]+) strings or ([\d.,]+) characters \(a shared-string bomb\?\)", "die gemeinsamen Texte überschreiten $1 Texte oder $2 Zeichen (eine Bombe aus gemeinsamen Texten?)"));

    private static (Regex, string)[] Table(params (string Pattern, string German)[] rows)
        => rows.Select(r => (new Regex("^(?:" + r.Pattern + ")$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)), r.German)).ToArray();

    /// <summary>The German for one reason; the parser's own words, marked as such, for a shape not in the table.</summary>
    internal static string German(string english)
    {
        foreach (var (pattern, german) in Known)
        {
            var m = pattern.Match(english);
            if (m.Success) return m.Result(german);
        }
        return "Meldung des Lesers (englisch): " + english;
    }

    /// <summary>True for a reason the table knows (tests: the known shapes are all translated).</summary>
    internal static bool IsKnown(string english) => Known.Any(k => k.English.IsMatch(english));

    /// <summary>The arguments as they are formatted: in German, a reader error's reason is translated.</summary>
    internal static object?[] ForCulture(DiagnosticDescriptor descriptor, object?[] arguments, CultureInfo culture)
    {
        if (culture.TwoLetterISOLanguageName != "de" || !ReaderIds.Contains(descriptor.Id) || arguments is not [string reason]) return arguments;
        return new object?[] { German(reason) };
    }
}
