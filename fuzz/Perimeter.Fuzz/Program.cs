using System.Runtime.InteropServices;
using Perimeter.Fuzz;
using SharpFuzz;

// Perimeter.Fuzz --list            the targets
// Perimeter.Fuzz TARGET            under afl-fuzz: one input a run on standard input, in a loop (SharpFuzz's fork server);
//                                  outside it: the input on standard input once, to reproduce a crash
if (args is ["--list"])
{
    foreach (var listed in FuzzTargets.All)
        Console.WriteLine($"{listed.Name,-16} {listed.Description}");
    return 0;
}
if (args is not [var name] || FuzzTargets.Find(name) is not { } target)
{
    Console.Error.WriteLine("usage: Perimeter.Fuzz TARGET <INPUT | Perimeter.Fuzz --list");
    return 2;
}
if (target.Start is { } start)
{
    // Instrumented code records its branches in SharpFuzz's map, which Fuzzer.Run sets up only when it starts, and
    // AFL++ would count a slow setup inside the first run as a time-out: the setup records into a scratch map instead.
    const int MapSize = 1 << 16;
    unsafe
    {
        SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(MapSize);
    }
    start();
}
Fuzzer.Run(stream =>
{
    using var input = new MemoryStream();
    stream.CopyTo(input);
    target.Run(input.ToArray());
});
return 0;
