using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ical.Net.CalendarComponents;
using Newtonsoft.Json;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.IO;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading.HrExport;
using Vertrieb40.Rules.Reading.Json;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Reading.Calendar;

/// <summary>
/// Adds the recurring meetings of calendar exports (<c>.ics</c>) to an organisation read from an HR export.
/// <list type="bullet">
/// <item>Our own line scanner (<see cref="IcsLines"/>) bounds the file and knows every line; Ical.Net parses only the
/// VEVENT blocks that can become meetings, one at a time, so its errors are located at that event.</item>
/// <item>A recurrence rule is read, never expanded: FREQ and INTERVAL give the cadence (unknown where the model has no
/// word for it), so COUNT=999999999 or a rule without end costs nothing.</item>
/// <item>Left out and counted, never listed: one-off events, private and confidential ones, cancelled series, series
/// that ended before the export was made (the latest DTSTAMP), changed single instances (RECURRENCE-ID, part of their
/// series), a series seen twice (same UID), and titles that name no known purpose — whose titles are written nowhere.</item>
/// <item>Attendees and the organiser are matched to people by the export's e-mail column, else by name; unmatched ones
/// are counted. Addresses are never kept in the model, so no output can show one.</item>
/// </list>
/// </summary>
internal sealed class CalendarReader
{
    /// <summary>The deepest nesting of components (VCALENDAR › VEVENT › VALARM is 3).</summary>
    internal const int MaxDepth = 8;
    /// <summary>The most content lines one event may have (a series with thousands of attendees still fits).</summary>
    internal const int MaxEventLines = 50_000;
    /// <summary>The largest calendar file read (a year of a large shared calendar is a few MB).</summary>
    internal const long MaxCalendarBytes = 256L * 1024 * 1024;
    private const int Shown = 10;

    private readonly Organization _org;
    private readonly IReadOnlyDictionary<string, Person?> _byEmail;
    private readonly ColumnMapping? _mapping;
    private readonly ReaderOptions _options;
    private readonly HashSet<string> _seriesSeen = new(StringComparer.Ordinal);
    private PersonNameIndex? _names;

    public CalendarReader(Organization org, IReadOnlyDictionary<string, Person?> peopleByEmail, ColumnMapping? mapping, ReaderOptions options)
    {
        _org = org;
        _byEmail = peopleByEmail;
        _mapping = mapping;
        _options = options;
    }

    /// <summary>Reads each calendar into the organisation; its diagnostics go to <paramref name="into"/>.</summary>
    public void ReadAll(IEnumerable<string> files, List<Diagnostic> into)
    {
        foreach (var file in files)
        {
            var errors = new InputErrors(_options, file);
            try
            {
                if (ReadFile(file, errors)) _org.DescribedCollectionSet.Add("meetings");
            }
            catch (InputLimitException) { }
            into.AddRange(errors.Items);
        }
    }

    // ------------------------------------------------------------------ one file

    private sealed class Counts
    {
        public int Added, OneOff, Private, Cancelled, Ended, NoPurpose, LeftOutByMapping, Repeated, Matched, Unmatched;
    }

    private sealed record Candidate(int Index, int Line, List<(string Text, int Line)> Lines);

    private sealed record Added(Meeting Meeting, string Title, MeetingPurpose Purpose, string? Evidence, int Line);

    private bool ReadFile(string path, InputErrors errors)
    {
        var limit = Math.Min(_options.MaxFileBytes, MaxCalendarBytes);
        var problem = FileGuard.Problem(path, limit, "the calendar limit");
        if (problem != null)
        {
            errors.Add(problem.StartsWith("the file has ", StringComparison.Ordinal) ? InputDescriptors.LimitExceeded : InputDescriptors.InvalidCalendar,
                new Location(path, "", new LineSpan(1, 1, 1, 1)), problem);
            return false;
        }
        var candidates = new List<Candidate>();
        var counts = new Counts();
        DateOnly? exportedOn = null;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            if (!Scan(new IcsLines(text, _options.MaxStringLength), path, errors, candidates, counts, ref exportedOn)) return false;
        }
        catch (IcsLimitException ex)
        {
            errors.Add(InputDescriptors.LimitExceeded, At(path, ex.Line, ""), ex.Message);
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(InputDescriptors.FileUnreadable, new Location(path, "", LineSpan.None), ex.Message.TrimEnd('.'));
            return false;
        }

        var added = new List<Added>();
        foreach (var c in candidates) Convert(path, c, errors, counts, exportedOn, added);
        Report(path, errors, counts, added);
        return true;
    }

    // One pass over the lines: the structure is checked, and the events that can be meetings are kept (their lines only).
    private bool Scan(IcsLines lines, string path, InputErrors errors, List<Candidate> candidates, Counts counts, ref DateOnly? exportedOn)
    {
        var stack = new Stack<(string Name, int Line)>();
        var sawCalendar = false;
        var events = 0;
        List<(string, int)>? current = null;
        int eventLine = 0;
        bool recurring = false, hidden = false, cancelled = false, changedInstance = false;
        string? uid = null;
        while (lines.Next() is { } next)
        {
            var (text, line) = next;
            if (text.Length == 0) continue;
            var (name, value) = IcsLines.Split(text);
            if (!sawCalendar)
            {
                if (name != "BEGIN" || !value.Trim().Equals("VCALENDAR", StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(InputDescriptors.InvalidCalendar, At(path, line, ""), $"line {line}: this is not an iCalendar file (it must start with BEGIN:VCALENDAR)");
                    return false;
                }
                sawCalendar = true;
            }
            if (name == "BEGIN")
            {
                var component = value.Trim().ToUpperInvariant();
                if (stack.Count >= MaxDepth)
                {
                    errors.Add(InputDescriptors.LimitExceeded, At(path, line, ""), $"line {line}: components are nested deeper than {MaxDepth} (BEGIN:{Cut(component)})");
                    return false;
                }
                if (component == "VEVENT" && stack.Count == 1 && current is null)
                {
                    current = new List<(string, int)>();
                    eventLine = line;
                    recurring = hidden = cancelled = changedInstance = false;
                    uid = null;
                }
                stack.Push((component, line));
            }
            else if (name == "END")
            {
                var component = value.Trim().ToUpperInvariant();
                if (stack.Count == 0 || stack.Peek().Name != component)
                {
                    var open = stack.Count == 0 ? "no component is open" : $"BEGIN:{stack.Peek().Name} at line {stack.Peek().Line} is still open";
                    errors.Add(InputDescriptors.InvalidCalendar, At(path, line, ""), $"line {line}: END:{Cut(component)} does not close the open component ({open})");
                    return false;
                }
                stack.Pop();
                if (component == "VEVENT" && stack.Count == 1 && current != null)
                {
                    current.Add((text, line));
                    var index = events++;
                    if (changedInstance) counts.Repeated++;
                    else if (hidden) counts.Private++;
                    else if (cancelled) counts.Cancelled++;
                    else if (!recurring) counts.OneOff++;
                    else if (uid != null && !_seriesSeen.Add(uid)) counts.Repeated++;
                    else candidates.Add(new Candidate(index, eventLine, current));
                    current = null;
                    continue;
                }
            }
            if (current != null && stack.Count >= 2)
            {
                if (current.Count >= MaxEventLines)
                {
                    errors.Add(InputDescriptors.LimitExceeded, At(path, eventLine, ""), $"the event at line {eventLine} has more than {MaxEventLines:N0} lines");
                    return false;
                }
                current.Add((text, line));
                if (stack.Count == 2) // the event's own properties, not those of its alarms
                {
                    switch (name)
                    {
                        case "RRULE": recurring = true; break;
                        case "CLASS": hidden |= value.Trim().ToUpperInvariant() is "PRIVATE" or "CONFIDENTIAL"; break;
                        case "STATUS": cancelled |= value.Trim().Equals("CANCELLED", StringComparison.OrdinalIgnoreCase); break;
                        case "RECURRENCE-ID": changedInstance = true; break;
                        case "UID": uid = value.Trim(); break;
                    }
                }
            }
            // The export's date: the latest time stamp it wrote (Google writes the export time into every DTSTAMP).
            if (name == "DTSTAMP" && DateOf(value) is { } stamp && (exportedOn is null || stamp > exportedOn)) exportedOn = stamp;
        }
        if (!sawCalendar)
        {
            errors.Add(InputDescriptors.InvalidCalendar, At(path, 1, ""), "the file has no content lines (expected BEGIN:VCALENDAR)");
            return false;
        }
        if (stack.Count > 0)
        {
            errors.Add(InputDescriptors.InvalidCalendar, At(path, stack.Peek().Line, ""), $"BEGIN:{Cut(stack.Peek().Name)} at line {stack.Peek().Line} is never closed (the file may be cut off)");
            return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ one recurring event

    private void Convert(string path, Candidate c, InputErrors errors, Counts counts, DateOnly? exportedOn, List<Added> added)
    {
        var pointer = "/events/" + c.Index.ToString(CultureInfo.InvariantCulture);
        var ruleLine = c.Lines.FirstOrDefault(l => IcsLines.Split(l.Text).Name == "RRULE").Line;
        CalendarEvent? e;
        try
        {
            var block = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
            foreach (var (text, _) in c.Lines) block.Append(text).Append("\r\n");
            block.Append("END:VCALENDAR\r\n");
            e = Ical.Net.Calendar.Load(block.ToString())?.Events.FirstOrDefault();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Ical.Net's message may quote the line (a title, an address): only its kind is shown.
            var rule = c.Lines.First(l => l.Line == ruleLine);
            var (at, what) = RuleFails(IcsLines.Split(rule.Text).Value) ? (ruleLine, "its recurrence rule (RRULE) cannot be read") : (c.Line, "the event cannot be read");
            errors.Add(InputDescriptors.InvalidCalendar, At(path, at, pointer), $"line {at}: {what} ({ex.GetType().Name}); the event is left out");
            return;
        }
        if (e?.RecurrenceRule is not { } pattern) { counts.OneOff++; return; }

        // A series that ended before the export: no practice of the organisation any more. COUNT gives an upper bound
        // of the end without expanding anything (several BYDAY days per period only end it sooner).
        if (exportedOn is { } export && EndBound(e, pattern) is { } end && end < export) { counts.Ended++; return; }

        var title = e.Summary ?? "";
        MeetingPurpose purpose;
        string? evidence = null;
        var chosen = _mapping?.MeetingPurposes.FirstOrDefault(m => m.Matches(title));
        if (chosen != null)
        {
            if (chosen.Purpose is not { } mapped) { counts.LeftOutByMapping++; return; }
            purpose = mapped;
        }
        else if (MeetingPurposeInference.Infer(title) is { } inferred) (purpose, evidence) = inferred;
        else { counts.NoPurpose++; return; }

        var meeting = new Meeting
        {
            Id = "calendar-" + Hash(e.Uid ?? path + "#" + c.Line.ToString(CultureInfo.InvariantCulture)),
            Name = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
            Purpose = purpose,
            Cadence = CadenceOf(pattern),
            Index = _org.MeetingsList.Count,
            Start = new SourcePosition(c.Line, 1),
            End = new SourcePosition(c.Lines[^1].Line, 1),
            Origin = new EntityOrigin(path, null, pointer),
        };
        void Position(string property, string icsName)
        {
            var l = c.Lines.FirstOrDefault(x => IcsLines.Split(x.Text).Name == icsName);
            if (l.Line > 0) meeting.SetPropertyPosition(property, new SourcePosition(l.Line, 1));
        }
        Position("purpose", "SUMMARY");
        Position("cadence", "RRULE");
        Position("chairPersonId", "ORGANIZER");
        Position("attendees", "ATTENDEE");

        var people = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (e.Organizer is { } organizer)
        {
            var chair = Match(organizer.Value, organizer.CommonName);
            if (chair != null) { meeting.ChairPersonId = chair.Id; if (seen.Add(chair.Id)) people.Add(chair.Id); counts.Matched++; }
            else counts.Unmatched++;
        }
        foreach (var a in e.Attendees)
        {
            // Rooms and equipment are invited like people (Outlook and Google write CUTYPE=ROOM or RESOURCE).
            if (a.Type is { } type && (type.Equals("ROOM", StringComparison.OrdinalIgnoreCase) || type.Equals("RESOURCE", StringComparison.OrdinalIgnoreCase))) continue;
            var person = Match(a.Value, a.CommonName);
            if (person is null) { counts.Unmatched++; continue; }
            if (seen.Add(person.Id)) { people.Add(person.Id); counts.Matched++; }
        }
        if (people.Count > 0) meeting.Attendees = new Scope { PersonIds = people.ToArray() };
        _org.MeetingsList.Add(meeting);
        counts.Added++;
        added.Add(new Added(meeting, meeting.DisplayName, purpose, evidence, meeting.GetPropertyPosition("purpose").Line));
    }

    private static bool RuleFails(string value)
    {
        try { _ = new Ical.Net.DataTypes.RecurrenceRule(value); return false; }
        catch (Exception ex) when (ex is not OutOfMemoryException) { return true; }
    }

    private Person? Match(Uri? address, string? commonName)
    {
        if (address != null && address.Scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase))
        {
            var email = Uri.UnescapeDataString(address.OriginalString[(address.OriginalString.IndexOf(':', StringComparison.Ordinal) + 1)..]).Trim();
            if (_byEmail.TryGetValue(email, out var byEmail)) return byEmail; // null: an address two rows share
        }
        if (string.IsNullOrWhiteSpace(commonName)) return null;
        _names ??= new PersonNameIndex(_org.People);
        return _names.Find(commonName).Match;
    }

    /// <summary>FREQ and INTERVAL in the model's words; null where it has none (every 3 weeks, hourly).</summary>
    internal static Cadence? CadenceOf(Ical.Net.DataTypes.RecurrenceRule p) => (p.Frequency, p.Interval <= 0 ? 1 : p.Interval) switch
    {
        (Ical.Net.FrequencyType.Daily, 1) => Cadence.Daily,
        (Ical.Net.FrequencyType.Daily, 7) or (Ical.Net.FrequencyType.Weekly, 1) => Cadence.Weekly,
        (Ical.Net.FrequencyType.Daily, 14) or (Ical.Net.FrequencyType.Weekly, 2) => Cadence.Biweekly,
        (Ical.Net.FrequencyType.Monthly, 1) => Cadence.Monthly,
        (Ical.Net.FrequencyType.Monthly, 3) => Cadence.Quarterly,
        (Ical.Net.FrequencyType.Monthly, 6) => Cadence.HalfYearly,
        (Ical.Net.FrequencyType.Monthly, 12) or (Ical.Net.FrequencyType.Yearly, 1) => Cadence.Yearly,
        _ => null,
    };

    private static DateOnly? EndBound(CalendarEvent e, Ical.Net.DataTypes.RecurrenceRule p)
    {
        if (p.Until is { } until) return until.Date;
        if (p.Count is not { } count || e.DtStart is not { } start) return null;
        var steps = (long)(count - 1) * Math.Max(1, p.Interval);
        if (steps > 100_000) return null; // far beyond any export: still running
        var s = start.Date;
        try
        {
            return p.Frequency switch
            {
                Ical.Net.FrequencyType.Daily => s.AddDays((int)steps),
                Ical.Net.FrequencyType.Weekly => s.AddDays((int)(steps * 7)),
                Ical.Net.FrequencyType.Monthly => s.AddMonths((int)steps),
                Ical.Net.FrequencyType.Yearly => s.AddYears((int)Math.Min(steps, 9000)),
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException) { return null; }
    }

    private static DateOnly? DateOf(string value)
    {
        var v = value.Trim();
        return v.Length >= 8 && DateOnly.TryParseExact(v[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    // ------------------------------------------------------------------ reporting

    private static void Report(string path, InputErrors errors, Counts counts, List<Added> added)
    {
        var list = added.Take(Shown).Select(a => (LocalizableString)new Inference(a.Title, a.Purpose, a.Evidence)).ToList();
        if (added.Count > Shown) list.Add("…");
        var locations = added.Select(a => At(path, a.Line, a.Meeting.Pointer, a.Meeting.Collection, a.Meeting.Id));
        var properties = new Dictionary<string, string?> { ["meetings"] = Json(added) };
        errors.Add(Diagnostic.Create(InputDescriptors.CalendarMeetings, At(path, 1, ""), locations, properties,
            new CountOf(counts.Added, "recurring meeting", "recurring meetings", "Serientermin", "Serientermine"),
            added.Count == 0 ? (LocalizableString)"–" : new LocalizableList(list),
            counts.OneOff, counts.Private, counts.Cancelled + counts.Ended, counts.NoPurpose + counts.LeftOutByMapping, counts.Repeated,
            counts.Matched, counts.Unmatched));
    }

    private static string Json(List<Added> added)
    {
        using var sw = new StringWriter(CultureInfo.InvariantCulture);
        using (var w = new JsonTextWriter(sw))
        {
            w.WriteStartArray();
            foreach (var a in added)
            {
                w.WriteStartObject();
                w.WritePropertyName("id"); w.WriteValue(a.Meeting.Id);
                w.WritePropertyName("line"); w.WriteValue(a.Line);
                w.WritePropertyName("purpose"); w.WriteValue(EnumNames<MeetingPurpose>.Name(a.Purpose));
                w.WritePropertyName("from"); w.WriteValue(a.Evidence is null ? "mapping" : "title");
                if (a.Evidence != null) { w.WritePropertyName("evidence"); w.WriteValue(a.Evidence); }
                w.WritePropertyName("cadence"); w.WriteValue(a.Meeting.Cadence is { } cd ? EnumNames<Cadence>.Name(cd) : null);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return sw.ToString();
    }

    // "'Weekly Pipeline Review' → pipeline review (title: 'pipeline')", or "(mapping)" where the mapping file set it.
    private sealed class Inference(string title, MeetingPurpose purpose, string? evidence) : LocalizableString
    {
        public override string ToString(IFormatProvider? formatProvider)
        {
            var german = (formatProvider as CultureInfo ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "de";
            var source = evidence is null ? (german ? "Zuordnungsdatei" : "mapping file") : (german ? "Titel: '" : "title: '") + evidence + "'";
            return "'" + InputErrors.Truncate(title) + "' → " + Terms.Of(purpose).ToString(formatProvider) + " (" + source + ")";
        }
    }

    private static string Hash(string text) => System.Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 6)).ToLowerInvariant();

    private static string Cut(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static Location At(string path, int line, string pointer, string? kind = null, string? id = null)
        => new(path, pointer, new LineSpan(line, 1, line, 1), kind, id);
}
