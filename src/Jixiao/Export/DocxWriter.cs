using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Export;

// Blocks to a Word document: A4 portrait, page numbers in the footer, table header rows repeated on
// every page, rows that never split, headings kept with what follows, level cells merged vertically.
public static class DocxWriter
{
    // A4 in twentieths of a point, 2.5 cm margins (1418 twips).
    const int PageWidth = 11906, PageHeight = 16838, Margin = 1418;
    const int TextWidth = PageWidth - 2 * Margin;

    // progress(done, total) counts blocks written, every few dozen blocks.
    public static void Write(DocBook book, Stream output, Action<int, int>? progress = null)
    {
        using var doc = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        AddStyles(main);
        doc.PackageProperties.Title = book.Title;
        doc.PackageProperties.Creator = "Jixiao 绩效";
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(Footer(book.Footer));
        footer.Footer.Save();
        // The body is written element by element (SAX style): only one block's elements exist at a time,
        // so a 500-project book never stands in memory as one document tree.
        using var writer = OpenXmlWriter.Create(main);
        writer.WriteStartDocument();
        var w = new KeyValuePair<string, string>("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
        var r = new KeyValuePair<string, string>("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        writer.WriteStartElement(new Document(), [], [w, r]);
        writer.WriteStartElement(new Body());
        var done = 0;
        foreach (var block in book.Blocks)
        {
            foreach (var element in Element(block)) writer.WriteElement(element);
            if (++done % 50 == 0) progress?.Invoke(done, book.Blocks.Count);
        }
        progress?.Invoke(done, book.Blocks.Count);
        writer.WriteElement(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 851, Footer = 851 }));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Close();
    }

    static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "宋体", ComplexScript = "Times New Roman" },
                    new FontSize { Val = "21" }, new Languages { EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "300", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Title" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }, new KeepNext(), new SpacingBetweenLines { Before = "120", After = "120" }),
                new StyleRunProperties(new RunFonts { EastAsia = "黑体" }, new Bold(), new FontSize { Val = "36" })) { Type = StyleValues.Paragraph, StyleId = "Title" },
            new Style(new StyleName { Val = "Subtitle" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }, new KeepNext(), new SpacingBetweenLines { After = "120" }),
                new StyleRunProperties(new FontSize { Val = "24" })) { Type = StyleValues.Paragraph, StyleId = "Subtitle" },
            new Style(new StyleName { Val = "heading 2" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "200", After = "80" }, new OutlineLevel { Val = 1 }),
                new StyleRunProperties(new RunFonts { EastAsia = "黑体" }, new Bold(), new FontSize { Val = "24" })) { Type = StyleValues.Paragraph, StyleId = "Heading2" });
        styles.Styles.Save();
    }

    static IEnumerable<OpenXmlElement> Element(Block block) => block switch
    {
        TitleBlock t => [Paragraph(t.Text, t.Level == 0 ? "Title" : "Subtitle")],
        HeadingBlock h => [Paragraph(h.Text, "Heading2")],
        ParagraphBlock p => [Paragraph(p.Text, null, p.Right ? JustificationValues.Right : null)],
        PageBreakBlock => [new Paragraph(new Run(new Break { Type = BreakValues.Page }))],
        TableBlock t => [Table(t), new Paragraph()],
        _ => [],
    };

    static Paragraph Paragraph(string text, string? style, JustificationValues? justify = null, bool bold = false, bool keepNext = false)
    {
        var props = new ParagraphProperties();
        if (style != null) props.Append(new ParagraphStyleId { Val = style });
        if (keepNext) props.Append(new KeepNext());
        if (justify != null) props.Append(new Justification { Val = justify.Value });
        var p = new Paragraph(props);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(Clean(lines[i])) { Space = SpaceProcessingModeValues.Preserve });
        }
        p.Append(run);
        return p;
    }

    // XML cannot hold most control characters; a form pasted from elsewhere sometimes has them.
    static string Clean(string s) => s.Any(c => c < 0x20 && c != '\t') ? new string(s.Where(c => c >= 0x20 || c == '\t').ToArray()) : s;

    static Table Table(TableBlock t)
    {
        var total = t.Widths.Sum();
        var widths = t.Widths.Select(w => (int)(TextWidth * w / total)).ToArray();
        var border = t.Borderless ? BorderValues.None : BorderValues.Single;
        var table = new Table(new TableProperties(
            new TableWidth { Width = TextWidth.ToString(), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 }, new BottomBorder { Val = border, Size = 4 },
                new LeftBorder { Val = border, Size = 4 }, new RightBorder { Val = border, Size = 4 },
                new InsideHorizontalBorder { Val = border, Size = 4 }, new InsideVerticalBorder { Val = border, Size = 4 }),
            new TableCellMarginDefault(new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })));
        table.Append(new DocumentFormat.OpenXml.Wordprocessing.TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        var grid = Jixiao.Export.TableGrid.Place(t);
        for (var r = 0; r < grid.Length; r++)
        {
            var rowProps = new TableRowProperties(new CantSplit());
            if (r < t.HeaderRows) rowProps.Append(new TableHeader());
            var row = new TableRow(rowProps);
            for (var c = 0; c < grid[r].Length; c++)
            {
                var slot = grid[r][c];
                if (slot == null) { row.Append(Cell("", widths[c], 1, null, false, false)); continue; }
                if (!slot.IsFirstColumnOfSpan) continue;
                var span = Math.Min(slot.Cell.ColSpan, widths.Length - c);
                var width = widths.Skip(c).Take(span).Sum();
                MergedCellValues? merge = slot.Cell.RowSpan > 1 ? (slot.IsOrigin ? MergedCellValues.Restart : MergedCellValues.Continue) : null;
                row.Append(Cell(slot.IsOrigin ? slot.Cell.Text : "", width, span, merge, slot.Cell.Head, slot.Cell.Number));
            }
            table.Append(row);
        }
        return table;
    }

    static TableCell Cell(string text, int width, int span, MergedCellValues? merge, bool head, bool number)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (merge != null) props.Append(new VerticalMerge { Val = merge.Value });
        props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        if (head) props.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "F2F2F2", Color = "auto" });
        return new TableCell(props, Paragraph(text, null, head ? JustificationValues.Center : number ? JustificationValues.Right : null, bold: head));
    }

    // "第 N 页 共 M 页" from Word's own fields, so the numbers follow the pages as Word lays them out.
    static Paragraph Footer(string? text)
    {
        static Run[] Field(string code) =>
        [
            new(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new(new FieldCode($" {code} ") { Space = SpaceProcessingModeValues.Preserve }),
            new(new FieldChar { FieldCharType = FieldCharValues.Separate }), new(new Text("1")),
            new(new FieldChar { FieldCharType = FieldCharValues.End }),
        ];
        var p = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new Text($"{text}  第 ") { Space = SpaceProcessingModeValues.Preserve }));
        p.Append(Field("PAGE"));
        p.Append(new Run(new Text(" 页 共 ") { Space = SpaceProcessingModeValues.Preserve }));
        p.Append(Field("NUMPAGES"));
        p.Append(new Run(new Text(" 页") { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }
}
