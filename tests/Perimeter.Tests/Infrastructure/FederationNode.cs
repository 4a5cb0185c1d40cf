using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Federation;
using Perimeter.Storage;

namespace Perimeter.Tests.Infrastructure;

/// <summary>
/// A node of a test federation: its own database, data folder, key pair and certificate, and a federation
/// listener on 127.0.0.1 that partners reach over real HTTPS with mutual TLS. It can be stopped and started
/// again on the same port, database and identity, as an outage would.
/// </summary>
public sealed class FederationNode : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly string _dataDirectory;
    private int _port;

    private FederationNode(string agency, TestDatabase database, string dataDirectory, NodeIdentity identity, int port)
    {
        Agency = agency;
        _database = database;
        _dataDirectory = dataDirectory;
        Identity = identity;
        _port = port;
    }

    public string Agency { get; }
    public NodeIdentity Identity { get; }
    public TestNode? Node { get; private set; }
    public TestNode Running => Node ?? throw new InvalidOperationException($"{Agency} is stopped.");
    public TestDatabase Database => _database;
    public string FederationUrl => $"https://127.0.0.1:{_port}";

    public static async Task<FederationNode> StartAsync(string agency, Database database, CancellationToken ct)
    {
        var db = await TestDatabase.CreateAsync(database, ct);
        var dataDirectory = Directory.CreateTempSubdirectory("perimeter-fed-").FullName;
        var identity = NodeIdentity.Create(dataDirectory, agency, null, DateTimeOffset.UtcNow);
        var node = new FederationNode(agency, db, dataDirectory, identity, FreePort());
        // Tests run in parallel: a port free a moment ago may be taken by another test's node. Try another.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await node.RestartAsync(ct);
                return node;
            }
            catch (IOException) when (attempt < 5)
            {
                node._port = FreePort();
            }
        }
    }

    public async Task RestartAsync(CancellationToken ct)
    {
        if (Node is not null)
            return;
        Node = await TestNode.StartAsync(_database.Database, ct, shared: _database, dataDirectory: _dataDirectory, settings: new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Node:Agency"] = Agency,
            ["Node:AgencyName"] = Agency,
            ["Node:Federation:Url"] = FederationUrl,
            ["Node:Federation:DeliveryIntervalMilliseconds"] = "50",
            ["Node:Federation:MaxBackoffSeconds"] = "2",
        });
    }

    /// <summary>Stops the node as an outage would; its database, identity and port stay.</summary>
    public async Task StopAsync()
    {
        if (Node is { } node)
        {
            Node = null;
            await node.DisposeAsync();
        }
    }

    /// <summary>Pins <paramref name="partner"/>'s certificate and URL here, as <c>perimeter partners add</c> does.</summary>
    public async Task PinAsync(FederationNode partner, CancellationToken ct, string? url = null)
    {
        await using var scope = Running.Services.CreateAsyncScope();
        var (added, errors) = await scope.ServiceProvider.GetRequiredService<PartnerService>().AddAsync(
            new NewPartner(partner.Agency, url ?? partner.FederationUrl, partner.Identity.Certificate.ExportCertificatePem()), Caller.Operator(Agency), ct);
        Assert.True(added is not null, $"partner not added: {errors}");
    }

    /// <summary>An agreement here with <paramref name="partner"/>: every kind and category, counter-narcotics, up to AMBER, unless changed.</summary>
    public async Task<AgreementView> AgreeAsync(string partner, CancellationToken ct, Func<NewAgreement, NewAgreement>? change = null)
    {
        var agreement = new NewAgreement
        {
            Partner = partner,
            Kinds = [Agreement.Any],
            Categories = [Agreement.Any],
            Purposes = Purposes.CounterNarcotics,
            HighestTlp = Tlp.Amber,
            RetentionDays = 365,
        };
        await using var scope = Running.Services.CreateAsyncScope();
        var (added, errors) = await scope.ServiceProvider.GetRequiredService<AgreementService>().AddAsync(change?.Invoke(agreement) ?? agreement, Caller.Operator(Agency), ct);
        return added ?? throw new InvalidOperationException($"agreement not added: {errors}");
    }

    /// <summary>Pins both nodes to each other and gives each an agreement with the other.</summary>
    public static async Task JoinAsync(FederationNode a, FederationNode b, CancellationToken ct, Func<NewAgreement, NewAgreement>? change = null)
    {
        await a.PinAsync(b, ct);
        await b.PinAsync(a, ct);
        await a.AgreeAsync(b.Agency, ct, change);
        await b.AgreeAsync(a.Agency, ct, change);
    }

    /// <summary>Runs <paramref name="work"/> on a fresh context of this node's database, outside the node.</summary>
    public async Task<T> QueryAsync<T>(Func<PerimeterDb, Task<T>> work)
    {
        await using var db = _database.Open();
        return await work(db);
    }

    public Task<Alert?> CopyAsync(Guid id) =>
        QueryAsync(db => db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id));

    public Task<int> CopiesFromAsync(string originator) =>
        QueryAsync(db => db.Alerts.CountAsync(a => a.IsPartnerCopy && a.Originator == originator));

    /// <summary>Waits, up to <paramref name="seconds"/>, until <paramref name="done"/> holds; fails naming <paramref name="what"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> done, string what, CancellationToken ct, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            if (DateTime.UtcNow > until)
                Assert.Fail($"not within {seconds} s: {what}");
            await Task.Delay(100, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _database.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    /// <summary>A port free now; the node takes it at once, and takes it again when it restarts.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
