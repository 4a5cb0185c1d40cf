using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Perimeter.Matching.Names;

namespace Perimeter.Benchmarks.Speed;

/// <summary>
/// Baseline in a database: the same folded names in PostgreSQL under a GIN trigram index (pg_trgm), queried with
/// <c>name % q ORDER BY similarity(name, q) DESC LIMIT 5</c> at pg_trgm's default threshold (0.3).
/// </summary>
internal sealed class PostgresTrigram(string connectionString) : IDisposable
{
    private const string Table = "perimeter_bench_names";
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _query;
    private NpgsqlCommand? _scored;

    /// <summary>Loads the names with binary COPY, then builds the index; returns the seconds each took and the index size.</summary>
    public (double LoadSeconds, double IndexSeconds, long IndexBytes) Load(List<string> names, List<int> entryOfName)
    {
        _connection = _source.OpenConnection();
        Execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
        Execute($"DROP TABLE IF EXISTS {Table}");
        // Unlogged: the table is thrown away after the run, as the node's own index is rebuilt on start.
        Execute($"CREATE UNLOGGED TABLE {Table} (entry integer NOT NULL, name text NOT NULL)");
        var started = Stopwatch.GetTimestamp();
        using (var import = _connection.BeginBinaryImport($"COPY {Table} (entry, name) FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = 0; n < names.Count; n++)
            {
                import.StartRow();
                import.Write(entryOfName[n], NpgsqlDbType.Integer);
                import.Write(names[n], NpgsqlDbType.Text);
            }
            import.Complete();
        }
        var load = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Execute("SET maintenance_work_mem = '1GB'");
        started = Stopwatch.GetTimestamp();
        Execute($"CREATE INDEX {Table}_trgm ON {Table} USING gin (name gin_trgm_ops)");
        var index = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Execute($"ANALYZE {Table}");
        using var size = new NpgsqlCommand($"SELECT pg_relation_size('{Table}_trgm')", _connection);
        var bytes = (long)size.ExecuteScalar()!;

        _query = new NpgsqlCommand($"SELECT entry FROM {Table} WHERE name % $1 ORDER BY similarity(name, $1) DESC LIMIT 5", _connection);
        _query.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
        _query.Prepare();
        return (load, index, bytes);
    }

    /// <summary>
    /// The entries of the best names with their similarity, best first, from <paramref name="floor"/> up (pg_trgm's
    /// threshold, lowered so that a threshold can be chosen on calibration queries): at most <paramref name="limit"/>.
    /// </summary>
    public List<(int Entry, double Similarity)> ScreenScored(string query, double floor, int limit)
    {
        if (_scored is null)
        {
            Execute(FormattableString.Invariant($"SET pg_trgm.similarity_threshold = {floor}"));
            _scored = new NpgsqlCommand($"SELECT entry, similarity(name, $1) AS s FROM {Table} WHERE name % $1 ORDER BY s DESC LIMIT {limit}", _connection);
            _scored.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text });
            _scored.Prepare();
        }
        _scored.Parameters[0].Value = NameText.Fold(query);
        var entries = new List<(int, double)>(limit);
        using var reader = _scored.ExecuteReader();
        while (reader.Read())
            entries.Add((reader.GetInt32(0), reader.GetFloat(1)));
        return entries;
    }

    /// <summary>The entries of the best five names, best first.</summary>
    public List<int> Screen(string query)
    {
        _query!.Parameters[0].Value = NameText.Fold(query);   // after Load
        var entries = new List<int>(5);
        using var reader = _query.ExecuteReader();
        while (reader.Read())
            entries.Add(reader.GetInt32(0));
        return entries;
    }

    public void Dispose()
    {
        if (_connection is not null)
        {
            _query?.Dispose();
            _scored?.Dispose();
            Execute($"DROP TABLE IF EXISTS {Table}");
            _connection.Dispose();
        }
        _source.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection);
        command.ExecuteNonQuery();
    }
}
