namespace Perimeter.Features.Demo;

/// <summary>Items drawn with fixed weights; built once, then only read.</summary>
internal sealed class WeightedTable<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedTable(params (T Item, double Weight)[] entries)
    {
        if (entries.Length == 0)
            throw new ArgumentException("a table needs at least one entry", nameof(entries));
        _items = [.. entries.Select(e => e.Item)];
        _cumulative = new double[entries.Length];
        var total = 0.0;
        for (var i = 0; i < entries.Length; i++)
            _cumulative[i] = total += entries[i].Weight;
    }

    public IReadOnlyList<T> Items => _items;

    /// <summary>
    /// Weights fall off as 1 / (rank + offset)^exponent, the Zipf–Mandelbrot shape of real name frequencies, so the list
    /// must run from the most common item down. With exponent 0.7 and no offset the first item is drawn about 1.6 times
    /// as often as the second; an offset flattens the head, as a short list of a long-tailed distribution needs.
    /// </summary>
    public static WeightedTable<T> Zipf(IReadOnlyList<T> mostCommonFirst, double exponent = 0.7, double offset = 0) =>
        new([.. mostCommonFirst.Select((item, i) => (item, 1.0 / Math.Pow(i + 1 + offset, exponent)))]);

    /// <summary>The share of draws that give <paramref name="item"/>: 0 when it is not in the table.</summary>
    public double ShareOf(T item)
    {
        var index = Array.IndexOf(_items, item);
        return index < 0 ? 0 : (_cumulative[index] - (index == 0 ? 0 : _cumulative[index - 1])) / _cumulative[^1];
    }

    public T Pick(Random random)
    {
        var point = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, point);
        index = index < 0 ? ~index : index + 1;
        return _items[Math.Min(index, _items.Length - 1)];
    }
}

/// <summary>Small draws the generators share; every one takes the caller's seeded <see cref="Random"/>.</summary>
internal static class RandomDraws
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    // VINs, and many plates and serial numbers, leave out I, O and Q, which read as 1 and 0.
    private const string ClearLetters = "ABCDEFGHJKLMNPRSTUVWXYZ";

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T OneOf<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static string NextLetters(this Random random, int count, bool clear = false) =>
        Draw(random, count, clear ? ClearLetters : Letters);

    public static string NextDigits(this Random random, int count) => Draw(random, count, "0123456789");

    public static string NextChars(this Random random, int count, string alphabet) => Draw(random, count, alphabet);

    /// <summary>A date between <paramref name="first"/> and <paramref name="last"/>, both included.</summary>
    public static DateOnly NextDate(this Random random, DateOnly first, DateOnly last) =>
        first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));

    private static string Draw(Random random, int count, string alphabet) =>
        string.Create(count, (random, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
                span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
        });
}
