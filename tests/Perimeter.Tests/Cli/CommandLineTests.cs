using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Alerts;
using Perimeter.Tests.Features.Imports;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Cli;

public sealed class CommandLineTests
{
    private const int OfacEntries = 13_821;

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Importing_the_OFAC_list_twice_stores_every_entry_once_with_its_aliases(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        var data = Directory.CreateTempSubdirectory("perimeter-cli-").FullName;
        string[] import = ["import", "ofac", SharedData.Ofac, .. PerimeterProcess.NodeOptions(test, data)];

        var first = await PerimeterProcess.RunAsync(import, ct);
        var second = await PerimeterProcess.RunAsync(import, ct);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains($"{OfacEntries} created", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains($"{OfacEntries} unchanged", second.Output, StringComparison.Ordinal);
        await using var db = test.Open();
        Assert.Equal(OfacEntries, await db.Alerts.CountAsync(ct));
        var guzman = await db.Alerts.SingleAsync(a => a.ExternalRef == "ofac:6861", ct);
        var names = PerimeterJson.Deserialize<AlertSubject>(guzman.SubjectJson!).Person!.Names;
        Assert.Contains(names, n => n.Surnames == "GUZMAN LOESA" && n.Type == NameType.Aka);
        Assert.Equal(1, guzman.Version);
        Directory.Delete(data, recursive: true);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Audit_verify_names_the_record_edited_directly_in_the_database(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        var data = Directory.CreateTempSubdirectory("perimeter-cli-").FullName;
        var node = PerimeterProcess.NodeOptions(test, data);
        foreach (var name in new[] { "ana", "beto", "carla" })
            Assert.Equal(0, (await PerimeterProcess.RunAsync(["users", "add", name, "--role", "analyst", "--password", "a long enough password", .. node], ct)).ExitCode);

        var intact = await PerimeterProcess.RunAsync(["audit", "verify", .. node], ct);
        await test.ExecuteSqlAsync("""UPDATE audit_records SET "Detail" = 'nothing to see' WHERE "Sequence" = 3""", ct);
        var tampered = await PerimeterProcess.RunAsync(["audit", "verify", .. node], ct);

        Assert.Equal(0, intact.ExitCode);
        Assert.StartsWith("audit chain intact", intact.Output, StringComparison.Ordinal);
        Assert.Equal(4, tampered.ExitCode);
        Assert.Contains("broken at record 3", tampered.Error, StringComparison.Ordinal);
        Directory.Delete(data, recursive: true);
    }

    [Theory]
    [InlineData("audit", "verify")]
    [InlineData("users", "list")]
    [InlineData("tokens", "list")]
    [InlineData("agencies", "list")]
    [InlineData("partners", "status")]
    public async Task A_command_that_reads_refuses_a_folder_with_no_node_and_creates_nothing(params string[] command)
    {
        var ct = TestContext.Current.CancellationToken;
        var wrong = Directory.CreateTempSubdirectory("perimeter-cli-").FullName;

        var result = await PerimeterProcess.RunAsync([.. command, "--data", wrong], ct);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("no node in", Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(wrong));
        Directory.Delete(wrong);
    }

    [Fact]
    public async Task A_bad_row_is_reported_with_its_line_and_nothing_from_the_file_is_imported()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(Database.Sqlite, ct);
        var data = Directory.CreateTempSubdirectory("perimeter-cli-").FullName;
        var file = Path.Combine(data, "alerts.csv");
        var lines = File.ReadAllLines(Path.Combine(SharedData.Examples, "alerts.csv"));
        lines[3] = lines[3].Replace("AMBER", "ORANGE", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(file, lines, ct);

        var result = await PerimeterProcess.RunAsync(["import", "alerts", file, .. PerimeterProcess.NodeOptions(test, data)], ct);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("alerts.csv:4:", result.Error, StringComparison.Ordinal);
        Assert.Contains("ORANGE", result.Error, StringComparison.Ordinal);
        await using var db = test.Open();
        Assert.Equal(0, await db.Alerts.CountAsync(ct));
        Directory.Delete(data, recursive: true);
    }

    [Theory]
    [InlineData("users", "add", "x", "--role", "wizard")]
    [InlineData("tokens", "create", "--name", "lane", "--role", "officer", "--agency", "zz.nowhere")]
    [InlineData("import", "ofac", "/nonexistent/folder")]
    [InlineData("import", "alerts", "/nonexistent/alerts.csv")]
    [InlineData("serve", "--database", "postgres")]
    public async Task Bad_input_gets_one_clear_line_and_a_non_zero_exit(params string[] arguments)
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("perimeter-cli-").FullName;

        var result = await PerimeterProcess.RunAsync([.. arguments, "--data", data], ct);

        Assert.NotEqual(0, result.ExitCode);
        var message = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
        Directory.Delete(data, recursive: true);
    }

    [Theory]
    [InlineData("Required command was not provided (see: perimeter users --help)", "users")]
    [InlineData("Unrecognized command or argument 'bogus' (see: perimeter --help)", "bogus")]
    [InlineData("Option '--role' is required; Required argument 'user-name' missing for command: 'add' (see: perimeter users add --help)", "users", "add")]
    public async Task A_wrong_command_line_gets_one_line_with_the_help_to_read_and_exit_2(string expected, params string[] arguments)
    {
        var result = await PerimeterProcess.RunAsync(arguments, TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Error.Trim());
        Assert.Equal("", result.Output);
    }

    [Theory]
    [InlineData("serve")]
    [InlineData("import", "ofac")]
    [InlineData("import", "alerts")]
    [InlineData("users", "add")]
    [InlineData("tokens", "create")]
    [InlineData("audit", "verify")]
    public async Task Every_command_explains_itself(params string[] command)
    {
        var result = await PerimeterProcess.RunAsync([.. command, "--help"], TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.Contains("--data", result.Output, StringComparison.Ordinal);
    }
}
