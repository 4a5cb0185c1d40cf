using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Perimeter.Storage;

/// <summary>Which database a node uses: a SQLite file under the data folder, or PostgreSQL.</summary>
public sealed record StorageOptions(DatabaseKind Kind, string ConnectionString)
{
    public static StorageOptions Sqlite(string dataDirectory) =>
        new(DatabaseKind.Sqlite, new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetFullPath(dataDirectory), "perimeter.db"),
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString());

    /// <summary>Opens a context outside dependency injection, as the CLI does.</summary>
    public PerimeterDb Open() => Kind switch
    {
        DatabaseKind.Sqlite => new SqlitePerimeterDb(new DbContextOptionsBuilder<SqlitePerimeterDb>().UseSqlite(ConnectionString).Options),
        DatabaseKind.Postgres => new PostgresPerimeterDb(new DbContextOptionsBuilder<PostgresPerimeterDb>().UseNpgsql(ConnectionString).Options),
    };

    public void Register(IServiceCollection services)
    {
        switch (Kind)
        {
            case DatabaseKind.Sqlite:
                services.AddDbContext<SqlitePerimeterDb>(o => o.UseSqlite(ConnectionString));
                services.AddScoped<PerimeterDb>(sp => sp.GetRequiredService<SqlitePerimeterDb>());
                break;
            case DatabaseKind.Postgres:
                services.AddDbContext<PostgresPerimeterDb>(o => o.UseNpgsql(ConnectionString));
                services.AddScoped<PerimeterDb>(sp => sp.GetRequiredService<PostgresPerimeterDb>());
                break;
        }
    }

    /// <summary>
    /// Whether a node's database is already there (a SQLite file, or a PostgreSQL database with the node's tables), found
    /// without creating anything: a command that only reads must not make an empty node where it was pointed wrong.
    /// </summary>
    public async Task<bool> ExistsAsync(CancellationToken ct)
    {
        if (Kind == DatabaseKind.Sqlite)
            return File.Exists(new SqliteConnectionStringBuilder(ConnectionString).DataSource);
        await using var db = Open();
        return await db.Database.CanConnectAsync(ct) && (await db.Database.GetAppliedMigrationsAsync(ct)).Any();
    }

    /// <summary>Where the database is, for a message: the SQLite file, or the PostgreSQL host and database.</summary>
    public string Describe() => Kind == DatabaseKind.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) is var pg ? $"{pg.Host}:{pg.Port}/{pg.Database}" : "";

    /// <summary>Creates the data folder, applies migrations, and for SQLite turns on write-ahead logging.</summary>
    public async Task PrepareAsync(CancellationToken ct)
    {
        if (Kind == DatabaseKind.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            if (Path.GetDirectoryName(file) is { Length: > 0 } folder)
                Directory.CreateDirectory(folder);
        }
        await using var db = Open();
        await db.Database.MigrateAsync(ct);
        if (Kind == DatabaseKind.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}
