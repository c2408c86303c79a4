using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Vertrieb40.Rules.Fixes;

internal sealed partial class DocumentNode
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
                root = YamlNode(parser, new Tree(text), null, null, 0);
            }
            return root ?? throw new FormatException("(1,1): the document is empty");
        }
        catch (YamlException ex)
        {
            throw new FormatException($"({ex.Start.Line},{ex.Start.Column}): {ex.Message}");
        }
    }

    // The parser stands on the node's first event; on return it stands on the node's last event. YAML nodes are
    // built whole (children and values set here), so the JSON tree's lazy paths never read YAML text as JSON.
    private static DocumentNode YamlNode(IParser parser, Tree tree, DocumentNode? parent, string? name, int nameStartOrIndex)
    {
        switch (parser.Current)
        {
            case MappingStart m:
                {
                    var node = new DocumentNode(tree, DocumentNodeKind.Object, (int)m.Start.Index, (int)m.End.Index, parent, name, nameStartOrIndex)
                    { IsBlock = m.Style != MappingStyle.Flow, _children = new List<DocumentNode>() };
                    while (parser.MoveNext() && parser.Current is not MappingEnd)
                    {
                        var key = parser.Current as Scalar ?? throw new FormatException($"({parser.Current!.Start.Line},{parser.Current.Start.Column}): a property name must be plain text");
                        parser.MoveNext();
                        node._children.Add(YamlNode(parser, tree, node, node.Intern(key.Value), (int)key.Start.Index));
                    }
                    node.End = node.IsBlock && node._children.Count > 0 ? node._children[^1].End : (int)parser.Current!.End.Index;
                    return node;
                }
            case SequenceStart s:
                {
                    var node = new DocumentNode(tree, DocumentNodeKind.Array, (int)s.Start.Index, (int)s.End.Index, parent, name, nameStartOrIndex)
                    { IsBlock = s.Style != SequenceStyle.Flow, _children = new List<DocumentNode>() };
                    while (parser.MoveNext() && parser.Current is not SequenceEnd)
                        node._children.Add(YamlNode(parser, tree, node, null, node._children.Count));
                    node.End = node.IsBlock && node._children.Count > 0 ? node._children[^1].End : (int)parser.Current!.End.Index;
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
                    return new DocumentNode(tree, kind, (int)scalar.Start.Index, (int)scalar.End.Index, parent, name, nameStartOrIndex) { _value = value };
                }
            case AnchorAlias alias:
                return new DocumentNode(tree, DocumentNodeKind.Null, (int)alias.Start.Index, (int)alias.End.Index, parent, name, nameStartOrIndex) { _value = "null" };
            default:
                throw new FormatException($"({parser.Current?.Start.Line},{parser.Current?.Start.Column}): unexpected YAML content");
        }
    }
}
