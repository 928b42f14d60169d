using System.CommandLine;
using Jixiao.Features;
using Jixiao.Features.Import;

var root = new RootCommand("Jixiao 绩效 — 预算项目绩效目标管理");
root.Add(ServeCommand.Create());
root.Add(ImportCommand.Create());
root.Add(Jixiao.Features.Review.CheckCommand.Create());
return await root.Parse(args).InvokeAsync();
