using System.Diagnostics;
using System.Text;
using Vertrieb40.Rules.Cli;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reading.Calendar;
using Vertrieb40.Rules.Reading.HrExport;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Import;

/// <summary>
/// Meetings from calendar exports (issue 15, item 4). The fixtures are written here, not copied: each reproduces a
/// quirk of real exports, named where it is used — Outlook's Windows time-zone names in TZID and its VTIMEZONE
/// blocks, Google's X-WR-CALNAME and DTSTAMP (the export time in every event), rooms invited as attendees
/// (CUTYPE=ROOM/RESOURCE, as Google Workspace and Outlook resources are), quoted CN parameters with commas, lines
/// folded inside an address (RFC 5545 §3.1 folds at 75 octets, wherever that falls), upper-case MAILTO:, changed
/// single dates of a series (RECURRENCE-ID), EXDATE, and CRLF line ends.
/// </summary>
public class CalendarImportTests
{
    private const string Export =
        "Personalnummer;Name;Abteilung;Stelle;Vorgesetzter;Geschäftliche E-Mail;E-Mail privat\n" +
        "1;Anna Albers;Vertrieb;Vertriebsleiterin;;anna.albers@firma.example;anna@privat.example\n" +
        "2;Bernd Brandt;Vertrieb;Außendienst;1;bernd.brandt@firma.example;\n" +
        "3;Carla Cordes;Vertrieb;Außendienst;1;carla.cordes@firma.example;\n" +
        "4;Dieter Dietz;Marketing;Online-Marketing;1;dieter.dietz@firma.example;\n";

    private static string Ics(params string[] events)
        => "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\nX-WR-CALNAME:Vertrieb\r\n" +
           "BEGIN:VTIMEZONE\r\nTZID:W. Europe Standard Time\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n" +
           "RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n" +
           string.Concat(events) + "END:VCALENDAR\r\n";

    private static string Event(string summary, string? rrule = "FREQ=WEEKLY;BYDAY=MO", string extra = "", string uid = "")
        => "BEGIN:VEVENT\r\n" +
           "DTSTART;TZID=W. Europe Standard Time:20260105T090000\r\n" +
           "DTSTAMP:20261130T120000Z\r\n" +
           $"UID:{(uid.Length > 0 ? uid : Guid.NewGuid().ToString())}@google.com\r\n" +
           (rrule is null ? "" : "RRULE:" + rrule + "\r\n") +
           "ORGANIZER;CN=Anna Albers:mailto:anna.albers@firma.example\r\n" +
           "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=\"Brandt, Bernd\";X-NUM-GUESTS=0:MAILTO:bernd.brandt@fir\r\n ma.example\r\n" +
           "ATTENDEE;CN=Carla Cordes;PARTSTAT=NEEDS-ACTION:mailto:carla@elsewhere.example\r\n" +
           "ATTENDEE;CUTYPE=ROOM;CN=Raum Elbe:mailto:c_188abc@resource.calendar.google.com\r\n" +
           "ATTENDEE;CN=Externe Beraterin:mailto:berater@agentur.example\r\n" +
           $"SUMMARY:{summary}\r\n" + extra +
           "END:VEVENT\r\n";

    private sealed class Files : IDisposable
    {
        public DirectoryInfo Dir { get; } = Directory.CreateTempSubdirectory();
        public string Csv => Path.Combine(Dir.FullName, "export.csv");
        public string Write(string name, string text) { var p = Path.Combine(Dir.FullName, name); File.WriteAllText(p, text); return p; }
        public void Dispose() => Dir.Delete(recursive: true);
    }

    private static LoadResult Read(Files f, string ics, string? mapping = null, ReaderOptions? baseOptions = null)
    {
        f.Write("export.csv", Export);
        var cal = f.Write("team.ics", ics);
        var options = new ReaderOptions
        {
            MaxStringLength = baseOptions?.MaxStringLength ?? ReaderOptions.Default.MaxStringLength,
            MaxFileBytes = baseOptions?.MaxFileBytes ?? ReaderOptions.Default.MaxFileBytes,
            HrExport = new HrExportOptions { FindPracticesFile = false, CalendarFiles = [cal], MappingFile = mapping is null ? null : f.Write("export.mapping.json", mapping) },
        };
        return OrganizationReader.ReadFile(f.Csv, options);
    }

    private static int LineOf(string ics, string text) => ics.Replace("\r\n", "\n").Split('\n').ToList().FindIndex(l => l.StartsWith(text, StringComparison.Ordinal)) + 1;

    [Fact]
    public void A_weekly_pipeline_review_becomes_a_meeting_with_cadence_chair_attendees_and_the_line_of_its_event()
    {
        using var f = new Files();
        var ics = Ics(Event("Weekly Pipeline Review"));
        var load = Read(f, ics);
        Assert.DoesNotContain(load.Diagnostics, d => d.Severity != DiagnosticSeverity.Info);
        var m = Assert.Single(load.Organization!.Meetings);
        Assert.Equal((MeetingPurpose.PipelineReview, Cadence.Weekly), (m.Purpose, m.Cadence));
        Assert.Equal("1", m.ChairPersonId);
        // Anna (organiser) by address, Bernd by his address folded across two lines, Carla by name (another address); the
        // room is no person; the external adviser matches nobody.
        Assert.Equal(new[] { "1", "2", "3" }, m.Attendees.PersonIds);
        Assert.Equal(3, m.Attendees.People.Count);
        Assert.Equal(LineOf(ics, "BEGIN:VEVENT"), m.Start.Line);
        Assert.Equal(LineOf(ics, "SUMMARY:"), m.GetPropertyPosition("purpose").Line);
        Assert.EndsWith("team.ics", m.FileOr(null));

        var info = Assert.Single(load.Diagnostics, d => d.Id == "VT0310");
        var text = info.GetMessage(TestOrg.English);
        Assert.StartsWith("1 recurring meeting added from the calendar", text);
        Assert.Contains("'Weekly Pipeline Review' → pipeline review (title: 'pipeline')", text);
        Assert.Contains("matched to people: 3, not matched: 1", text);
        Assert.StartsWith("1 Serientermin aus dem Kalender übernommen", info.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void The_finding_about_the_meeting_points_at_the_event_in_the_calendar()
    {
        using var f = new Files();
        var ics = Ics(Event("Forecast-Call Vertrieb"));
        f.Write("export.csv", Export);
        var cal = f.Write("team.ics", ics);
        var result = OrganizationAnalyzer.Default.AnalyzeFile(f.Csv, new AnalysisOptions
        {
            Reader = new ReaderOptions { HrExport = new HrExportOptions { FindPracticesFile = false, CalendarFiles = [cal] } },
        });
        var d = Assert.Single(result.Diagnostics, x => x.Id == "VT1010");
        Assert.Equal(cal, d.Location.FilePath);
        Assert.Equal(LineOf(ics, "SUMMARY:"), d.Location.Span.StartLine);
        Assert.Equal("/events/0", d.Location.JsonPointer);
    }

    [Theory]
    [InlineData("Weekly Pipeline Review", MeetingPurpose.PipelineReview)]
    [InlineData("Pipeline & Forecast Call", MeetingPurpose.ForecastReview)]
    [InlineData("Statusmeeting Außendienst", MeetingPurpose.StatusReporting)]
    [InlineData("Jour fixe Vertrieb", MeetingPurpose.StatusReporting)]
    [InlineData("Vertriebsrunde Nord", MeetingPurpose.StatusReporting)]
    [InlineData("Sprint-Retro", MeetingPurpose.Retrospective)]
    [InlineData("Retrospektive Q3", MeetingPurpose.Retrospective)]
    [InlineData("Kundenfeedback-Runde", MeetingPurpose.CustomerFeedback)]
    [InlineData("Daily Stand-up", MeetingPurpose.Coordination)]
    [InlineData("Quartalsplanung", MeetingPurpose.Planning)]
    public void The_purpose_is_read_from_english_and_german_titles(string title, MeetingPurpose expected)
        => Assert.Equal(expected, MeetingPurposeInference.Infer(title)?.Purpose);

    [Theory]
    [InlineData("1:1 Anna / Bernd")]
    [InlineData("Retrofit-Projekt Hamburg")]
    [InlineData("Mittagessen")]
    [InlineData("")]
    public void A_title_that_names_no_purpose_gives_none(string title) => Assert.Null(MeetingPurposeInference.Infer(title));

    [Fact]
    public void One_off_private_cancelled_ended_changed_and_unrecognised_events_are_counted_and_their_titles_written_nowhere()
    {
        using var f = new Files();
        var ics = Ics(
            Event("Pipeline Review", uid: "series"),
            Event("Pipeline Review (verschoben)", rrule: null, extra: "RECURRENCE-ID;TZID=W. Europe Standard Time:20260112T090000\r\n", uid: "series"),
            Event("Geheimes Kündigungsgespräch", rrule: null),
            Event("Status Gehaltsrunde", extra: "CLASS:PRIVATE\r\n"),
            Event("Status Betriebsrat", extra: "CLASS:CONFIDENTIAL\r\n"),
            Event("Forecast alt", extra: "STATUS:CANCELLED\r\n"),
            Event("Forecast 2024", rrule: "FREQ=WEEKLY;UNTIL=20241231T000000Z"),
            Event("Statusrunde 10 Termine", rrule: "FREQ=WEEKLY;COUNT=10"),
            Event("Mittagessen mit Zahnarzt"),
            Event("Pipeline Review", uid: "series"));
        var load = Read(f, ics);
        var m = Assert.Single(load.Organization!.Meetings);
        Assert.Equal("Pipeline Review", m.Name);
        var text = Assert.Single(load.Diagnostics, d => d.Id == "VT0310").GetMessage(TestOrg.English);
        Assert.Contains("left out: 1 one-off, 2 private or confidential, 3 cancelled or ended, 1 with a title that names no known purpose (titles not shown), 2 changed single dates or repeated series", text);
        var everything = string.Join("\n", load.Diagnostics.Select(d => d.GetMessage(TestOrg.English) + d.Properties.GetValueOrDefault("meetings")));
        foreach (var secret in new[] { "Kündigung", "Gehalt", "Betriebsrat", "Zahnarzt", "verschoben", "Forecast alt", "Forecast 2024", "10 Termine" })
            Assert.DoesNotContain(secret, everything);
    }

    [Fact]
    public void Cadence_comes_from_freq_and_interval_and_stays_unknown_where_the_model_has_no_word()
    {
        using var f = new Files();
        var load = Read(f, Ics(
            Event("Status A", rrule: "FREQ=WEEKLY;INTERVAL=2"), Event("Status B", rrule: "FREQ=MONTHLY;INTERVAL=3"),
            Event("Status C", rrule: "FREQ=WEEKLY;INTERVAL=3"), Event("Status D", rrule: "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"),
            Event("Status E", rrule: "FREQ=HOURLY"), Event("Status F", rrule: "FREQ=YEARLY")));
        Assert.Equal(new Cadence?[] { Cadence.Biweekly, Cadence.Quarterly, null, Cadence.Daily, null, Cadence.Yearly },
            load.Organization!.Meetings.Select(m => m.Cadence));
    }

    [Fact]
    public void The_mapping_file_overrides_a_purpose_or_leaves_events_out()
    {
        using var f = new Files();
        var load = Read(f, Ics(Event("Jour fixe Vertrieb"), Event("Pipeline Review"), Event("Teamrunde")),
            """{ "meetings": { "Jour fixe*": "coordination", "Pipeline*": "none", "Teamrunde": "problemSolving" } }""");
        Assert.Equal(new[] { MeetingPurpose.Coordination, MeetingPurpose.ProblemSolving }, load.Organization!.Meetings.Select(m => m.Purpose));
        var info = Assert.Single(load.Diagnostics, d => d.Id == "VT0310");
        Assert.Contains("'Jour fixe Vertrieb' → coordination (mapping file)", info.GetMessage(TestOrg.English));
        Assert.Contains("\"from\":\"mapping\"", info.Properties["meetings"]);
    }

    [Fact]
    public void A_bad_purpose_in_the_mapping_file_is_a_located_error()
    {
        using var f = new Files();
        var load = Read(f, Ics(Event("Pipeline Review")), "{ \"meetings\": {\n  \"Jour fixe*\": \"kaffeeklatsch\" } }");
        var d = Assert.Single(load.Diagnostics, x => x.Id == "VT0305");
        Assert.Equal(2, d.Location.Span.StartLine);
        Assert.Contains("must be one of", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void The_export_learns_an_email_column_by_english_and_german_headers_and_prefers_the_work_address()
    {
        foreach (var header in new[] { "Email", "E-Mail", "Work Email", "Mail", "Geschäftliche E-Mail", "E-Mail-Adresse" })
            Assert.True(HrHeaderSynonyms.TryMatch(header, out var field) && field == HrField.Email, header);
        Assert.False(HrHeaderSynonyms.TryMatch("E-Mail privat", out _));
        using var f = new Files();
        // Two address columns (private first, then work) are no conflict: the work one is used.
        f.Write("export.csv", "EmpID;Name;Email;Work Email\n1;A;a@privat.example;a@firma.example\n2;B;;b@firma.example\n");
        var cal = f.Write("c.ics", Ics(Event("Pipeline Review").Replace("anna.albers@firma.example", "a@firma.example", StringComparison.Ordinal)));
        var load = OrganizationReader.ReadFile(f.Csv, new ReaderOptions { HrExport = new HrExportOptions { FindPracticesFile = false, CalendarFiles = [cal] } });
        Assert.DoesNotContain(load.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("1", load.Organization!.Meetings.Single().ChairPersonId);
    }

    // ------------------------------------------------------------------ hostile calendars

    [Fact]
    public void A_huge_count_and_a_rule_without_end_are_read_not_expanded()
    {
        using var f = new Files();
        var sw = Stopwatch.StartNew();
        var load = Read(f, Ics(Event("Status A", rrule: "FREQ=SECONDLY;COUNT=2147483647"), Event("Status B", rrule: "FREQ=MINUTELY")));
        Assert.Equal(2, load.Organization!.Meetings.Count);
        Assert.All(load.Organization.Meetings, m => Assert.Null(m.Cadence));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30)); // a guard against expansion, not a speed target
    }

    [Fact]
    public void A_folded_line_bomb_is_refused_at_the_line_it_starts()
    {
        using var f = new Files();
        var bomb = "SUMMARY:Status\r\n" + string.Concat(Enumerable.Repeat(" \r\n", IcsLines.MaxContinuations + 1));
        var ics = Ics(Event("Pipeline").Replace("SUMMARY:Pipeline\r\n", bomb, StringComparison.Ordinal));
        var load = Read(f, ics);
        var d = Assert.Single(load.Diagnostics, x => x.Id == "VT0010");
        Assert.Equal(LineOf(ics, "SUMMARY:Status"), d.Location.Span.StartLine);
        Assert.EndsWith("team.ics", d.Location.FilePath);
        Assert.NotNull(load.Organization); // the export itself is still read
        Assert.Empty(load.Organization!.Meetings);
    }

    [Fact]
    public void A_line_longer_than_the_limit_once_unfolded_is_refused()
    {
        using var f = new Files();
        var ics = Ics(Event("Pipeline " + string.Concat(Enumerable.Repeat("x\r\n ", 300))));
        var d = Assert.Single(Read(f, ics, baseOptions: new ReaderOptions { MaxStringLength = 200 }).Diagnostics, x => x.Id == "VT0010");
        Assert.Contains("longer than 200 characters once unfolded", d.GetMessage(TestOrg.English));
    }

    [Fact]
    public void Deep_nesting_is_refused_with_its_line()
    {
        using var f = new Files();
        var deep = string.Concat(Enumerable.Range(0, 20).Select(i => $"BEGIN:X-N{i}\r\n"));
        var ics = Ics(Event("Pipeline", extra: deep));
        var d = Assert.Single(Read(f, ics).Diagnostics, x => x.Id == "VT0010");
        Assert.Contains("nested deeper than 8", d.GetMessage(TestOrg.English));
        Assert.Equal(LineOf(ics, "BEGIN:X-N6"), d.Location.Span.StartLine);
    }

    [Fact]
    public void A_calendar_over_the_size_limit_is_refused_before_it_is_read()
    {
        using var f = new Files();
        var load = Read(f, Ics(Event("Pipeline")), baseOptions: new ReaderOptions { MaxFileBytes = 600 });
        var d = Assert.Single(load.Diagnostics, x => x.Id == "VT0010" && x.Location.FilePath!.EndsWith(".ics", StringComparison.Ordinal));
        Assert.EndsWith("team.ics", d.Location.FilePath);
    }

    [Theory]
    [InlineData("this is no calendar\r\n", 1, "must start with BEGIN:VCALENDAR")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VCALENDAR\r\n", 4, "does not close the open component (BEGIN:VEVENT at line 2 is still open)")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n", 2, "never closed")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Status\r\nRRULE:FREQ=FORTNIGHTLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", 5, "recurrence rule (RRULE) cannot be read")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Status\r\nRRULE:FREQ=WEEKLY;INTERVAL=zwei\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", 5, "recurrence rule (RRULE) cannot be read")]
    public void Broken_calendars_are_located_errors_and_the_export_is_still_read(string ics, int line, string message)
    {
        using var f = new Files();
        var load = Read(f, ics);
        var d = Assert.Single(load.Diagnostics, x => x.Id == "VT0311");
        Assert.Equal(line, d.Location.Span.StartLine);
        Assert.Contains(message, d.GetMessage(TestOrg.English));
        Assert.Equal(4, load.Organization!.People.Count);
    }

    [Fact]
    public void Lf_and_lone_cr_line_ends_give_the_same_lines()
    {
        using var f = new Files();
        var crlf = Ics(Event("Pipeline Review"), Event("Statusrunde"));
        var lines = new[] { crlf, crlf.Replace("\r\n", "\n", StringComparison.Ordinal), crlf.Replace("\r\n", "\r", StringComparison.Ordinal) }
            .Select(text => string.Join(",", Read(f, text).Organization!.Meetings.Select(m => m.Start.Line + ":" + m.GetPropertyPosition("purpose").Line)));
        Assert.Single(lines.Distinct());
    }

    /// <summary>
    /// Mutated calendars (lines dropped, repeated or replaced by arbitrary text, the file cut anywhere) never throw:
    /// every problem is a diagnostic at a line of the calendar, and the export is still read.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 60)]
    public bool A_mutated_calendar_is_read_or_reported_at_a_line_never_thrown(int[] edits, string[] junk, int cut)
    {
        var lines = Ics(Event("Pipeline Review"), Event("Statusrunde", rrule: "FREQ=MONTHLY;INTERVAL=3"), Event("Retro", extra: "BEGIN:VALARM\r\nTRIGGER:-PT5M\r\nEND:VALARM\r\n"))
            .Split("\r\n").ToList();
        for (var i = 0; i < (edits ?? []).Length && lines.Count > 0; i++)
        {
            var at = (int)((uint)edits![i] % (uint)lines.Count);
            switch ((uint)edits[i] % 3)
            {
                case 0: lines.RemoveAt(at); break;
                case 1: lines.Insert(at, lines[at]); break;
                default: lines[at] = junk is { Length: > 0 } ? (junk[i % junk.Length] ?? "") : ""; break;
            }
        }
        var text = string.Join("\r\n", lines);
        text = text[..(int)((uint)cut % (uint)(text.Length + 1))];
        using var f = new Files();
        var load = Read(f, text.Length == 0 ? " " : text);
        return load.Organization is { People.Count: 4 }
               && load.Diagnostics.Where(d => d.Location.FilePath?.EndsWith(".ics", StringComparison.Ordinal) == true).All(d => d.Location.Span.StartLine >= 1);
    }

    // ------------------------------------------------------------------ privacy over every output format

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("html")]
    public void No_address_and_no_title_of_a_left_out_event_reaches_any_output_format(string format)
    {
        using var f = new Files();
        f.Write("export.csv", Export);
        var cal = f.Write("team.ics", Ics(Event("Pipeline Review"), Event("Geheimes Kündigungsgespräch", rrule: null), Event("Zahnarzt"), Event("Status Gehalt", extra: "CLASS:PRIVATE\r\n")));
        var report = Path.Combine(f.Dir.FullName, "report." + format);
        var o = new StringWriter();
        var code = Program.Run(new[] { "analyze", f.Csv, "--calendar", cal, "--format", format, "--output", report, "--culture", "en", "--show-names" }, o, new StringWriter());
        Assert.InRange(code, 0, 1);
        var text = File.ReadAllText(report) + o;
        Assert.Contains("VT1010", text);
        Assert.Contains("VT0310", text);
        // The finding about the meeting is at the event's SUMMARY line of the calendar, in each format's own way.
        var line = LineOf(File.ReadAllText(cal), "SUMMARY:Pipeline Review");
        var where = format switch
        {
            "text" => $@"team\.ics\({line},1\): warning VT1010",
            "json" => $@"""line"":\s*{line}\b",
            "sarif" => $@"""startLine"":\s*{line}\b",
            _ => $@"team\.ics:{line}:1",
        };
        Assert.Matches(where, text);
        if (format != "text") Assert.Contains("/events/0", text); // the text format shows file, line and column only
        foreach (var secret in new[] { "firma.example", "privat.example", "agentur", "resource.calendar", "Kündigung", "Zahnarzt", "Gehalt", "Externe Beraterin" })
            Assert.DoesNotContain(secret, text);
    }

    [Fact]
    public void The_calendar_option_needs_an_hr_export_and_an_ics_file_is_no_input_of_its_own()
    {
        using var f = new Files();
        var cal = f.Write("team.ics", Ics(Event("Pipeline Review")));
        var e = new StringWriter();
        Assert.Equal(2, Program.Run(new[] { "analyze", SeedPaths.Classic, "--calendar", cal }, new StringWriter(), e));
        Assert.Contains("--calendar adds meetings to an HR export", e.ToString());
        e = new StringWriter();
        Assert.Equal(2, Program.Run(new[] { "analyze", cal }, new StringWriter(), e));
        Assert.Contains("name it with --calendar", e.ToString());
    }
}
