using Jixiao.Data;
using Jixiao.Features.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Desk;

// The header's notice count: forms waiting for me and forms returned to my unit.
public sealed class NoticesViewComponent(JixiaoDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.User;
        var count = await db.Projects.WaitingFor(user).CountAsync() + await db.Projects.VisibleTo(user).ReturnedTo(user).CountAsync();
        return new Microsoft.AspNetCore.Mvc.ViewComponents.HtmlContentViewComponentResult(
            new Microsoft.AspNetCore.Html.HtmlString($"<a href=\"/Desk\" class=\"notices\">待办<span class=\"count\">{count}</span></a>"));
    }
}
