using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Deconfliction;
using Perimeter.Storage;

namespace Perimeter.Benchmarks.Deconfliction;

/// <summary>
/// <c>deconfliction-lookup [--tokens 10000000] [--lookups 1000]</c>: a partner's deconfliction query against a node
/// holding that many blind-index tokens under one key, on SQLite, through the lookup the node runs
/// (<see cref="PartnerDeconfliction.MatchAsync"/>): half the queries hit a registration, half miss. The baseline, in the
/// same run, is the same lookup before the (key, token) index is built: a scan of every token.
/// </summary>
internal static class TokenLookupCommand
{
    private const string Agency = "us.cbp";
    private const int Targets = 10_000;

    public static int Run(string[] args)
    {
        var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var tokens = int.Parse(options.GetValueOrDefault("--tokens", "10000000"), CultureInfo.InvariantCulture);
        var lookups = int.Parse(options.GetValueOrDefault("--lookups", "1000"), CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("perimeter-tokens-").FullName;
        try
        {
            return RunAsync(folder, tokens, lookups).GetAwaiter().GetResult();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunAsync(string folder, int tokenCount, int lookups)
    {
        var ct = CancellationToken.None;
        var storage = StorageOptions.Sqlite(folder);
        await using var db = storage.Open();
        await db.Database.MigrateAsync(ct);
        var keyId = Guid.NewGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var clock = Stopwatch.StartNew();
        var known = await LoadAsync(db, keyId, tokenCount, today, ct);
        Console.WriteLine($"{tokenCount:N0} tokens of {Targets:N0} registrations loaded in {clock.Elapsed.TotalSeconds:F1} s");

        var baseline = await TimeAsync(db, keyId, known, Math.Max(5, lookups / 200), today, ct);
        clock.Restart();
        await db.Database.ExecuteSqlRawAsync("CREATE INDEX \"IX_deconfliction_tokens_KeyId_Token\" ON deconfliction_tokens (\"KeyId\", \"Token\")", ct);
        Console.WriteLine($"index built in {clock.Elapsed.TotalSeconds:F1} s");
        var indexed = await TimeAsync(db, keyId, known, lookups, today, ct);
        Console.WriteLine($"{"lookup",-22} {"queries",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"hits",6}");
        Report("scan (no index)", baseline);
        Report("index (the node's)", indexed);
        return 0;
    }

    /// <summary>Registrations and their tokens, bulk-inserted without the lookup index (built afterwards, as a rebuild would).</summary>
    private static async Task<List<string>> LoadAsync(PerimeterDb db, Guid keyId, int tokenCount, DateOnly today, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("DROP INDEX \"IX_deconfliction_tokens_KeyId_Token\"", ct);
        var targets = Enumerable.Range(0, Targets).Select(_ => Guid.NewGuid()).ToArray();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct))
        {
            await using var target = connection.CreateCommand();
            target.CommandText = "INSERT INTO deconfliction_targets (\"Id\", \"Agency\", \"Kind\", \"Key\", \"Operation\", \"Contact\", \"RegisteredBy\", \"RegisteredAt\", \"ExpiresOn\") "
                + "VALUES ($id, $agency, 'Phone', $key, 'bench', 'bench', 'bench', 0, $expires)";
            var id = target.Parameters.Add("$id", SqliteType.Text);
            target.Parameters.AddWithValue("$agency", Agency);
            var key = target.Parameters.Add("$key", SqliteType.Text);
            target.Parameters.AddWithValue("$expires", today.AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            foreach (var targetId in targets)
            {
                id.Value = targetId.ToString().ToUpperInvariant();
                key.Value = targetId.ToString("N");
                await target.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        var known = new List<string>();
        const int PerTransaction = 500_000;
        for (var start = 0; start < tokenCount; start += PerTransaction)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO deconfliction_tokens (\"KeyId\", \"Token\", \"TargetId\") VALUES ($key, $token, $target)";
            insert.Parameters.AddWithValue("$key", keyId.ToString().ToUpperInvariant());
            var token = insert.Parameters.Add("$token", SqliteType.Text);
            var owner = insert.Parameters.Add("$target", SqliteType.Text);
            for (var i = start; i < Math.Min(tokenCount, start + PerTransaction); i++)
            {
                token.Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
                owner.Value = targets[i % Targets].ToString().ToUpperInvariant();
                await insert.ExecuteNonQueryAsync(ct);
                if (i % (tokenCount / 1000 + 1) == 0)
                    known.Add((string)token.Value);
            }
            await transaction.CommitAsync(ct);
        }
        return known;
    }

    /// <summary>Lookups of two tokens each, as a person's registration sends: one known, one not, every other query.</summary>
    private static async Task<(List<double> Milliseconds, int Hits)> TimeAsync(
        PerimeterDb db, Guid keyId, List<string> known, int count, DateOnly today, CancellationToken ct)
    {
        var times = new List<double>();
        var hits = 0;
        for (var i = 0; i < count; i++)
        {
            string[] asked = i % 2 == 0
                ? [known[i % known.Count], Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))]
                : [Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))];
            var clock = Stopwatch.StartNew();
            var met = await PartnerDeconfliction.MatchAsync(db, keyId, asked, Agency, TargetKind.Phone, today, ct);
            times.Add(clock.Elapsed.TotalMilliseconds);
            hits += met.Count > 0 ? 1 : 0;
        }
        return (times, hits);
    }

    private static void Report(string name, (List<double> Milliseconds, int Hits) run)
    {
        var sorted = run.Milliseconds.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
        Console.WriteLine($"{name,-22} {sorted.Count,8} {At(0.5),8:F2} {At(0.95),8:F2} {At(0.99),8:F2} {run.Hits,6}");
    }
}
