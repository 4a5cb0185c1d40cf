using Perimeter.Matching.Evidence;
using Perimeter.Matching.Names;
using Perimeter.Matching.Screening;
using Perimeter.Matching.Similarity;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>The people and companies who are not listed, kind by kind, as an officer meets them at a lane.</summary>
internal sealed partial class DevSetBuilder
{
    // Enough of each kind for a figure per 1,000 to mean something, and more negatives than positives in all.
    private const int NamesakesPerPerson = 6;
    private const int BornApartPerPerson = 4;
    private const int RelativesPerPerson = 6;
    private const int SoundAlikesPerPerson = 2;
    private const int MixedPerPerson = 2;
    private const int CommonNames = 30_000;
    private const int CommonOrganizations = 10_000;
    /// <summary>Share of Hispanic names among the common names: most travellers at the southern border.</summary>
    private const double HispanicCommonShare = 0.6;
    /// <summary>A namesake's date of birth is at least this many years from every listed one (the issue's own test set).</summary>
    private const int NamesakeYearsApart = 3;
    /// <summary>A namesake screened on name and date alone is born at least this many years from every listed date.</summary>
    private const int BornApartYears = 10;

    /// <summary>
    /// Every kind of negative: per OFAC person, a name mixed with another entry's (the earlier hard negatives) and,
    /// where they apply, namesakes (<see cref="AddNamesakes"/>), a namesake born years apart, relatives, a sound-alike
    /// surname with other given names, the other sex; then common names and common company names.
    /// </summary>
    private void AddNegatives(DevList list, Dictionary<string, HashSet<Guid>> keys, List<Person> persons)
    {
        var byPart = persons.Where(p => p.Primary is not null).GroupBy(p => p.Part).ToDictionary(g => g.Key, g => g.ToArray());
        // A relative must not be named as any listed person of the family is: "Luis AMEZCUA CONTRERAS" is Luis Ignacio's short name.
        var families = persons.SelectMany(p => p.Structured.Select(n => (Surnames: FamilyKey(n), p.Structured)))
            .GroupBy(f => f.Surnames, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(f => f.Structured).SelectMany(n => n.Given).Select(x => NameText.Fold(x)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var person in persons)
        {
            if (person.Primary is not { } primary)
                continue;
            var random = RandomFor("negatives", person.EntNum);
            for (var i = 0; i < MixedPerPerson; i++)
                AddMixed(list, keys, person, byPart[person.Part], random);
            if (person.Hispanic && PaternalAndLater(primary) is { } paternal)
            {
                AddNamesakes(list, keys, person, primary, paternal, random);
                for (var i = 0; i < BornApartPerPerson; i++)
                    AddBornApart(list, keys, person, primary, paternal, random);
                for (var i = 0; i < RelativesPerPerson; i++)
                    AddRelative(list, keys, person, primary, families[FamilyKey(primary)], random);
            }
            for (var i = 0; i < SoundAlikesPerPerson; i++)
                AddSoundAlike(list, keys, person, primary, random);
            foreach (var name in person.Structured)
                AddOtherSex(list, keys, person, name, random);
        }
        AddCommonNames(list, keys);
        AddCommonOrganizations(list, keys);
    }

    /// <summary>The paternal surname with its particles ("DE LA ROSA"), when a second surname follows it; null otherwise.</summary>
    private static string[]? PaternalAndLater(NameForm name)
    {
        var firstCore = Array.FindIndex(name.Surnames, t => !NameForm.IsParticle(t));
        return firstCore >= 0 && NameForm.CoreCount(name.Surnames[(firstCore + 1)..]) > 0 ? name.Surnames[..(firstCore + 1)] : null;
    }

    /// <summary>
    /// Namesakes: the same given names and paternal surname, another mother's surname (drawn at its frequency among
    /// Hispanic Americans, none the entry lists or a typo of one), half of them with a full date of birth at least
    /// three years from every listed one: "Joaquín GUZMÁN SALAZAR" beside GUZMAN LOERA, Joaquin.
    /// </summary>
    private void AddNamesakes(DevList list, Dictionary<string, HashSet<Guid>> keys, Person person, NameForm primary, string[] paternal, Random random)
    {
        for (var made = 0; made < NamesakesPerPerson; made++)
        {
            var maternal = DrawSurname(random, hispanic: true, avoid: [.. person.LaterSurnames, NameText.Fold(paternal[^1])]);
            var form = primary with { Surnames = [.. paternal, maternal.ToUpperInvariant()] };
            if (random.NextDouble() < 0.5 && Variants.Accent(form, random) is { } accented)
                form = accented;
            var layout = random.NextDouble() < 0.7 ? QueryLayout.Structured : QueryLayout.GivenFirst;
            var dates = random.NextDouble() < DobShare ? [DateApart(person, NamesakeYearsApart, random)] : Array.Empty<PartialDate>();
            AddNegative(list, keys, new Subject { Names = [form.ToSubjectName(layout)], DatesOfBirth = dates }, TextOf(form, layout),
                Kinds.Namesake, person.Part, hispanic: true);
        }
    }

    /// <summary>
    /// A namesake on a name and a date alone: the same given names and paternal surname, no mother's surname (as a US
    /// document writes it), and a full date of birth at least ten years from every listed one.
    /// </summary>
    private void AddBornApart(DevList list, Dictionary<string, HashSet<Guid>> keys, Person person, NameForm primary, string[] paternal, Random random)
    {
        if (person.Dates.Length == 0)
            return;
        var form = primary with { Surnames = paternal };
        if (random.NextDouble() < 0.5 && Variants.Accent(form, random) is { } accented)
            form = accented;
        var subject = new Subject { Names = [form.ToSubjectName(QueryLayout.Structured)], DatesOfBirth = [DateApart(person, BornApartYears, random)] };
        AddNegative(list, keys, subject, TextOf(form, QueryLayout.Structured), Kinds.NamesakeDob, person.Part, hispanic: true);
    }

    /// <summary>
    /// A relative: both surnames, other given names (drawn at their frequency among Hispanic Americans, a man's or a
    /// woman's, none equal to, a nickname of, a translation of or the other sex's form of a listed one).
    /// </summary>
    private void AddRelative(DevList list, Dictionary<string, HashSet<Guid>> keys, Person person, NameForm primary, HashSet<string> family, Random random)
    {
        var given = DrawGivenNames(random, hispanic: true, person, family);
        var form = primary with { Given = given };
        var dates = random.NextDouble() < DobShare ? [RandomDate(random)] : Array.Empty<PartialDate>();
        AddNegative(list, keys, new Subject { Names = [form.ToSubjectName(QueryLayout.Structured)], DatesOfBirth = dates },
            TextOf(form, QueryLayout.Structured), Kinds.Relative, person.Part, hispanic: true);
    }

    /// <summary>
    /// A surname that sounds like a listed one (b/v, s/z, soft c/s, ll/y, silent h, soft g/j) or is a letter away,
    /// with other given names: "Pedro BARGAS" beside VARGAS, Jose.
    /// </summary>
    private void AddSoundAlike(DevList list, Dictionary<string, HashSet<Guid>> keys, Person person, NameForm primary, Random random)
    {
        var cores = Enumerable.Range(0, primary.Surnames.Length).Where(i => !NameForm.IsParticle(primary.Surnames[i]) && primary.Surnames[i].Length >= 4).ToArray();
        if (cores.Length == 0)
            return;
        var at = cores[random.Next(cores.Length)];
        var altered = SoundAlike(NameText.Fold(primary.Surnames[at]), random);
        var surnames = (string[])primary.Surnames.Clone();
        surnames[at] = altered.ToUpperInvariant();
        var form = new NameForm(DrawGivenNames(random, person.Hispanic, person), surnames);
        var dates = random.NextDouble() < DobShare ? [RandomDate(random)] : Array.Empty<PartialDate>();
        AddNegative(list, keys, new Subject { Names = [form.ToSubjectName(QueryLayout.Structured)], DatesOfBirth = dates },
            TextOf(form, QueryLayout.Structured), Kinds.SoundAlike, person.Part, person.Hispanic);
    }

    // Spelling pairs Spanish speakers hear as one sound, applied once: "vargas" → "bargas", "zuniga" → "suniga".
    private static readonly (string From, string To)[] SoundAlikeSpellings =
    [
        ("v", "b"), ("b", "v"), ("z", "s"), ("s", "z"), ("ll", "y"), ("y", "ll"), ("ce", "se"), ("ci", "si"), ("ge", "je"),
        ("gi", "ji"), ("je", "ge"), ("ji", "gi"), ("qu", "k"), ("x", "j"),
    ];

    private static string SoundAlike(string surname, Random random)
    {
        var options = new List<string>();
        foreach (var (from, to) in SoundAlikeSpellings)
        {
            for (var at = surname.IndexOf(from, StringComparison.Ordinal); at >= 0; at = surname.IndexOf(from, at + 1, StringComparison.Ordinal))
                options.Add(string.Concat(surname.AsSpan(0, at), to, surname.AsSpan(at + from.Length)));
        }
        if (surname.StartsWith('h'))
            options.Add(surname[1..]);
        if (options.Count > 0 && random.NextDouble() < 0.7)
            return options[random.Next(options.Count)];
        // One letter changed to another, anywhere but the first.
        var chars = surname.ToCharArray();
        var i = random.Next(1, chars.Length);
        chars[i] = (char)('a' + (chars[i] - 'a' + 1 + random.Next(25)) % 26);
        return new string(chars);
    }

    /// <summary>
    /// The same name in the other sex: the first given name of each of its names in its other form where the name data
    /// know both ("Joaquín" → "Joaquina", "María" → "Mario"), same surnames, the sex on the document half the time.
    /// </summary>
    private void AddOtherSex(DevList list, Dictionary<string, HashSet<Guid>> keys, Person person, NameForm name, Random random)
    {
        if (name.Given.Length == 0 || _population.OtherSexForm(NameText.Fold(name.Given[0])) is not { } other)
            return;
        var form = name with { Given = [NameForm.CasedLike(name.Given[0], other), .. name.Given[1..]] };
        var sex = random.NextDouble() < 0.5 ? Sex.Unknown : _population.SexOf[other] == 'f' ? Sex.Female : Sex.Male;
        var dates = random.NextDouble() < DobShare ? [RandomDate(random)] : Array.Empty<PartialDate>();
        AddNegative(list, keys, new Subject { Names = [form.ToSubjectName(QueryLayout.Structured)], DatesOfBirth = dates, Sex = sex },
            TextOf(form, QueryLayout.Structured), Kinds.OtherSex, person.Part, person.Hispanic);
    }

    /// <summary>Its surnames with another same-part entry's given names (no given name equal or equivalent), or its given names with another entry's surnames (no surname shared).</summary>
    private void AddMixed(DevList list, Dictionary<string, HashSet<Guid>> keys, Person person, Person[] samePart, Random random)
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
            var dates = random.NextDouble() < DobShare ? [RandomDate(random)] : Array.Empty<PartialDate>();
            AddNegative(list, keys, new Subject { Names = [form.ToSubjectName(QueryLayout.Structured)], DatesOfBirth = dates },
                TextOf(form, QueryLayout.Structured), kind, person.Part, IsHispanic(form));
            return;
        }
    }

    private bool SharesGiven(NameForm a, NameForm b) =>
        a.Given.Any(x => b.Given.Any(y => AreRelatedGivenNames(NameText.Fold(x), NameText.Fold(y))));

    /// <summary>Equal, a nickname or translation one of the other (in the independent tables), or each other's other-sex form.</summary>
    private bool AreRelatedGivenNames(string a, string b) =>
        a == b
        || _population.OtherSexForm(a) == b || _population.OtherSexForm(b) == a
        || _variants.Tables.AreRelated(a, b);

    private static HashSet<string> Folded(string[] tokens) => [.. tokens.Select(t => NameText.Fold(t))];

    /// <summary>"GUZMAN LOERA, Joaquin" → "guzman loera": the surnames that make a family.</summary>
    private static string FamilyKey(NameForm name) => NameText.Fold(name.SurnameText);

    /// <summary>One given name (seven in ten) or two, of one sex, at their frequency, none related to the person's (or the family's) listed given names.</summary>
    private string[] DrawGivenNames(Random random, bool hispanic, Person person, HashSet<string>? family = null)
    {
        var listed = person.Structured.SelectMany(n => n.Given).Select(g => NameText.Fold(g)).Concat(family ?? []).ToHashSet(StringComparer.Ordinal);
        var names = _population.GivenNames(hispanic, random.Next(2) == 0 ? 'm' : 'f');
        var count = random.NextDouble() < 0.7 ? 1 : 2;
        var given = new List<string>(count);
        for (var attempt = 0; given.Count < count && attempt < 100; attempt++)
        {
            var name = names.Draw(random);
            if (!given.Contains(name, StringComparer.Ordinal) && !listed.Any(l => AreRelatedGivenNames(name, l)))
                given.Add(name);
        }
        return [.. given.Select(g => NameForm.CasedLike("Xx", g))];
    }

    /// <summary>A surname at its frequency, none of <paramref name="avoid"/> nor two letters from one.</summary>
    private string DrawSurname(Random random, bool hispanic, IReadOnlyCollection<string> avoid)
    {
        var names = hispanic ? _population.HispanicSurnames : _population.EnglishSurnames;
        for (var attempt = 0; ; attempt++)
        {
            var surname = names.Draw(random);
            if (attempt > 100 || !avoid.Any(a => Edits.DamerauLevenshtein(a, surname, 2) <= 2))
                return surname;
        }
    }

    /// <summary>A full date from 1930 to 2008 whose year is at least <paramref name="years"/> from every year the entry lists.</summary>
    private static PartialDate DateApart(Person person, int years, Random random)
    {
        var listed = person.Dates.Select(d => d.Year).ToArray();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var date = RandomDate(random, 1930, 2008);
            if (listed.All(y => Math.Abs(y - date.Year) >= years))
                return date;
        }
        throw new InvalidOperationException($"no year {years} apart from {string.Join(", ", listed)} between 1930 and 2008");
    }

    private static PartialDate RandomDate(Random random, int from = 1940, int to = 2000)
    {
        var year = random.Next(from, to + 1);
        var month = random.Next(1, 13);
        return new PartialDate(year, month, random.Next(1, DateTime.DaysInMonth(year, month) + 1));
    }

    /// <summary>
    /// Common names of nobody on the list, at their real frequencies: Hispanic (one or two given names of one sex, two
    /// surnames; half with accents) and non-Hispanic (a given name, a middle name four times in ten, one surname).
    /// Half carry a full date of birth and, as a document would, the sex their first given name has.
    /// </summary>
    private void AddCommonNames(DevList list, Dictionary<string, HashSet<Guid>> keys)
    {
        var random = RandomFor("common-names", 0);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var made = 0; made < CommonNames * 4 && seen.Count < CommonNames; made++)
        {
            var hispanic = random.NextDouble() < HispanicCommonShare;
            var sex = random.Next(2) == 0 ? 'm' : 'f';
            var givenNames = _population.GivenNames(hispanic, sex);
            var given = random.NextDouble() < (hispanic ? 0.3 : 0.4) ? new[] { givenNames.Draw(random), givenNames.Draw(random) } : [givenNames.Draw(random)];
            if (given.Length == 2 && given[0] == given[1])
                continue;
            string[] surnames = hispanic
                ? [_population.HispanicSurnames.Draw(random), _population.HispanicSurnames.Draw(random)]
                : [_population.EnglishSurnames.Draw(random)];
            var form = new NameForm([.. given.Select(g => NameForm.CasedLike("Xx", g))], [.. surnames.Select(s => s.ToUpperInvariant())]);
            if (hispanic && random.NextDouble() < 0.5 && Variants.Accent(form, random) is { } accented)
                form = accented;
            var text = TextOf(form, QueryLayout.Structured);
            if (!seen.Add(WordKey(text)))
                continue;
            var withDate = random.NextDouble() < DobShare;
            var subject = new Subject
            {
                Names = [form.ToSubjectName(QueryLayout.Structured)],
                DatesOfBirth = withDate ? [RandomDate(random)] : [],
                Sex = !withDate ? Sex.Unknown : sex == 'f' ? Sex.Female : Sex.Male,
            };
            AddNegative(list, keys, subject, text, Kinds.CommonName, PartOf("common", (long)Seeded.Fnv(text)), hispanic);
        }
    }

    /// <summary>Company names made of the words such names are made of, Mexican and American: "Comercializadora del Norte S.A. de C.V.".</summary>
    private void AddCommonOrganizations(DevList list, Dictionary<string, HashSet<Guid>> keys)
    {
        var random = RandomFor("common-organizations", 0);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var listed = list.Entries.Where(e => e.Subject.Kind == SubjectKind.Organization).SelectMany(e => e.Subject.Names)
            .Select(n => OrganizationWords.Key(n.Full ?? "")).ToHashSet(StringComparer.Ordinal);
        for (var made = 0; made < CommonOrganizations * 4 && seen.Count < CommonOrganizations; made++)
        {
            var name = OrganizationWords.Common(random);
            var text = NameText.Fold(name);
            if (!seen.Add(WordKey(text)))
                continue;
            if (listed.Contains(OrganizationWords.Key(name)))
            {
                Drop(Kinds.CommonOrganization);
                continue;
            }
            AddNegative(list, keys, new Subject { Kind = SubjectKind.Organization, Names = [SubjectName.Free(name)] }, text,
                Kinds.CommonOrganization, PartOf("common-organization", (long)Seeded.Fnv(text)), hispanic: false);
        }
    }
}
