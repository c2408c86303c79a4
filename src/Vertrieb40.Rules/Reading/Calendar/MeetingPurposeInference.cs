using Vertrieb40.Rules.Model;

namespace Vertrieb40.Rules.Reading.Calendar;

/// <summary>
/// A meeting's purpose read from its calendar title, in English and German. The first entry that matches wins
/// (a "Pipeline &amp; Forecast Call" is a forecast review). A title that matches nothing has no purpose: the
/// meeting is left out, not guessed ("unknown beats a wrong guess"). Every inference is shown (VT0310) and the
/// mapping file's <c>"meetings"</c> overrides it.
/// </summary>
internal static class MeetingPurposeInference
{
    // (purpose, whole words or word sequences, stems found inside a word: German compounds such as "Statusrunde").
    private static readonly (MeetingPurpose Purpose, string[] Words, string[] Stems)[] Table =
    {
        (MeetingPurpose.ForecastReview, ["commit call"], ["forecast", "prognose"]),
        (MeetingPurpose.PipelineReview, ["deal review", "opportunity review", "funnel review"], ["pipeline", "dealreview"]),
        // A "Vertriebsrunde" or "Jour fixe" is the regular round where each person reports: status, not coordination.
        (MeetingPurpose.StatusReporting, ["jour fixe", "jourfixe", "weekly report", "status update"],
            ["status", "reporting", "berichtsrunde", "wochenbericht", "vertriebsrunde", "verkaufsrunde", "rapport", "kennzahlenrunde"]),
        (MeetingPurpose.Retrospective, ["retro"], ["retrospe"]),
        (MeetingPurpose.CustomerFeedback, ["customer feedback", "voice of the customer", "customer insights", "win loss", "win loss review"],
            ["kundenfeedback", "kundenstimme", "kundenrückmeldung", "kundenrueckmeldung"]),
        (MeetingPurpose.Planning, ["planning", "sprint planning", "pi planning"], ["planung"]),
        (MeetingPurpose.ProblemSolving, ["problem solving", "troubleshooting"], ["problemlös", "problemloes", "lösungsrunde"]),
        (MeetingPurpose.Coordination, ["stand up", "standup", "daily", "daily scrum", "sync", "weekly sync", "team sync", "coordination"],
            ["abstimmung", "koordination", "standup"]),
    };

    /// <summary>The purpose a title names, with the word that decided it; null when it names none.</summary>
    public static (MeetingPurpose Purpose, string Evidence)? Infer(string? title)
    {
        if (string.IsNullOrWhiteSpace(title)) return null;
        var tokens = Tokens(title);
        if (tokens.Count == 0) return null;
        foreach (var (purpose, words, stems) in Table)
        {
            foreach (var phrase in words)
                if (ContainsPhrase(tokens, phrase.Split(' '))) return (purpose, phrase);
            foreach (var stem in stems)
                foreach (var t in tokens)
                    if (t.Contains(stem, StringComparison.Ordinal)) return (purpose, stem);
        }
        return null;
    }

    // Lower-case words; every character that is no letter or digit separates ("Pipeline-Review", "Status/Update").
    private static List<string> Tokens(string title)
    {
        var tokens = new List<string>();
        var sb = new System.Text.StringBuilder();
        foreach (var c in title)
        {
            if (char.IsLetterOrDigit(c)) { sb.Append(char.ToLowerInvariant(c)); continue; }
            if (sb.Length > 0) { tokens.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) tokens.Add(sb.ToString());
        return tokens;
    }

    private static bool ContainsPhrase(List<string> tokens, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= tokens.Count; i++)
        {
            var all = true;
            for (var j = 0; j < phrase.Length && all; j++) all = tokens[i + j] == phrase[j];
            if (all) return true;
        }
        return false;
    }
}
