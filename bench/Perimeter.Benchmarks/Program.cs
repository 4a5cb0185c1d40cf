using Perimeter.Benchmarks.Speed;

// dotnet run -c Release --project bench/Perimeter.Benchmarks -- COMMAND [options]
return args switch
{
    ["speed", .. var rest] => SpeedCommand.Run(rest),
    ["micro", .. var rest] => MicroCommand.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Perimeter.Benchmarks speed [--count N[,N…]] [--queries Q] [--before] | micro [BenchmarkDotNet options]");
    return 2;
}
