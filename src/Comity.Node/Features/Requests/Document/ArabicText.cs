using System.Text;

namespace Comity.Node.Features.Requests.Document;

/// <summary>
/// Arabic for a PDF library that neither shapes nor lays out right to left (PDFsharp draws code points as glyphs, in the
/// order given). <see cref="Shape"/> turns Arabic letters into their contextual presentation forms (Unicode's Arabic
/// Presentation Forms-B, joining types from Unicode's ArabicShaping.txt, with the lam-alef ligatures);
/// <see cref="Visual"/> orders one line for display, a much reduced form of the Unicode bidirectional algorithm that
/// is enough for the texts of a request: Arabic runs right to left, digits and Latin runs left to right inside them,
/// brackets mirrored in right-to-left runs. The PDF then holds the visual order of presentation forms: a reader that
/// extracts its text gets the base letters back through NFKC normalization, in visual order.
/// </summary>
internal static class ArabicText
{
    private enum Joining
    {
        /// <summary>Joins on neither side (hamza, and every non-Arabic character).</summary>
        None,

        /// <summary>Joins only to the letter before it (alef, dal, reh, waw…).</summary>
        Right,

        /// <summary>Joins on both sides (beh, seen, lam…).</summary>
        Dual,

        /// <summary>Joins both neighbours without changing form (tatweel).</summary>
        Causing,

        /// <summary>A mark (harakat): skipped when deciding how its neighbours join.</summary>
        Transparent,
    }

    /// <summary>
    /// The forms of each letter U+0621–U+064A: isolated, final, initial, medial (0 where the letter has none). Forms-B
    /// lists them from U+FE80 in the letters' order, one form for hamza, two for right-joining letters, four for dual ones.
    /// </summary>
    private static readonly Dictionary<char, (char Isolated, char Final, char Initial, char Medial)> Forms = BuildForms();

    private static Dictionary<char, (char, char, char, char)> BuildForms()
    {
        var forms = new Dictionary<char, (char, char, char, char)>();
        var next = 0xFE80;
        for (var c = '\u0621'; c <= '\u064A'; c++)
        {
            switch (JoiningOf(c))
            {
                case Joining.None when c == '\u0621':
                    forms[c] = ((char)next, '\0', '\0', '\0');
                    next += 1;
                    break;
                case Joining.Right:
                    forms[c] = ((char)next, (char)(next + 1), '\0', '\0');
                    next += 2;
                    break;
                case Joining.Dual:
                    forms[c] = ((char)next, (char)(next + 1), (char)(next + 2), (char)(next + 3));
                    next += 4;
                    break;
                default:
                    break;
            }
        }

        // Alef maksura is dual-joining in ArabicShaping.txt; Forms-B has only its isolated and final forms, Forms-A the others.
        var maksura = forms['\u0649'];
        forms['\u0649'] = (maksura.Item1, maksura.Item2, '\uFBE8', '\uFBE9');
        return forms;
    }

    private static Joining JoiningOf(char c) => c switch
    {
        '\u0621' => Joining.None,
        '\u0622' or '\u0623' or '\u0624' or '\u0625' or '\u0627' or '\u0629' or '\u062F' or '\u0630' or '\u0631' or '\u0632' or '\u0648' => Joining.Right,
        '\u0649' => Joining.Right, // two forms in Forms-B (see BuildForms); dual-joining below once the table is built
        '\u0626' or '\u0628' or (>= '\u062A' and <= '\u062E') or (>= '\u0633' and <= '\u063A') or (>= '\u0641' and <= '\u0647') or '\u064A' => Joining.Dual,
        '\u0640' => Joining.Causing,
        (>= '\u064B' and <= '\u065F') or '\u0670' => Joining.Transparent,
        _ => Joining.None,
    };

    /// <summary>The joining type the shaper uses: <see cref="JoiningOf"/>, with alef maksura dual-joining as in ArabicShaping.txt.</summary>
    private static Joining ShapingJoining(char c) => c == '\u0649' ? Joining.Dual : JoiningOf(c);

    private static bool JoinsBefore(char c) => ShapingJoining(c) is Joining.Dual or Joining.Causing;

    private static bool JoinsAfter(char c) => ShapingJoining(c) is Joining.Dual or Joining.Right or Joining.Causing;

    /// <summary>Whether the character is Arabic (letters, marks, digits, presentation forms): a strong right-to-left character.</summary>
    public static bool IsArabic(char c) => c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');

    /// <summary>Whether the text's first strong character is Arabic (its paragraph runs right to left).</summary>
    public static bool IsRightToLeft(string text)
    {
        foreach (var c in text)
        {
            if (IsArabic(c) && !char.IsDigit(c))
            {
                return true;
            }

            if (char.IsLetter(c))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The text in logical order with every Arabic letter in its contextual presentation form; everything else unchanged.</summary>
    public static string Shape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!Forms.TryGetValue(c, out var forms))
            {
                shaped.Append(c);
                continue;
            }

            var previous = Neighbour(text, i, -1);
            var joinsPrevious = previous is { } p && JoinsBefore(p) && ShapingJoining(c) is Joining.Dual or Joining.Right;

            // Lam followed by alef (with or without hamza or madda): one ligature, final when the lam joins the letter before.
            if (c == '\u0644' && Neighbour(text, i, +1) is { } alef && LamAlef(alef) is var (isolated, final) && isolated != '\0')
            {
                shaped.Append(joinsPrevious ? final : isolated);
                i = NextIndex(text, i);
                continue;
            }

            var next = Neighbour(text, i, +1);
            var joinsNext = next is { } n && JoinsAfter(n) && ShapingJoining(c) is Joining.Dual;
            shaped.Append((joinsPrevious, joinsNext) switch
            {
                (true, true) => forms.Medial,
                (true, false) => forms.Final,
                (false, true) => forms.Initial,
                _ => forms.Isolated,
            });
        }

        return shaped.ToString();
    }

    private static (char Isolated, char Final) LamAlef(char alef) => alef switch
    {
        '\u0622' => ('\uFEF5', '\uFEF6'),
        '\u0623' => ('\uFEF7', '\uFEF8'),
        '\u0625' => ('\uFEF9', '\uFEFA'),
        '\u0627' => ('\uFEFB', '\uFEFC'),
        _ => ('\0', '\0'),
    };

    /// <summary>The nearest character before (-1) or after (+1) <paramref name="i"/> that is not a mark; null at the text's end.</summary>
    private static char? Neighbour(string text, int i, int step)
    {
        for (var j = i + step; j >= 0 && j < text.Length; j += step)
        {
            if (JoiningOf(text[j]) != Joining.Transparent)
            {
                return text[j];
            }
        }

        return null;
    }

    /// <summary>The index of the next non-mark character after <paramref name="i"/>, skipping the marks between (they are dropped with the ligature's lam).</summary>
    private static int NextIndex(string text, int i)
    {
        var j = i + 1;
        while (j < text.Length && JoiningOf(text[j]) == Joining.Transparent)
        {
            j++;
        }

        return j;
    }

    private enum Direction
    {
        Left,
        Right,
        Number,
        Neutral,
    }

    private static Direction DirectionOf(char c) =>
        char.IsAsciiDigit(c) || c is (>= '\u0660' and <= '\u0669') or (>= '\u06F0' and <= '\u06F9') ? Direction.Number
        : IsArabic(c) ? Direction.Right
        : char.IsLetter(c) ? Direction.Left
        : Direction.Neutral;

    /// <summary>
    /// One line (already shaped, in logical order) in the order to draw it from left to right. A right-to-left paragraph
    /// puts Arabic at level 1 and Latin runs and numbers at level 2; a left-to-right paragraph puts Arabic at level 1 and
    /// numbers inside it at level 2. Neutrals between two runs of one direction take it; others the paragraph's. Then
    /// the runs are reversed from the highest level down (rule L2 of the bidirectional algorithm) and brackets in
    /// right-to-left runs mirrored.
    /// </summary>
    public static string Visual(string line, bool rightToLeft)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Length == 0 || (!rightToLeft && !line.Any(IsArabic)))
        {
            return line;
        }

        var types = line.Select(DirectionOf).ToArray();
        ResolveBrackets(line, types);

        // A number takes the direction of the strong text before it, for the neutrals around it.
        var strong = new Direction[types.Length];
        var last = rightToLeft ? Direction.Right : Direction.Left;
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] is Direction.Left or Direction.Right)
            {
                last = types[i];
            }

            strong[i] = types[i] == Direction.Number ? (last == Direction.Right ? Direction.Right : Direction.Left) : types[i];
        }

        var levels = new int[types.Length];
        var baseLevel = rightToLeft ? 1 : 0;
        for (var i = 0; i < types.Length; i++)
        {
            var direction = strong[i];
            if (direction == Direction.Neutral)
            {
                var before = Strong(strong, i, -1);
                var after = Strong(strong, i, +1);
                direction = before is { } b && b == after ? b : (rightToLeft ? Direction.Right : Direction.Left);
            }

            levels[i] = (direction, types[i], rightToLeft) switch
            {
                (_, Direction.Number, _) => baseLevel == 1 || direction == Direction.Right ? 2 : 0,
                (Direction.Right, _, _) => 1,
                (Direction.Left, _, true) => 2,
                _ => 0,
            };
        }

        var chars = line.ToCharArray();
        for (var level = levels.Max(); level >= 1; level--)
        {
            for (var i = 0; i < chars.Length;)
            {
                if (levels[i] < level)
                {
                    i++;
                    continue;
                }

                var end = i;
                while (end < chars.Length && levels[end] >= level)
                {
                    end++;
                }

                Array.Reverse(chars, i, end - i);
                Array.Reverse(levels, i, end - i);
                i = end;
            }
        }

        for (var i = 0; i < chars.Length; i++)
        {
            if (levels[i] % 2 == 1)
            {
                chars[i] = Mirror(chars[i]);
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// A much reduced rule N0: a pair of brackets whose content has strong characters of one direction only takes that
    /// direction, so that "(Art. 40(15))" after Arabic stays one left-to-right unit, brackets facing the right way.
    /// </summary>
    private static void ResolveBrackets(string line, Direction[] types)
    {
        var open = new Stack<int>();
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is '(' or '[' or '{')
            {
                open.Push(i);
            }
            else if (line[i] is ')' or ']' or '}' && open.Count > 0)
            {
                var start = open.Pop();
                var inside = types.AsSpan(start + 1, i - start - 1);
                var left = inside.Contains(Direction.Left);
                var right = inside.Contains(Direction.Right);
                if (left != right)
                {
                    types[start] = types[i] = left ? Direction.Left : Direction.Right;
                }
            }
        }
    }

    private static Direction? Strong(Direction[] strong, int i, int step)
    {
        for (var j = i + step; j >= 0 && j < strong.Length; j += step)
        {
            if (strong[j] != Direction.Neutral)
            {
                return strong[j];
            }
        }

        return null;
    }

    private static char Mirror(char c) => c switch
    {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        _ => c,
    };
}
