using Perimeter.Features.Alerts;
using Perimeter.Features.Screening;
using Perimeter.Matching.Evidence;
using Perimeter.Matching.Names;
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>
/// Builds the development set from the shared data, the same every run for the same seed and data.
/// </summary>
/// <remarks>
/// Rules, in order:
/// <list type="number">
/// <item><b>OFAC list.</b> Every SDN entry of every kind, read by <c>OfacReader</c> and turned into a
/// <see cref="Subject"/> by <c>AlertSubjects</c>, exactly as the node imports it. Queries are screened against
/// persons only, as the node screens travellers.</item>
/// <item><b>Entity split.</b> Each OFAC person entry, each FEBRL record number and each generated common name falls
/// in the calibration or the hold-out part by a hash of the seed and its number (or name), half and half. Every query
/// made from an entry goes to that entry's part; a negative borrows names only from entries of its own part.</item>
/// <item><b>Alias queries.</b> For half of the persons that have an a.k.a., f.k.a. or n.k.a. (a seeded draw), one
/// such alias is taken out of the list and screened: it must find its entry through the names left.</item>
/// <item><b>Name variants.</b> For every person with a structured name ("SURNAMES, Given") every rule of
/// <see cref="Variants"/> that applies gives one query, made from the primary name (seven times in ten) or a
/// structured alias still listed: accents added, maternal surname dropped, second given name dropped, given names
/// first in free text, surnames first in capitals without a comma, the two surnames swapped, a nickname, the given
/// name in the other language, a glued particle, one typo, two typos, an OCR misreading, an initial, two of these at
/// once, and a name with a light variant plus a year-only or a day/month-swapped date of birth (entries with a full
/// date only).</item>
/// <item><b>Dates of birth.</b> A positive query carries a date of birth half the time when its entry has one: the
/// listed date, completed with a random month and day when the list gives only the year (a traveller's document is
/// complete). A negative carries a random date from 1940 to 2000 half the time.</item>
/// <item><b>Hard negatives.</b> For every person with a structured primary name, one query that belongs to nobody:
/// its surnames with another same-part entry's given names (no given name equal or equivalent), or its given names
/// with another entry's surnames (no surname shared). Plus common Hispanic and English names (60/40), e.g. "Juan
/// HERNÁNDEZ GARCÍA", "John SMITH", half the Hispanic ones with accents.</item>
/// <item><b>FEBRL.</b> A second list from <c>dataset4a.csv</c>; each <c>dataset4b.csv</c> record is screened against it
/// by given name, surname and date of birth, and must find the record with the same number.</item>
/// <item><b>Ambiguity.</b> A positive whose words (folded, in any order) are exactly those of a name of another
/// entry, and a negative whose words are those of any listed name, is left out, since its label would be wrong,
/// unless full dates of birth on both sides differ and so tell the two apart. The counts left out are reported.</item>
/// </list>
/// Randomness: one <see cref="Random"/> per entry, seeded from the seed and the entry number, so an entry's queries
/// do not depend on any other entry; entries are visited in number order.
/// </remarks>
internal sealed class DevSetBuilder(SharedData data, int seed)
{
    /// <summary>Share of persons with aliases whose alias is held out and screened.</summary>
    private const double AliasHoldOutShare = 0.5;
    /// <summary>Share of queries given a date of birth when one can be given.</summary>
    private const double DobShare = 0.5;
    /// <summary>Share of variants made from the primary name rather than a structured alias.</summary>
    private const double PrimaryShare = 0.7;
    private const int CommonNames = 1_500;
    private const double HispanicCommonShare = 0.6;

    // US Census 2010 commonest surnames and SSA commonest given names: "common English names not in the list".
    private static readonly string[] EnglishSurnames =
    [
        "smith", "johnson", "williams", "brown", "jones", "miller", "davis", "wilson", "anderson", "taylor", "thomas", "moore",
        "martin", "jackson", "thompson", "white", "harris", "clark", "lewis", "robinson", "walker", "young", "allen", "king",
        "wright", "scott", "hill", "green", "adams", "baker", "nelson", "carter", "mitchell", "roberts", "turner", "phillips",
        "campbell", "parker", "evans", "edwards", "collins", "stewart", "morris", "murphy", "cook", "rogers", "morgan", "cooper",
    ];

    private static readonly string[] EnglishGivenNames =
    [
        "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles", "christopher",
        "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua", "kenneth", "kevin", "brian",
        "george", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
        "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "emily", "donna", "michelle", "carol", "amanda", "melissa",
    ];

    private readonly Variants _variants = new(VariantTables.Load(data));
    private readonly List<DevQuery> _queries = [];
    private readonly Dictionary<string, int> _dropped = [];
    private readonly Dictionary<Guid, IReadOnlyList<PartialDate>> _dates = [];

    /// <summary>A person of the OFAC list with what the queries are made from.</summary>
    private sealed record Person(int EntNum, Guid Id, Part Part, bool Hispanic, NameForm? Primary, NameForm[] Structured, PartialDate[] Dates);

    public DevSet Build()
    {
        var ofac = BuildOfac(out var persons, out var heldOut);
        var febrl = BuildFebrl();
        var ofacKeys = WordKeys(ofac);

        foreach (var (person, alias) in heldOut)
            AddAlias(ofac, ofacKeys, person, alias);
        var byPart = persons.Where(p => p.Primary is not null).GroupBy(p => p.Part).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var person in persons)
        {
            var random = RandomFor("ofac-variants", person.EntNum);
            AddVariants(ofac, ofacKeys, person, random);
            if (person.Primary is not null)
                AddNegative(ofac, ofacKeys, person, byPart[person.Part], random);
        }
        AddCommonNames(ofac, ofacKeys);
        AddFebrl(febrl);
        return new DevSet([ofac, febrl], _queries, _dropped);
    }

    private DevList BuildOfac(out List<Person> persons, out List<(Person, PersonName)> heldOut)
    {
        var entries = new List<(Guid, Subject)>();
        var names = new List<(Guid, string)>();
        var labels = new Dictionary<Guid, string>();
        persons = [];
        heldOut = [];
        foreach (var entry in data.Ofac)
        {
            var id = EntryId(1, entry.EntNum);
            var content = entry.Content;
            if (content.Kind != AlertKind.Person || content.Subject.Person is not { } person)
            {
                var subject = AlertSubjects.Of(content.Kind, content.Subject);
                entries.Add((id, subject));
                labels[id] = (subject.Names.Count > 0 ? subject.Names[0].Full : null) ?? $"ofac:{entry.EntNum}";
                continue;
            }
            var random = RandomFor("ofac-alias", entry.EntNum);
            var aliases = person.Names.Where(n => n.Type is NameType.Aka or NameType.Fka or NameType.Nka).ToList();
            PersonName? alias = aliases.Count > 0 && person.Names.Count > 1 && random.NextDouble() < AliasHoldOutShare
                ? aliases[random.Next(aliases.Count)]
                : null;
            var kept = person.Names.Where(n => !ReferenceEquals(n, alias)).ToArray();
            entries.Add((id, AlertSubjects.Of(AlertKind.Person, content.Subject with { Person = person with { Names = kept } })));
            foreach (var name in kept)
                names.Add((id, PersonNames.CanonicalText(name)));
            var primary = kept.FirstOrDefault(n => n.Type == NameType.Primary);
            labels[id] = primary?.Display ?? kept[0].Display;

            var primaryForm = primary is null ? null : NameForm.Of(primary);
            var structured = kept.Where(n => n.Type is NameType.Aka or NameType.Fka or NameType.Nka)
                .Select(NameForm.Of).OfType<NameForm>().ToArray();
            var model = new Person(entry.EntNum, id, PartOf("ofac", entry.EntNum), IsHispanic(primaryForm), primaryForm,
                primaryForm is null ? structured : [primaryForm, .. structured], [.. person.DatesOfBirth]);
            persons.Add(model);
            if (alias is not null)
                heldOut.Add((model, alias));
        }
        foreach (var (id, subject) in entries)
            _dates[id] = subject.DatesOfBirth;
        return new DevList("ofac", entries, names, labels);
    }

    /// <summary>Hispanic when a surname of the primary name is in the Spanish surname list of <c>Perimeter.Matching</c>.</summary>
    private static bool IsHispanic(NameForm? name) =>
        name is not null && name.Surnames.Any(s => NameData.IsSurname(NameText.Fold(s)));

    private void AddAlias(DevList list, Dictionary<string, HashSet<Guid>> keys, Person person, PersonName alias)
    {
        var random = RandomFor("ofac-alias-dob", person.EntNum);
        var name = new SubjectName(alias.FullName, alias.GivenNames, alias.Surnames);
        Add(list, keys, person, name, PersonNames.CanonicalText(alias), Kinds.Alias, TravellerDob(person, random));
    }

    private void AddVariants(DevList list, Dictionary<string, HashSet<Guid>> keys, Person person, Random random)
    {
        if (person.Structured.Length == 0)
            return;
        (string Kind, Func<NameForm, Random, NameForm?> Rule, QueryLayout Layout)[] rules =
        [
            (Kinds.Accent, Variants.Accent, QueryLayout.Structured),
            (Kinds.MaternalDropped, MaternalDroppedIfHispanic(person), QueryLayout.Structured),
            (Kinds.GivenDropped, Variants.GivenDropped, QueryLayout.Structured),
            (Kinds.GivenFirst, (n, _) => n, QueryLayout.GivenFirst),
            (Kinds.SurnameFirst, (n, _) => n, QueryLayout.SurnameFirst),
            (Kinds.SurnamesSwapped, (n, _) => person.Hispanic && n.SwappedSurnames() is not null ? n : null, QueryLayout.SurnamesSwapped),
            (Kinds.Hypocorism, _variants.Hypocorism, QueryLayout.Structured),
            (Kinds.Translation, _variants.Translation, QueryLayout.Structured),
            (Kinds.GluedParticle, Variants.GluedParticle, QueryLayout.Structured),
            (Kinds.Typo, Variants.Typo, QueryLayout.Structured),
            (Kinds.TwoTypos, Variants.TwoTypos, QueryLayout.Structured),
            (Kinds.Ocr, Variants.Ocr, QueryLayout.Structured),
            (Kinds.Initial, Variants.Initial, QueryLayout.Structured),
            (Kinds.Combined, Combined(person), QueryLayout.Structured),
        ];
        foreach (var (kind, rule, layout) in rules)
        {
            if (Apply(person, rule, random) is { } form)
                Add(list, keys, person, form.ToSubjectName(layout), TextOf(form, layout), kind, TravellerDob(person, random));
        }

        // Partial dates of birth: only for a full listed date, with a light name variant (or none).
        if (person.Dates.FirstOrDefault(d => d.IsComplete) is { Month: { } month, Day: { } day } date)
        {
            Func<NameForm, Random, NameForm?>[] light = [(n, _) => n, Variants.Accent, MaternalDroppedIfHispanic(person), Variants.GivenDropped, Variants.Typo];
            if (Apply(person, light[random.Next(light.Length)], random) is { } yearForm)
                Add(list, keys, person, yearForm.ToSubjectName(QueryLayout.Structured), TextOf(yearForm, QueryLayout.Structured), Kinds.DobYear,
                    [new PartialDate(date.Year)]);
            if (day <= 12 && day != month && Apply(person, light[random.Next(light.Length)], random) is { } swappedForm)
                Add(list, keys, person, swappedForm.ToSubjectName(QueryLayout.Structured), TextOf(swappedForm, QueryLayout.Structured), Kinds.DobSwapped,
                    [new PartialDate(date.Year, day, month)]);
        }
    }

    // Dropping the last of two surnames is what a Hispanic name loses; elsewhere it would cut a real surname.
    private static Func<NameForm, Random, NameForm?> MaternalDroppedIfHispanic(Person person) =>
        (n, r) => person.Hispanic ? Variants.MaternalDropped(n, r) : null;

    /// <summary>Two different rules one after the other: "José GUZMAN" from "GUZMAN LOERA, Jose" (accent, maternal dropped).</summary>
    private Func<NameForm, Random, NameForm?> Combined(Person person)
    {
        Func<NameForm, Random, NameForm?>[] pool =
        [
            Variants.Accent, MaternalDroppedIfHispanic(person), Variants.GivenDropped, _variants.Hypocorism, Variants.GluedParticle,
            Variants.Typo, Variants.Initial, Variants.Ocr, _variants.Translation,
        ];
        return (name, random) =>
        {
            var order = pool.OrderBy(_ => random.Next()).ToArray();
            for (var i = 0; i < order.Length; i++)
            {
                if (order[i](name, random) is not { } first)
                    continue;
                for (var j = i + 1; j < order.Length; j++)
                {
                    if (order[j](first, random) is { } second)
                        return second;
                }
            }
            return null;
        };
    }

    /// <summary>The rule applied to the primary name (seven times in ten) or an alias; the other names are tried when it does not apply.</summary>
    private static NameForm? Apply(Person person, Func<NameForm, Random, NameForm?> rule, Random random)
    {
        var first = person.Primary is not null && (person.Structured.Length == 1 || random.NextDouble() < PrimaryShare)
            ? 0
            : random.Next(person.Structured.Length);
        for (var k = 0; k < person.Structured.Length; k++)
        {
            if (rule(person.Structured[(first + k) % person.Structured.Length], random) is { } form)
                return form;
        }
        return null;
    }

    private static string TextOf(NameForm form, QueryLayout layout) =>
        NameText.Fold(form.ToSubjectName(layout) is { Full: { } full } ? full : $"{form.GivenText} {form.SurnameText}");

    /// <summary>Half the time, the date on the traveller's document: the listed one, completed when the list gives only year or month.</summary>
    private static PartialDate[] TravellerDob(Person person, Random random)
    {
        if (person.Dates.Length == 0 || random.NextDouble() >= DobShare)
            return [];
        var listed = person.Dates[0];
        var month = listed.Month ?? random.Next(1, 13);
        var day = listed.Day ?? random.Next(1, DateTime.DaysInMonth(listed.Year, month) + 1);
        return [new PartialDate(listed.Year, month, day)];
    }

    private static PartialDate[] RandomDob(Random random)
    {
        if (random.NextDouble() >= DobShare)
            return [];
        var year = random.Next(1940, 2001);
        var month = random.Next(1, 13);
        return [new PartialDate(year, month, random.Next(1, DateTime.DaysInMonth(year, month) + 1))];
    }

    /// <summary>One negative per person: its surnames with another's given names, or its given names with another's surnames.</summary>
    private void AddNegative(DevList list, Dictionary<string, HashSet<Guid>> keys, Person person, Person[] samePart, Random random)
    {
        var own = person.Primary!;
        var surnameFirst = random.Next(2) == 0;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var other = samePart[random.Next(samePart.Length)].Primary!;
            var keepSurnames = attempt < 20 ? surnameFirst : !surnameFirst;
            NameForm? form = keepSurnames
                ? (SharesGiven(own, other) ? null : own with { Given = other.Given })
                : (Folded(own.Surnames).Overlaps(Folded(other.Surnames)) ? null : own with { Surnames = other.Surnames });
            if (form is null)
                continue;
            var kind = keepSurnames ? Kinds.OtherGiven : Kinds.OtherSurname;
            var name = form.ToSubjectName(QueryLayout.Structured);
            AddNegative(list, keys, name, TextOf(form, QueryLayout.Structured), kind, person.Part, IsHispanic(form), RandomDob(random));
            return;
        }
    }

    private static bool SharesGiven(NameForm a, NameForm b) =>
        a.Given.Any(x => b.Given.Any(y => GivenNameEquivalents.Default.AreEquivalent(NameText.Fold(x), NameText.Fold(y))));

    private static HashSet<string> Folded(string[] tokens) => [.. tokens.Select(t => NameText.Fold(t))];

    /// <summary>Common names of nobody on the list: Hispanic (one or two given names, two surnames) and English (one given name, one surname).</summary>
    private void AddCommonNames(DevList list, Dictionary<string, HashSet<Guid>> keys)
    {
        var random = RandomFor("common-names", 0);
        var given = TopGivenNames(150);
        var surnames = NameData.SurnameRanks.OrderBy(s => s.Value).Take(150).Select(s => s.Key).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var made = 0; made < CommonNames * 4 && seen.Count < CommonNames; made++)
        {
            var hispanic = random.NextDouble() < HispanicCommonShare;
            NameForm form;
            if (hispanic)
            {
                string[] givenNames = random.NextDouble() < 0.3 ? [Pick(given, random), Pick(given, random)] : [Pick(given, random)];
                form = new NameForm([.. givenNames.Select(g => NameForm.CasedLike("Xx", g))],
                    [Pick(surnames, random).ToUpperInvariant(), Pick(surnames, random).ToUpperInvariant()]);
                if (random.NextDouble() < 0.5 && Variants.Accent(form, random) is { } accented)
                    form = accented;
            }
            else
                form = new NameForm([NameForm.CasedLike("Xx", Pick(EnglishGivenNames, random))], [Pick(EnglishSurnames, random).ToUpperInvariant()]);
            var text = TextOf(form, QueryLayout.Structured);
            if (!seen.Add(WordKey(text)))
                continue;
            AddNegative(list, keys, form.ToSubjectName(QueryLayout.Structured), text, Kinds.CommonName,
                PartOf("common", (long)Seeded.Fnv(text)), hispanic, RandomDob(random));
        }
    }

    private static string[] TopGivenNames(int count)
    {
        using var reader = NameData.Open("given-names.txt");
        var names = new List<string>();
        while (names.Count < count && reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Split(' ') is not [var name, _])
                continue;
            names.Add(name);
        }
        return [.. names];
    }

    private static T Pick<T>(T[] items, Random random) => items[random.Next(items.Length)];

    private DevList BuildFebrl()
    {
        var entries = new List<(Guid, Subject)>();
        var names = new List<(Guid, string)>();
        var labels = new Dictionary<Guid, string>();
        foreach (var record in data.FebrlA)
        {
            var id = EntryId(2, record.Number);
            entries.Add((id, FebrlSubject(record)));
            names.Add((id, NameText.Fold($"{record.GivenName} {record.Surname}")));
            labels[id] = $"{record.GivenName} | {record.Surname}";
        }
        foreach (var (id, subject) in entries)
            _dates[id] = subject.DatesOfBirth;
        return new DevList("febrl", entries, names, labels);
    }

    private static Subject FebrlSubject(FebrlRecord record) => new()
    {
        Kind = SubjectKind.Person,
        Names = [SubjectName.Structured(NullIfEmpty(record.GivenName), NullIfEmpty(record.Surname))],
        DatesOfBirth = record.DateOfBirth is { } date ? [date] : [],
    };

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private void AddFebrl(DevList list)
    {
        var keys = new Dictionary<string, HashSet<Guid>>(StringComparer.Ordinal);
        foreach (var (id, text) in list.PersonNames)
            Keyed(keys, WordKey(text)).Add(id);
        var listed = list.Entries.Select(e => e.Id).ToHashSet();
        foreach (var record in data.FebrlB)
        {
            if (record.GivenName.Length == 0 && record.Surname.Length == 0)
                continue;
            var expected = EntryId(2, record.Number);
            var subject = FebrlSubject(record);
            var text = NameText.Fold($"{record.GivenName} {record.Surname}");
            if (Ambiguous(keys, text, expected, subject.DatesOfBirth))
            {
                Drop(Kinds.Febrl);
                continue;
            }
            _queries.Add(new DevQuery
            {
                Number = _queries.Count,
                List = list,
                Subject = subject,
                Text = text,
                Display = DevSet.DisplayOf(subject.Names[0], subject.DatesOfBirth),
                Expected = listed.Contains(expected) ? expected : null,
                Kind = Kinds.Febrl,
                Part = PartOf("febrl", record.Number),
                Hispanic = false,
            });
        }
    }

    private void Add(DevList list, Dictionary<string, HashSet<Guid>> keys, Person person, SubjectName name, string text, string kind, PartialDate[] dates)
    {
        if (Ambiguous(keys, text, person.Id, dates))
        {
            Drop(kind);
            return;
        }
        _queries.Add(new DevQuery
        {
            Number = _queries.Count,
            List = list,
            Subject = new Subject { Kind = SubjectKind.Person, Names = [name], DatesOfBirth = dates },
            Text = text,
            Display = DevSet.DisplayOf(name, dates),
            Expected = person.Id,
            Kind = kind,
            Part = person.Part,
            Hispanic = person.Hispanic,
        });
    }

    private void AddNegative(DevList list, Dictionary<string, HashSet<Guid>> keys, SubjectName name, string text, string kind, Part part, bool hispanic, PartialDate[] dates)
    {
        if (Ambiguous(keys, text, null, dates))
        {
            Drop(kind);
            return;
        }
        _queries.Add(new DevQuery
        {
            Number = _queries.Count,
            List = list,
            Subject = new Subject { Kind = SubjectKind.Person, Names = [name], DatesOfBirth = dates },
            Text = text,
            Display = DevSet.DisplayOf(name, dates),
            Expected = null,
            Kind = kind,
            Part = part,
            Hispanic = hispanic,
        });
    }

    /// <summary>
    /// Whether another entry than <paramref name="self"/> has a name of exactly these words and nothing tells them
    /// apart: only full dates of birth on both sides that differ do.
    /// </summary>
    private bool Ambiguous(Dictionary<string, HashSet<Guid>> keys, string text, Guid? self, IReadOnlyList<PartialDate> dates)
    {
        if (!keys.TryGetValue(WordKey(text), out var owners))
            return false;
        foreach (var owner in owners)
        {
            if (owner == self)
                continue;
            if (dates.Count == 0 || !dates[0].IsComplete)
                return true;
            var listed = _dates[owner];
            if (!listed.Any(d => d.IsComplete) || listed.Contains(dates[0]))
                return true;
        }
        return false;
    }

    private void Drop(string kind) => _dropped[kind] = _dropped.GetValueOrDefault(kind) + 1;

    /// <summary>Folded words of every listed person name, in any order, → the entries holding that name.</summary>
    private static Dictionary<string, HashSet<Guid>> WordKeys(DevList list)
    {
        var keys = new Dictionary<string, HashSet<Guid>>(StringComparer.Ordinal);
        foreach (var (id, text) in list.PersonNames)
            Keyed(keys, WordKey(text)).Add(id);
        return keys;
    }

    private static HashSet<Guid> Keyed(Dictionary<string, HashSet<Guid>> keys, string key)
    {
        if (!keys.TryGetValue(key, out var set))
            keys[key] = set = [];
        return set;
    }

    /// <summary>"joaquin guzman loera" and "guzman loera joaquin" share the key "guzman joaquin loera".</summary>
    private static string WordKey(string folded) =>
        string.Join(' ', folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

    /// <summary>A stable id per list and entry number: the same on every run.</summary>
    private static Guid EntryId(byte list, int number) => new(number, 0, 0, 0, 0, 0, 0, 0, 0, 0, list);

    private Part PartOf(string salt, long number) => Seeded.Hash(seed, salt, number) % 2 == 0 ? Part.Calibration : Part.HoldOut;

    private Random RandomFor(string salt, long number) => Seeded.Random(seed, salt, number);
}
