using Vertrieb40.Rules.Reading.Json;

namespace Vertrieb40.Rules.Reading.Yaml;

/// <summary>
/// Wires a YAML document into the organisation parser: the text passes the guard (size, huge scalars, UTF-8),
/// YamlDotNet's event parser turns it into tokens, and the same parser as for JSON checks and builds the model.
/// </summary>
internal static class YamlDocumentReader
{
    /// <summary>Alias expansion and anchor recording are bounded by this many YAML nodes per document.</summary>
    internal const long AliasBudget = 100_000;

    public static JsonOrganizationParser Parser(TextReader text, string? filePath, ReaderOptions options, InputErrors errors, CountingUtf8Fallback? invalidUtf8)
    {
        var guard = new YamlGuardedTextReader(text, options, invalidUtf8);
        var tokens = new YamlTokenReader(guard, AliasBudget) { Progress = guard.Progress };
        return new JsonOrganizationParser(tokens, filePath, options, errors);
    }
}
