using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Audit;
using Perimeter.Storage;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Audit;

public sealed class AuditGroupCommitTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Records_arriving_together_are_all_committed_in_one_intact_chain_before_their_callers_return(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await using var services = Services(test);
        var groupCommit = services.GetRequiredService<AuditGroupCommit>();

        await Task.WhenAll(Enumerable.Range(1, 300).Select(i =>
            groupCommit.RecordAsync(AuditTrail.Operator, new AuditEntry(AuditAction.Screen, "alert", null, Detail: $"screening {i}"), ct)));

        var details = (await AuditTrail.ReadAllAsync(test, ct)).Select(r => r.Detail).ToHashSet();
        Assert.Equal(300, details.Count);
        Assert.All(Enumerable.Range(1, 300), i => Assert.Contains($"screening {i}", details));
        var check = await AuditTrail.VerifyAsync(test, ct);
        Assert.True(check.IsIntact, check.FirstBrokenLink?.Reason);
    }

    [Fact]
    public async Task A_record_the_database_refuses_fails_its_caller_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        // PostgreSQL enforces the column's length; the oversized target stands for any record the database refuses.
        await using var test = await TestDatabase.CreateAsync(Database.Postgres, ct);
        await using var services = Services(test);
        var groupCommit = services.GetRequiredService<AuditGroupCommit>();

        var good = Enumerable.Range(1, 20)
            .Select(i => groupCommit.RecordAsync(AuditTrail.Operator, new AuditEntry(AuditAction.Read, "alert", null, Detail: $"read {i}"), ct))
            .ToList();
        var refused = groupCommit.RecordAsync(AuditTrail.Operator, new AuditEntry(AuditAction.Read, new string('x', 41), null, Detail: "refused"), ct);
        good.AddRange(Enumerable.Range(21, 20)
            .Select(i => groupCommit.RecordAsync(AuditTrail.Operator, new AuditEntry(AuditAction.Read, "alert", null, Detail: $"read {i}"), ct)));

        await Task.WhenAll(good);
        await Assert.ThrowsAnyAsync<Exception>(() => refused);
        var records = await AuditTrail.ReadAllAsync(test, ct);
        Assert.Equal(40, records.Count);
        Assert.DoesNotContain(records, r => r.Detail == "refused");
        Assert.True((await AuditTrail.VerifyAsync(test, ct)).IsIntact);
    }

    private static ServiceProvider Services(TestDatabase test) => new ServiceCollection()
        .AddLogging()
        .AddScoped<PerimeterDb>(_ => test.Open())
        .AddScoped(sp => new AuditLog(sp.GetRequiredService<PerimeterDb>(), TimeProvider.System))
        .AddSingleton<AuditGroupCommit>()
        .BuildServiceProvider();
}
