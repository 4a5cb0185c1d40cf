using Perimeter.Features.Demo;
using Perimeter.Tests.Cli;

namespace Perimeter.Tests.Features.Demo;

public sealed class GenerateCommandTests
{
    [Fact]
    public async Task Generated_persons_import_into_a_node_and_a_second_import_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("perimeter-generate-").FullName;
        var file = Path.Combine(data, "tmp.csv");

        var generated = await PerimeterProcess.RunAsync(["generate", "persons", "--count", "500", "--seed", "7", "--output", file], ct);
        var first = await PerimeterProcess.RunAsync(["import", "alerts", file, .. PerimeterProcess.UsNode(data)], ct);
        var second = await PerimeterProcess.RunAsync(["import", "alerts", file, .. PerimeterProcess.UsNode(data)], ct);

        Assert.True(generated.ExitCode == 0, generated.Error);
        Assert.StartsWith("wrote 500 persons (seed 7) to ", generated.Output, StringComparison.Ordinal);
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("500 created", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("0 created, 0 updated, 500 unchanged", second.Output, StringComparison.Ordinal);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task The_command_writes_the_same_bytes_as_the_generator_for_its_seed()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("perimeter-generate-").FullName;
        var file = Path.Combine(data, "persons.csv");
        using var expected = new MemoryStream();
        SyntheticWatchlist.WriteCsv(expected, 1_000, 42, ct: ct);

        var result = await PerimeterProcess.RunAsync(["generate", "persons", "--count", "1000", "--seed", "42", "--output", file], ct);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(expected.ToArray(), await File.ReadAllBytesAsync(file, ct));
        Assert.Equal(["persons.csv"], Directory.GetFiles(data).Select(Path.GetFileName));
        Directory.Delete(data, recursive: true);
    }

    [Theory]
    [InlineData("--count", "0")]
    [InlineData("--count", "10000001")]
    [InlineData("--count", "many")]
    [InlineData("--count", "10", "--seed", "-1")]
    [InlineData("--count", "10", "--output-name", "persons.txt")]
    [InlineData("--count", "10", "--output-name", "no-such-folder/persons.csv")]
    public async Task Bad_values_get_one_clear_line_a_non_zero_exit_and_no_file(params string[] arguments)
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("perimeter-generate-").FullName;
        // The output goes in a fresh folder, so that whatever the command leaves behind shows.
        string[] output = arguments.Contains("--output-name")
            ? ["--output", Path.Combine(data, arguments[^1])]
            : ["--output", Path.Combine(data, "persons.csv")];
        var options = arguments.TakeWhile(a => a != "--output-name");

        var result = await PerimeterProcess.RunAsync(["generate", "persons", .. options, .. output], ct);

        Assert.NotEqual(0, result.ExitCode);
        var message = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(data));
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task Generate_persons_explains_itself()
    {
        var result = await PerimeterProcess.RunAsync(["generate", "persons", "--help"], TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.Contains("--count", result.Output, StringComparison.Ordinal);
        Assert.Contains("--seed", result.Output, StringComparison.Ordinal);
        Assert.Contains("--output", result.Output, StringComparison.Ordinal);
    }
}
