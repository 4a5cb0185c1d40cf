using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Features.Agencies;
using Perimeter.Features.Alerts;
using Perimeter.Features.Deconfliction;
using Perimeter.Features.Imports;
using Perimeter.Features.Users;
using Perimeter.Storage;

namespace Perimeter.Features.Demo;

/// <summary>
/// Seeds a demo node on its first start: partner agencies, a user for every role, the OFAC list when
/// its files are beside the repository, and synthetic alerts. Later starts find the seed and do nothing.
/// </summary>
public sealed partial class DemoSeeder(
    PerimeterDb db, AgencyService agencies, UserService users, AlertWriter writer, DeconflictionService deconfliction,
    IOptions<NodeOptions> options, TimeProvider time, ILogger<DemoSeeder> logger)
{
    public const int SyntheticAlertCount = 400;

    /// <summary>Seeds a new node; on a node seeded before it does nothing and says so.</summary>
    public async Task<DemoSeed> SeedAsync(CancellationToken ct)
    {
        var node = options.Value;
        if (await db.Alerts.AnyAsync(a => a.ExternalRef != null && a.ExternalRef.StartsWith(SyntheticAlerts.ExternalRefPrefix), ct))
            return DemoSeed.AlreadySeeded;
        var seeder = Caller.Operator(node.Agency) with { ActorId = "demo-seed" };

        foreach (var (id, name) in new[] { ("mx.inm", "Instituto Nacional de Migración"), ("gt.igm", "Instituto Guatemalteco de Migración") })
        {
            if (!await db.Agencies.AnyAsync(a => a.Id == id, ct))
                await agencies.AddAsync(new NewAgency(id, name), seeder, ct);
        }

        var demoUsers = new List<DemoUser>();
        foreach (var (userName, agency, role) in new[]
        {
            ("officer", node.Agency, Role.Officer), ("analyst", node.Agency, Role.Analyst), ("supervisor", node.Agency, Role.Supervisor),
            ("auditor", node.Agency, Role.Auditor), ("admin", node.Agency, Role.Admin), ("mx.liaison", "mx.inm", Role.Analyst),
        })
        {
            var password = NewPassword();
            var added = await users.AddAsync(new NewUser(userName, password, agency, [role]), seeder, ct);
            if (added.User is not null)
                demoUsers.Add(new DemoUser(userName, password, agency, role.ToString()));
        }
        DemoCredentials.Save(node.DataDirectory, demoUsers);
        await SeedDeconflictionAsync(ct);

        string? ofacDirectory = null;
        var ofacAlerts = 0;
        if (!node.DemoImportsOfac)
        {
            LogOfacSkipped();
        }
        else if (FindOfacDirectory(node.DemoOfacDirectory) is { } ofac)
        {
            var list = OfacReader.Read(ofac);
            var result = await writer.ImportAsync([.. list.Entries.Select(e => e.Content)], "ofac", seeder, ct);
            ofacDirectory = ofac;
            ofacAlerts = result.Created + result.Updated + result.Unchanged;
            LogOfac(result.Created, result.Updated);
        }
        else
        {
            LogNoOfac();
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var synthetic = await writer.ImportAsync(SyntheticAlerts.Generate(SyntheticAlertCount, seed: 2026, today), "demo", seeder, ct);
        LogSynthetic(synthetic.Created);
        return new DemoSeed(demoUsers, ofacDirectory, ofacAlerts, synthetic.Created, OfacSkipped: !node.DemoImportsOfac);
    }

    /// <summary>
    /// The Mexican liaison's open operation: a pickup and a phone it watches, and a surveillance planned in Ciudad Juárez,
    /// so that a demo analyst registering the same (docs/cases.md) meets a conflict and is told whom to call.
    /// </summary>
    private async Task SeedDeconflictionAsync(CancellationToken ct)
    {
        var liaison = new Caller { Kind = ActorKind.User, ActorId = "mx.liaison", ActorName = "mx.liaison", Agency = "mx.inm", Roles = new HashSet<Role> { Role.Analyst } };
        const string operation = "Operación Médanos";
        const string contact = "INM Ciudad Juárez, oficial de guardia +52 656 629 3300";
        await deconfliction.RegisterTargetAsync(new NewTarget("plate", "BJX-4471", "Chihuahua", Operation: operation, Contact: contact), liaison, ct);
        await deconfliction.RegisterTargetAsync(new NewTarget("phone", "656 123 4567", Operation: operation, Contact: contact), liaison, ct);
        var tomorrow = time.GetUtcNow().Date.AddDays(1);
        await deconfliction.RegisterEventAsync(new NewOperationEvent("surveillance", 31.7398, -106.4850, 800,
            new DateTimeOffset(tomorrow.AddHours(14), TimeSpan.Zero), new DateTimeOffset(tomorrow.AddHours(22), TimeSpan.Zero), operation, contact), liaison, ct);
    }

    /// <summary>The configured folder, else <c>shared/data/ofac</c> beside the repository the program runs from.</summary>
    public static string? FindOfacDirectory(string? configured) =>
        configured is not null
            ? File.Exists(Path.Combine(configured, "sdn.csv")) ? configured : null
            : ReferenceData.Find("ofac") is { } found && File.Exists(Path.Combine(found, "sdn.csv")) ? found : null;

    private static string NewPassword() =>
        "Demo-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: imported the OFAC SDN list ({Created} created, {Updated} updated)")]
    private partial void LogOfac(int created, int updated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo: no OFAC files found (looked for shared/data/ofac beside the repository). Download sdn.csv, alt.csv and add.csv from OFAC's Sanctions List Service and run: perimeter import ofac DIR")]
    private partial void LogNoOfac();

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: OFAC import skipped (Node:DemoImportsOfac is false)")]
    private partial void LogOfacSkipped();

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: published {Created} synthetic alerts")]
    private partial void LogSynthetic(int created);
}

public sealed record DemoUser(string UserName, string Password, string Agency, string Role);

/// <summary>What the demo seed did: nothing when <see cref="Users"/> is empty and the node was seeded before.</summary>
public sealed record DemoSeed(IReadOnlyList<DemoUser> Users, string? OfacDirectory, int OfacAlerts, int SyntheticAlerts, bool OfacSkipped = false)
{
    public static readonly DemoSeed AlreadySeeded = new([], null, 0, 0);

    public bool IsNew => Users.Count > 0;
}

/// <summary>The demo sign-ins, kept in the data folder (owner-only) so the sign-in page can show them in demo mode.</summary>
public static class DemoCredentials
{
    private const string FileName = "demo-credentials.json";

    public static void Save(string dataDirectory, IReadOnlyList<DemoUser> users)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(users, PerimeterJson.Options));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public static IReadOnlyList<DemoUser> Load(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<List<DemoUser>>(File.ReadAllText(path), PerimeterJson.Options) ?? [] : [];
    }
}
