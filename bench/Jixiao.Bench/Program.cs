// Benchmarks print ratios against a reference measured in the same run, never bare timings alone.
// Usage: dotnet run -c Release --project bench/Jixiao.Bench -- <pages> [seconds]
using Jixiao.Bench;

var which = args.FirstOrDefault() ?? "pages";
var seconds = args.Length > 1 ? double.Parse(args[1]) : 5;
switch (which)
{
    case "pages": await PagesBench.RunAsync(seconds); break;
    default:
        Console.Error.WriteLine("unknown benchmark: " + which + " (pages)");
        return 2;
}
return 0;
