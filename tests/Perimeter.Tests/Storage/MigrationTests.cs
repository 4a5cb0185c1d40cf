using Microsoft.EntityFrameworkCore;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Storage;

public sealed class MigrationTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Migrations_apply_to_a_fresh_database_and_leave_none_pending(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await using var db = test.Open();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_model_has_no_changes_missing_from_the_migrations(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await using var db = test.Open();

        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/migrations NAME to add a migration for both databases.");
    }

    // A migration can match the model snapshot and still create nothing (an empty Up): query every table.
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Migrations_create_a_table_for_every_entity(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await using var db = test.Open();

        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var missing = new List<string>();
        foreach (var table in tables)
        {
            try
            {
                await test.ExecuteSqlAsync($"SELECT COUNT(*) FROM \"{table}\"", ct);
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
            {
                missing.Add(table);
            }
        }

        Assert.NotEmpty(tables);
        Assert.Empty(missing);
    }
}
