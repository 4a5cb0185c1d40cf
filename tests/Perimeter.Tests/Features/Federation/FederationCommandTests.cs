using Perimeter.Tests.Cli;

namespace Perimeter.Tests.Features.Federation;

/// <summary>pki, partners and agreements at the command line, as an operator runs them.</summary>
public sealed class FederationCommandTests
{
    [Fact]
    public async Task An_operator_makes_an_identity_pins_a_partner_and_adds_an_agreement_and_bad_input_is_one_line_and_a_code()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("perimeter-fedcli-").FullName;
        try
        {
            var us = Path.Combine(root, "us");
            var mx = Path.Combine(root, "mx");

            var init = await PerimeterProcess.RunAsync(["init", "--agency", "us.cbp", "--name", "U.S. Customs and Border Protection", "--data", us], ct);
            var again = await PerimeterProcess.RunAsync(["pki", "init", "--data", us], ct);
            var partnerInit = await PerimeterProcess.RunAsync(["init", "--agency", "mx.inm", "--name", "Instituto Nacional de Migración", "--data", mx], ct);
            Assert.True(init.ExitCode == 0, init.Error);
            Assert.True(partnerInit.ExitCode == 0, partnerInit.Error);
            var pin = init.Output.Split('\n').Single(l => l.StartsWith("sha256 ", StringComparison.Ordinal))["sha256 ".Length..].Trim();
            Assert.Matches("^[0-9a-f]{64}$", pin);
            Assert.Contains(pin, again.Output, StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(us, "pki", "node.p12")));
            Assert.DoesNotContain("PRIVATE KEY", init.Output + init.Error, StringComparison.Ordinal);

            var notPem = Path.Combine(root, "not.crt");
            await File.WriteAllTextAsync(notPem, "hello", ct);
            var bad = await PerimeterProcess.RunAsync(["partners", "add", "--data", us, "--agency", "mx.inm", "--url", "https://127.0.0.1:1", "--certificate", notPem], ct);
            Assert.Equal(3, bad.ExitCode);
            Assert.Single(bad.Error.Trim().Split('\n'));
            Assert.Contains("certificatePem", bad.Error, StringComparison.Ordinal);
            var neither = await PerimeterProcess.RunAsync(["partners", "add", "--data", us, "--agency", "mx.inm", "--url", "https://127.0.0.1:1"], ct);
            Assert.Equal(2, neither.ExitCode);
            Assert.Contains("give --pin (the partner's node running) or --certificate FILE", neither.Error, StringComparison.Ordinal);
            var http = await PerimeterProcess.RunAsync(["partners", "add", "--data", us, "--agency", "mx.inm", "--url", "http://127.0.0.1:1", "--certificate", Path.Combine(mx, "pki", "node.crt")], ct);
            Assert.Equal(3, http.ExitCode);

            var added = await PerimeterProcess.RunAsync(["partners", "add", "--data", us, "--agency", "mx.inm", "--url", "https://127.0.0.1:1", "--certificate", Path.Combine(mx, "pki", "node.crt")], ct);
            Assert.True(added.ExitCode == 0, added.Error);
            Assert.Contains("pinned mx.inm", added.Output, StringComparison.Ordinal);

            var unknownPurpose = await PerimeterProcess.RunAsync(["agreements", "add", "--data", us, "--partner", "mx.inm", "--kinds", "*", "--categories", "*", "--purposes", "gossip"], ct);
            Assert.Equal(3, unknownPurpose.ExitCode);
            Assert.Contains("gossip", unknownPurpose.Error, StringComparison.Ordinal);
            var unknownPartner = await PerimeterProcess.RunAsync(["agreements", "add", "--data", us, "--partner", "gt.igm", "--kinds", "*", "--categories", "*", "--purposes", "migration"], ct);
            Assert.Equal(3, unknownPartner.ExitCode);

            var agreement = await PerimeterProcess.RunAsync(["agreements", "add", "--data", us, "--partner", "mx.inm", "--kinds", "person,vehicle", "--categories", "*", "--purposes", "counter-narcotics,migration"], ct);
            Assert.True(agreement.ExitCode == 0, agreement.Error);
            var id = agreement.Output.Split(' ')[1];
            var suspended = await PerimeterProcess.RunAsync(["agreements", "suspend", id, "--data", us], ct);
            Assert.True(suspended.ExitCode == 0, suspended.Error);
            var missing = await PerimeterProcess.RunAsync(["agreements", "suspend", Guid.NewGuid().ToString(), "--data", us], ct);
            Assert.Equal(5, missing.ExitCode);

            var status = await PerimeterProcess.RunAsync(["partners", "status", "--data", us], ct);
            Assert.True(status.ExitCode == 0, status.Error);
            Assert.Contains("mx.inm", status.Output, StringComparison.Ordinal);

            // A partner's agency is registered by partners add: adding it again says so, as it does for this node's own.
            var known = await PerimeterProcess.RunAsync(["agencies", "add", "mx.inm", "--name", "INM", "--data", us], ct);
            Assert.Equal(3, known.ExitCode);
            Assert.Contains("mx.inm is already known as a partner node", known.Error, StringComparison.Ordinal);
            Assert.Contains("us.cbp is this node's own agency", (await PerimeterProcess.RunAsync(["agencies", "add", "us.cbp", "--name", "CBP", "--data", us], ct)).Error, StringComparison.Ordinal);

            // mx.inm is not running (and the agreement was suspended): the link test says both in one line and fails.
            var tested = await PerimeterProcess.RunAsync(["partners", "test", "mx.inm", "--data", us], ct);
            Assert.Equal(1, tested.ExitCode);
            var line = Assert.Single(tested.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("mx.inm at https://127.0.0.1:1: no agreement with mx.inm is in force here", line, StringComparison.Ordinal);
            Assert.Contains("; unreachable: https://127.0.0.1:1", line, StringComparison.Ordinal);

            var retried = await PerimeterProcess.RunAsync(["partners", "retry", "mx.inm", "--data", us], ct);
            Assert.True(retried.ExitCode == 0, retried.Error);
            Assert.Equal(5, (await PerimeterProcess.RunAsync(["partners", "retry", "gt.igm", "--data", us], ct)).ExitCode);

            // Piped, a pin stays on one line; as JSON, a script reads the same rows.
            var listed = await PerimeterProcess.RunAsync(["partners", "list", "--data", us], ct);
            var partnerPin = File.ReadAllText(Path.Combine(mx, "pki", "node.crt")) is var pem ? Perimeter.Features.Federation.CertificatePin.Of(
                System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(pem)) : "";
            Assert.Contains(listed.Output.Split('\n'), line => line.Contains(partnerPin, StringComparison.Ordinal) && line.Contains("mx.inm", StringComparison.Ordinal));
            var json = await PerimeterProcess.RunAsync(["partners", "list", "--output", "json", "--data", us], ct);
            using var rows = System.Text.Json.JsonDocument.Parse(json.Output);
            Assert.Equal(partnerPin, Assert.Single(rows.RootElement.EnumerateArray()).GetProperty("certificateSha256").GetString());
            Assert.Equal(2, (await PerimeterProcess.RunAsync(["partners", "list", "--output", "xml", "--data", us], ct)).ExitCode);

            var everyPurpose = await PerimeterProcess.RunAsync(["agreements", "add", "--data", us, "--partner", "mx.inm", "--mode", "query", "--kinds", "*", "--categories", "*", "--purposes", "*"], ct);
            Assert.True(everyPurpose.ExitCode == 0, everyPurpose.Error);
            var agreements = await PerimeterProcess.RunAsync(["agreements", "list", "--output", "json", "--data", us], ct);
            Assert.Contains("\"missing-persons\"", agreements.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
