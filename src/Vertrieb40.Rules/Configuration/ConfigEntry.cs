namespace Vertrieb40.Rules.Configuration;

/// <summary>One <c>key = value</c> line of a configuration file, with where it was written.</summary>
/// <param name="Key">The key as written (trimmed).</param>
/// <param name="Value">The value as written (trimmed; a trailing comment removed).</param>
/// <param name="FilePath">The configuration file.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column of the key.</param>
/// <param name="ValueColumn">The 1-based column of the value.</param>
internal sealed record ConfigEntry(string Key, string Value, string? FilePath, int Line, int Column, int ValueColumn);
