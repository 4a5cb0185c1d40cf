using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Tests.Cli;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Web;

/// <summary>
/// A node on a network: HTTPS off loopback unless told otherwise, HSTS and strict cookies, forwarded headers only from
/// configured proxies, rate limits whose refusals are audited without flooding the log, and cookie keys encrypted at rest
/// (lockout on the node's clock: SessionTests).
/// </summary>
public sealed class NetworkSecurityTests
{
    [Theory]
    [InlineData("http://0.0.0.0:0", "plain HTTP on an address other than loopback")]
    [InlineData("http://127.0.0.1:0;http://192.0.2.10:0", "plain HTTP on an address other than loopback")]
    [InlineData("https://127.0.0.1:0", "https:// needs a certificate: run perimeter pki init")]
    [InlineData("http//nowhere", "is not a URL")]
    public async Task Serve_refuses_to_listen_unsafely_without_being_told_and_says_how(string urls, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("perimeter-serve-").FullName;
        try
        {
            var result = await PerimeterProcess.RunAsync(["serve", "--urls", urls, .. PerimeterProcess.UsNode(data)], ct);

            Assert.Equal(2, result.ExitCode);
            var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.EndsWith("(see: perimeter serve --help)", line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_port_already_in_use_ends_serve_with_exit_6_and_one_line_not_a_crashed_background_service()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = Directory.CreateTempSubdirectory("perimeter-serve-").FullName;
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";
        try
        {
            var result = await PerimeterProcess.RunAsync(["serve", "--urls", url, .. PerimeterProcess.UsNode(data)], ct);

            Assert.Equal(6, result.ExitCode);
            Assert.Contains($"cannot listen on {url}", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("BackgroundService failed", result.Output + result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("\"Critical\"", result.Output + result.Error, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Over_HTTPS_the_node_sends_HSTS_and_its_cookies_are_Secure_HttpOnly_and_SameSite_Strict()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("perimeter-tls-").FullName;
        var certificate = Path.Combine(folder, "server.p12");
        await File.WriteAllBytesAsync(certificate, SelfSigned("node.example"), ct);
        await using var node = await TestNode.StartAsync(Database.Sqlite, ct, settings: new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["urls"] = "https://127.0.0.1:0",
            ["Node:Http:CertificatePath"] = certificate,
        });
        var user = await node.AddUserAsync(Role.Analyst, ct);
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = node.Address };

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/session") { Content = JsonContent.Create(new { userName = user.UserName, password = Accounts.Password }) };
        // HSTS is never sent to loopback names; a browser reaches the node by its name.
        request.Headers.Host = "node.example";
        using var signedIn = await client.SendAsync(request, ct);

        Assert.Equal("https", node.Address.Scheme);
        Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
        Assert.StartsWith("max-age=31536000", Assert.Single(signedIn.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie =>
        {
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        });
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("127.0.0.1", "203.0.113.7")]
    [InlineData("10.9.8.7", "127.0.0.1")]
    [InlineData(null, "127.0.0.1")]
    public async Task The_audit_log_records_the_client_a_configured_proxy_saw_and_ignores_forwarded_headers_from_anyone_else(string? proxy, string recorded)
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (proxy is not null)
            settings["Node:Http:KnownProxies:0"] = proxy;
        await using var node = await TestNode.StartAsync(Database.Sqlite, ct, settings: settings);
        using var client = node.Bearer("ptk_not-a-token");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.GetAsync("/api/v1/alerts", ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(recorded, Assert.Single(await node.AuditAsync(AuditAction.TokenRejected, null, ct)).RemoteAddress);
    }

    [Fact]
    public async Task Sign_ins_and_unauthenticated_requests_over_their_limit_are_answered_429_and_audited_while_signed_in_callers_go_on()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(Database.Sqlite, ct, settings: new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Node:Http:RateLimits:SignInPerMinute"] = "3",
            ["Node:Http:RateLimits:UnauthenticatedPerMinute"] = "5",
            ["Node:Http:RateLimits:TokenFailuresPerMinute"] = "4",
        });
        var user = await node.AddUserAsync(Role.Analyst, ct);
        using var officer = await node.ClientAsync(TestNode.Agency, Role.Officer, ct, Purposes.Sanctions);
        using var anonymous = node.Anonymous();
        using var badToken = node.Bearer("ptk_not-a-token");

        var signIns = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            signIns.Add((await node.Browser().SignInAsync(user.UserName, "wrong password, wrong", ct)).StatusCode);
        var overLimit = await node.Browser().SignInAsync(user.UserName, Accounts.Password, ct);
        var unauthenticated = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            unauthenticated.Add((await anonymous.GetAsync("/api/v1/alerts", ct)).StatusCode);
        var tokenFailures = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            tokenFailures.Add((await badToken.GetAsync("/api/v1/alerts", ct)).StatusCode);
        var signedIn = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
            signedIn.Add((await officer.GetAsync("/api/v1/alerts", ct)).StatusCode);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], signIns);
        Assert.Equal(HttpStatusCode.TooManyRequests, overLimit.StatusCode);
        Assert.True(int.Parse(Assert.Single(overLimit.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Contains("Too many requests", (await Problem.ReadAsync(overLimit, HttpStatusCode.TooManyRequests, ct)).Detail, StringComparison.Ordinal);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], unauthenticated);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.TooManyRequests], tokenFailures);
        Assert.All(signedIn, status => Assert.Equal(HttpStatusCode.OK, status));
        var limited = await node.AuditAsync(AuditAction.RateLimited, null, ct);
        Assert.Equal(4, limited.Count);
        Assert.Contains(limited, r => r.Detail == "POST /api/v1/session");
        Assert.All(limited, r => Assert.Equal((AuditOutcome.Denied, "127.0.0.1"), (r.Outcome, r.RemoteAddress)));
    }

    [Fact]
    public async Task A_flood_of_bad_tokens_is_audited_as_its_first_refusals_and_one_count_not_a_record_each()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(Database.Sqlite, ct);
        using var badToken = node.Bearer("ptk_not-a-token");
        using var officer = await node.ClientAsync(TestNode.Agency, Role.Officer, ct, Purposes.Sanctions);

        var refused = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => badToken.GetAsync("/api/v1/alerts", ct)));
        using var meanwhile = await officer.GetAsync("/api/v1/alerts", ct);
        var beforeTheWindowCloses = await node.AuditAsync(AuditAction.TokenRejected, null, ct);
        node.Time.Advance(RefusalAudit.Window);
        await node.Services.GetRequiredService<RefusalAudit>().FlushAsync(ct);
        var after = await node.AuditAsync(AuditAction.TokenRejected, null, ct);

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);
        Assert.Equal(RefusalAudit.RecordedPerWindow, beforeTheWindowCloses.Count);
        var count = Assert.Single(after.Skip(RefusalAudit.RecordedPerWindow));
        Assert.StartsWith($"{300 - RefusalAudit.RecordedPerWindow} more from 127.0.0.1 between", count.Detail, StringComparison.Ordinal);
        Assert.Equal(AuditOutcome.Denied, count.Outcome);
        foreach (var response in refused)
            response.Dispose();
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Cookie_keys_are_stored_encrypted_and_a_restarted_node_still_accepts_its_sessions(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var shared = await TestDatabase.CreateAsync(database, ct);
        var data = Directory.CreateTempSubdirectory("perimeter-keys-").FullName;
        var jar = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = jar });
        await using (var first = await TestNode.StartAsync(database, ct, shared: shared, dataDirectory: data))
        {
            var user = await first.AddUserAsync(Role.Analyst, ct);
            browser.BaseAddress = first.Address;
            Assert.Equal(HttpStatusCode.NoContent, (await browser.SignInAsync(user.UserName, Accounts.Password, ct)).StatusCode);
        }
        await using var restarted = await TestNode.StartAsync(database, ct, shared: shared, dataDirectory: data);
        using var again = new HttpClient(new HttpClientHandler { CookieContainer = CookiesFor(jar, restarted.Address) }) { BaseAddress = restarted.Address };

        var session = await again.GetAsync("/api/v1/session", ct);
        await using var db = shared.Open();
        var keys = await db.Set<DataProtectionKey>().AsNoTracking().Select(k => k.Xml).ToListAsync(ct);

        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        Assert.True(File.Exists(Path.Combine(data, "pki", "key-encryption.p12")));
        Directory.Delete(data, recursive: true);
    }

    /// <summary>The first node's cookies, presented to the restarted node on its new port.</summary>
    private static CookieContainer CookiesFor(CookieContainer jar, Uri address)
    {
        var container = new CookieContainer();
        foreach (Cookie cookie in jar.GetAllCookies())
            container.Add(address, new Cookie(cookie.Name, cookie.Value));
        return container;
    }

    private static byte[] SelfSigned(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return certificate.Export(X509ContentType.Pkcs12);
    }
}
