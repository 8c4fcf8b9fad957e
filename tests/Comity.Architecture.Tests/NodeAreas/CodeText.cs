using System.Text.RegularExpressions;

namespace Comity.Architecture.Tests.NodeAreas;

/// <summary>
/// The code of a .cs or .razor file with comments and string literals blanked out (replaced by spaces,
/// line breaks kept), so that a name inside them is never read as a reference. The code inside an
/// interpolation hole (<c>$"{Comity.Node.Kernel.X.Y}"</c>) stays: it is code.
/// </summary>
internal static partial class CodeText
{
    public static string OfCSharp(string text)
    {
        var buffer = text.ToCharArray();
        new Lexer(buffer).Code(0, untilClosingBrace: false);
        return new string(buffer);
    }

    /// <summary>
    /// Razor: <c>@* *@</c> and <c>&lt;!-- --&gt;</c> comments are blanked, and <c>@code</c> / <c>@functions</c>
    /// blocks are read as C#. Markup is kept as it is, quoted attribute values included: a component
    /// parameter's value (<c>Roles="@Comity.Node.Identity.Roles.Operator"</c>) is a C# expression.
    /// </summary>
    public static string OfRazor(string text)
    {
        var buffer = text.ToCharArray();
        Blank(buffer, RazorComment().Matches(text));
        var lexer = new Lexer(buffer);
        foreach (Match block in CodeBlockStart().Matches(new string(buffer)))
        {
            lexer.Code(block.Index + block.Length, untilClosingBrace: true);
        }

        return new string(buffer);
    }

    private static void Blank(char[] buffer, MatchCollection matches)
    {
        foreach (Match match in matches)
        {
            Blank(buffer, match.Index, match.Index + match.Length);
        }
    }

    private static void Blank(char[] buffer, int from, int to)
    {
        for (var i = from; i < to && i < buffer.Length; i++)
        {
            if (buffer[i] is not ('\n' or '\r'))
            {
                buffer[i] = ' ';
            }
        }
    }

    [GeneratedRegex(@"@\*.*?\*@|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"@(?:code|functions)\b\s*\{")]
    private static partial Regex CodeBlockStart();

    /// <summary>A small C# lexer that knows just enough to find where comments and literals end.</summary>
    private sealed class Lexer(char[] s)
    {
        private char At(int i) => i < s.Length ? s[i] : '\0';

        /// <summary>Reads code from <paramref name="i"/>; returns the index of the closing brace that ends it (or the end).</summary>
        public int Code(int i, bool untilClosingBrace)
        {
            var depth = 0;
            while (i < s.Length)
            {
                var c = s[i];
                if (c == '/' && At(i + 1) == '/')
                {
                    var end = i;
                    while (end < s.Length && s[end] != '\n')
                    {
                        end++;
                    }

                    Blank(s, i, end);
                    i = end;
                }
                else if (c == '/' && At(i + 1) == '*')
                {
                    var end = s.AsSpan(i + 2).IndexOf("*/");
                    end = end < 0 ? s.Length : i + 2 + end + 2;
                    Blank(s, i, end);
                    i = end;
                }
                else if (c == '\'')
                {
                    i = CharLiteral(i);
                }
                else if (StringStart(i) is { } literal)
                {
                    i = String(i, literal);
                }
                else if (c == '{')
                {
                    depth++;
                    i++;
                }
                else if (c == '}')
                {
                    if (depth == 0 && untilClosingBrace)
                    {
                        return i;
                    }

                    depth--;
                    i++;
                }
                else if (char.IsLetterOrDigit(c) || c == '_')
                {
                    // An identifier or number as a whole, so that the '@' or '$' of a literal is only seen at its start.
                    while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_'))
                    {
                        i++;
                    }
                }
                else
                {
                    i++;
                }
            }

            return i;
        }

        private int CharLiteral(int i)
        {
            var end = i + 1;
            while (end < s.Length && s[end] != '\'' && s[end] != '\n')
            {
                end += s[end] == '\\' ? 2 : 1;
            }

            end = Math.Min(end + 1, s.Length);
            Blank(s, i, end);
            return end;
        }

        private readonly record struct Literal(int Dollars, bool Verbatim, int Quotes, int ContentStart);

        private Literal? StringStart(int i)
        {
            var j = i;
            var dollars = 0;
            var verbatim = false;
            while (At(j) is '$' or '@')
            {
                if (At(j) == '$')
                {
                    dollars++;
                }
                else
                {
                    verbatim = true;
                }

                j++;
            }

            if (At(j) != '"' || (verbatim && dollars > 1))
            {
                return null;
            }

            var quotes = 0;
            while (At(j + quotes) == '"')
            {
                quotes++;
            }

            // Two quotes are an empty string; three or more open a raw string literal.
            return quotes >= 3 ? new Literal(dollars, false, quotes, j + quotes) : new Literal(dollars, verbatim, 1, j + 1);
        }

        private int String(int start, Literal literal)
        {
            var i = literal.ContentStart;
            var braces = Math.Max(literal.Dollars, 1);
            while (i < s.Length)
            {
                var c = s[i];
                if (literal.Quotes >= 3 && Run(i, '"') >= literal.Quotes)
                {
                    i += literal.Quotes;
                    break;
                }

                if (literal.Quotes == 1 && c == '"')
                {
                    if (literal.Verbatim && At(i + 1) == '"')
                    {
                        i += 2;
                        continue;
                    }

                    i++;
                    break;
                }

                if (literal.Quotes == 1 && !literal.Verbatim && c == '\\')
                {
                    i += 2;
                    continue;
                }

                if (literal.Quotes == 1 && !literal.Verbatim && c == '\n')
                {
                    break;
                }

                if (literal.Dollars > 0 && c == '{')
                {
                    var run = Run(i, '{');
                    if (literal.Quotes == 1 && run >= 2)
                    {
                        i += 2;
                        continue;
                    }

                    if (run >= braces)
                    {
                        // A hole: blank what came before it, read its code, and go on after its closing braces.
                        var holeStart = i + run;
                        Blank(s, start, i + run);
                        var close = Code(holeStart, untilClosingBrace: true);
                        i = Math.Min(close + braces, s.Length);
                        start = i;
                        continue;
                    }

                    i += run;
                    continue;
                }

                i++;
            }

            Blank(s, start, i);
            return i;
        }

        private int Run(int i, char c)
        {
            var n = 0;
            while (At(i + n) == c)
            {
                n++;
            }

            return n;
        }
    }
}
