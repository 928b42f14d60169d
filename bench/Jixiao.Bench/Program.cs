// Benchmarks print ratios against a reference measured in the same run, never bare timings alone.
// Usage: dotnet run -c Release --project bench/Jixiao.Bench -- pages [seconds] | import [forms] | review [projects]
//        | export [projects] | province [--data DIR] [--database PG] [--seconds S] [--users N] [--size small]
//        | soak --file FORM [--minutes M] [--users N] [--database PG]
using Jixiao.Bench;

var which = args.FirstOrDefault() ?? "pages";
var size = args.Length > 1 ? args[1] : null;
switch (which)
{
    case "pages": await PagesBench.RunAsync(size == null ? 5 : double.Parse(size)); break;
    case "import": ImportBench.Run(size == null ? 2000 : int.Parse(size)); break;
    case "review": ReviewBench.Run(size == null ? 10_000 : int.Parse(size)); break;
    case "province": await ProvinceBench.RunAsync(args[1..]); break;
    case "export": await ExportBench.RunAsync(size == null ? 500 : int.Parse(size)); break;
    case "soak": await SoakBench.RunAsync(args[1..]); break;
    default:
        Console.Error.WriteLine("unknown benchmark: " + which + " (pages, import, review, export, province, soak)");
        return 2;
}
return 0;
