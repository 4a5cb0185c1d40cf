using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Perimeter.Storage;

namespace Perimeter.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database for one test: a SQLite file in its own temporary folder, or a PostgreSQL
/// database of its own on the server named by <c>PERIMETER_TEST_POSTGRES</c>. Disposing deletes it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PERIMETER_TEST_POSTGRES";

    private readonly string? folder;
    private readonly string? serverConnectionString;
    private readonly string? name;

    private TestDatabase(Database database, StorageOptions storage, string? folder, string? serverConnectionString, string? name)
    {
        Database = database;
        Storage = storage;
        this.folder = folder;
        this.serverConnectionString = serverConnectionString;
        this.name = name;
    }

    public Database Database { get; }

    /// <summary>What a node would be configured with; <see cref="StorageOptions.Open"/> gives a context.</summary>
    public StorageOptions Storage { get; }

    public static async Task<TestDatabase> CreateAsync(Database database, CancellationToken ct)
    {
        var created = database switch
        {
            Database.Sqlite => CreateSqlite(),
            Database.Postgres => await CreatePostgresAsync(ct),
        };
        try
        {
            await created.Storage.PrepareAsync(ct);
            return created;
        }
        catch
        {
            await created.DisposeAsync();
            throw;
        }
    }

    private static TestDatabase CreateSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("perimeter-test-").FullName;
        return new TestDatabase(Database.Sqlite, StorageOptions.Sqlite(folder), folder, null, null);
    }

    private static async Task<TestDatabase> CreatePostgresAsync(CancellationToken ct)
    {
        // Failing, not skipping: a green run that never touched PostgreSQL would hide its bugs.
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with scripts/test, which starts a throwaway PostgreSQL " +
                $"and sets it, or set it to a connection string whose user may create databases.");
        }
        var name = $"perimeter_test_{Guid.NewGuid():N}";
        await ExecuteAsync(new NpgsqlConnection(server), $"CREATE DATABASE {name}", ct);
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new TestDatabase(Database.Postgres, new StorageOptions(DatabaseKind.Postgres, connectionString), null, server, name);
    }

    /// <summary>A new context on this database; the caller disposes it.</summary>
    public PerimeterDb Open() => Storage.Open();

    /// <summary>
    /// Runs SQL on a connection of its own, outside EF Core and the audit log: what someone with
    /// <c>sqlite3</c> or <c>psql</c> and write access to the database could do.
    /// </summary>
    public Task<int> ExecuteSqlAsync(string sql, CancellationToken ct) => Database switch
    {
        Database.Sqlite => ExecuteAsync(new SqliteConnection(Storage.ConnectionString), sql, ct),
        Database.Postgres => ExecuteAsync(new NpgsqlConnection(Storage.ConnectionString), sql, ct),
    };

    public async ValueTask DisposeAsync()
    {
        switch (Database)
        {
            case Database.Sqlite:
                // Pooled connections keep the file and its write-ahead log open.
                using (var connection = new SqliteConnection(Storage.ConnectionString))
                    SqliteConnection.ClearPool(connection);
                if (folder is not null && Directory.Exists(folder))
                    Directory.Delete(folder, recursive: true);
                break;
            case Database.Postgres:
                using (var connection = new NpgsqlConnection(Storage.ConnectionString))
                    NpgsqlConnection.ClearPool(connection);
                // FORCE ends connections a failed test may have left open.
                await ExecuteAsync(new NpgsqlConnection(serverConnectionString), $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
                break;
        }
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using (connection)
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteNonQueryAsync(ct);
        }
    }
}
