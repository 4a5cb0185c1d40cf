using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Federation;
using Perimeter.Storage;
using Perimeter.Tests.Cli;

namespace Perimeter.Tests.Features.Setup;

/// <summary><c>perimeter init</c>, and the refusals that keep one node's folder from being used in another agency's name.</summary>
public sealed class InitCommandTests : IDisposable
{
    private const string InmName = "Instituto Nacional de Migración";
    private readonly string _root = Directory.CreateTempSubdirectory("perimeter-init-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private string Folder(string name) => Path.Combine(_root, name);

    private static Task<PerimeterProcess.Result> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        PerimeterProcess.RunAsync(arguments, TestContext.Current.CancellationToken, environment);

    private static async Task<string> InitAsync(string agency, string name, string folder)
    {
        var made = await RunAsync(["init", "--agency", agency, "--name", name, "--data", folder]);
        Assert.True(made.ExitCode == 0, made.Error);
        return made.Output;
    }

    [Fact]
    public async Task Init_makes_the_node_of_one_agency_and_every_later_command_takes_the_agency_from_its_folder()
    {
        var mx = Folder("mx.inm");

        var made = await RunAsync(["init", "--agency", "mx.inm", "--name", InmName, "--country", "MX", "--federation-url", "https://inm.example:5443", "--data", mx]);

        Assert.True(made.ExitCode == 0, made.Error);
        Assert.Equal("https://inm.example:5443", Perimeter.Features.Setup.NodeFolder.Read(mx)!.FederationUrl);
        using (var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(NodeIdentity.CertificatePathOf(mx))))
            Assert.True(certificate.MatchesHostname("inm.example"), "the certificate names the host partners reach the node at");
        Assert.Contains($"node mx.inm ({InmName}, MX)", made.Output, StringComparison.Ordinal);
        Assert.Matches(@"sha256 [0-9a-f]{64}", made.Output);
        Assert.Matches(@"admin admin, password \(shown once\): \S{20}", made.Output);
        Assert.Equal("mx.inm", NodeIdentity.AgencyOf(mx));
        var added = await RunAsync(["users", "add", "ana", "--role", "analyst", "--password", "a long enough password", "--data", mx]);
        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Contains("added ana (mx.inm, Analyst)", added.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync(["audit", "verify", "--data", mx])).ExitCode);
        await using var db = StorageOptions.Sqlite(mx).Open();
        var ct = TestContext.Current.CancellationToken;
        var thisNode = await db.Agencies.SingleAsync(a => a.IsThisNode, ct);
        Assert.Equal(("mx.inm", InmName, "MX"), (thisNode.Id, thisNode.Name, thisNode.Country));
        Assert.DoesNotContain(await db.AuditRecords.Select(r => r.Agency).Distinct().ToListAsync(ct), a => a != "mx.inm");
    }

    [Theory]
    [InlineData("users", "add", "ana", "--role", "analyst", "--password", "a long enough password")]
    [InlineData("audit", "verify")]
    [InlineData("pki", "init")]
    [InlineData("serve", "--urls", "http://127.0.0.1:0")]
    public async Task A_command_on_a_folder_whose_agency_the_environment_contradicts_is_refused_naming_both_and_writes_nothing(params string[] command)
    {
        var mx = Folder("mx.inm");
        await InitAsync("mx.inm", InmName, mx);
        var before = await CountsAsync(mx);

        var result = await RunAsync([.. command, "--data", mx], new Dictionary<string, string>(StringComparer.Ordinal) { ["PERIMETER_Node__Agency"] = "us.cbp" });

        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("is mx.inm, but the environment variable PERIMETER_Node__Agency names us.cbp", line, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(mx));
    }

    [Fact]
    public async Task A_folder_with_no_node_is_refused_with_how_to_make_one_and_is_left_empty()
    {
        var empty = Directory.CreateDirectory(Folder("empty")).FullName;

        var result = await RunAsync(["users", "add", "ana", "--role", "analyst", "--data", empty]);

        Assert.Equal(5, result.ExitCode);
        Assert.Contains($"no node in {empty}: make one with perimeter init", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
    }

    [Theory]
    [InlineData("{\"agency\": ")]
    [InlineData("{\"agency\": \"US CBP\", \"name\": \"x\", \"country\": \"US\"}")]
    public async Task A_damaged_node_json_is_refused_in_one_line_naming_the_file(string damaged)
    {
        var mx = Folder("mx.inm");
        await InitAsync("mx.inm", InmName, mx);
        File.WriteAllText(Path.Combine(mx, "node.json"), damaged);

        var result = await RunAsync(["users", "list", "--data", mx]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"{Path.Combine(mx, "node.json")} is damaged", Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_agencys_key_or_database_in_a_nodes_folder_is_refused_naming_both()
    {
        var us = Folder("us.cbp");
        var mx = Folder("mx.inm");
        await InitAsync("us.cbp", "U.S. Customs and Border Protection", us);
        await InitAsync("mx.inm", InmName, mx);

        // mx.inm's key copied over us.cbp's.
        File.Copy(Path.Combine(NodeIdentity.FolderOf(mx), "node.p12"), Path.Combine(NodeIdentity.FolderOf(us), "node.p12"), overwrite: true);
        File.Copy(NodeIdentity.CertificatePathOf(mx), NodeIdentity.CertificatePathOf(us), overwrite: true);
        var key = await RunAsync(["audit", "verify", "--data", us]);
        Assert.Equal(3, key.ExitCode);
        Assert.Contains("is mx.inm's, but this node is us.cbp", key.Error, StringComparison.Ordinal);

        // us.cbp's database moved into mx.inm's folder.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Copy(Path.Combine(us, "perimeter.db"), Path.Combine(mx, "perimeter.db"), overwrite: true);
        var database = await RunAsync(["audit", "verify", "--data", mx]);
        Assert.Equal(3, database.ExitCode);
        Assert.Contains("is the node of us.cbp, but this node is configured as mx.inm", database.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_with_systemd_writes_a_confined_unit_running_as_its_own_user_and_an_owner_only_environment_file()
    {
        if (OperatingSystem.IsWindows())
            return;   // systemd and POSIX modes
        var mx = Folder("mx.inm");

        var made = await RunAsync(["init", "--agency", "mx.inm", "--name", InmName, "--systemd", "--service-user", "perimeter-inm", "--data", mx]);

        Assert.True(made.ExitCode == 0, made.Error);
        var unit = File.ReadAllText(Path.Combine(mx, "perimeter.service"));
        Assert.Contains("User=perimeter-inm", unit, StringComparison.Ordinal);
        Assert.Contains($"EnvironmentFile={Path.Combine(mx, "perimeter.env")}", unit, StringComparison.Ordinal);
        Assert.Matches($@"ExecStart=/\S+ /\S+perimeter\.dll serve --data {System.Text.RegularExpressions.Regex.Escape(mx)} --urls ", unit);
        Assert.Contains($"ReadWritePaths={mx}", unit, StringComparison.Ordinal);
        Assert.Contains("ProtectSystem=strict", unit, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(mx, "perimeter.env")));
        Assert.Contains("useradd --system", made.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_whose_private_key_others_may_read_refuses_to_run()
    {
        if (OperatingSystem.IsWindows())
            return;   // POSIX modes
        var mx = Folder("mx.inm");
        await InitAsync("mx.inm", InmName, mx);
        var key = Path.Combine(NodeIdentity.FolderOf(mx), "node.p12");
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var result = await RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--data", mx]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"the private key {key} (644) may be read by others than its owner: chmod 600 it", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--agency", "MX-INM", "is not an agency id")]
    [InlineData("--country", "GT", "--country GT is not the country of mx.inm (MX)")]
    [InlineData("--federation-url", "http://mx.example:8443", "is not an https:// URL")]
    public async Task Init_refuses_a_bad_identity_and_leaves_no_folder(string option, string value, string expected)
    {
        var mx = Folder("mx.inm");
        string[] arguments = ["init", "--agency", "mx.inm", "--name", InmName, "--data", mx];
        var index = Array.IndexOf(arguments, option);
        arguments = index >= 0 ? [.. arguments[..(index + 1)], value, .. arguments[(index + 2)..]] : [.. arguments, option, value];

        var result = await RunAsync(arguments);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(mx));
    }

    [Fact]
    public async Task Init_refuses_a_folder_that_is_already_a_node_or_not_empty_and_an_environment_naming_another_agency()
    {
        var mx = Folder("mx.inm");
        await InitAsync("mx.inm", InmName, mx);
        var again = await RunAsync(["init", "--agency", "gt.igm", "--name", "Instituto Guatemalteco de Migración", "--data", mx]);
        Assert.Equal(3, again.ExitCode);
        Assert.Contains("is already the node of mx.inm", again.Error, StringComparison.Ordinal);

        var other = Directory.CreateDirectory(Folder("other")).FullName;
        File.WriteAllText(Path.Combine(other, "notes.txt"), "mine");
        var notEmpty = await RunAsync(["init", "--agency", "gt.igm", "--name", "Instituto Guatemalteco de Migración", "--data", other]);
        Assert.Equal(3, notEmpty.ExitCode);
        Assert.Single(Directory.EnumerateFileSystemEntries(other));

        var exported = await RunAsync(["init", "--agency", "gt.igm", "--name", "Instituto Guatemalteco de Migración", "--data", Folder("gt.igm")],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["PERIMETER_Node__Agency"] = "mx.inm" });
        Assert.Equal(3, exported.ExitCode);
        Assert.Contains("PERIMETER_Node__Agency names mx.inm, not gt.igm", exported.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Folder("gt.igm")));
    }

    private static async Task<(int Users, int Audit)> CountsAsync(string folder)
    {
        await using var db = StorageOptions.Sqlite(folder).Open();
        var ct = TestContext.Current.CancellationToken;
        var counts = (await db.Users.CountAsync(ct), await db.AuditRecords.CountAsync(ct));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return counts;
    }
}
