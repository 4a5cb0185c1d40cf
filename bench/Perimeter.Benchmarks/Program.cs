using Perimeter.Benchmarks.Speed;

// dotnet run -c Release --project bench/Perimeter.Benchmarks -- COMMAND [options]
return args switch
{
    ["speed", .. var rest] => SpeedCommand.Run(rest),
    ["micro", .. var rest] => MicroCommand.Run(rest),
    ["http", .. var rest] => await HttpLoadCommand.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Perimeter.Benchmarks speed [--count N] | micro [BenchmarkDotNet options] | http --url URL --token T --names FILE");
    return 2;
}
