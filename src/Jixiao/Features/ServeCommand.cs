using System.CommandLine;

namespace Jixiao.Features;

public static class ServeCommand
{
    public static Command Create()
    {
        var cmd = new Command("serve", "启动 Web 应用");
        cmd.SetAction(_ => 0);
        return cmd;
    }
}
