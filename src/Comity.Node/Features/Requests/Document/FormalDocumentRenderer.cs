using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Comity.Node.Features.Requests.Document;

/// <summary>What a formal document says, already worded in its language; <see cref="FormalDocumentRenderer"/> lays it out.</summary>
/// <param name="Language">The document's language (BCP 47), written as the PDF's <c>/Lang</c>.</param>
/// <param name="RightToLeft">Whether the document's labels run right to left (Arabic): columns and alignment mirror.</param>
internal sealed record FormalDocumentContent(
    string Language,
    bool RightToLeft,
    string Title,
    string Subtitle,
    IReadOnlyList<DocumentSection> Sections,
    FormalDocumentMark Mark,
    string QrCaption,
    string Footer);

/// <summary>A titled part of the document: rows of label and value, then texts (two side by side when given two).</summary>
internal sealed record DocumentSection(string Heading, IReadOnlyList<DocumentRow> Rows, IReadOnlyList<DocumentColumn>? Columns = null);

/// <param name="Code">A value to copy exactly (a digest, an id): drawn smaller so that it stays on one line.</param>
internal sealed record DocumentRow(string Label, string Value, bool Code = false);

internal sealed record DocumentColumn(string Heading, string Text);

/// <summary>
/// Draws a <see cref="FormalDocumentContent"/> on A4 pages with PDFsharp: the title beside the QR code of the mark, then
/// each section, every page numbered. Each run of text is drawn in the embedded font that has its characters
/// (<see cref="DocumentFonts"/>); Arabic is shaped and ordered for display by <see cref="ArabicText"/> and right-aligned.
/// </summary>
internal static class FormalDocumentRenderer
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Margin = 50;
    private const double Bottom = PageHeight - 60;
    private const double ContentWidth = PageWidth - (2 * Margin);
    private const double LabelWidth = 150;
    private const double Gap = 12;
    private const double QrSize = 96;

    public static byte[] Render(FormalDocumentContent content, DateTimeOffset printedAt)
    {
        ArgumentNullException.ThrowIfNull(content);
        DocumentFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = content.Title;
        document.Info.Subject = content.Mark.ToString();
        document.Info.Creator = "Comity";
        document.Info.CreationDate = printedAt.UtcDateTime;
        document.Info.Elements.SetString(FormalDocumentMark.PdfProperty, content.Mark.ToString());
        document.Options.CompressContentStreams = true;
        document.PageLayout = PdfPageLayout.SinglePage;

        var pages = new Pages(document, content.RightToLeft);
        pages.Header(content);
        foreach (var section in content.Sections)
        {
            pages.Section(section);
        }

        pages.Finish(content.Footer);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>One laid-out line: its text in visual order and whether its paragraph runs right to left.</summary>
    private sealed record Line(string Visual, bool RightToLeft, double Size, bool Bold);

    private sealed class Pages(PdfDocument document, bool rightToLeft) : IDisposable
    {
        private readonly List<PdfPage> all = [];
        private XGraphics? graphics;
        private double y;

        private XGraphics Graphics => graphics ?? NewPage();

        private XGraphics NewPage()
        {
            graphics?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            all.Add(page);
            graphics = XGraphics.FromPdfPage(page);
            y = Margin;
            return graphics;
        }

        public void Header(FormalDocumentContent content)
        {
            var g = Graphics;
            var qrX = rightToLeft ? Margin : PageWidth - Margin - QrSize;
            DrawQr(g, content.Mark.ToString(), qrX, y, QrSize);
            var caption = Wrap(content.QrCaption, 6.5, false, QrSize + 20);
            var cy = y + QrSize + 2;
            foreach (var line in caption)
            {
                Draw(line, qrX - 10, QrSize + 20, cy, center: true);
                cy += LineHeight(line);
            }

            var titleWidth = ContentWidth - QrSize - Gap - 10;
            var titleX = rightToLeft ? Margin + QrSize + Gap + 10 : Margin;
            foreach (var line in Wrap(content.Title, 16, true, titleWidth))
            {
                Draw(line, titleX, titleWidth, y);
                y += LineHeight(line);
            }

            y += 4;
            foreach (var line in Wrap(content.Subtitle, 9.5, false, titleWidth))
            {
                Draw(line, titleX, titleWidth, y);
                y += LineHeight(line);
            }

            y = Math.Max(y, cy) + 10;
        }

        public void Section(DocumentSection section)
        {
            var heading = Wrap(section.Heading, 11.5, true, ContentWidth);
            if (y + 40 > Bottom)
            {
                NewPage();
            }

            y += 6;
            foreach (var line in heading)
            {
                Draw(line, Margin, ContentWidth, y);
                y += LineHeight(line);
            }

            Graphics.DrawLine(new XPen(XColors.Gray, 0.5), Margin, y + 1, PageWidth - Margin, y + 1);
            y += 5;
            foreach (var row in section.Rows)
            {
                Row(row);
            }

            if (section.Columns is { Count: > 0 } columns)
            {
                Columns(columns);
            }
        }

        private void Row(DocumentRow row)
        {
            var valueWidth = ContentWidth - LabelWidth - Gap;
            var labelX = rightToLeft ? PageWidth - Margin - LabelWidth : Margin;
            var valueX = rightToLeft ? Margin : Margin + LabelWidth + Gap;
            var labels = Wrap(row.Label, 8.5, true, LabelWidth);
            var values = Wrap(row.Value.Length == 0 ? "—" : row.Value, row.Code ? 8.5 : 10, false, valueWidth);
            for (var i = 0; i < Math.Max(labels.Count, values.Count); i++)
            {
                var height = Math.Max(i < labels.Count ? LineHeight(labels[i]) : 0, i < values.Count ? LineHeight(values[i]) : 0);
                Room(height);
                if (i < labels.Count)
                {
                    Draw(labels[i], labelX, LabelWidth, y + 1, brush: XBrushes.DimGray);
                }

                if (i < values.Count)
                {
                    Draw(values[i], valueX, valueWidth, y);
                }

                y += height;
            }

            y += 3;
        }

        /// <summary>One text across the width, or two side by side (the first on the reading side), line by line so that they break across pages together.</summary>
        private void Columns(IReadOnlyList<DocumentColumn> columns)
        {
            var count = Math.Min(columns.Count, 2);
            var width = (ContentWidth - ((count - 1) * Gap)) / count;
            var laid = columns.Take(count).Select(c => Wrap(c.Heading, 9.5, true, width).Concat(Wrap(c.Text, 10, false, width)).ToList()).ToList();
            y += 4;
            for (var i = 0; i < laid.Max(l => l.Count); i++)
            {
                var height = laid.Max(l => i < l.Count ? LineHeight(l[i]) : 0);
                Room(height);
                for (var c = 0; c < count; c++)
                {
                    if (i < laid[c].Count)
                    {
                        var slot = rightToLeft ? count - 1 - c : c;
                        Draw(laid[c][i], Margin + (slot * (width + Gap)), width, y);
                    }
                }

                y += height;
            }

            y += 4;
        }

        private void Room(double height)
        {
            if (y + height > Bottom)
            {
                NewPage();
            }
        }

        public void Finish(string footer)
        {
            graphics?.Dispose();
            graphics = null;
            for (var i = 0; i < all.Count; i++)
            {
                using var g = XGraphics.FromPdfPage(all[i], XGraphicsPdfPageOptions.Append);
                graphics = g;
                var text = $"{footer} · {i + 1}/{all.Count}";
                foreach (var line in Wrap(text, 7.5, false, ContentWidth))
                {
                    Draw(line, Margin, ContentWidth, PageHeight - 45, brush: XBrushes.DimGray);
                }

                graphics = null;
            }
        }

        public void Dispose() => graphics?.Dispose();

        private static double LineHeight(Line line) => line.Size * 1.4;

        /// <summary>The text wrapped to <paramref name="width"/>: per paragraph, shaped, cut at spaces (and between Chinese characters), each line ordered for display.</summary>
        private List<Line> Wrap(string text, double size, bool bold, double width)
        {
            var lines = new List<Line>();
            foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var rtl = ArabicText.IsRightToLeft(paragraph) || (rightToLeft && !paragraph.Any(char.IsLetter));
                var shaped = ArabicText.Shape(paragraph);
                var current = "";
                foreach (var unit in Units(shaped))
                {
                    var candidate = current + unit;
                    if (current.Length > 0 && Measure(candidate.TrimEnd(), size, bold) > width)
                    {
                        lines.Add(new Line(ArabicText.Visual(current.TrimEnd(), rtl), rtl, size, bold));
                        current = unit.TrimStart();
                    }
                    else
                    {
                        current = candidate;
                    }

                    // A unit wider than the line (a long digest, a URL) is cut where it must be.
                    while (Measure(current.TrimEnd(), size, bold) > width && current.Length > 1)
                    {
                        var fit = current.Length - 1;
                        while (fit > 1 && Measure(current[..fit], size, bold) > width)
                        {
                            fit--;
                        }

                        lines.Add(new Line(ArabicText.Visual(current[..fit], rtl), rtl, size, bold));
                        current = current[fit..];
                    }
                }

                lines.Add(new Line(ArabicText.Visual(current.TrimEnd(), rtl), rtl, size, bold));
            }

            return lines;
        }

        /// <summary>Where a line may break: after a space, and before and after each Chinese character.</summary>
        private static IEnumerable<string> Units(string text)
        {
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var cjk = DocumentFonts.FamilyOf(text[i]) == DocumentFonts.Chinese && text[i] != ' ';
                if (cjk && i > start)
                {
                    yield return text[start..i];
                    start = i;
                }

                if (cjk || (text[i] == ' ' && (i + 1 == text.Length || text[i + 1] != ' ')))
                {
                    yield return text[start..(i + 1)];
                    start = i + 1;
                }
            }

            if (start < text.Length)
            {
                yield return text[start..];
            }
        }

        private double Measure(string text, double size, bool bold) =>
            DocumentFonts.Runs(text).Sum(r => Graphics.MeasureString(r.Text, DocumentFonts.Font(r.Family, size, bold)).Width);

        private void Draw(Line line, double x, double width, double top, bool center = false, XBrush? brush = null)
        {
            var g = Graphics;
            var total = Measure(line.Visual, line.Size, line.Bold);
            var left = center ? x + ((width - total) / 2)
                : line.RightToLeft || rightToLeft ? x + width - total
                : x;
            foreach (var (text, family) in DocumentFonts.Runs(line.Visual))
            {
                var font = DocumentFonts.Font(family, line.Size, line.Bold);
                g.DrawString(text, font, brush ?? XBrushes.Black, new XPoint(left, top), XStringFormats.TopLeft);
                left += g.MeasureString(text, font).Width;
            }
        }

        /// <summary>The QR code as filled squares (vector: sharp at any print size), dark runs of a row merged.</summary>
        private static void DrawQr(XGraphics g, string text, double x, double top, double size)
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
            var matrix = data.ModuleMatrix;
            var module = size / matrix.Count;
            for (var row = 0; row < matrix.Count; row++)
            {
                for (var col = 0; col < matrix[row].Length;)
                {
                    if (!matrix[row][col])
                    {
                        col++;
                        continue;
                    }

                    var end = col;
                    while (end < matrix[row].Length && matrix[row][end])
                    {
                        end++;
                    }

                    g.DrawRectangle(XBrushes.Black, x + (col * module), top + (row * module), ((end - col) * module) + 0.01, module + 0.01);
                    col = end;
                }
            }
        }
    }
}
