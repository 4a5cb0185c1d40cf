using Perimeter.Features.Alerts;
using Perimeter.Features.Screening;
using Perimeter.Matching.Evidence;
using Perimeter.Matching.Names;
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>
/// Builds the development set from the shared data and the independent name data of <c>Accuracy/Data</c>, the same
/// every run for the same seed and data. More than half of it is people who are not listed, of the kinds an officer
/// meets: common names, namesakes, relatives, sound-alikes, the other sex; each reported on its own.
/// </summary>
/// <remarks>
/// Rules, in order:
/// <list type="number">
/// <item><b>OFAC list.</b> Every SDN entry of every kind, read by <c>OfacReader</c> and turned into a
/// <see cref="Subject"/> by <c>AlertSubjects</c>, exactly as the node imports it. Person queries are screened against
/// persons, organization queries against organizations.</item>
/// <item><b>Entity split.</b> Each OFAC entry, each FEBRL record number and each generated name falls in the calibration
/// or the hold-out part by a hash of the seed and its number (or name), half and half. Every query made from an entry
/// goes to that entry's part.</item>
/// <item><b>Independent sources.</b> Nicknames, translations, common names and their frequencies come from
/// <c>Accuracy/Data</c> (Census, Tzioumis, SSA, public pages) and the shared English nickname list, never from the
/// engine's tables. Which surnames are Hispanic is decided by the Census shares too.</item>
/// <item><b>Positives</b>: a held-out alias (apart when it shares no word with the names left: another identity); name
/// variants (<see cref="Variants"/>); the name as a passport's machine-readable zone writes it with the full date of
/// birth and sex; dates of birth year-only, day/month swapped, one digit mistyped, a year apart; organization names
/// with their legal form written otherwise or left out, accents or a typo; FEBRL links.</item>
/// <item><b>Dates of birth.</b> A positive query carries a date of birth half the time when its entry has one: the
/// listed date, completed with a random month and day when the list gives only the year. Negatives: see each kind.</item>
/// <item><b>Negatives</b> (<see cref="AddNegatives"/>): namesakes, namesakes born years apart, relatives, sound-alike
/// surnames, the other sex, names mixed from two entries, common names at their real frequencies, and company names
/// made of common words.</item>
/// <item><b>Ambiguity.</b> A positive whose words (folded, in any order) are exactly those of a name of another entry,
/// and a negative whose words are those of any listed name, is left out, since its label would be wrong, unless full
/// dates of birth on both sides differ and so tell the two apart. The counts left out are reported.</item>
/// </list>
/// Randomness: one <see cref="Random"/> per entry and use, seeded from the seed and the entry number, so an entry's
/// queries do not depend on any other entry; entries are visited in number order.
/// </remarks>
internal sealed partial class DevSetBuilder
{
    /// <summary>Share of persons with aliases whose alias is held out and screened.</summary>
    private const double AliasHoldOutShare = 0.5;
    /// <summary>Share of queries given a date of birth when one can be given.</summary>
    private const double DobShare = 0.5;
    /// <summary>Share of variants made from the primary name rather than a structured alias.</summary>
    private const double PrimaryShare = 0.7;
    /// <summary>ICAO 9303 TD3: the name field of a passport's MRZ holds 39 characters.</summary>
    private const int MrzNameLength = 39;

    private readonly SharedData _data;
    private readonly int _seed;
    private readonly PopulationNames _population;
    private readonly Variants _variants;
    private readonly List<DevQuery> _queries = [];
    private readonly Dictionary<string, int> _dropped = [];
    private readonly Dictionary<Guid, IReadOnlyList<PartialDate>> _dates = [];
    private ListedDateDisagreement? _disagreement;

    public DevSetBuilder(SharedData data, int seed)
    {
        _data = data;
        _seed = seed;
        _population = PopulationNames.Load();
        _variants = new Variants(VariantTables.Load(_population));
    }

    /// <summary>
    /// A person of the OFAC list with what the queries are made from; <c>LaterSurnames</c> holds every second or later
    /// surname of its structured names, folded: what a namesake's must differ from.
    /// </summary>
    private sealed record Person(int EntNum, Guid Id, Part Part, bool Hispanic, NameForm? Primary, NameForm[] Structured, PartialDate[] Dates,
        Sex Sex, HashSet<string> LaterSurnames);

    /// <summary>An organization of the OFAC list: its entry and its names as written.</summary>
    private sealed record Organization(int EntNum, Guid Id, Part Part, string[] Names);

    public DevSet Build()
    {
        var ofac = BuildOfac(out var persons, out var organizations, out var heldOut);
        var febrl = BuildFebrl();
        var ofacKeys = WordKeys(ofac);

        foreach (var (person, alias) in heldOut)
            AddAlias(ofac, ofacKeys, person, alias);
        foreach (var person in persons)
            AddVariants(ofac, ofacKeys, person, RandomFor("ofac-variants", person.EntNum));
        foreach (var organization in organizations)
            AddOrganizationVariant(ofac, ofacKeys, organization, RandomFor("ofac-organization", organization.EntNum));
        AddNegatives(ofac, ofacKeys, persons);
        AddFebrl(febrl);
        return new DevSet([ofac, febrl], _queries, _dropped);
    }

    private DevList BuildOfac(out List<Person> persons, out List<Organization> organizations, out List<(Person, PersonName)> heldOut)
    {
        var entries = new List<(Guid, Subject)>();
        var names = new List<(Guid, SubjectKind, string)>();
        var labels = new Dictionary<Guid, string>();
        persons = [];
        organizations = [];
        heldOut = [];
        foreach (var entry in _data.Ofac)
        {
            var id = EntryId(1, entry.EntNum);
            var content = entry.Content;
            if (content.Kind != AlertKind.Person || content.Subject.Person is not { } person)
            {
                var subject = AlertSubjects.Of(content.Kind, content.Subject);
                entries.Add((id, subject));
                labels[id] = (subject.Names.Count > 0 ? subject.Names[0].Full : null) ?? $"ofac:{entry.EntNum}";
                if (subject.Kind == SubjectKind.Organization && subject.Names.Count > 0)
                {
                    var written = subject.Names.Where(n => !n.IsWeak).Select(n => n.Full!).ToArray();
                    organizations.Add(new Organization(entry.EntNum, id, PartOf("ofac", entry.EntNum), written));
                    foreach (var name in subject.Names)
                        names.Add((id, SubjectKind.Organization, NameText.Fold(name.Full!)));
                }
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
                names.Add((id, SubjectKind.Person, PersonNames.CanonicalText(name)));
            var primary = kept.FirstOrDefault(n => n.Type == NameType.Primary);
            labels[id] = primary?.Display ?? kept[0].Display;

            var primaryForm = primary is null ? null : NameForm.Of(primary);
            var structured = kept.Where(n => n.Type is NameType.Aka or NameType.Fka or NameType.Nka)
                .Select(NameForm.Of).OfType<NameForm>().ToArray();
            NameForm[] all = primaryForm is null ? structured : [primaryForm, .. structured];
            var later = all.SelectMany(n => n.Surnames.Where(t => !NameForm.IsParticle(t)).Skip(1)).Select(t => NameText.Fold(t)).ToHashSet(StringComparer.Ordinal);
            var model = new Person(entry.EntNum, id, PartOf("ofac", entry.EntNum), IsHispanic(primaryForm), primaryForm, all,
                [.. person.DatesOfBirth], person.Sex, later);
            persons.Add(model);
            if (alias is not null)
                heldOut.Add((model, alias));
        }
        foreach (var (id, subject) in entries)
            _dates[id] = subject.DatesOfBirth;
        return new DevList("ofac", entries, names, labels);
    }

    /// <summary>Hispanic when a surname of the primary name is borne more by Hispanic than by other Americans (Census 2000 shares).</summary>
    private bool IsHispanic(NameForm? name) =>
        name is not null && name.Surnames.Any(s => _population.IsHispanicSurname(NameText.Fold(s)));

    private void AddAlias(DevList list, Dictionary<string, HashSet<Guid>> keys, Person person, PersonName alias)
    {
        var random = RandomFor("ofac-alias-dob", person.EntNum);
        var name = new SubjectName(alias.FullName, alias.GivenNames, alias.Surnames);
        var kind = ReadsAsTheSameName(alias, list, person.Id) ? Kinds.Alias : Kinds.AliasOtherName;
        Add(list, keys, person, new Subject { Names = [name], DatesOfBirth = TravellerDob(person, random) }, PersonNames.CanonicalText(alias), kind);
    }

    /// <summary>
    /// Whether a held-out alias is the same name spelt otherwise rather than another identity: a given name and a surname
    /// of it (for a name without its parts apart, two of its words) are words of the names the entry still lists, or a
    /// letter away, or (given names) a nickname or translation of one. "GUZMAN, Archibaldo" for Guzmán Loera, Joaquín is
    /// another identity: no name screening tells it from a relative.
    /// </summary>
    private bool ReadsAsTheSameName(PersonName alias, DevList list, Guid id)
    {
        var listed = list.Names.Where(n => n.Id == id).SelectMany(n => n.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        bool Near(string word) => listed.Any(l => l == word || (word.Length >= 5 && Perimeter.Matching.Similarity.Edits.DamerauLevenshtein(word, l, 1) <= 1)
            || _variants.Tables.AreRelated(word, l));
        static string[] Words(string? text) => NameText.Fold(text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !NameForm.IsParticle(w)).ToArray();
        if (PersonNames.IsStructured(alias))
            return Words(alias.GivenNames).Any(Near) && Words(alias.Surnames).Any(Near);
        var words = Words(alias.FullName);
        return words.Count(Near) >= Math.Min(2, words.Length);
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
                Add(list, keys, person, new Subject { Names = [form.ToSubjectName(layout)], DatesOfBirth = TravellerDob(person, random) }, TextOf(form, layout), kind);
        }

        // As the lane reads a passport: the MRZ's name field, the full date of birth and the sex.
        if (person.Primary is { } primary && person.Dates.Length > 0)
        {
            var mrz = Mrz(primary);
            Add(list, keys, person, new Subject { Names = [SubjectName.Free(mrz)], DatesOfBirth = TravellerDob(person, random, always: true), Sex = SexOf(person, primary) },
                NameText.Fold($"{primary.GivenText} {primary.SurnameText}"), Kinds.Mrz);
        }

        // Partial or mistyped dates of birth: only for a full listed date, with a light name variant (or none).
        if (person.Dates.FirstOrDefault(d => d.IsComplete) is not { Month: { } month, Day: { } day } date)
            return;
        Func<NameForm, Random, NameForm?>[] light = [(n, _) => n, Variants.Accent, MaternalDroppedIfHispanic(person), Variants.GivenDropped, Variants.Typo];
        void AddWithDate(string kind, PartialDate dob)
        {
            if (Apply(person, light[random.Next(light.Length)], random) is { } form)
                Add(list, keys, person, new Subject { Names = [form.ToSubjectName(QueryLayout.Structured)], DatesOfBirth = [dob] }, TextOf(form, QueryLayout.Structured), kind);
        }
        AddWithDate(Kinds.DobYear, new PartialDate(date.Year));
        if (day <= 12 && day != month)
            AddWithDate(Kinds.DobSwapped, new PartialDate(date.Year, day, month));
        if (OneDigitOff(date, random) is { } mistyped)
            AddWithDate(Kinds.DobOneDigit, mistyped);
        var year = date.Year + (random.Next(2) == 0 ? -1 : 1);
        AddWithDate(Kinds.DobYearApart, new PartialDate(year, month, Math.Min(day, DateTime.DaysInMonth(year, month))));
    }

    /// <summary>
    /// "GUZMAN LOERA, Joaquín" → "GUZMAN&lt;LOERA&lt;&lt;JOAQUIN": capitals without accents, fillers for spaces and hyphens,
    /// apostrophes left out ("AL-SA'DI" → "AL&lt;SADI", ICAO 9303 part 3), cut to the field's length.
    /// </summary>
    private static string Mrz(NameForm name)
    {
        static string Field(string text) =>
            string.Concat(NameText.Fold(text.Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal))
                .ToUpperInvariant().Select(c => char.IsAsciiLetter(c) ? c : '<'));
        var line = $"{Field(name.SurnameText)}<<{Field(name.GivenText)}";
        return line.Length > MrzNameLength ? line[..MrzNameLength] : line;
    }

    /// <summary>The listed sex, or the one most people with the first given name have (the passport states it either way).</summary>
    private Sex SexOf(Person person, NameForm name) =>
        person.Sex != Sex.Unknown ? person.Sex
        : name.Given.Length > 0 && _population.SexOf.TryGetValue(NameText.Fold(name.Given[0]), out var sex) ? (sex == 'f' ? Sex.Female : Sex.Male)
        : Sex.Unknown;

    /// <summary>One digit of YYYYMMDD typed wrong, keeping a real date that is not a year apart: 1957-04-04 → 1957-04-07.</summary>
    private static PartialDate? OneDigitOff(PartialDate date, Random random)
    {
        var digits = $"{date.Year:D4}{date.Month:D2}{date.Day:D2}".ToCharArray();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var copy = (char[])digits.Clone();
            var at = random.Next(2, 8);
            copy[at] = (char)('0' + random.Next(10));
            var text = new string(copy);
            if (text == new string(digits))
                continue;
            if (PartialDate.TryParse($"{text[..4]}-{text[4..6]}-{text[6..]}", out var typed) && Math.Abs(typed.Year - date.Year) != 1)
                return typed;
        }
        return null;
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

    /// <summary>
    /// Half the time (or always), the date on the traveller's document: the listed one, completed when the list gives
    /// only year or month; and as often as the list's dates of one person disagree (<see cref="ListedDateDisagreement"/>),
    /// moved as far as they disagree, since the list is then wrong about the traveller.
    /// </summary>
    private PartialDate[] TravellerDob(Person person, Random random, bool always = false)
    {
        if (person.Dates.Length == 0 || (!always && random.NextDouble() >= DobShare))
            return [];
        var listed = person.Dates[0];
        var month = listed.Month ?? random.Next(1, 13);
        var day = listed.Day ?? random.Next(1, DateTime.DaysInMonth(listed.Year, month) + 1);
        var disagreement = _disagreement ??= ListedDateDisagreement.Measure(_data, n => PartOf("ofac", n) == Part.Calibration);
        var year = listed.Year;
        if (random.NextDouble() < disagreement.Share)
        {
            var years = disagreement.Distances[random.Next(disagreement.Distances.Length)];
            year += random.Next(2) == 0 ? -years : years;
            if (years == 0)
                (month, day) = (random.Next(1, 13), random.Next(1, 29));
            day = Math.Min(day, DateTime.DaysInMonth(year, month));
        }
        return [new PartialDate(year, month, day)];
    }

    /// <summary>
    /// An organization's name as a form or a bank transfer writes it: the legal form written another way or left out,
    /// a word of a long name left out, one typo. "INMOBILIARIA DEL NORTE, S.A. DE C.V." → "Inmobiliaria del Norte SA de CV".
    /// </summary>
    private void AddOrganizationVariant(DevList list, Dictionary<string, HashSet<Guid>> keys, Organization organization, Random random)
    {
        var name = organization.Names[random.Next(organization.Names.Length)];
        var variant = random.Next(4) switch
        {
            0 => OrganizationWords.RewriteLegalForm(name, random),
            1 => OrganizationWords.DropLegalForm(name),
            2 => OrganizationWords.DropAWord(name, random),
            _ => Variants.Typo(new NameForm([], NameForm.Split(name)), random) is { } typo ? typo.SurnameText : null,
        };
        if (variant is null || NameText.Fold(variant) == NameText.Fold(name))
            variant = OrganizationWords.InTitleCase(name);
        var subject = new Subject { Kind = SubjectKind.Organization, Names = [SubjectName.Free(variant)] };
        if (Ambiguous(keys, NameText.Fold(variant), organization.Id, []))
        {
            Drop(Kinds.OrganizationVariant);
            return;
        }
        _queries.Add(Query(list, subject, NameText.Fold(variant), organization.Id, Kinds.OrganizationVariant, organization.Part, hispanic: false));
    }

    private static T Pick<T>(T[] items, Random random) => items[random.Next(items.Length)];

    private DevList BuildFebrl()
    {
        var entries = new List<(Guid, Subject)>();
        var names = new List<(Guid, SubjectKind, string)>();
        var labels = new Dictionary<Guid, string>();
        foreach (var record in _data.FebrlA)
        {
            var id = EntryId(2, record.Number);
            entries.Add((id, FebrlSubject(record)));
            names.Add((id, SubjectKind.Person, NameText.Fold($"{record.GivenName} {record.Surname}")));
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
        var keys = WordKeys(list);
        var listed = list.Entries.Select(e => e.Id).ToHashSet();
        foreach (var record in _data.FebrlB)
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
            _queries.Add(Query(list, subject, text, listed.Contains(expected) ? expected : null, Kinds.Febrl, PartOf("febrl", record.Number), hispanic: false));
        }
    }

    private void Add(DevList list, Dictionary<string, HashSet<Guid>> keys, Person person, Subject subject, string text, string kind)
    {
        if (Ambiguous(keys, text, person.Id, subject.DatesOfBirth))
        {
            Drop(kind);
            return;
        }
        _queries.Add(Query(list, subject, text, person.Id, kind, person.Part, person.Hispanic));
    }

    private void AddNegative(DevList list, Dictionary<string, HashSet<Guid>> keys, Subject subject, string text, string kind, Part part, bool hispanic)
    {
        if (Ambiguous(keys, text, null, subject.DatesOfBirth))
        {
            Drop(kind);
            return;
        }
        _queries.Add(Query(list, subject, text, null, kind, part, hispanic));
    }

    private DevQuery Query(DevList list, Subject subject, string text, Guid? expected, string kind, Part part, bool hispanic) => new()
    {
        Number = _queries.Count,
        List = list,
        Subject = subject,
        Text = text,
        Display = DevSet.DisplayOf(subject),
        Expected = expected,
        Kind = kind,
        Part = part,
        Hispanic = hispanic,
    };

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

    /// <summary>Folded words of every listed name, in any order, → the entries holding that name.</summary>
    private static Dictionary<string, HashSet<Guid>> WordKeys(DevList list)
    {
        var keys = new Dictionary<string, HashSet<Guid>>(StringComparer.Ordinal);
        foreach (var (id, _, text) in list.Names)
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

    private Part PartOf(string salt, long number) => Seeded.Hash(_seed, salt, number) % 2 == 0 ? Part.Calibration : Part.HoldOut;

    private Random RandomFor(string salt, long number) => Seeded.Random(_seed, salt, number);
}
