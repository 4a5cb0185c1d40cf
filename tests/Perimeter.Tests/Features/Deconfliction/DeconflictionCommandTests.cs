using Perimeter.Tests.Cli;

namespace Perimeter.Tests.Features.Deconfliction;

/// <summary><c>perimeter deconfliction keys</c>, as two operators run it: one makes the key, the other adds it from standard input.</summary>
public sealed class DeconflictionCommandTests
{
    [Fact]
    public async Task One_operator_makes_a_key_the_other_adds_it_from_standard_input_and_no_listing_shows_the_secret()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("perimeter-keys-").FullName;
        try
        {
            var us = Path.Combine(root, "us");
            var mx = Path.Combine(root, "mx");
            Assert.Equal(0, (await PerimeterProcess.RunAsync(["init", "--agency", "us.cbp", "--name", "U.S. Customs and Border Protection", "--data", us], ct)).ExitCode);
            Assert.Equal(0, (await PerimeterProcess.RunAsync(["init", "--agency", "mx.inm", "--name", "Instituto Nacional de Migración", "--data", mx], ct)).ExitCode);
            Assert.Equal(0, (await PerimeterProcess.RunAsync(["partners", "add", "--agency", "mx.inm", "--url", "https://127.0.0.1:1", "--certificate", Path.Combine(mx, "pki", "node.crt"), "--data", us], ct)).ExitCode);
            Assert.Equal(0, (await PerimeterProcess.RunAsync(["partners", "add", "--agency", "us.cbp", "--url", "https://127.0.0.1:2", "--certificate", Path.Combine(us, "pki", "node.crt"), "--data", mx], ct)).ExitCode);

            var created = await PerimeterProcess.RunAsync(["deconfliction", "keys", "create", "--partner", "mx.inm", "--data", us], ct);
            Assert.True(created.ExitCode == 0, created.Error);
            var lines = created.Output.Trim().Split('\n');
            var keyId = lines[0].Split(' ')[1];
            var secret = lines[1].Trim();
            Assert.Equal(44, secret.Length);

            var added = await PerimeterProcess.RunAsync(["deconfliction", "keys", "add", "--partner", "us.cbp", "--key-id", keyId, "--data", mx], ct, input: secret + "\n");
            Assert.True(added.ExitCode == 0, added.Error);
            var twice = await PerimeterProcess.RunAsync(["deconfliction", "keys", "add", "--partner", "us.cbp", "--key-id", keyId, "--data", mx], ct, input: secret + "\n");
            Assert.Equal(3, twice.ExitCode);
            var garbled = await PerimeterProcess.RunAsync(["deconfliction", "keys", "add", "--partner", "us.cbp", "--key-id", "other", "--data", mx], ct, input: "not base64\n");
            Assert.Contains("not the 32 bytes in base64", garbled.Error, StringComparison.Ordinal);
            Assert.Equal(5, (await PerimeterProcess.RunAsync(["deconfliction", "keys", "create", "--partner", "gt.igm", "--data", us], ct)).ExitCode);

            foreach (var folder in new[] { us, mx })
            {
                var listed = await PerimeterProcess.RunAsync(["deconfliction", "keys", "list", "--output", "json", "--data", folder], ct);
                Assert.Contains(keyId, listed.Output, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, listed.Output, StringComparison.Ordinal);
            }
            Assert.Equal(0, (await PerimeterProcess.RunAsync(["deconfliction", "keys", "retire", "--partner", "us.cbp", "--key-id", keyId, "--data", mx], ct)).ExitCode);
            Assert.Equal(5, (await PerimeterProcess.RunAsync(["deconfliction", "keys", "retire", "--partner", "us.cbp", "--key-id", keyId, "--data", mx], ct)).ExitCode);
            Assert.Equal(0, (await PerimeterProcess.RunAsync(["audit", "verify", "--data", mx], ct)).ExitCode);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}
