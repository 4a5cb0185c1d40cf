using Perimeter.Benchmarks.Accuracy;

// One line per subcommand: `dotnet run -c Release --project bench/Perimeter.Benchmarks -- accuracy [options]`.
return args.FirstOrDefault() switch
{
    "accuracy" => AccuracyBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Perimeter.Benchmarks <command> [options]");
    Console.Error.WriteLine("  accuracy   precision and recall of screening on a development set built from shared/data (see docs/benchmarks.md)");
    return 2;
}
