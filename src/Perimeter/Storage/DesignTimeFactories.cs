using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Perimeter.Storage;

// Used only by `dotnet ef migrations add`; no database is contacted.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePerimeterDb>
{
    public SqlitePerimeterDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePerimeterDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPerimeterDb>
{
    public PostgresPerimeterDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPerimeterDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
