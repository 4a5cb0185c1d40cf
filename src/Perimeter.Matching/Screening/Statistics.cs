using System.Collections.Frozen;

namespace Perimeter.Matching.Screening;

/// <summary>What the scorer needs to know about the whole list: its size and how common each nationality is.</summary>
internal sealed class Statistics
{
    private readonly FrozenDictionary<string, double> _nationalityShare;

    private Statistics(int totalEntries, FrozenDictionary<string, double> nationalityShare)
    {
        TotalEntries = totalEntries;
        _nationalityShare = nationalityShare;
    }

    public int TotalEntries { get; }

    /// <summary>Share of listed persons of this nationality, smoothed so that a country the list lacks is rare but finite.</summary>
    public double NationalityShare(string country) =>
        _nationalityShare.TryGetValue(country, out var share) ? share : 1.0 / Math.Max(50, TotalEntries);

    public static Statistics Of(Segment @base, Segment delta, IReadOnlySet<int> deadInBase)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var persons = 0;
        void Count(ListedEntry entry)
        {
            if (entry.Kind != SubjectKind.Person || entry.Nationalities.Length == 0)
                return;
            persons++;
            foreach (var country in entry.Nationalities)
                counts[country] = counts.GetValueOrDefault(country) + 1;
        }
        for (var i = 0; i < @base.Count; i++)
        {
            if (!deadInBase.Contains(i))
                Count(@base.Entries[i]);
        }
        foreach (var entry in delta.Entries)
            Count(entry);
        var total = @base.Count - deadInBase.Count + delta.Count;
        return new Statistics(total, counts.ToFrozenDictionary(
            c => c.Key, c => Math.Clamp((c.Value + 1.0) / (persons + 50.0), 0.001, 0.95), StringComparer.Ordinal));
    }
}
