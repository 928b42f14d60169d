using System.CommandLine;
using Jixiao.Data;
using Jixiao.Features;
using Jixiao.Features.Import;
using Jixiao.Features.Review;

var root = new RootCommand("Jixiao 绩效 — 预算项目绩效目标管理");
root.Add(ServeCommand.Create());
root.Add(ImportCommand.Create());
root.Add(CheckCommand.Create());
root.Add(Jixiao.Features.SelfEvaluations.ScoreCommand.Create());
root.Add(BackupCommand.CreateBackup());
root.Add(BackupCommand.CreateRestore());
root.Add(Jixiao.Features.Export.ExportCommand.Create());
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (StartupException e)
{
    // An operator's problem, not a bug: the message alone.
    Console.Error.WriteLine(e.Message);
    return 4;
}
