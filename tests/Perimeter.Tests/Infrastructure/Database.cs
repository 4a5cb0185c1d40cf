namespace Perimeter.Tests.Infrastructure;

/// <summary>The databases a node can run on; storage tests run once on each.</summary>
public enum Database
{
    Sqlite,
    Postgres,
}

public static class Databases
{
    /// <summary>For <c>[Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]</c>.</summary>
    public static TheoryData<Database> Both => new() { Database.Sqlite, Database.Postgres };
}
