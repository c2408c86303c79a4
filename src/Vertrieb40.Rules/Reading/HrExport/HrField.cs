namespace Vertrieb40.Rules.Reading.HrExport;

/// <summary>The fields an HR export can provide; each is found by header synonyms or named in a column mapping.</summary>
internal enum HrField
{
    /// <summary>The person's id (Employee ID, EmpID, Worker_ID, Personalnummer, …). Required.</summary>
    EmployeeId,
    /// <summary>The person's full name.</summary>
    Name,
    /// <summary>The first name (joined with <see cref="LastName"/> when there is no full name).</summary>
    FirstName,
    /// <summary>The last name.</summary>
    LastName,
    /// <summary>The manager's id (Manager ID, supervisorId, Vorgesetzter, …); a value that is no id but a unique name also resolves.</summary>
    ManagerId,
    /// <summary>The manager's name.</summary>
    ManagerName,
    /// <summary>The department (Abteilung): becomes a unit of kind department.</summary>
    Department,
    /// <summary>The division (Bereich): becomes the parent unit of the departments.</summary>
    Division,
    /// <summary>The job title (Stelle, position): becomes a role.</summary>
    JobTitle,
    /// <summary>The location (recognised, not used by the rules).</summary>
    Location,
    /// <summary>The cost centre (recognised, not used by the rules).</summary>
    CostCenter,
    /// <summary>The team (Team, Squad, Arbeitsgruppe): becomes a unit of kind team below the department.</summary>
    Team,
    /// <summary>Further roles, several in one cell separated by <c>;</c>, <c>,</c> or <c>|</c> (Roles, Rollen).</summary>
    Roles,
    /// <summary>
    /// The work e-mail address (Email, E-Mail, Work Email, Geschäftliche E-Mail, …): used only to match calendar
    /// attendees to people (<see cref="HrExportOptions.CalendarFiles"/>); never kept in the model or written to any output.
    /// </summary>
    Email,
}

/// <summary>Header synonyms: a header matches when it equals a synonym after removing case, spaces, '_', '-', '.', '/' and '#'.</summary>
internal static class HrHeaderSynonyms
{
    private static readonly Dictionary<string, HrField> Map = Build();

    public static bool TryMatch(string header, out HrField field) => Map.TryGetValue(Normalize(header), out field);

    /// <summary>
    /// True for an e-mail header that names the work address ("Work Email", "Geschäftliche E-Mail"): exports often
    /// have a private and a work address, and the work one is what calendars use.
    /// </summary>
    public static bool IsWorkEmail(string header)
    {
        var key = Normalize(header);
        return key.Contains("work", StringComparison.Ordinal) || key.Contains("business", StringComparison.Ordinal) || key.Contains("gesch", StringComparison.Ordinal)
               || key.Contains("dienst", StringComparison.Ordinal) || key.Contains("corporate", StringComparison.Ordinal) || key.Contains("company", StringComparison.Ordinal)
               || key.Contains("office", StringComparison.Ordinal) || key.Contains("firm", StringComparison.Ordinal);
    }

    /// <summary>The key a header is compared by.</summary>
    public static string Normalize(string header)
    {
        var sb = new System.Text.StringBuilder(header.Length);
        foreach (var c in header)
            if (!char.IsWhiteSpace(c) && c is not ('_' or '-' or '.' or '/' or '#' or '(' or ')' or ':')) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// <summary>A typical header for each field (for messages).</summary>
    public static string Example(HrField field) => field switch
    {
        HrField.EmployeeId => "Employee ID / Personalnummer",
        HrField.ManagerId => "Manager ID / Vorgesetzter",
        HrField.ManagerName => "Manager Name",
        HrField.Department => "Department / Abteilung",
        HrField.Division => "Division / Bereich",
        HrField.JobTitle => "Job Title / Stelle",
        HrField.Team => "Team / Arbeitsgruppe",
        HrField.Roles => "Roles / Rollen",
        HrField.Email => "Work Email / Geschäftliche E-Mail",
        _ => field.ToString(),
    };

    private static Dictionary<string, HrField> Build()
    {
        var m = new Dictionary<string, HrField>(StringComparer.Ordinal);
        void Add(HrField f, params string[] names) { foreach (var n in names) m[Normalize(n)] = f; }
        Add(HrField.EmployeeId, "employee id", "employeeid", "empid", "emp id", "emp no", "employee number", "employee no", "worker id", "worker_id",
            "staff id", "person id", "personid", "id", "personalnummer", "personal nr", "pers nr", "persnr", "pers.-nr.", "mitarbeiternummer",
            "mitarbeiter id", "mitarbeiter-id", "mitarbeiternr", "user id", "userid", "eid", "employee eid", "worker number", "person number");
        Add(HrField.Name, "name", "full name", "fullname", "employee name", "display name", "worker name", "mitarbeiter", "mitarbeitername",
            "name mitarbeiter", "vollständiger name");
        Add(HrField.FirstName, "first name", "firstname", "given name", "vorname");
        Add(HrField.LastName, "last name", "lastname", "surname", "family name", "nachname", "familienname");
        Add(HrField.ManagerId, "manager id", "managerid", "manager", "supervisor id", "supervisorid", "supervisor", "reports to", "reports to id",
            "line manager id", "manager employee id", "manager number", "vorgesetzter", "vorgesetzte", "vorgesetzter id", "vorgesetzter nr",
            "personalnummer vorgesetzter", "führungskraft", "führungskraft id", "fuehrungskraft", "supervisor eid", "supervisor employee id",
            "manager worker id", "manager user id", "supervisor user id", "manager employee number", "reports to employee id");
        Add(HrField.ManagerName, "manager name", "managername", "supervisor name", "line manager", "line manager name", "reports to name",
            "name vorgesetzter", "vorgesetzter name", "name führungskraft", "manager full name", "supervisor full name");
        Add(HrField.Department, "department", "dept", "department name", "org unit", "organisational unit", "organizational unit",
            "abteilung", "organisationseinheit", "orgeinheit", "supervisory organization");
        Add(HrField.Division, "division", "business unit", "bereich", "geschäftsbereich", "unternehmensbereich", "sparte", "ressort");
        Add(HrField.JobTitle, "job title", "jobtitle", "title", "position", "job", "role", "job role", "stelle", "stellenbezeichnung",
            "funktion", "rolle", "berufsbezeichnung", "business title", "position title");
        Add(HrField.Location, "location", "site", "office", "city", "work location", "standort", "ort", "arbeitsort");
        Add(HrField.Team, "team", "team name", "teamname", "squad", "squad name", "arbeitsgruppe", "teambezeichnung");
        Add(HrField.Roles, "roles", "rollen", "all roles", "additional roles", "further roles", "weitere rollen", "alle rollen");
        Add(HrField.Email, "email", "e-mail", "e mail", "mail", "email address", "e-mail address", "e-mail-adresse", "emailadresse", "mailadresse",
            "work email", "work e-mail", "business email", "business e-mail", "primary work email", "email work", "corporate email", "company email",
            "office email", "email primary work", "geschäftliche e-mail", "geschäftliche e-mail-adresse", "e-mail geschäftlich", "dienstliche e-mail",
            "e-mail dienstlich", "dienstliche e-mail-adresse", "firmen-e-mail", "e-mail (geschäftlich)", "e-mail-adresse (geschäftlich)");
        Add(HrField.CostCenter, "cost centre", "cost center", "costcenter", "cost centre code", "kostenstelle", "kst");
        return m;
    }
}
