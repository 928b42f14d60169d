using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using W14 = DocumentFormat.OpenXml.Office2010.Word;

namespace Jixiao.Tests.Forms;

// Small Word documents built in code, so that tests need no binary fixtures.
public static class Docx
{
    public static void Write(string path, params OpenXmlElement[] blocks)
    {
        using var doc = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = doc.AddMainDocumentPart();
        main.Document = new Document(new Body(blocks));
    }

    public static Paragraph P(string text) => new(TextRun(text));

    public static Paragraph P(params OpenXmlElement[] content) => new(content);

    public static Run TextRun(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    public static Table Table(params TableRow[] rows)
    {
        var table = new Table(new TableProperties(new TableBorders()));
        table.Append(rows);
        return table;
    }

    public static TableRow Row(params TableCell[] cells) => new(cells);

    public static TableCell Cell(string text, int span = 1, MergedCellValues? vmerge = null) =>
        Cell([P(text)], span, vmerge);

    public static TableCell Cell(OpenXmlElement[] content, int span = 1, MergedCellValues? vmerge = null)
    {
        var props = new TableCellProperties();
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (vmerge is { } merge)
            props.Append(merge == MergedCellValues.Continue ? new VerticalMerge() : new VerticalMerge { Val = merge });
        var cell = new TableCell(props);
        cell.Append(content);
        return cell;
    }

    // A Word 2010 content-control checkbox, showing the glyph Word itself writes.
    public static SdtRun CheckboxControl(bool ticked) => new(
        new SdtProperties(new W14.SdtContentCheckBox(
            new W14.Checked { Val = ticked ? W14.OnOffValues.One : W14.OnOffValues.Zero })),
        new SdtContentRun(TextRun(ticked ? "☒" : "☐")));

    // A legacy FORMCHECKBOX field.
    public static Run[] FormCheckbox(bool ticked) =>
    [
        new(new FieldChar(new FormFieldData(new CheckBox(
            new AutomaticallySizeFormField(), new DefaultCheckBoxFormFieldState { Val = false },
            new Checked { Val = ticked })))
        { FieldCharType = FieldCharValues.Begin }),
        new(new FieldCode(" FORMCHECKBOX ")),
        new(new FieldChar { FieldCharType = FieldCharValues.End }),
    ];

    public static Run Symbol(string font, string hex) => new(new SymbolChar { Font = font, Char = hex });

    public static Run FontRun(string font, string text) =>
        new(new RunProperties(new RunFonts { Ascii = font, HighAnsi = font }), new Text(text));
}

