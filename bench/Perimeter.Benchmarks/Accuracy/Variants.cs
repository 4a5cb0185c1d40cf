using Perimeter.Matching.Names;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>
/// The rules that turn a listed name into the way a traveller's document, a form or an officer writes it. Each rule
/// returns null when it does not apply to the name (no second surname to drop, no nickname known), so that no query
/// is ever the listed name unchanged under a variant's label. Randomness comes only from the <see cref="Random"/>
/// passed in, seeded per entry by <see cref="DevSetBuilder"/>.
/// </summary>
internal sealed class Variants(VariantTables tables)
{
    public VariantTables Tables => tables;

    /// <summary>"Jose HERNANDEZ" → "José HERNÁNDEZ": every word with a known accented spelling gets it.</summary>
    public static NameForm? Accent(NameForm name, Random random)
    {
        var changed = false;
        string[] Apply(string[] tokens) => [.. tokens.Select(t =>
        {
            if (VariantTables.Accented(NameText.Fold(t)) is { } accented && NameForm.Overlay(t, accented) is { } written && written != t)
            {
                changed = true;
                return written;
            }
            return t;
        })];
        var result = new NameForm(Apply(name.Given), Apply(name.Surnames));
        return changed ? result : null;
    }

    /// <summary>"GUZMAN LOERA" → "GUZMAN": the surnames after the first (paternal) one are left out; needs two.</summary>
    public static NameForm? MaternalDropped(NameForm name, Random random)
    {
        var firstCore = Array.FindIndex(name.Surnames, t => !NameForm.IsParticle(t));
        if (firstCore < 0 || NameForm.CoreCount(name.Surnames[(firstCore + 1)..]) == 0)
            return null;
        return name with { Surnames = name.Surnames[..(firstCore + 1)] };
    }

    /// <summary>"Jose de Jesus" → "Jose", "Juan Carlos" → "Juan": only the first given name is kept; needs two.</summary>
    public static NameForm? GivenDropped(NameForm name, Random random)
    {
        var firstCore = Array.FindIndex(name.Given, t => !NameForm.IsParticle(t));
        if (firstCore < 0 || NameForm.CoreCount(name.Given[(firstCore + 1)..]) == 0)
            return null;
        return name with { Given = name.Given[..(firstCore + 1)] };
    }

    /// <summary>"Francisco" → "Pancho", "William" → "Bill", "Jose Maria" → "Chema": one given name (or a two-word one) becomes a nickname from the tables.</summary>
    public NameForm? Hypocorism(NameForm name, Random random) => ReplaceGiven(name, random, tables.Nicknames, allowPairs: true);

    /// <summary>"Guillermo" → "William", "Jose" → "Joseph": one given name in the other language.</summary>
    public NameForm? Translation(NameForm name, Random random) => ReplaceGiven(name, random, tables.Translations, allowPairs: false);

    private static NameForm? ReplaceGiven(NameForm name, Random random, IReadOnlyDictionary<string, string[]> table, bool allowPairs)
    {
        var options = new List<(int Start, int Length, string[] Replacements)>();
        for (var i = 0; i < name.Given.Length; i++)
        {
            if (allowPairs && i + 1 < name.Given.Length
                && table.TryGetValue($"{NameText.Fold(name.Given[i])} {NameText.Fold(name.Given[i + 1])}", out var forPair))
                options.Add((i, 2, forPair));
            if (table.TryGetValue(NameText.Fold(name.Given[i]), out var forOne))
                options.Add((i, 1, forOne));
        }
        if (options.Count == 0)
            return null;
        var (start, length, replacements) = options[random.Next(options.Count)];
        var replacement = NameForm.CasedLike(name.Given[start], replacements[random.Next(replacements.Length)]);
        return name with { Given = [.. name.Given[..start], replacement, .. name.Given[(start + length)..]] };
    }

    /// <summary>"DE LA ROSA" → "DELAROSA", "GARCIA DEL RIO" → "GARCIA DELRIO": a surname's particles glued to it; needs a particle.</summary>
    public static NameForm? GluedParticle(NameForm name, Random random)
    {
        var start = Array.FindIndex(name.Surnames, NameForm.IsParticle);
        if (start < 0)
            return null;
        var core = Array.FindIndex(name.Surnames, start, t => !NameForm.IsParticle(t));
        if (core < 0)
            return null;
        var glued = string.Concat(name.Surnames[start..(core + 1)]).ToUpperInvariant();
        return name with { Surnames = [.. name.Surnames[..start], glued, .. name.Surnames[(core + 1)..]] };
    }

    /// <summary>"Jose Maria" → "J. Maria": the first given name as an initial; needs two given names.</summary>
    public static NameForm? Initial(NameForm name, Random random)
    {
        var firstCore = Array.FindIndex(name.Given, t => !NameForm.IsParticle(t));
        if (firstCore < 0 || NameForm.CoreCount(name.Given) < 2 || name.Given[firstCore].Length < 2)
            return null;
        var initial = $"{char.ToUpperInvariant(name.Given[firstCore][0])}.";
        return name with { Given = [.. name.Given[..firstCore], initial, .. name.Given[(firstCore + 1)..]] };
    }

    /// <summary>
    /// One typing error in a word of four or more letters: a keyboard neighbour for a letter ("garcia" → "garcis"),
    /// two neighbours swapped ("garcia" → "gracia") or a letter left out ("garcia" → "garca"), chosen at random.
    /// </summary>
    public static NameForm? Typo(NameForm name, Random random) => Typos(name, random, 1);

    /// <summary>Two typing errors, in two different words when two are long enough, else both in one word of eight or more letters.</summary>
    public static NameForm? TwoTypos(NameForm name, Random random) => Typos(name, random, 2);

    private static NameForm? Typos(NameForm name, Random random, int count)
    {
        var tokens = name.Given.Concat(name.Surnames).ToArray();
        var eligible = Enumerable.Range(0, tokens.Length).Where(i => IsWord(tokens[i], 4)).ToList();
        if (eligible.Count == 0)
            return null;
        int[] targets;
        if (count == 1)
            targets = [eligible[random.Next(eligible.Count)]];
        else if (eligible.Count >= 2)
        {
            var first = eligible[random.Next(eligible.Count)];
            eligible.Remove(first);
            targets = [first, eligible[random.Next(eligible.Count)]];
        }
        else if (tokens[eligible[0]].Length >= 8)
            targets = [eligible[0], eligible[0]];
        else
            return null;
        foreach (var target in targets)
            tokens[target] = OneTypo(tokens[target], random);
        return Rebuild(name, tokens);
    }

    private static string OneTypo(string word, Random random)
    {
        var chars = word.ToCharArray();
        switch (random.Next(3))
        {
            case 0:
                {
                    var i = random.Next(chars.Length);
                    var lower = char.ToLowerInvariant(chars[i]);
                    var neighbour = VariantTables.Neighbour(lower, random);
                    chars[i] = char.IsUpper(chars[i]) ? char.ToUpperInvariant(neighbour) : neighbour;
                    return new string(chars);
                }
            case 1:
                {
                    // Swap two neighbours that differ, else fall back to a deletion.
                    var starts = Enumerable.Range(0, chars.Length - 1).Where(i => char.ToLowerInvariant(chars[i]) != char.ToLowerInvariant(chars[i + 1])).ToList();
                    if (starts.Count > 0)
                    {
                        var i = starts[random.Next(starts.Count)];
                        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                        return new string(chars);
                    }
                    goto default;
                }
            default:
                {
                    var i = random.Next(chars.Length);
                    return word.Remove(i, 1);
                }
        }
    }

    /// <summary>One misreading by optical character recognition in a word of three or more letters: "MARTINEZ" → "MART1NEZ", "Osorno" → "Osomo", "Hwan" → "Hvvan".</summary>
    public static NameForm? Ocr(NameForm name, Random random)
    {
        var tokens = name.Given.Concat(name.Surnames).ToArray();
        var options = new List<(int Token, int At, string Printed, string Read)>();
        for (var t = 0; t < tokens.Length; t++)
        {
            if (!IsWord(tokens[t], 3))
                continue;
            var lower = tokens[t].ToLowerInvariant();
            foreach (var (printed, read) in VariantTables.OcrConfusions)
            {
                for (var at = lower.IndexOf(printed, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(printed, at + 1, StringComparison.Ordinal))
                    options.Add((t, at, printed, read));
            }
        }
        if (options.Count == 0)
            return null;
        var (token, position, printedText, readText) = options[random.Next(options.Count)];
        var word = tokens[token];
        var upper = char.IsUpper(word[position]);
        var replacement = upper ? readText.ToUpperInvariant() : readText;
        tokens[token] = string.Concat(word.AsSpan(0, position), replacement, word.AsSpan(position + printedText.Length));
        return Rebuild(name, tokens);
    }

    private static bool IsWord(string token, int minimumLength) => token.Length >= minimumLength && token.All(char.IsAsciiLetter);

    private static NameForm Rebuild(NameForm name, string[] tokens) =>
        new(tokens[..name.Given.Length], tokens[name.Given.Length..]);
}
