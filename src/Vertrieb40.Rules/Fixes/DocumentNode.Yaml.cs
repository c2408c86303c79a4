using System.Globalization;
using Vertrieb40.Rules.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Vertrieb40.Rules.Fixes;

public sealed partial class DocumentNode
{
    /// <summary>
    /// Parses a YAML document into nodes with exact offsets, so that a fix edits a YAML file in place and keeps its
    /// comments, quoting and layout. Only documents that read without errors get here (the reader checked tags,
    /// aliases and limits); aliases are not expanded (a fix never edits through one).
    /// Throws <see cref="FormatException"/> with line and column on text that is not YAML.
    /// </summary>
    internal static DocumentNode ParseYaml(string text)
    {
        var parser = new YamlDotNet.Core.Parser(new Scanner(new StringReader(text), skipComments: true));
        try
        {
            DocumentNode? root = null;
            while (parser.MoveNext())
            {
                if (parser.Current is StreamStart or DocumentStart) continue;
                if (parser.Current is DocumentEnd or StreamEnd) break;
                root = YamlNode(parser, "", null);
            }
            return root ?? throw new FormatException("(1,1): the document is empty");
        }
        catch (YamlException ex)
        {
            throw new FormatException($"({ex.Start.Line},{ex.Start.Column}): {ex.Message}");
        }
    }

    // The parser stands on the node's first event; on return it stands on the node's last event.
    private static DocumentNode YamlNode(IParser parser, string pointer, DocumentNode? parent)
    {
        switch (parser.Current)
        {
            case MappingStart m:
            {
                var node = new DocumentNode(DocumentNodeKind.Object, pointer, (int)m.Start.Index, parent) { IsBlock = m.Style != MappingStyle.Flow };
                while (parser.MoveNext() && parser.Current is not MappingEnd)
                {
                    var key = parser.Current as Scalar ?? throw new FormatException($"({parser.Current!.Start.Line},{parser.Current.Start.Column}): a property name must be plain text");
                    parser.MoveNext();
                    var value = YamlNode(parser, pointer + "/" + JsonPointer.Escape(key.Value), node);
                    node._properties.Add((key.Value, (int)key.Start.Index, value));
                }
                node.End = node.IsBlock && node._properties.Count > 0 ? node._properties[^1].Value.End : (int)parser.Current!.End.Index;
                return node;
            }
            case SequenceStart s:
            {
                var node = new DocumentNode(DocumentNodeKind.Array, pointer, (int)s.Start.Index, parent) { IsBlock = s.Style != SequenceStyle.Flow };
                while (parser.MoveNext() && parser.Current is not SequenceEnd)
                    node._items.Add(YamlNode(parser, pointer + "/" + node._items.Count.ToString(CultureInfo.InvariantCulture), node));
                node.End = node.IsBlock && node._items.Count > 0 ? node._items[^1].End : (int)parser.Current!.End.Index;
                return node;
            }
            case Scalar scalar:
            {
                var plain = scalar.Style == ScalarStyle.Plain;
                var kind = !plain ? DocumentNodeKind.String : scalar.Value switch
                {
                    "" or "~" or "null" or "Null" or "NULL" => DocumentNodeKind.Null,
                    "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => DocumentNodeKind.Boolean,
                    _ => DocumentNodeKind.String, // as the reader does where the schema wants text (ids, names)
                };
                var value = kind == DocumentNodeKind.Boolean ? scalar.Value.ToLowerInvariant() : scalar.Value;
                var node = new DocumentNode(kind, pointer, (int)scalar.Start.Index, parent) { Value = value };
                node.End = (int)scalar.End.Index;
                return node;
            }
            case AnchorAlias alias:
                return new DocumentNode(DocumentNodeKind.Null, pointer, (int)alias.Start.Index, parent) { End = (int)alias.End.Index };
            default:
                throw new FormatException($"({parser.Current?.Start.Line},{parser.Current?.Start.Column}): unexpected YAML content");
        }
    }
}
