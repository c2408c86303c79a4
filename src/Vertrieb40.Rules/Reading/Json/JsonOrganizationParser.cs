using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Text;

namespace Vertrieb40.Rules.Reading.Json;

/// <summary>
/// A token stream in another format than JSON (YAML) that the organisation parser reads as if it were JSON: it knows
/// where a property name starts, and the text of a value written without quotes.
/// </summary>
internal interface ITokenSource
{
    JsonReader Reader { get; }
    IJsonLineInfo LineInfo { get; }
    /// <summary>Where the current token starts.</summary>
    SourcePosition TokenStart { get; }
    /// <summary>The text of the current scalar when it was written without quotes (YAML reads <c>1.1</c> as a number), else null.</summary>
    string? PlainText { get; }
}

/// <summary>
/// A hand-written streaming reader over <see cref="JsonTextReader"/>: no DOM, no reflection, no type names
/// from the input. It keeps the position of every entity, collects every input error it can (it goes on
/// after a wrong type, a missing field or an unknown property) and stops only at malformed JSON.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The JSON reader wraps the caller's TextReader, which the caller owns and disposes; one parser reads one document.")]
internal sealed class JsonOrganizationParser
{
    private readonly JsonReader _reader;
    private readonly IJsonLineInfo _lineInfo;
    private readonly ITokenSource? _yaml;
    private readonly string? _filePath;
    private readonly ReaderOptions _options;
    private readonly InputErrors _errors;
    private readonly List<object> _path = new(8);
    private readonly Dictionary<string, string> _idPool = new(StringComparer.Ordinal);
    private readonly Organization _org = new();
    private readonly SeenNames _entityNames = new(); // reused: one entity is read at a time

    public JsonOrganizationParser(TextReader text, string? filePath, ReaderOptions options, InputErrors errors, CountingUtf8Fallback? invalidUtf8 = null)
    {
        _filePath = filePath;
        _options = options;
        _errors = errors;
        // The guard enforces the string and size limits before Newtonsoft buffers a token (see GuardedTextReader).
        var json = new JsonTextReader(new GuardedTextReader(text, options, invalidUtf8))
        {
            MaxDepth = options.MaxDepth,
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            SupportMultipleContent = false,
            PropertyNameTable = new DefaultJsonNameTable(),
        };
        _reader = json;
        _lineInfo = json;
        _org.FilePath = filePath;
    }

    /// <summary>Another format (YAML), read as the token stream its JSON twin would give.</summary>
    public JsonOrganizationParser(ITokenSource yaml, string? filePath, ReaderOptions options, InputErrors errors)
    {
        _filePath = filePath;
        _options = options;
        _errors = errors;
        yaml.Reader.MaxDepth = options.MaxDepth;
        _reader = yaml.Reader;
        _lineInfo = yaml.LineInfo;
        _yaml = yaml;
        _org.FilePath = filePath;
    }

    /// <summary>Reads the whole document; returns null when it is not JSON at all.</summary>
    public Organization? Parse()
    {
        try
        {
            // Comments may stand anywhere, also before the root object and after it (one grammar with the fixer).
            bool more;
            do more = _reader.Read();
            while (more && _reader.TokenType == JsonToken.Comment);
            if (!more)
            {
                _errors.Add(InputDescriptors.InvalidJson, Here(new SourcePosition(1, 1)), "the file is empty (expected an object such as { \"schemaVersion\": \"1.0\", … })");
                return null;
            }
            if (_reader.TokenType != JsonToken.StartObject)
            {
                TypeError(InputWords.TheDocument, InputWords.AnObject, Pos());
                return null;
            }
            ReadRoot();
            ApplyVersionDefaults();
            do more = _reader.Read();
            while (more && _reader.TokenType == JsonToken.Comment);
            if (more)
                _errors.Add(InputDescriptors.InvalidJson, Here(Pos()), "unexpected content after the end of the document");
            return _org;
        }
        catch (JsonReaderException ex)
        {
            var pos = new SourcePosition(Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition));
            if (ex.Message.Contains("MaxDepth", StringComparison.Ordinal))
                _errors.Add(InputDescriptors.LimitExceeded, Here(pos), $"the document nests deeper than {_options.MaxDepth} levels (the limit can be raised with ReaderOptions.MaxDepth)");
            else
                _errors.Add(InputDescriptors.InvalidJson, Here(pos), CleanMessage(ex.Message));
            return null;
        }
        catch (InputLimitException)
        {
            return null;
        }
        catch (InputRejectedException ex)
        {
            _errors.Add(ex.Descriptor, Here(ex.Position), ex.Message);
            return null;
        }
        catch (InsufficientExecutionStackException)
        {
            // Only reachable when ReaderOptions.MaxDepth is raised far above the default: nested policy exceptions
            // are read recursively, and the stack runs out before the depth limit does.
            _errors.Add(InputDescriptors.LimitExceeded, Here(Pos()), "the document nests too deeply for the available stack (lower ReaderOptions.MaxDepth)");
            return null;
        }
        catch (DecoderFallbackException ex)
        {
            _errors.Add(InputDescriptors.InvalidJson, Here(Pos()), "the file is not valid UTF-8 (" + ex.Message.TrimEnd('.') + ")");
            return null;
        }
    }

    // Newtonsoft appends "Path '…', line n, position m." — we report those ourselves.
    private static string CleanMessage(string message)
    {
        var i = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (i < 0) i = message.IndexOf(", line ", StringComparison.Ordinal);
        var m = (i > 0 ? message[..i] : message).Trim();
        // Newtonsoft quotes the offending token whole (a 500-digit number); keep the message readable.
        m = System.Text.RegularExpressions.Regex.Replace(m, @"\S{41,}", t => t.Value[..24] + "…");
        return m.TrimEnd('.');
    }

    // ---------------------------------------------------------------- root

    private void ReadRoot()
    {
        var start = Pos();
        var sawVersion = false;
        var firstLine = new SeenNames();
        while (NextProperty(out var name, out var namePos))
        {
            _path.Add(name);
            // A second "people": [...] would restart the entity indexes (and pointers) at 0.
            if (SkippedAsDuplicate(firstLine, name, namePos, "the document")) continue;
            // A collection written even empty is a statement ("there are none"); one left out is unknown.
            if (name is "units" or "people" or "roles" or "offerings" or "incentivePlans" or "targets" or "forecasts" or "meetings"
                or "approvalPolicies" or "handoffs" or "channels" or "toolRollouts" or "processes" or "recognitionPrograms"
                or "cultureStatements" or "decisionRights")
                _org.DescribedCollectionSet.Add(name);
            switch (name)
            {
                case "$schema": ReadString(name, namePos); break;
                case "schemaVersion":
                    sawVersion = true;
                    var v = ReadString(name, namePos);
                    NullForRequiredIfNull(name, namePos);
                    if (v != null)
                    {
                        _org.SchemaVersion = v;
                        if (!OrganizationSchema.SupportedVersions.Contains(v))
                            _errors.Add(InputDescriptors.UnsupportedSchemaVersion, Here(namePos), v, string.Join(", ", OrganizationSchema.SupportedVersions));
                    }
                    break;
                case "organization": ReadOrganizationHeader(namePos); break;
                case "units": ReadEntities(_org.UnitsList, "unit", ReadUnitProperty, namePos); break;
                case "people": ReadEntities(_org.PeopleList, "person", ReadPersonProperty, namePos); break;
                case "roles": ReadEntities(_org.RolesList, "role", ReadRoleProperty, namePos); break;
                case "offerings": ReadEntities(_org.OfferingsList, "offering", ReadOfferingProperty, namePos); break;
                case "incentivePlans": ReadEntities(_org.IncentivePlansList, "incentive plan", ReadIncentivePlanProperty, namePos, "type"); break;
                case "targets": ReadEntities(_org.TargetsList, "target", ReadTargetProperty, namePos, "level"); break;
                case "forecasts": ReadEntities(_org.ForecastsList, "forecast", ReadForecastProperty, namePos); break;
                case "meetings": ReadEntities(_org.MeetingsList, "meeting", ReadMeetingProperty, namePos, "purpose"); break;
                case "approvalPolicies": ReadEntities(_org.ApprovalPoliciesList, "approval policy", ReadPolicyProperty, namePos, "subject"); break;
                case "handoffs": ReadEntities(_org.HandoffsList, "hand-over", ReadHandoffProperty, namePos, "fromUnitId", "toUnitId"); break;
                case "channels": ReadEntities(_org.ChannelsList, "channel", ReadChannelProperty, namePos, "operatedBy"); break;
                case "toolRollouts": ReadEntities(_org.ToolRolloutsList, "tool roll-out", ReadRolloutProperty, namePos, "mode"); break;
                case "processes": ReadEntities(_org.ProcessesList, "process", ReadProcessProperty, namePos, "workType"); break;
                case "recognitionPrograms": ReadEntities(_org.RecognitionProgramsList, "recognition programme", ReadRecognitionProperty, namePos, "kind"); break;
                case "cultureStatements": ReadEntities(_org.CultureStatementsList, "culture statement", ReadCultureProperty, namePos, "text"); break;
                case "decisionRights": ReadEntities(_org.DecisionRightsList, "decision right", ReadDecisionRightProperty, namePos, "area"); break;
                case "suppressions": ReadSuppressions(namePos); break;
                default: UnknownProperty(name, "the document", namePos); break;
            }
            _path.RemoveAt(_path.Count - 1);
        }
        if (!sawVersion)
            _errors.Add(InputDescriptors.MissingRequired, Here(start), InputWords.TheDocumentSubject, "schemaVersion");
    }

    // 1.0 documents keep their meaning: the 1.0 schema documented "higherRank": true as the default of an
    // approval step. From 1.1 on a step that does not say is "not stated" (issue 10), never a higher rank.
    private void ApplyVersionDefaults()
    {
        if (_org.SchemaVersion != "1.0") return;
        foreach (var policy in _org.ApprovalPolicies)
            foreach (var step in policy.Steps)
                if (step.HigherRank is null)
                {
                    step.HigherRank = true;
                    step.HigherRankByVersionDefault = true;
                }
        // (1.0 thresholds had no higherRank: they stay "not stated".)
    }

    private void ReadOrganizationHeader(SourcePosition namePos)
    {
        if (!ExpectObject("organization", namePos)) return;
        while (NextProperty(out var name, out var pos))
        {
            _path.Add(name);
            switch (name)
            {
                case "name": _org.Name = ReadString(name, pos); break;
                case "asOf": _org.AsOf = ReadDate(name, pos, "a date like 2026-03-31"); break;
                default: UnknownProperty(name, "organization", pos); break;
            }
            _path.RemoveAt(_path.Count - 1);
        }
    }

    // A yyyy-MM-dd date; anything else is VT0008 at the value (null: not given or invalid).
    private DateOnly? ReadDate(string name, SourcePosition pos, string expected)
    {
        var text = ReadString(name, pos);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        _errors.Add(InputDescriptors.InvalidValue, Here(pos), name, text, InputWords.DateLike(expected));
        return null;
    }

    // ---------------------------------------------------------------- entities

    private delegate bool PropertyReader<in T>(T entity, string name, SourcePosition namePos);

    private void ReadEntities<T>(List<T> list, string what, PropertyReader<T> readProperty, SourcePosition namePos, params string[] required)
        where T : Entity, new()
    {
        if (!ExpectArray(PathText(), namePos)) return;
        var index = 0;
        // One path segment for the whole array, renumbered per element: a boxed index per entity is a million
        // objects at a million people.
        var segment = new ArrayIndex();
        while (NextElement())
        {
            segment.Value = index;
            _path.Add(segment);
            if (_reader.TokenType != JsonToken.StartObject)
            {
                TypeError(PathText(), InputWords.ObjectOne(what), Pos());
                SkipValue();
            }
            else
            {
                var entity = new T { Index = list.Count, Start = Pos() };
                var seen = required.Length == 0 ? null : new bool[required.Length];
                var hasId = false;
                _entityNames.Clear();
                while (NextProperty(out var name, out var pos))
                {
                    _path.Add(name);
                    if (SkippedAsDuplicate(_entityNames, name, pos, what, article: true)) continue;
                    if (name == "id")
                    {
                        var id = ReadString(name, pos);
                        if (id != null)
                        {
                            if (id.Length == 0) _errors.Add(InputDescriptors.InvalidValue, Here(pos), "id", "", InputWords.ANonEmptyString);
                            else
                            {
                                // People's own ids are not pooled: a million of them would only fill the
                                // pool; the references to them (managerId) are pooled among themselves.
                                entity.Id = entity is Person ? id : Intern(id);
                                hasId = true;
                            }
                        }
                        else if (_reader.TokenType == JsonToken.Null) NullForRequired(name, pos);
                        hasId = true; // a wrong type or null was reported already; don't report it missing too
                    }
                    else if (name == "name") entity.Name = ReadString(name, pos);
                    else if (name == "description" || name == "notes") ReadString(name, pos);
                    else if (!readProperty(entity, name, pos)) UnknownProperty(name, "a " + what, pos);
                    // Practices are few: remember where each property is, so a finding can point at the one that
                    // caused it. People and units can be millions; they keep only the positions they need.
                    else if (entity is not Person and not Unit) entity.SetPropertySpan(name, pos, Pos());
                    if (seen != null)
                        for (var i = 0; i < required.Length; i++)
                            if (required[i] == name)
                            {
                                seen[i] = true;
                                // null is not a value for a required property (e.g. "type": null); say so rather than accept a default
                                if (_reader.TokenType == JsonToken.Null) NullForRequired(name, pos);
                            }
                    _path.RemoveAt(_path.Count - 1);
                }
                entity.End = Pos();
                // The label (and its JSON Pointer) is only built when something is missing: a million
                // entities must not format a million pointers for nothing.
                InputPhrase? label = null;
                InputPhrase Label() => label ??= InputWords.Label(what, PathText());
                if (!hasId) _errors.Add(InputDescriptors.MissingRequired, Here(entity.Start), Label(), "id");
                if (seen != null)
                    for (var i = 0; i < required.Length; i++)
                        if (!seen[i]) _errors.Add(InputDescriptors.MissingRequired, Here(entity.Start), Label(), required[i]);
                // Entities with problems are still kept: later checks (duplicates, references) then see them too.
                entity.Index = index;
                list.Add(entity);
            }
            _path.RemoveAt(_path.Count - 1);
            index++;
        }
    }

    private bool ReadUnitProperty(Unit u, string name, SourcePosition pos)
    {
        switch (name)
        {
            // Positions are kept for the properties a practices file may refine an HR export's unit with.
            case "kind": u.Kind = ReadEnum(name, pos, u.Kind); u.SetPropertyPosition(name, pos); return true;
            case "function": u.Function = ReadEnum(name, pos, u.Function); u.SetPropertyPosition(name, pos); return true;
            case "parentId": u.ParentId = ReadId(name, pos); u.SetPropertyPosition(name, pos); return true;
            case "customerContact": u.CustomerContact = ReadNullableEnum<CustomerContact>(name, pos); u.SetPropertyPosition(name, pos); return true;
            case "sharedGoal": u.SharedGoal = ReadBool(name, pos); u.SetPropertyPosition(name, pos); return true;
            case "autonomy": u.Autonomy = ReadAutonomy(pos); u.SetPropertyPosition(name, pos); return true;
            default: return false;
        }
    }

    private Autonomy? ReadAutonomy(SourcePosition namePos)
    {
        if (!ExpectObject("autonomy", namePos)) return null;
        var a = new Autonomy();
        while (NextProperty(out var name, out var pos))
        {
            _path.Add(name);
            switch (name)
            {
                case "how": a.How = ReadBool(name, pos); break;
                case "what": a.What = ReadBool(name, pos); break;
                case "when": a.When = ReadBool(name, pos); break;
                case "withWhom": a.WithWhom = ReadBool(name, pos); break;
                default: UnknownProperty(name, "autonomy", pos); break;
            }
            _path.RemoveAt(_path.Count - 1);
        }
        return a;
    }

    private bool ReadPersonProperty(Person p, string name, SourcePosition pos)
    {
        switch (name)
        {
            case "unitId": p.UnitId = ReadId(name, pos, ref _lastUnitId); p.UnitIdPosition = pos; return true;
            case "managerId": p.ManagerId = ReadId(name, pos, ref _lastManagerId); p.ManagerIdPosition = pos; return true;
            case "roleIds": p.RoleIds = ReadIdArray(name, pos); p.RoleIdsPosition = pos; return true;
            default: return false;
        }
    }

    private bool ReadRoleProperty(Role r, string name, SourcePosition pos)
    {
        switch (name)
        {
            case "funnelStage": r.FunnelStage = ReadEnum(name, pos, r.FunnelStage); r.SetPropertyPosition(name, pos); return true;
            case "function": r.Function = ReadNullableEnum<BusinessFunction>(name, pos); r.SetPropertyPosition(name, pos); return true;
            default: return false;
        }
    }

    private bool ReadOfferingProperty(Offering o, string name, SourcePosition pos)
    {
        if (name != "funnel") return false;
        o.SetPropertyPosition(name, pos);
        if (!ExpectArray(name, pos)) return true;
        var i = 0;
        while (NextElement())
        {
            _path.Add(i++);
            if (ExpectObjectHere("a funnel step"))
            {
                var step = new FunnelStep { Position = Pos() };
                bool sawStage = false, sawUnit = false;
                while (NextProperty(out var n, out var p))
                {
                    _path.Add(n);
                    switch (n)
                    {
                        case "stage": step.Stage = ReadEnum(n, p, step.Stage); sawStage = true; NullForRequiredIfNull(n, p); break;
                        case "unitId": step.UnitId = ReadId(n, p) ?? ""; sawUnit = true; NullForRequiredIfNull(n, p); break;
                        default: UnknownProperty(n, "a funnel step", p); break;
                    }
                    _path.RemoveAt(_path.Count - 1);
                }
                if (!sawStage) _errors.Add(InputDescriptors.MissingRequired, Here(step.Position), InputWords.Label("funnel step", PathText()), "stage");
                if (!sawUnit) _errors.Add(InputDescriptors.MissingRequired, Here(step.Position), InputWords.Label("funnel step", PathText()), "unitId");
                o.FunnelList.Add(step);
            }
            _path.RemoveAt(_path.Count - 1);
        }
        return true;
    }

    private bool ReadIncentivePlanProperty(IncentivePlan e, string name, SourcePosition pos)
    {
        switch (name)
        {
            case "type": e.Type = ReadEnum(name, pos, e.Type); return true;
            case "level": e.Level = ReadNullableEnum<MeasurementLevel>(name, pos); return true;
            case "metric": e.Metric = ReadString(name, pos); return true;
            case "participants": e.Participants = ReadScope(e, name, pos); return true;
            case "rate": e.Rate = ReadNumber(name, pos, 0, 100); e.SetPropertyPosition(name, pos); return true;
            case "temporary": e.Temporary = ReadBool(name, pos); return true;
            case "period": e.Period = ReadString(name, pos); return true;
            case "distribution": e.Distribution = ReadNullableEnum<PayDistribution>(name, pos); return true;
            case "decidedBy": e.DecidedBy = ReadScope(e, name, pos); return true;
            default: return false;
        }
    }

    private bool ReadTargetProperty(Target e, string name, SourcePosition pos)
    {
        switch (name)
        {
            case "level": e.Level = ReadEnum(name, pos, e.Level); return true;
            case "metric": e.Metric = ReadString(name, pos); return true;
            case "period": e.Period = ReadString(name, pos); return true;
            case "appliesTo": e.AppliesTo = ReadScope(e, name, pos); return true;
            default: return false;
        }
    }

    private bool ReadForecastProperty(Forecast e, string name, SourcePosition pos)
    {
        switch (name)
        {
            case "ownerUnitId": e.OwnerUnitId = ReadId(name, pos); e.SetPropertyPosition(name, pos); return true;
            case "granularity": e.Granularity = ReadNullableEnum<ForecastGranularity>(name, pos); return true;
            case "cadence": e.Cadence = ReadNullableEnum<Cadence>(name, pos); return true;
            case "usedFor": e.UsedFor = ReadEnumArray<ForecastUse>(name, pos); return true;
            case "contributors": e.Contributors = ReadScope(e, name, pos); return true;
            default: return false;
        }
    }

    private bool ReadMeetingProperty(Meeting e, string name, SourcePosition pos)
    {
        switch (name)
        {
            case "purpose": e.Purpose = ReadEnum(name, pos, e.Purpose); return true;
            case "cadence": e.Cadence = ReadNullableEnum<Cadence>(name, pos); return true;
            case "chairUnitId": e.ChairUnitId = ReadId(name, pos); e.SetPropertyPosition(name, pos); return true;
            case "chairRoleId": e.ChairRoleId = ReadId(name, pos); e.SetPropertyPosition(name, pos); return true;
            case "chairPersonId": e.ChairPersonId = ReadId(name, pos); e.SetPropertyPosition(name, pos); return true;
            case "attendees": e.Attendees = ReadScope(e, name, pos); return true;
            default: return false;
        }
    }

    private bool ReadPolicyProperty(ApprovalPolicy e, string name, SourcePosition pos)
    {
        switch (name)
        {
            case "subject": e.Subject = ReadEnum(name, pos, e.Subject); return true;
            case "ownerUnitId": e.OwnerUnitId = ReadId(name, pos); e.SetPropertyPosition(name, pos); return true;
            case "appliesTo": e.AppliesTo = ReadScope(e, name, pos); return true;
            case "thresholds":
                e.SetPropertyPosition(name, pos);
                ReadObjectArray(name, pos, "a threshold", () =>
                {
                    var t = new ApprovalThreshold();
                    var sawAbove = false;
                    var start = Pos();
                    while (NextProperty(out var n, out var p))
                    {
                        _path.Add(n);
                        switch (n)
                        {
                            case "above": t.Above = ReadNumber(n, p, 0, double.MaxValue) ?? 0; sawAbove = true; NullForRequiredIfNull(n, p); break;
                            case "measure": t.Measure = ReadString(n, p); break;
                            default: if (!ReadApprovalProperty(t, n, p)) UnknownProperty(n, "a threshold", p); break;
                        }
                        _path.RemoveAt(_path.Count - 1);
                    }
                    if (!sawAbove) _errors.Add(InputDescriptors.MissingRequired, Here(start), InputWords.Label("threshold", PathText()), "above");
                    e.ThresholdsList.Add(t);
                });
                return true;
            case "steps":
                e.SetPropertyPosition(name, pos);
                ReadObjectArray(name, pos, "an approval step", () =>
                {
                    var s = new ApprovalStep();
                    var start = Pos();
                    while (NextProperty(out var n, out var p))
                    {
                        _path.Add(n);
                        if (!ReadApprovalProperty(s, n, p)) UnknownProperty(n, "an approval step", p);
                        else if (n == "approver") NullForRequiredIfNull(n, p);
                        _path.RemoveAt(_path.Count - 1);
                    }
                    // A step names its approver: in words (1.0), or (1.1) by unit, role or person.
                    if (s.Approver is null && s.UnitId is null && s.RoleId is null && s.PersonId is null)
                        _errors.Add(InputDescriptors.MissingRequired, Here(start), InputWords.Label("approval step", PathText()), "approver");
                    e.StepsList.Add(s);
                });
                return true;
            case "exceptions":
                e.SetPropertyPosition(name, pos);
                ReadExceptions(e.ExceptionsList, name, pos);
                return true;
            default: return false;
        }
    }

    // The approver of a threshold or a step: in words, by unit, or (1.1) by role or person, and whether they rank higher.
    private bool ReadApprovalProperty(Approval a, string n, SourcePosition p)
    {
        switch (n)
        {
            case "approver": a.Approver = ReadString(n, p); return true;
            case "unitId": a.UnitId = ReadId(n, p); return true;
            case "roleId": a.RoleId = ReadId(n, p); return true;
            case "personId": a.PersonId = ReadId(n, p); return true;
            case "higherRank": a.HigherRank = ReadBool(n, p); return true;
            default: return false;
        }
    }

    private void ReadExceptions(List<PolicyException> into, string name, SourcePosition pos)
    {
        // Exceptions nest freely and are read recursively: MaxDepth bounds the recursion, and this guards
        // against a MaxDepth set higher than the stack can take (becomes VT0010, never a stack overflow).
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        ReadObjectArray(name, pos, "an exception", () =>
        {
            var x = new PolicyException { Position = Pos() };
            while (NextProperty(out var n, out var p))
            {
                _path.Add(n);
                switch (n)
                {
                    case "description": x.Description = ReadString(n, p) ?? ""; break;
                    case "exceptions": ReadExceptions(x.ExceptionsList, n, p); break;
                    default: UnknownProperty(n, "an exception", p); break;
                }
                _path.RemoveAt(_path.Count - 1);
            }
            into.Add(x);
        });
    }

    private bool ReadHandoffProperty(Handoff e, string name, SourcePosition pos)
    {
        switch (name)
        {
            case "fromUnitId": e.FromUnitId = ReadId(name, pos) ?? ""; e.SetPropertyPosition(name, pos); return true;
            case "toUnitId": e.ToUnitId = ReadId(name, pos) ?? ""; e.SetPropertyPosition(name, pos); return true;
            case "artifact": e.Artifact = ReadString(name, pos); return true;
            case "offeringId": e.OfferingId = ReadId(name, pos); e.SetPropertyPosition(name, pos); return true;
            default: return false;
        }
    }

    private bool ReadChannelProperty(Channel e, string name, SourcePosition pos)
    {
        switch (name)
        {
            case "kind": e.Kind = ReadNullableEnum<ChannelKind>(name, pos); return true;
            case "operatedBy": e.OperatedBy = ReadEnum(name, pos, e.OperatedBy); return true;
            case "ownerUnitId": e.OwnerUnitId = ReadId(name, pos); e.SetPropertyPosition(name, pos); return true;
            case "agency": ReadString(name, pos); return true;
            default: return false;
        }
    }

    private bool ReadRolloutProperty(ToolRollout e, string name, SourcePosition pos)
    {
        switch (name)
        {
            case "tool": e.Tool = ReadString(name, pos); return true;
            case "mode": e.Mode = ReadEnum(name, pos, e.Mode); return true;
            case "mandatedByUnitId": e.MandatedByUnitId = ReadId(name, pos); e.SetPropertyPosition(name, pos); return true;
            case "usedByUnitIds": e.UsedByUnitIds = ReadIdArray(name, pos); e.SetPropertyPosition(name, pos); return true;
            default: return false;
        }
    }

    private bool ReadProcessProperty(WorkProcess e, string name, SourcePosition pos)
    {
        switch (name)
        {
            case "workType": e.WorkType = ReadEnum(name, pos, e.WorkType); return true;
            case "mandatory": e.Mandatory = ReadBool(name, pos) ?? false; return true;
            case "steps": e.Steps = (int)(ReadNumber(name, pos, 0, 100_000, integer: true) ?? 0); return true;
            case "automation": e.Automation = ReadNullableEnum<Automation>(name, pos); return true;
            case "performedByUnitId": e.PerformedByUnitId = ReadId(name, pos); e.SetPropertyPosition(name, pos); return true;
            case "ownerUnitId": e.OwnerUnitId = ReadId(name, pos); e.SetPropertyPosition(name, pos); return true;
            case "effort": e.Effort = ReadEffort(pos); return true;
            default: return false;
        }
    }

    private bool ReadRecognitionProperty(RecognitionProgram e, string name, SourcePosition pos)
    {
        switch (name)
        {
            case "kind": e.Kind = ReadEnum(name, pos, e.Kind); return true;
            case "level": e.Level = ReadEnum(name, pos, e.Level); return true;
            case "participants": e.Participants = ReadScope(e, name, pos); return true;
            case "prize": e.Prize = ReadString(name, pos); return true;
            default: return false;
        }
    }

    private ProcessEffort? ReadEffort(SourcePosition namePos)
    {
        if (!ExpectObject("effort", namePos)) return null;
        var effort = new ProcessEffort();
        while (NextProperty(out var name, out var pos))
        {
            _path.Add(name);
            switch (name)
            {
                case "people": effort.People = (int?)ReadNumber(name, pos, 0, 10_000_000, integer: true); break;
                case "percent": effort.Percent = ReadNumber(name, pos, 0, 100); break;
                default: UnknownProperty(name, "effort", pos); break;
            }
            _path.RemoveAt(_path.Count - 1);
        }
        return effort;
    }

    private bool ReadCultureProperty(CultureStatement e, string name, SourcePosition pos)
    {
        switch (name)
        {
            case "text": e.Text = ReadString(name, pos) ?? ""; return true;
            case "source": e.Source = ReadString(name, pos); return true;
            default: return false;
        }
    }

    private bool ReadDecisionRightProperty(DecisionRight e, string name, SourcePosition pos)
    {
        switch (name)
        {
            case "area": e.Area = ReadString(name, pos) ?? ""; return true;
            case "ownerUnitIds": e.OwnerUnitIds = ReadIdArray(name, pos); e.SetPropertyPosition(name, pos); return true;
            case "requiresApprovalFromUnitIds": e.RequiresApprovalFromUnitIds = ReadIdArray(name, pos); e.SetPropertyPosition(name, pos); return true;
            case "governedByPolicyIds": e.GovernedByPolicyIds = ReadIdArray(name, pos); e.SetPropertyPosition(name, pos); return true;
            case "ownerRoleIds": e.OwnerRoleIds = ReadIdArray(name, pos); e.SetPropertyPosition(name, pos); return true;
            case "ownerPersonIds": e.OwnerPersonIds = ReadIdArray(name, pos); e.SetPropertyPosition(name, pos); return true;
            case "governedByProcessIds": e.GovernedByProcessIds = ReadIdArray(name, pos); e.SetPropertyPosition(name, pos); return true;
            default: return false;
        }
    }

    private Scope ReadScope(Entity owner, string name, SourcePosition namePos)
    {
        owner.SetPropertyPosition(name, namePos);
        var scope = new Scope();
        if (!ExpectObject(name, namePos)) return scope;
        while (NextProperty(out var n, out var p))
        {
            _path.Add(n);
            switch (n)
            {
                case "everyone": scope.Everyone = ReadBool(n, p) ?? false; break;
                case "unitIds": scope.UnitIds = ReadIdArray(n, p); break;
                case "roleIds": scope.RoleIds = ReadIdArray(n, p); break;
                case "personIds": scope.PersonIds = ReadIdArray(n, p); break;
                default: UnknownProperty(n, name, p); break;
            }
            _path.RemoveAt(_path.Count - 1);
        }
        return scope;
    }

    private void ReadSuppressions(SourcePosition namePos)
    {
        ReadObjectArray("suppressions", namePos, "a suppression", () =>
        {
            var s = new SuppressionEntry { Position = Pos(), FilePath = _filePath, Pointer = PathText() };
            bool sawRule = false, sawJustification = false;
            while (NextProperty(out var n, out var p))
            {
                _path.Add(n);
                switch (n)
                {
                    case "ruleId": s.RuleId = ReadString(n, p) ?? ""; sawRule = true; NullForRequiredIfNull(n, p); break;
                    case "target": s.Target = ReadString(n, p) ?? ""; break;
                    case "justification":
                        s.Justification = ReadString(n, p) ?? "";
                        sawJustification = true;
                        if (_reader.TokenType == JsonToken.Null) NullForRequired(n, p);
                        else if (string.IsNullOrWhiteSpace(s.Justification))
                            _errors.Add(InputDescriptors.InvalidValue, Here(p), n, s.Justification, InputWords.ANonEmptyJustification);
                        break;
                    case "owner": s.Owner = ReadString(n, p); break;
                    case "expires": s.Expires = ReadDate(n, p, "a date like 2027-03-31"); break;
                    default: UnknownProperty(n, "a suppression", p); break;
                }
                _path.RemoveAt(_path.Count - 1);
            }
            if (!sawRule) _errors.Add(InputDescriptors.MissingRequired, Here(s.Position), InputWords.Label("suppression", s.Pointer), "ruleId");
            if (!sawJustification) _errors.Add(InputDescriptors.MissingRequired, Here(s.Position), InputWords.Label("suppression", s.Pointer), "justification");
            _org.SuppressionsList.Add(s);
        });
    }

    // ---------------------------------------------------------------- value readers

    private string? ReadString(string name, SourcePosition namePos)
    {
        Advance();
        switch (_reader.TokenType)
        {
            case JsonToken.String:
                var s = (string)_reader.Value!;
                if (s.Length > _options.MaxStringLength)
                {
                    _errors.Add(InputDescriptors.LimitExceeded, Here(namePos),
                        $"'{name}' is {s.Length:N0} characters long; the limit is {_options.MaxStringLength:N0} (ReaderOptions.MaxStringLength)");
                    return null;
                }
                return s;
            case JsonToken.Null: return null;
            // YAML reads an unquoted 1.1 or true as a number or a boolean; where the schema wants text, the text is meant.
            case JsonToken.Integer or JsonToken.Float or JsonToken.Boolean when _yaml?.PlainText is { } plain:
                return plain;
            default:
                TypeError(name, InputWords.AString, namePos);
                SkipValue();
                return null;
        }
    }

    private string? ReadId(string name, SourcePosition namePos)
    {
        var s = ReadString(name, namePos);
        return s is null ? null : Intern(s);
    }

    // People are written unit by unit, team members one after the other: most people name the unit and the
    // manager the person before them named, and comparing with that is cheaper than a look-up in the pool of all ids.
    private string? _lastUnitId;
    private string? _lastManagerId;

    private string? ReadId(string name, SourcePosition namePos, ref string? last)
    {
        var s = ReadString(name, namePos);
        if (s is null) return null;
        if (last != null && string.Equals(s, last, StringComparison.Ordinal)) return last;
        return last = Intern(s);
    }

    private string Intern(string s)
    {
        if (_idPool.TryGetValue(s, out var pooled)) return pooled;
        _idPool[s] = s;
        return s;
    }

    private bool? ReadBool(string name, SourcePosition namePos)
    {
        Advance();
        switch (_reader.TokenType)
        {
            case JsonToken.Boolean: return (bool)_reader.Value!;
            case JsonToken.Null: return null;
            default:
                TypeError(name, InputWords.TrueOrFalse, namePos);
                SkipValue();
                return null;
        }
    }

    private double? ReadNumber(string name, SourcePosition namePos, double min, double max, bool integer = false)
    {
        Advance();
        double value;
        switch (_reader.TokenType)
        {
            case JsonToken.Integer:
                value = _reader.Value switch { long l => l, System.Numerics.BigInteger b => (double)b, var o => Convert.ToDouble(o, CultureInfo.InvariantCulture) };
                break;
            case JsonToken.Float:
                value = _reader.Value is double d ? d : Convert.ToDouble(_reader.Value, CultureInfo.InvariantCulture);
                break;
            case JsonToken.Null: return null;
            default:
                TypeError(name, integer ? InputWords.AWholeNumber : InputWords.ANumber, namePos);
                SkipValue();
                return null;
        }
        var ok = !double.IsNaN(value) && !double.IsInfinity(value) && value >= min && value <= max && (!integer || Math.Floor(value) == value);
        if (!ok)
        {
            _errors.Add(InputDescriptors.InvalidValue, Here(namePos), name, value.ToString(CultureInfo.InvariantCulture),
                InputWords.NumberRange(integer, min, max));
            return null;
        }
        return value;
    }

    private TEnum ReadEnum<TEnum>(string name, SourcePosition namePos, TEnum fallback) where TEnum : struct, Enum
        => ReadNullableEnum<TEnum>(name, namePos) ?? fallback;

    private TEnum? ReadNullableEnum<TEnum>(string name, SourcePosition namePos) where TEnum : struct, Enum
    {
        var text = ReadString(name, namePos);
        if (text is null) return null;
        if (EnumNames<TEnum>.TryParse(text, out var value)) return value;
        _errors.Add(InputDescriptors.InvalidValue, Here(namePos), name, text, InputWords.OneOf(EnumNames<TEnum>.List));
        return null;
    }

    private TEnum[] ReadEnumArray<TEnum>(string name, SourcePosition namePos) where TEnum : struct, Enum
    {
        if (!ExpectArray(name, namePos)) return Array.Empty<TEnum>();
        var list = new List<TEnum>();
        var i = 0;
        while (NextElement())
        {
            _path.Add(i++);
            if (_reader.TokenType == JsonToken.String)
            {
                var text = (string)_reader.Value!;
                if (EnumNames<TEnum>.TryParse(text, out var v)) list.Add(v);
                else _errors.Add(InputDescriptors.InvalidValue, Here(namePos), PathText(), text, InputWords.OneOf(EnumNames<TEnum>.List));
            }
            else
            {
                TypeError(PathText(), InputWords.AString, namePos);
                SkipValue();
            }
            _path.RemoveAt(_path.Count - 1);
        }
        return list.ToArray();
    }

    private string[] ReadIdArray(string name, SourcePosition namePos)
    {
        if (!ExpectArray(name, namePos)) return Array.Empty<string>();
        // One scratch list for every id array (a million people's roleIds): only the exact-size result is allocated.
        var list = _scratchIds;
        list.Clear();
        var i = 0;
        while (NextElement())
        {
            _path.Add(Box(i++));
            // Not interned yet: a list equal to a recent one is that one (see Recent).
            if (_reader.TokenType == JsonToken.String) list.Add((string)_reader.Value!);
            else if (_reader.TokenType is JsonToken.Integer or JsonToken.Float && _yaml?.PlainText is { } plain) list.Add(plain); // YAML: - 42
            else
            {
                TypeError(PathText(), InputWords.AStringId, namePos);
                SkipValue();
            }
            _path.RemoveAt(_path.Count - 1);
        }
        if (list.Count == 0) return Array.Empty<string>();
        if (Recent(list) is { } recent) return recent;
        for (var k = 0; k < list.Count; k++) list[k] = Intern(list[k]);
        return _recentIdArrays[_nextRecent++ % _recentIdArrays.Length] = Shared(list);
    }

    // The last few id arrays read: neighbours in a file mostly repeat one of them (people of a team: the same
    // roles, sometimes in another order), and comparing a few short lists is cheaper than interning each id.
    private readonly string[]?[] _recentIdArrays = new string[]?[4];
    private int _nextRecent;

    private string[]? Recent(List<string> ids)
    {
        foreach (var known in _recentIdArrays)
        {
            if (known is null || known.Length != ids.Count) continue;
            var same = true;
            for (var i = 0; i < known.Length && same; i++) same = string.Equals(known[i], ids[i], StringComparison.Ordinal);
            if (same) return known;
        }
        return null;
    }

    private readonly List<string> _scratchIds = new(8);
    private readonly Dictionary<int, string[]> _idArrays = new();

    // A million people hold a few hundred distinct role lists: equal id arrays are one array (the model's lists are
    // read-only). The ids are interned, so equal lists hold the same string objects and compare by reference.
    private string[] Shared(List<string> ids)
    {
        var hash = new HashCode();
        foreach (var id in ids) hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(id));
        var key = hash.ToHashCode();
        if (_idArrays.TryGetValue(key, out var known) && known.Length == ids.Count)
        {
            var same = true;
            for (var i = 0; i < known.Length && same; i++) same = ReferenceEquals(known[i], ids[i]);
            if (same) return known;
        }
        var array = ids.ToArray();
        if (_idArrays.Count < 1 << 16) _idArrays.TryAdd(key, array); // bounded; on a hash collision the first one stays
        return array;
    }

    // Array indices in the path are boxed; the small ones (almost all of them) come from a cache.
    private static readonly object[] SmallIndices = Enumerable.Range(0, 64).Select(i => (object)i).ToArray();

    private static object Box(int i) => (uint)i < (uint)SmallIndices.Length ? SmallIndices[i] : i;

    private void ReadObjectArray(string name, SourcePosition namePos, string what, Action readObjectBody)
    {
        if (!ExpectArray(name, namePos)) return;
        var i = 0;
        while (NextElement())
        {
            _path.Add(i++);
            if (ExpectObjectHere(what)) readObjectBody();
            _path.RemoveAt(_path.Count - 1);
        }
    }

    // ---------------------------------------------------------------- token helpers

    private void Advance()
    {
        do
        {
            if (!_reader.Read()) throw ReaderError("Unexpected end of the document");
        }
        while (_reader.TokenType == JsonToken.Comment); // comments (a Newtonsoft extension) may stand anywhere
        // Newtonsoft also reads JavaScript constructors (new Date(1)); they are not JSON.
        if (_reader.TokenType is JsonToken.StartConstructor or JsonToken.EndConstructor)
            throw ReaderError("a JavaScript constructor ('new …(…)') is not JSON");
    }

    private JsonReaderException ReaderError(string message)
        => new(message, _reader.Path, _lineInfo.LineNumber, _lineInfo.LinePosition, null);

    /// <summary>Moves to the next property of the current object; false at its end.</summary>
    private bool NextProperty(out string name, out SourcePosition position)
    {
        Advance();
        while (_reader.TokenType == JsonToken.Comment) Advance();
        if (_reader.TokenType == JsonToken.EndObject)
        {
            name = "";
            position = default;
            return false;
        }
        if (_reader.TokenType != JsonToken.PropertyName || _reader.Value is not string propertyName)
            throw ReaderError("expected a property name");
        name = propertyName;
        // The JSON reader stands on the colon; the name starts name.Length + 2 columns before it. YAML knows the key's start.
        position = _yaml?.TokenStart ?? new SourcePosition(_lineInfo.LineNumber, Math.Max(1, _lineInfo.LinePosition - name.Length - 2));
        return true;
    }

    /// <summary>Moves to the next element of the current array; false at its end.</summary>
    private bool NextElement()
    {
        Advance();
        while (_reader.TokenType == JsonToken.Comment) Advance();
        // Newtonsoft reads "[1,,2]" as an undefined element; JSON has no such thing.
        while (_reader.TokenType == JsonToken.Undefined)
        {
            _errors.Add(InputDescriptors.InvalidJson, Here(Pos()), "a value is missing (two commas in a row)");
            Advance();
        }
        return _reader.TokenType != JsonToken.EndArray;
    }

    private bool ExpectArray(string name, SourcePosition namePos)
    {
        Advance();
        if (_reader.TokenType == JsonToken.StartArray) return true;
        if (_reader.TokenType != JsonToken.Null) TypeError(name, InputWords.AnArray, namePos);
        SkipValue();
        return false;
    }

    private bool ExpectObject(string name, SourcePosition namePos)
    {
        Advance();
        if (_reader.TokenType == JsonToken.StartObject) return true;
        if (_reader.TokenType != JsonToken.Null) TypeError(name, InputWords.AnObject, namePos);
        SkipValue();
        return false;
    }

    private bool ExpectObjectHere(string what)
    {
        if (_reader.TokenType == JsonToken.StartObject) return true;
        TypeError(PathText(), InputWords.ObjectAs(what), Pos());
        SkipValue();
        return false;
    }

    private void SkipValue()
    {
        if (_reader.TokenType is JsonToken.StartObject or JsonToken.StartArray) _reader.Skip();
    }

    /// <summary>A required property given as null: a type error (null is not a value for it), not a silent default.</summary>
    private void NullForRequired(string name, SourcePosition at)
        => _errors.Add(InputDescriptors.UnexpectedType, Here(at), name, InputWords.ARequiredValue, InputWords.Found(JsonToken.Null));

    private void NullForRequiredIfNull(string name, SourcePosition at)
    {
        if (_reader.TokenType == JsonToken.Null) NullForRequired(name, at);
    }

    private void TypeError(object name, InputPhrase expected, SourcePosition at)
        => _errors.Add(InputDescriptors.UnexpectedType, Here(at), name, expected, InputWords.Found(_reader.TokenType));

    /// <summary>
    /// JSON leaves duplicate names undefined: a second property of the same name is reported (VT0008, with the line of
    /// the first) and skipped, never merged or silently "last one wins". True when it was skipped (the path popped).
    /// </summary>
    private bool SkippedAsDuplicate(SeenNames seen, string name, SourcePosition at, string where, bool article = false)
    {
        if (seen.TryAdd(name, at.Line, out var firstLine)) return false;
        // The article is added only here, on the error path (no string per property read).
        _errors.Add(InputDescriptors.InvalidValue, Here(at), name, InputWords.ASecond(name), InputWords.Once(name, article ? "a " + where : where, firstLine));
        Advance();
        SkipValue();
        _path.RemoveAt(_path.Count - 1);
        return true;
    }

    private void UnknownProperty(string name, string where, SourcePosition at)
    {
        _errors.Add(InputDescriptors.UnknownProperty, Here(at), name, InputWords.Where(where));
        Advance();
        SkipValue();
    }

    private SourcePosition Pos() => new(Math.Max(1, _lineInfo.LineNumber), Math.Max(1, _lineInfo.LinePosition));

    private string PathText() => JsonPointer.Format(_path);

    private Location Here(SourcePosition pos)
        => new(_filePath, PathText(), new LineSpan(pos.Line, pos.Column, pos.Line, pos.Column));
}

/// <summary>
/// The property names of one object seen so far, with the line of each (for "once in … (the first is at line n)").
/// An entity has a handful of properties: a linear search over them is cheaper than a dictionary per entity
/// (a million people, four properties each); an object with very many properties switches to a dictionary, so a
/// hostile one stays linear.
/// </summary>
/// <summary>The index segment of a JSON path that is renumbered for each element of the array it stands for.</summary>
internal sealed class ArrayIndex
{
    public int Value;

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed class SeenNames
{
    private const int Few = 16;
    private readonly List<(string Name, int Line)> _few = new(Few);
    private Dictionary<string, int>? _many;

    public void Clear()
    {
        _few.Clear();
        _many = null;
    }

    /// <summary>Adds <paramref name="name"/>; false (and the line of the first) when it was seen already.</summary>
    public bool TryAdd(string name, int line, out int firstLine)
    {
        if (_many != null)
        {
            if (_many.TryAdd(name, line)) { firstLine = 0; return true; }
            firstLine = _many[name];
            return false;
        }
        foreach (var (seen, at) in _few)
            if (string.Equals(seen, name, StringComparison.Ordinal)) { firstLine = at; return false; }
        if (_few.Count < Few) _few.Add((name, line));
        else
        {
            _many = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (seen, at) in _few) _many[seen] = at;
            _many[name] = line;
        }
        firstLine = 0;
        return true;
    }
}
