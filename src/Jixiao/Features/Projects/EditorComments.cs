using System.Text.Json;
using Jixiao.Data;
using Jixiao.Features.Workflow;
using Jixiao.Forms;

namespace Jixiao.Features.Projects;

// The review comments of a project as the editor carries them (data-comments, read by
// wwwroot/js/editor-comments.js): each with the row id or field it stands beside, so that the page puts it
// under its row wherever the row is moved, and at the top once the row is deleted. Answering posts to the
// project page's own answer and resolve handlers (with the editor form's anti-forgery token).
public static class EditorComments
{
    public static string Json(SheetComments sheet)
    {
        var id = sheet.ProjectId;
        return JsonSerializer.Serialize(new
        {
            mayAnswer = sheet.MayAnswer,
            answerUrl = $"/Projects/{id}/Steps?handler=Answer",
            resolveUrl = $"/Projects/{id}/Steps?handler=Resolve",
            open = sheet.Open,
            comments = sheet.All.Select(c => new
            {
                id = c.Id,
                rowId = c.RowId,
                // A field comment stands beside one of SheetComments.Fields; any other goes to the top.
                place = c.RowId == null ? SheetComments.PlaceOf(c.Field) : null,
                label = c.RowId == null ? sheet.LabelOf(c) : null,
                author = c.AuthorName ?? c.Author,
                time = Labels.Time(c.Utc),
                version = c.Version,
                text = c.Text,
                answer = c.Answer,
                answeredBy = c.AnsweredBy,
                resolved = c.Resolved,
                resolvedBy = c.ResolvedBy,
                mayResolve = sheet.MayResolve(c),
                link = $"/Projects/{id}#comment-{c.Id}",
            }),
        }, Interchange.Json);
    }
}
