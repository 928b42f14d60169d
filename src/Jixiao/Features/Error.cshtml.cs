using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Features;

// One page for every error: a plain Chinese sentence, never a stack trace.
[AllowAnonymous, IgnoreAntiforgeryToken, ResponseCache(NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = "系统处理请求时出错，请稍后再试；如果问题持续，请联系管理员。";

    public IActionResult OnGet(int? code) => Describe(code);
    public IActionResult OnPost(int? code) => Describe(code);
    // An API call that failed is re-executed here with its own method.
    public IActionResult OnPut(int? code) => Describe(code);
    public IActionResult OnDelete(int? code) => Describe(code);

    IActionResult Describe(int? code)
    {
        var failed = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (Data.DatabaseBusyException.Is(failed?.Error))
        {
            // A write that waited past its bound: nothing was saved, and trying again shortly will do.
            Response.Headers.RetryAfter = "5";
            if (failed!.Path.StartsWith("/api", StringComparison.OrdinalIgnoreCase)) return new JsonResult(new Api.ApiError(Data.DatabaseBusyException.Chinese)) { StatusCode = 503 };
            (Title, Message, code) = ("系统繁忙", Data.DatabaseBusyException.Chinese, 503);
        }
        if (code == 404) (Title, Message) = ("页面不存在", "找不到您要访问的页面或项目，或者您无权查看它。");
        else if (code == 403) (Title, Message) = ("无权操作", "您可以查看此内容，但没有修改它的权限：只有项目所属单位的填报人或单位负责人可以新建和编辑本单位的项目草稿。");
        else if (code == 400) (Title, Message) = ("请求无效", "提交的内容无效或页面已过期，请刷新后重试。");
        if (code is int c) Response.StatusCode = c;
        return Page();
    }
}
