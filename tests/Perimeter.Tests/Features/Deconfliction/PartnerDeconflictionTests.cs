using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Features.Deconfliction;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Deconfliction;

/// <summary>
/// Deconfliction between two nodes by keyed blind index: overlapping targets meet across the federation, each side is
/// told the other's contact only, neither database holds the other's identifiers, and a rotated key keeps working.
/// </summary>
public sealed class PartnerDeconflictionTests
{
    private const string UsContact = "CBP San Diego watch +1 619 652 9966";
    private const string MxContact = "INM Tijuana, oficial de guardia +52 664 682 3400";

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Overlapping_targets_meet_across_nodes_without_either_database_holding_the_others_identifiers_and_a_rotated_key_still_finds_them(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", database, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", database, ct);
        await FederationNode.JoinAsync(us, mx, ct);
        var first = await KeyAsync(us, mx, ct);
        using var american = await us.Running.ClientAsync("us.cbp", Role.Analyst, ct);
        using var mexican = await mx.Running.ClientAsync("mx.inm", Role.Analyst, ct);

        // Mexico registers a phone, a plate and a person; the US then registers the phone and the person, written its way.
        var phone = await RegisterAsync(mexican, new { kind = "phone", value = "664 123 4567", operation = "Operación Halcón", contact = MxContact }, ct);
        Assert.Empty(phone.Conflicts);
        await RegisterAsync(mexican, new { kind = "plate", value = "AGD-123-C", issuer = "Baja California", operation = "Operación Halcón", contact = MxContact }, ct);
        await RegisterAsync(mexican, new { kind = "person", givenNames = "José Manuel", surnames = "Núñez Salazar", dateOfBirth = "1980-05-04", operation = "Operación Halcón", contact = MxContact }, ct);

        var samePhone = await RegisterAsync(american, new { kind = "phone", value = "+52 (664) 123-4567", operation = "Operation Tailwind", contact = UsContact }, ct);
        var conflict = Assert.Single(samePhone.Conflicts);
        Assert.Equal(("mx.inm", MxContact), (conflict.OtherAgency, conflict.Contact));
        Assert.Single((await RegisterAsync(american, new { kind = "person", givenNames = "Jose M.", surnames = "Nunez", dateOfBirth = "1980-05-04", operation = "Operation Tailwind", contact = UsContact }, ct)).Conflicts);
        Assert.Empty((await RegisterAsync(american, new { kind = "person", givenNames = "Jose", surnames = "Nunez", dateOfBirth = "1981-05-04", operation = "Operation Tailwind", contact = UsContact }, ct)).Conflicts);

        // Mexico sees both, with CBP's contact, against its own registrations.
        var seen = await mexican.GetFromJsonAsync<List<ConflictView>>("/api/v1/deconfliction/conflicts", PerimeterJson.Options, ct);
        Assert.Equal(2, seen!.Count);
        Assert.All(seen, c => Assert.Equal(("us.cbp", UsContact), (c.OtherAgency, c.Contact)));
        Assert.Contains(seen, c => c.YourRegistration == phone.Id);
        Assert.Single(await mx.Running.AuditAsync(AuditAction.DeconflictionConflict, phone.Id, ct));

        // Neither database holds what only the other registered: no plate, no maternal surname, no operation name.
        foreach (var (node, foreign) in new[] { (us, new[] { "AGD123C", "alazar", "ALAZAR", "Halcón" }), (mx, new[] { "Tailwind" }) })
        {
            var text = await node.QueryAsync(async db => string.Join('\n',
                (await db.DeconflictionTargets.AsNoTracking().ToListAsync(ct)).Select(t => $"{t.Key} {t.GivenNames} {t.Surnames} {t.Operation} {t.Contact}")
                .Concat((await db.DeconflictionConflicts.AsNoTracking().ToListAsync(ct)).Select(c => $"{c.Subject} {c.RemoteContact}"))
                .Concat((await db.AuditRecords.AsNoTracking().ToListAsync(ct)).Select(r => $"{r.TargetIds} {r.Detail}"))));
            Assert.All(foreign, word => Assert.DoesNotContain(word, text, StringComparison.Ordinal));
        }

        // Rotation: a new key on both sides, the old one retired on both; registrations after it still meet.
        Advance(us, mx);
        var second = await KeyAsync(us, mx, ct);
        Assert.NotEqual(first, second);
        foreach (var (node, partner) in new[] { (us, "mx.inm"), (mx, "us.cbp") })
        {
            await using var scope = node.Running.Services.CreateAsyncScope();
            Assert.True(await scope.ServiceProvider.GetRequiredService<PartnerDeconfliction>().RetireKeyAsync(partner, first, Caller.Operator(node.Agency), ct));
        }
        await RegisterAsync(mexican, new { kind = "email", value = "ringleader@example.com", operation = "Operación Halcón", contact = MxContact }, ct);
        Assert.Single((await RegisterAsync(american, new { kind = "email", value = "ringleader@example.com", operation = "Operation Tailwind", contact = UsContact }, ct)).Conflicts);

        // Mid-rotation: us.cbp made a third key that mx.inm has not added yet. mx.inm refuses it, audited, and us.cbp asks
        // again with the key before it, so the conflict is still found.
        Advance(us, mx);
        await using (var scope = us.Running.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PartnerDeconfliction>().CreateKeyAsync("mx.inm", Caller.Operator("us.cbp"), ct);
        await RegisterAsync(mexican, new { kind = "vin", value = "1FTFW1ET5DFC10312", operation = "Operación Halcón", contact = MxContact }, ct);
        Assert.Single((await RegisterAsync(american, new { kind = "vin", value = "1FTFW1ET5DFC10312", operation = "Operation Tailwind", contact = UsContact }, ct)).Conflicts);
        Assert.Contains(await mx.Running.AuditAsync(AuditAction.DeconflictionConflict, null, ct), r => r.Outcome == AuditOutcome.Denied && r.Detail!.StartsWith("unknown key", StringComparison.Ordinal));

        // Hostile or malformed queries from a pinned partner are problems that record nothing.
        using var federation = Perimeter.Tests.Features.Federation.Federations.ClientOf(us, mx);
        var conflictsBefore = await mx.QueryAsync(db => db.DeconflictionConflicts.CountAsync(ct));
        var tooMany = new DeconflictionQuery(second, Guid.NewGuid(), "phone", [.. Enumerable.Range(0, 101).Select(i => $"t{i}")], UsContact);
        Assert.NotEmpty((await Problem.ReadAsync(await federation.PostAsJsonAsync(PartnerDeconfliction.Path, tooMany, PerimeterJson.Options, ct), HttpStatusCode.BadRequest, ct)).For("tokens"));
        using var noTokens = new StringContent($$"""{"keyId":"{{second}}","registration":"{{Guid.NewGuid()}}","kind":"phone","tokens":null,"contact":"x"}""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await federation.PostAsync(PartnerDeconfliction.Path, noTokens, ct)).StatusCode);
        var unknownKind = new DeconflictionQuery(second, Guid.NewGuid(), "spaceship", ["x"], UsContact);
        Assert.Equal(HttpStatusCode.Forbidden, (await federation.PostAsJsonAsync(PartnerDeconfliction.Path, unknownKind, PerimeterJson.Options, ct)).StatusCode);
        Assert.Equal(conflictsBefore, await mx.QueryAsync(db => db.DeconflictionConflicts.CountAsync(ct)));
    }

    /// <summary>A minute passes on both nodes' clocks: the newer key is the one made later.</summary>
    private static void Advance(params FederationNode[] nodes)
    {
        foreach (var node in nodes)
            node.Running.Time.Advance(TimeSpan.FromMinutes(1));
    }

    /// <summary>us.cbp makes a key with mx.inm and mx.inm adds it, as their operators would with the keys commands.</summary>
    private static async Task<string> KeyAsync(FederationNode us, FederationNode mx, CancellationToken ct)
    {
        await using var usScope = us.Running.Services.CreateAsyncScope();
        var key = await usScope.ServiceProvider.GetRequiredService<PartnerDeconfliction>().CreateKeyAsync("mx.inm", Caller.Operator("us.cbp"), ct);
        await using var mxScope = mx.Running.Services.CreateAsyncScope();
        Assert.Null(await mxScope.ServiceProvider.GetRequiredService<PartnerDeconfliction>().AddKeyAsync("us.cbp", key!.Value.KeyId, key.Value.Secret, Caller.Operator("mx.inm"), ct));
        return key.Value.KeyId;
    }

    private static async Task<Registered> RegisterAsync(HttpClient client, object request, CancellationToken ct)
    {
        var response = await client.PostAsJsonAsync("/api/v1/deconfliction/targets", request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return PerimeterJson.Deserialize<Registered>(body);
    }
}
