using Perimeter.Features.Alerts;
using Perimeter.Features.Demo;
using Perimeter.Features.Screening;
using Perimeter.Matching.Names;
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Speed;

/// <summary>What a query is: a listed entry's name changed as people change it, or a person who is not listed.</summary>
internal enum Variant
{
    /// <summary>Listed: the maternal surname left out ("José Hernández García" → "José Hernández").</summary>
    MaternalDropped,
    /// <summary>Listed: one typing slip in a word of four letters or more.</summary>
    Typo,
    /// <summary>Listed: the first given name as its hypocorism ("Francisco" → "Pancho"), the maternal surname left out.</summary>
    Nickname,
    /// <summary>Listed: surnames first, in capitals, with no comma to tell where they end.</summary>
    Reordered,
    /// <summary>Drawn with another seed: not on the list, though its name may well be (common names repeat).</summary>
    NotListed,
}

/// <summary>One query: the name typed, how it was made, and the entry it was made from (-1 when not listed).</summary>
internal sealed record Query(string Name, Variant Variant, int Entry)
{
    public Subject Subject { get; } = new() { Kind = SubjectKind.Person, Names = [SubjectName.Free(Name)] };
}

/// <summary>
/// A generated watchlist held in memory, as `perimeter generate persons --seed S --count N` would write it, with every
/// name folded for the whole-name baselines and a query set made from it.
/// </summary>
internal sealed class Corpus
{
    private static readonly string[] Particles = ["de", "del", "la", "las", "los", "y", "san", "santa"];

    private Corpus(List<(Guid Id, Subject Subject)> entries, List<string> foldedNames, List<int> foldedNameEntry, List<Query> queries)
    {
        Entries = entries;
        FoldedNames = foldedNames;
        FoldedNameEntry = foldedNameEntry;
        Queries = queries;
    }

    public List<(Guid Id, Subject Subject)> Entries { get; }

    /// <summary>Every name of every entry (primary and aliases), folded: "jose hernandez garcia".</summary>
    public List<string> FoldedNames { get; }

    /// <summary>The entry each of <see cref="FoldedNames"/> belongs to.</summary>
    public List<int> FoldedNameEntry { get; }

    /// <summary>Half from listed entries (the four variants in turn), half not listed, shuffled.</summary>
    public List<Query> Queries { get; }

    public static Corpus Generate(int count, int queryCount, int seed)
    {
        var entries = new List<(Guid, Subject)>(count);
        var folded = new List<string>(count * 3);
        var foldedEntry = new List<int>(count * 3);
        var primaries = new List<PersonName>(count);
        foreach (var person in SyntheticWatchlist.Persons(count, seed))
        {
            var index = entries.Count;
            // A stable id per row, as the import gives one per external ref.
            entries.Add((new Guid(index, (short)seed, 0x5eed, 0, 0, 0, 0, 0, 0, 0, 0), AlertSubjects.Of(person.Kind, person.Normalized().Subject)));
            var names = person.Subject.Person!.Names;   // persons only
            primaries.Add(names[0]);
            foreach (var name in names)
            {
                folded.Add(NameText.Fold(Display(name)));
                foldedEntry.Add(index);
            }
        }

        var random = new Random(seed + 1);
        var queries = new List<Query>(queryCount);
        var listed = queryCount / 2;
        for (var q = 0; q < listed; q++)
        {
            var entry = random.Next(count);
            queries.Add(Vary(random, primaries[entry], (Variant)(q % 4), entry));
        }
        // Persons drawn with another seed, in their primary name as written.
        foreach (var person in SyntheticWatchlist.Persons(queryCount - listed, seed + 1_000))
            queries.Add(new Query(Display(person.Subject.Person!.Names[0]), Variant.NotListed, -1));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(queries));
        return new Corpus(entries, folded, foldedEntry, queries);
    }

    private static Query Vary(Random random, PersonName name, Variant variant, int entry)
    {
        var given = name.GivenNames ?? "";
        var surnames = name.Surnames ?? "";
        switch (variant)
        {
            case Variant.MaternalDropped:
                return new Query($"{given} {WithoutMaternal(surnames)}", variant, entry);
            case Variant.Typo:
                return new Query(DrawnName.Misspelt(random, $"{given} {surnames}"), variant, entry);
            case Variant.Nickname:
                var first = given.Split(' ')[0];
                if (HispanicNames.Hypocorisms.TryGetValue(first, out var forms) || EnglishNames.Hypocorisms.TryGetValue(first, out forms))
                    return new Query($"{forms[random.Next(forms.Length)]} {WithoutMaternal(surnames)}", variant, entry);
                // No hypocorism for this name: the first given name alone, as a US record writes it.
                return new Query($"{first} {WithoutMaternal(surnames)}", variant, entry);
            case Variant.Reordered:
                return new Query($"{surnames} {given}".ToUpperInvariant(), variant, entry);
            default:
                throw new ArgumentOutOfRangeException(nameof(variant), variant, null);
        }
    }

    /// <summary>"Hernández García" → "Hernández"; "Ponce de León Vega" → "Ponce de León"; one surname stays.</summary>
    private static string WithoutMaternal(string surnames)
    {
        var words = surnames.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
            return surnames;
        var keep = words.Length - 1;
        while (keep > 1 && Particles.Contains(words[keep - 1], StringComparer.OrdinalIgnoreCase))
            keep--;
        return string.Join(' ', words[..keep]);
    }

    private static string Display(PersonName name) =>
        name.FullName ?? string.Join(' ', new[] { name.GivenNames, name.Surnames }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
