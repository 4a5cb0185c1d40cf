using Perimeter.Fuzz;

namespace Perimeter.Tests.Fuzz;

/// <summary>
/// Every seed of the fuzzing corpus (fuzz/corpus/TARGET) and every input a fuzzer crashed on (Regressions/TARGET), run
/// through the same target code as under AFL++: none may throw or break a target's promise. The fuzzer itself runs
/// only from scripts/fuzz (docs/fuzzing.md).
/// </summary>
public sealed class FuzzReplayTests
{
    private static readonly string[] Folders = ["Corpus", "Regressions"];

    public static TheoryData<string, string> Inputs()
    {
        var inputs = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.All)
        {
            foreach (var file in Folders.SelectMany(folder => FilesOf(folder, target.Name)))
                inputs.Add(target.Name, Path.GetRelativePath(AppContext.BaseDirectory, file));
        }
        return inputs;
    }

    [Theory, MemberData(nameof(Inputs))]
    public void An_input_runs_through_its_target_without_an_unexpected_exception(string target, string file)
    {
        var fuzzTarget = FuzzTargets.Find(target);

        Assert.NotNull(fuzzTarget);
        fuzzTarget.Run(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, file)));
    }

    [Fact]
    public void Every_target_has_seeds()
    {
        Assert.All(FuzzTargets.All, target => Assert.NotEmpty(FilesOf("Corpus", target.Name)));
    }

    private static IEnumerable<string> FilesOf(string folder, string target)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fuzz", folder, target);
        return Directory.Exists(path) ? Directory.EnumerateFiles(path).Order(StringComparer.Ordinal) : [];
    }
}
