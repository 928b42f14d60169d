using Jixiao.Data;
using Jixiao.Features.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Desk;

// The header's notice count: forms waiting for me and forms returned to my unit.
public sealed class NoticesViewComponent(JixiaoDb db, ListCache cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.User;
        // On every page: counted once per change of the data, for each user (the roles decide what waits).
        var count = await cache.GetAsync(db, "notices:" + user.Identity!.Name, Area.Projects | Area.Organisation, () => db.Projects.WaitingFor(user).Select(p => p.Id)
            .Concat(db.Projects.VisibleTo(user).ReturnedTo(user).Select(p => p.Id)).CountAsync());
        return new Microsoft.AspNetCore.Mvc.ViewComponents.HtmlContentViewComponentResult(
            new Microsoft.AspNetCore.Html.HtmlString($"<a href=\"/Desk\" class=\"notices\">待办<span class=\"count\">{count}</span></a>"));
    }
}
