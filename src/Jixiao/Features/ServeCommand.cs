using System.CommandLine;
using Jixiao.Data;

namespace Jixiao.Features;

public static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "数据文件夹（SQLite 数据库与密钥）", DefaultValueFactory = _ => "./data" };
        var urls = new Option<string>("--urls") { Description = "监听地址", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var database = new Option<string?>("--database") { Description = "PostgreSQL 连接字符串（也可用环境变量 JIXIAO_DATABASE）；不填则用 SQLite" };
        var demo = new Option<bool>("--demo") { Description = "载入演示数据：主管部门、两个信访局、各角色用户与示例项目" };
        var proxy = new Option<string[]>("--proxy")
        {
            Description = "反向代理的地址或网段（可多次给出）：只采信这些地址发来的 X-Forwarded-For/-Proto；也可用配置 Security__Proxies__0",
            AllowMultipleArgumentsPerToken = true,
        };
        var cmd = new Command("serve", "启动 Web 应用") { data, urls, database, demo, proxy };
        cmd.SetAction(async (pr, ct) =>
        {
            var options = new ServeOptions(
                pr.GetValue(data)!,
                Database.ConnectionFrom(pr.GetValue(database)),
                pr.GetValue(urls)!,
                pr.GetValue(demo),
                pr.GetValue(proxy) ?? []);
            var app = WebApp.Build(options);
            await Bootstrap.RunAsync(app.Services, options.Demo, Console.Out);
            await app.RunAsync(ct);
            return 0;
        });
        return cmd;
    }
}
