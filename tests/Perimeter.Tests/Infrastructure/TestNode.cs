using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Perimeter.Features.Access;
using Perimeter.Features.Agencies;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Features.Tokens;
using Perimeter.Storage;

namespace Perimeter.Tests.Infrastructure;

/// <summary>
/// A real node on Kestrel at 127.0.0.1 on a free port, over a fresh database of its own (or a shared one,
/// for replicas). Tests talk to it over real HTTP with real tokens.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestDatabase? _ownedDatabase;
    private readonly string _dataDirectory;
    private readonly List<HttpClient> _clients = [];

    private readonly bool _ownsDataDirectory;

    private TestNode(WebApplication app, TestDatabase database, TestDatabase? owned, string dataDirectory, bool ownsDataDirectory, FakeTimeProvider time, Uri address, Uri? federationAddress)
    {
        _app = app;
        Database = database;
        _ownedDatabase = owned;
        _dataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        Time = time;
        Address = address;
        FederationAddress = federationAddress;
    }

    /// <summary>The HTTPS listener partners call, when the node has <c>Node:Federation:Url</c>.</summary>
    public Uri? FederationAddress { get; }

    public TestDatabase Database { get; }
    public FakeTimeProvider Time { get; }
    public Uri Address { get; }
    public IServiceProvider Services => _app.Services;
    public const string Agency = "us.cbp";

    /// <summary>
    /// Starts a node; pass <paramref name="shared"/> to start another replica on the same database, and
    /// <paramref name="dataDirectory"/> for a data folder the caller owns and keeps (a node that restarts).
    /// </summary>
    public static async Task<TestNode> StartAsync(Database database, CancellationToken ct, TestDatabase? shared = null,
        IDictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        var owned = shared is null ? await TestDatabase.CreateAsync(database, ct) : null;
        var db = shared ?? owned!;
        var ownsDataDirectory = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("perimeter-node-").FullName;
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Node:Agency"] = Agency,
            ["Node:Database"] = db.Storage.Kind.ToString(),
            ["Node:ConnectionString"] = db.Storage.ConnectionString,
            ["Node:DataDirectory"] = dataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
            // Every test talks from 127.0.0.1: the limits are the rate-limit tests' to set.
            ["Node:Http:RateLimits:SignInPerMinute"] = "1000000",
            ["Node:Http:RateLimits:TokenFailuresPerMinute"] = "1000000",
            ["Node:Http:RateLimits:UnauthenticatedPerMinute"] = "1000000",
            ["Node:Http:RateLimits:FederationPerMinute"] = "1000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            overrides[key] = value;
        var app = NodeHost.Build(overrides, services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
        try
        {
            await NodeHost.PrepareAsync(app, ct);
            await app.StartAsync(ct);
        }
        catch
        {
            // A node that failed to start (a port taken) must not leave its background jobs running.
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            if (owned is not null)
                await owned.DisposeAsync();
            throw;
        }
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        // The federation listener is the one on the port of Node:Federation:Url; the node's own URL is the other.
        var federationPort = app.Configuration["Node:Federation:Url"] is { } url ? new Uri(url).Port : -1;
        var federation = addresses.FirstOrDefault(a => federationPort > 0 && new Uri(a).Port == federationPort);
        var address = addresses.First(a => a != federation);
        return new TestNode(app, db, owned, dataDirectory, ownsDataDirectory, time, new Uri(address), federation is null ? null : new Uri(federation));
    }

    /// <summary>A client that presents a fresh API token of <paramref name="agency"/> in <paramref name="role"/>.</summary>
    public async Task<HttpClient> ClientAsync(string agency, Role role, CancellationToken ct, Purposes purpose = Purposes.None)
    {
        await EnsureAgencyAsync(agency, ct);
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<TokenService>()
            .CreateAsync($"test {agency} {role}", agency, role, null, Caller.Operator(Agency), ct);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Secret);
        if (purpose != Purposes.None)
            client.DefaultRequestHeaders.Add(Caller.PurposeHeader, MarkingText.Of<Purposes>(purpose));
        return client;
    }

    public HttpClient Anonymous(HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = Address;
        _clients.Add(client);
        return client;
    }

    public async Task EnsureAgencyAsync(string agency, CancellationToken ct)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerimeterDb>();
        if (!await db.Agencies.AnyAsync(a => a.Id == agency, ct))
            await scope.ServiceProvider.GetRequiredService<AgencyService>().AddAsync(new NewAgency(agency, agency), Caller.Operator(Agency), ct);
    }

    /// <summary>Publishes through the API as an analyst of <paramref name="agency"/>.</summary>
    public async Task<AlertView> PublishAsync(AlertContent content, CancellationToken ct, string agency = "us.cbp")
    {
        using var analyst = await ClientAsync(agency, Role.Analyst, ct);
        var response = await analyst.PostAsJsonAsync("/api/v1/alerts", content, PerimeterJson.Options, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AlertView>(PerimeterJson.Options, ct))!;
    }

    /// <summary>Audit records of one action that name <paramref name="id"/>, read straight from the database.</summary>
    public async Task<IReadOnlyList<AuditRecord>> AuditAsync(AuditAction action, object? id, CancellationToken ct)
    {
        await using var db = Database.Storage.Open();
        var text = id?.ToString();
        return await db.AuditRecords.AsNoTracking()
            .Where(r => r.Action == action && (text == null || (r.TargetIds != null && r.TargetIds.Contains(text))))
            .OrderBy(r => r.Sequence).ToListAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownedDatabase is not null)
            await _ownedDatabase.DisposeAsync();
        if (_ownsDataDirectory)
            Directory.Delete(_dataDirectory, recursive: true);
    }
}
