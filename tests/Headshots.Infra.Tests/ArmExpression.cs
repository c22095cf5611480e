using System.Globalization;

namespace Headshots.Infra.Tests;

/// <summary>
/// A parsed ARM template language expression (the text between the outer brackets of a "[...]" string):
/// literals, function calls, property access and indexing — the whole grammar bicep emits.
/// </summary>
internal abstract record ArmNode;

/// <summary>A string (quotes doubled inside) or an integer.</summary>
internal sealed record ArmLiteral(object Value) : ArmNode;

internal sealed record ArmCall(string Name, IReadOnlyList<ArmNode> Arguments) : ArmNode;

internal sealed record ArmMember(ArmNode Target, string Name) : ArmNode;

internal sealed record ArmIndex(ArmNode Target, ArmNode Index) : ArmNode;

internal static class ArmExpression
{
    /// <summary>Whether a JSON string is an expression: "[...]", but not "[[...", which is a literal starting with "[".</summary>
    public static bool IsExpression(string text) =>
        text.Length >= 2 && text[0] == '[' && text[^1] == ']' && !text.StartsWith("[[", StringComparison.Ordinal);

    /// <summary>A literal JSON string with ARM's "[[" escape undone.</summary>
    public static string Unescape(string text) => text.StartsWith("[[", StringComparison.Ordinal) ? text[1..] : text;

    /// <summary>Parses "[...]" (with its brackets).</summary>
    public static ArmNode Parse(string text)
    {
        if (!IsExpression(text))
        {
            throw new FormatException("Not an ARM expression: " + text);
        }

        var parser = new Parser(text, 1, text.Length - 1);
        var node = parser.Expression();
        parser.SkipSpaces();
        if (!parser.AtEnd)
        {
            throw new FormatException($"Unexpected text at {parser.Position} in {text}");
        }

        return node;
    }

    private sealed class Parser(string text, int start, int end)
    {
        public int Position { get; private set; } = start;

        public bool AtEnd => Position >= end;

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        public ArmNode Expression()
        {
            var node = Primary();
            while (true)
            {
                SkipSpaces();
                if (Accept('.'))
                {
                    node = new ArmMember(node, Identifier());
                }
                else if (Accept('['))
                {
                    var index = Expression();
                    Expect(']');
                    node = new ArmIndex(node, index);
                }
                else
                {
                    return node;
                }
            }
        }

        private ArmNode Primary()
        {
            SkipSpaces();
            if (AtEnd)
            {
                throw new FormatException("Expression ends too early: " + text);
            }

            var c = text[Position];
            if (c == '\'')
            {
                return new ArmLiteral(StringLiteral());
            }

            if (char.IsDigit(c) || c == '-')
            {
                var from = Position++;
                while (!AtEnd && char.IsDigit(text[Position]))
                {
                    Position++;
                }

                return new ArmLiteral(long.Parse(text.AsSpan(from, Position - from), CultureInfo.InvariantCulture));
            }

            var name = Identifier();
            SkipSpaces();
            Expect('(');
            var arguments = new List<ArmNode>();
            SkipSpaces();
            if (!Accept(')'))
            {
                do
                {
                    arguments.Add(Expression());
                    SkipSpaces();
                }
                while (Accept(','));

                Expect(')');
            }

            return new ArmCall(name, arguments);
        }

        private string StringLiteral()
        {
            Expect('\'');
            var value = new System.Text.StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw new FormatException("Unterminated string in " + text);
                }

                var c = text[Position++];
                if (c != '\'')
                {
                    value.Append(c);
                }
                else if (!AtEnd && text[Position] == '\'')
                {
                    value.Append('\'');
                    Position++;
                }
                else
                {
                    return value.ToString();
                }
            }
        }

        private string Identifier()
        {
            SkipSpaces();
            var from = Position;
            while (!AtEnd && (char.IsLetterOrDigit(text[Position]) || text[Position] is '_' or '$'))
            {
                Position++;
            }

            if (Position == from)
            {
                throw new FormatException($"Expected a name at {Position} in {text}");
            }

            return text[from..Position];
        }

        private bool Accept(char c)
        {
            SkipSpaces();
            if (!AtEnd && text[Position] == c)
            {
                Position++;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (!Accept(c))
            {
                throw new FormatException($"Expected '{c}' at {Position} in {text}");
            }
        }
    }
}
