namespace Perimeter.Benchmarks.Speed;

internal static class HttpLoadCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("http: not yet");
        return Task.FromResult(2);
    }
}
