using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HakuWinay.Contests.Text;

/// <summary>
/// Markdown as a person reads it in a plain-text email: no markup, and every link keeps its
/// address ("texto (https://...)"), because a set-password or receipt link that only shows its
/// words is useless in a mail client without HTML. Markdig's own plain-text output drops link
/// addresses and HTML-escapes autolinks, which loses the '&amp;' of query strings.
/// </summary>
internal static class MarkdownPlainText
{
    public static string Render(MarkdownDocument document)
    {
        var text = new StringBuilder();
        WriteBlocks(text, document, indent: "");
        return text.ToString().Trim();
    }

    private static void WriteBlocks(StringBuilder text, ContainerBlock container, string indent)
    {
        foreach (var block in container)
        {
            WriteBlock(text, block, indent);
        }
    }

    private static void WriteBlock(StringBuilder text, Block block, string indent)
    {
        switch (block)
        {
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var bullet = list.IsOrdered ? $"{number++}. " : "- ";
                    var body = new StringBuilder();
                    WriteBlocks(body, item, "");
                    var lines = body.ToString().Trim().Split('\n');
                    text.Append(indent).Append(bullet).Append(lines[0]).Append('\n');
                    foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
                    {
                        text.Append(indent).Append(' ', bullet.Length).Append(line).Append('\n');
                    }
                }
                text.Append('\n');
                break;
            case QuoteBlock quote:
                var quoted = new StringBuilder();
                WriteBlocks(quoted, quote, "");
                foreach (var line in quoted.ToString().Trim().Split('\n'))
                {
                    text.Append(indent).Append("> ").Append(line).Append('\n');
                }
                text.Append('\n');
                break;
            case Table table:
                foreach (var row in table.OfType<TableRow>())
                {
                    var cells = row.OfType<TableCell>().Select(cell =>
                    {
                        var content = new StringBuilder();
                        WriteBlocks(content, cell, "");
                        return content.ToString().Trim();
                    });
                    text.Append(indent).Append(string.Join(" | ", cells)).Append('\n');
                }
                text.Append('\n');
                break;
            case CodeBlock code:
                // An empty code block (a fence with nothing inside) has no line array at all.
                for (var i = 0; i < code.Lines.Count; i++)
                {
                    text.Append(indent).Append(code.Lines.Lines[i].ToString()).Append('\n');
                }
                text.Append('\n');
                break;
            case ThematicBreakBlock:
                text.Append(indent).Append("----\n\n");
                break;
            case LeafBlock { Inline: { } inline }:
                text.Append(indent);
                WriteInlines(text, inline);
                text.Append("\n\n");
                break;
            case ContainerBlock nested:
                WriteBlocks(text, nested, indent);
                break;
        }
    }

    private static void WriteInlines(StringBuilder text, ContainerInline container)
    {
        foreach (var inline in container)
        {
            WriteInline(text, inline);
        }
    }

    private static void WriteInline(StringBuilder text, Inline inline)
    {
        switch (inline)
        {
            case LinkInline link:
                var label = new StringBuilder();
                WriteInlines(label, link);
                var url = link.GetDynamicUrl?.Invoke() ?? link.Url ?? "";
                if (!MarkdownRenderer.IsSafeUrl(url))
                {
                    url = "";
                }
                var words = label.ToString();
                if (string.IsNullOrEmpty(url) || url == "#" || words == url)
                {
                    text.Append(words.Length > 0 ? words : url);
                }
                else
                {
                    text.Append(words).Append(" (").Append(url).Append(')');
                }
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case LineBreakInline:
                text.Append('\n');
                break;
            case TaskList task:
                text.Append(task.Checked ? "[x] " : "[ ] ");
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case HtmlInline html:
                // Raw HTML is disabled for rendering; in plain text it is just the characters typed.
                text.Append(html.Tag);
                break;
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case ContainerInline nested:
                WriteInlines(text, nested);
                break;
        }
    }
}
