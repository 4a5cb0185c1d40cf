using System.Collections.Frozen;

namespace Perimeter.Matching.Names;

/// <summary>Splits a person name into tagged parts the way lists, passports and officers write it: "GUZMAN LOERA, Joaquín" → given "joaquin", surnames "guzman", "loera".</summary>
public static class NameParser
{
    // A particle starts a run; these may follow it inside the run: "de la", "de los", "van der". Filipino surnames write
    // theirs as one word: "DELA CRUZ", "DELOS REYES".
    private static readonly FrozenSet<string> Particles = FrozenSet.Create(
        StringComparer.Ordinal, "de", "del", "la", "las", "los", "dela", "delas", "delos", "da", "das", "do", "dos", "di", "van", "von", "san", "santa");

    private static readonly FrozenSet<string> ParticleContinuations = FrozenSet.Create(
        StringComparer.Ordinal, "la", "las", "los", "der", "den", "san", "santa");

    private static readonly FrozenSet<string> Honorifics = FrozenSet.Create(
        StringComparer.Ordinal, "sr", "sra", "srta", "don", "dona", "dr", "dra", "lic", "licda", "ing", "prof", "mr", "mrs", "ms", "miss", "sir");

    private static readonly FrozenSet<string> Suffixes = FrozenSet.Create(StringComparer.Ordinal, "jr", "sr", "ii", "iii", "iv");

    // After a given name, "de" + one of these continues the given name ("Juan de Dios", "María de los Ángeles")
    // rather than starting a surname ("María de la Rosa"). Cores that are also common surnames (Cruz, Rosa, Paz) are
    // left out: only an explicit layout can tell "Juan de la Cruz" the saint from Juan De la Cruz the family.
    private static readonly FrozenSet<string> CompoundGivenCores = FrozenSet.Create(
        StringComparer.Ordinal,
        "dios", "jesus", "angeles", "luz", "lourdes", "carmen", "rosario", "pilar", "guadalupe", "refugio", "socorro",
        "dolores", "mercedes", "consuelo", "nieves", "remedios", "asuncion", "concepcion", "fatima", "montserrat",
        "soledad", "gracia", "trinidad", "belen", "esperanza", "merced");

    // Spanish compound given names mostly start with one of these: "José María", "María José", "Juan Carlos".
    private static readonly FrozenSet<string> CompoundGivenHeads = FrozenSet.Create(
        StringComparer.Ordinal, "jose", "maria", "juan", "ana", "luis", "miguel", "francisco", "jesus", "luz", "rosa");

    private static readonly FrozenSet<string> NicknameArticles = FrozenSet.Create(
        StringComparer.Ordinal, "el", "la", "los", "las", "the");

    /// <summary>Parses a name written in one string, taking its order from a comma, an MRZ, an upper-case surname block or the name lists: "Joaquín Guzmán Loera", "GUZMAN LOERA, Joaquin", "GUZMAN&lt;LOERA&lt;&lt;JOAQUIN".</summary>
    public static ParsedName Parse(string raw, NameLayout layout = NameLayout.Unknown)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var nicknames = new List<string>();
        var text = NameTokens.ExtractNicknames(raw, nicknames);
        var parts = new PartsBuilder();

        if (text.Contains('<', StringComparison.Ordinal))
        {
            var (surnames, given) = SplitMrz(text);
            parts.AddSection(NameTokens.Tokenize(given), Context.Given);
            parts.AddSection(NameTokens.Tokenize(surnames), Context.Surname);
        }
        else if (SplitAtComma(text) is (var surnames, var given))
        {
            parts.AddSection(given, Context.Given);
            parts.AddSection(surnames, Context.Surname);
        }
        else
        {
            var tokens = NameTokens.Tokenize(text.Replace(',', ' '));
            if (FindCaseBoundary(tokens) is (var order, var boundary))
            {
                var (first, second) = (tokens[..boundary], tokens[boundary..]);
                parts.AddSection(order == NameLayout.SurnameFirst ? second : first, Context.Given);
                parts.AddSection(order == NameLayout.SurnameFirst ? first : second, Context.Surname);
            }
            else
            {
                parts.AddUnstructured(tokens, layout);
            }
        }

        parts.AddNicknames(nicknames);
        return parts.Build();
    }

    /// <summary>Parses a name from separate form fields: ("Joaquín", "Guzmán Loera") → given "joaquin", surnames "guzman", "loera".</summary>
    public static ParsedName Parse(string? givenNames, string? surnames)
    {
        var nicknames = new List<string>();
        var parts = new PartsBuilder();
        parts.AddSection(NameTokens.Tokenize(NameTokens.ExtractNicknames(givenNames ?? "", nicknames)), Context.Given);
        parts.AddSection(NameTokens.Tokenize(NameTokens.ExtractNicknames(surnames ?? "", nicknames)), Context.Surname);
        parts.AddNicknames(nicknames);
        return parts.Build();
    }

    private enum Context { Given, Surname, Unstructured }

    /// <summary>A word with the particles glued in front of it: "de la" + "rosa".</summary>
    private sealed class Segment(string word, PartFlags flags)
    {
        public string Word { get; } = word;
        public string Particles { get; init; } = "";
        public PartFlags Flags { get; set; } = flags;
        public bool ContinuesGivenName { get; set; }
        public bool HasParticles => Particles.Length > 0;
    }

    /// <summary>What takes one side or the other of the given/surname boundary: a segment, or several joined by hyphens.</summary>
    private sealed class Unit
    {
        public List<Segment> Segments { get; } = [];
    }

    private sealed class PartsBuilder
    {
        private readonly List<NamePart> _given = [];
        private readonly List<NamePart> _surnames = [];
        private readonly List<NamePart> _nicknames = [];

        public void AddSection(List<NameToken> tokens, Context context)
        {
            foreach (var unit in BuildUnits(tokens, context))
            {
                if (context == Context.Given)
                    AddGiven(unit, PartFlags.None);
                else
                    AddSurname(unit, PartFlags.None);
            }
        }

        public void AddUnstructured(List<NameToken> tokens, NameLayout layout)
        {
            var units = BuildUnits(tokens, Context.Unstructured);
            if (units.Count == 1)
            {
                AddAlone(units[0]);
                return;
            }
            var (order, boundary) = ChooseBoundary(units, layout);
            for (var i = 0; i < units.Count; i++)
            {
                var isGiven = order == NameLayout.SurnameFirst ? i >= boundary : i < boundary;
                if (isGiven)
                    AddGiven(units[i], PartFlags.Inferred);
                else
                    AddSurname(units[i], PartFlags.Inferred);
            }
        }

        public void AddNicknames(List<string> nicknames)
        {
            foreach (var nickname in nicknames)
            {
                var words = NameTokens.Tokenize(nickname).Select(t => t.Word).ToList();
                var meaningful = words.Where(w => !NicknameArticles.Contains(w)).ToList();
                foreach (var word in meaningful.Count > 0 ? meaningful : words)
                    _nicknames.Add(new NamePart(word, NameRole.Unknown, -1, PartFlags.Nickname, null));
            }
        }

        public ParsedName Build()
        {
            if (_given.Count >= 2 && IsCompoundGiven(_given))
            {
                for (var i = 0; i < _given.Count; i++)
                    _given[i] = _given[i] with { Flags = _given[i].Flags | PartFlags.CompoundGiven };
            }
            var folded = string.Join(' ', _given.Concat(_surnames).Select(p => p.Folded));
            return new ParsedName([.. _given, .. _surnames, .. _nicknames], folded);
        }

        private static bool IsCompoundGiven(List<NamePart> given)
        {
            if (given.Any(p => p.Has(PartFlags.Particle)))
                return true;
            // "J. María" is read as the compound it abbreviates.
            var head = given[0].Has(PartFlags.Initial) ? given[1] : given[0];
            return CompoundGivenHeads.Contains(head.Folded);
        }

        private void AddGiven(Unit unit, PartFlags extra)
        {
            var hyphenated = unit.Segments.Count > 1 ? PartFlags.Hyphenated : PartFlags.None;
            foreach (var segment in unit.Segments)
            {
                var flags = segment.Flags | hyphenated | extra;
                _given.Add(segment.HasParticles
                    ? new NamePart(segment.Particles + segment.Word, NameRole.Given, -1, flags | PartFlags.Particle | PartFlags.CompoundGiven, segment.Word)
                    : new NamePart(segment.Word, NameRole.Given, -1, flags, null));
            }
        }

        private void AddSurname(Unit unit, PartFlags extra)
        {
            var hyphenated = unit.Segments.Count > 1 ? PartFlags.Hyphenated : PartFlags.None;
            foreach (var segment in unit.Segments)
            {
                var flags = segment.Flags | hyphenated | extra;
                var written = (flags & (PartFlags.Initial | PartFlags.Abbreviation)) != 0;
                if (segment.HasParticles)
                {
                    // "Santa Cruz" reads as the listed surname "santacruz", as it does written together.
                    var glued = segment.Particles + segment.Word;
                    if (NameData.IsSurname(glued))
                        AddSurnamePart(glued, flags, null);
                    else
                        AddSurnamePart(glued, flags | PartFlags.Particle, segment.Word);
                }
                else if (!written && NameData.TrySplitGluedParticle(segment.Word, out _, out var core))
                {
                    AddSurnamePart(segment.Word, flags | PartFlags.Particle, core);
                }
                else if (!written && NameData.TrySplitGluedPair(segment.Word, out var first, out var second))
                {
                    AddSurnamePart(first, flags | PartFlags.Split, null);
                    AddSurnamePart(second, flags | PartFlags.Split, null);
                }
                else
                {
                    AddSurnamePart(segment.Word, flags, null);
                }
            }
        }

        private void AddSurnamePart(string folded, PartFlags flags, string? core) =>
            _surnames.Add(new NamePart(folded, NameRole.Surname, _surnames.Count, flags, core));

        // One word and nothing to place it by: the lists decide, or the role stays unknown ("Madonna").
        private void AddAlone(Unit unit)
        {
            var (given, surname) = Score(unit);
            if (given > surname)
            {
                AddGiven(unit, PartFlags.Inferred);
            }
            else if (surname > given)
            {
                AddSurname(unit, PartFlags.Inferred);
            }
            else
            {
                foreach (var segment in unit.Segments)
                {
                    _given.Add(new NamePart(
                        segment.Particles + segment.Word, NameRole.Unknown, -1,
                        segment.Flags | (segment.HasParticles ? PartFlags.Particle : PartFlags.None),
                        segment.HasParticles ? segment.Word : null));
                }
            }
        }
    }

    /// <summary>Drops honorifics and conjunctions, expands abbreviations, glues particles and joins hyphenated words.</summary>
    private static List<Unit> BuildUnits(List<NameToken> tokens, Context context)
    {
        var words = StripHonorifics(tokens);
        var units = new List<Unit>();
        var i = 0;
        while (i < words.Count)
        {
            var token = words[i];
            var hasNext = i + 1 < words.Count;
            if (IsConjunction(token, hasNext ? words[i + 1] : null) && units.Count > 0)
            {
                i++;
                continue;
            }

            var run = ParticleRunLength(words, i);
            Segment segment;
            if (run > 0)
            {
                var particles = string.Concat(words.Skip(i).Take(run).Select(t => t.Word));
                var (word, flags) = Expand(words[i + run], context);
                segment = new Segment(word, flags) { Particles = particles };
                i += run + 1;
            }
            else
            {
                var (word, flags) = Expand(token, context);
                segment = new Segment(word, flags);
                i++;
            }

            if (token.HyphenBefore && units.Count > 0)
            {
                units[^1].Segments.Add(segment);
            }
            else
            {
                var unit = new Unit();
                unit.Segments.Add(segment);
                units.Add(unit);
            }
        }

        MarkGivenNameContinuations(units, context);
        return units;
    }

    private static List<NameToken> StripHonorifics(List<NameToken> tokens)
    {
        var words = new List<NameToken>(tokens);
        // "Don Juan Pérez" drops "Don"; "Don Johnson" keeps it, as Don is also a given name.
        while (words.Count > 1
            && Honorifics.Contains(words[0].Word)
            && (words[0].Word is not ("don" or "dona") || words.Count >= 3))
        {
            words.RemoveAt(0);
        }
        // "Jr." and "Sr." follow the surname or, in "GONZALEZ PIZANA JR., Rogelio", sit inside the name: never a part;
        // nor is a title written with its dot where a layout moved it ("AL ZAWAHIRI DR. AYMAN").
        if (words.Count > 1)
            words.RemoveAll(t => Suffixes.Contains(t.Word) || (t.Dotted && Honorifics.Contains(t.Word) && t.Word is not ("don" or "dona")));
        return words;
    }

    // "y" joins two surnames ("Ortega y Gasset"); "e" does before an i sound ("Ortega e Ibarra"). With a dot it is an initial.
    private static bool IsConjunction(NameToken token, NameToken? next) =>
        !token.Dotted && next is { } following
        && (token.Word == "y"
            || (token.Word == "e" && (following.Word.StartsWith('i') || following.Word.StartsWith("hi", StringComparison.Ordinal))));

    /// <summary>How many particle tokens start at <paramref name="start"/> and are followed by a word to glue them to: "de la Rosa" → 2.</summary>
    private static int ParticleRunLength(List<NameToken> words, int start)
    {
        if (!Particles.Contains(words[start].Word) || words[start].Dotted)
            return 0;
        var end = start + 1;
        while (end < words.Count && ParticleContinuations.Contains(words[end].Word) && !words[end].Dotted)
            end++;
        // A particle with nothing after it is a plain word ("Rosa De" cut short).
        return end < words.Count ? end - start : 0;
    }

    private static (string Word, PartFlags Flags) Expand(NameToken token, Context context)
    {
        if (NameData.Abbreviations.TryGetValue(token.Word, out var abbreviation)
            && (token.Dotted || !abbreviation.NeedsDot)
            // Without a dot "Ma" among surnames is the Chinese family name, not María.
            && !(context == Context.Surname && !token.Dotted && token.Word == "ma"))
        {
            return (abbreviation.Expansion, PartFlags.Abbreviation);
        }
        return token.Word.Length == 1 && char.IsLetter(token.Word[0])
            ? (token.Word, PartFlags.Initial)
            : (token.Word, PartFlags.None);
    }

    // In a given-name field every particle continues the given name; in free text only a known core after a given name does.
    private static void MarkGivenNameContinuations(List<Unit> units, Context context)
    {
        if (context == Context.Surname)
            return;
        for (var i = 1; i < units.Count; i++)
        {
            var segment = units[i].Segments[0];
            if (!segment.HasParticles || units[i].Segments.Count > 1)
                continue;
            if (context == Context.Given || (CompoundGivenCores.Contains(segment.Word) && EndsWithGivenName(units[i - 1])))
                segment.ContinuesGivenName = true;
        }
    }

    // "Arcángel de Jesús": a word the surname list does not know counts as a given name here.
    private static bool EndsWithGivenName(Unit unit)
    {
        var last = unit.Segments[^1];
        return last.ContinuesGivenName
            || (!last.HasParticles && ((last.Flags & PartFlags.Initial) != 0 || NameData.IsGivenName(last.Word) || !NameData.IsSurname(last.Word)));
    }

    /// <summary>How much a unit looks like a given name and like a surname, from the lists: "jose" (2, -2), "garcia" (-2, 2), "cruz" (1, 1).</summary>
    private static (double Given, double Surname) Score(Unit unit)
    {
        double given = 0, surname = 0;
        foreach (var segment in unit.Segments)
        {
            var (g, s) = Score(segment);
            given += g;
            surname += s;
        }
        return (given / unit.Segments.Count, surname / unit.Segments.Count);
    }

    private static (double Given, double Surname) Score(Segment segment)
    {
        if (segment.ContinuesGivenName)
            return (2, -2);
        if (segment.HasParticles)
            return (-2, 2);
        if ((segment.Flags & PartFlags.Initial) != 0)
            return (1, -1);
        var word = segment.Word;
        var isGiven = NameData.IsGivenName(word);
        var isSurname = NameData.IsSurname(word);
        return (isGiven, isSurname) switch
        {
            (true, true) => (1, 1),
            (true, false) => (2, -2),
            (false, true) => (-2, 2),
            (false, false) when NameData.TrySplitGluedParticle(word, out _, out _)
                || NameData.TrySplitGluedPair(word, out _, out _) => (-2, 2),
            (false, false) => (0, 0),
        };
    }

    /// <summary>Where free text changes from given names to surnames, by the lists and by how many of each names usually have.</summary>
    private static (NameLayout Order, int Boundary) ChooseBoundary(List<Unit> units, NameLayout layout)
    {
        var scores = units.Select(Score).ToArray();
        var best = (Order: NameLayout.GivenFirst, Boundary: 1, Score: double.NegativeInfinity);
        // Given-first is tried first and kept on a tie: it is how free text is usually typed.
        NameLayout[] orders = layout == NameLayout.Unknown ? [NameLayout.GivenFirst, NameLayout.SurnameFirst] : [layout];
        foreach (var order in orders)
        {
            for (var boundary = 0; boundary <= units.Count; boundary++)
            {
                var score = 0.0;
                for (var i = 0; i < units.Count; i++)
                {
                    var isGiven = order == NameLayout.SurnameFirst ? i >= boundary : i < boundary;
                    score += isGiven ? scores[i].Given : scores[i].Surname;
                }
                var givenCount = order == NameLayout.SurnameFirst ? units.Count - boundary : boundary;
                score += CountPrior(givenCount, units.Count - givenCount);
                if (score > best.Score)
                    best = (order, boundary, score);
            }
        }
        return (best.Order, best.Boundary);
    }

    // Hispanic names usually carry one or two given names and two surnames; a name with none of either is unlikely.
    private static double CountPrior(int given, int surnames) =>
        given switch { 0 => -3, 1 or 2 => 0, 3 => -0.5, _ => -1.5 }
        + surnames switch { 0 => -3, 1 => 0, 2 => 1, 3 => -0.5, _ => -2 };

    /// <summary>An upper-case block before or after mixed-case words is the surnames: "GUZMAN LOERA Joaquín", "Joaquín GUZMÁN LOERA".</summary>
    private static (NameLayout Order, int Boundary)? FindCaseBoundary(List<NameToken> tokens)
    {
        var significant = new List<(int Index, bool Upper)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Case == WordCase.Neutral || Particles.Contains(token.Word) || ParticleContinuations.Contains(token.Word)
                || token.Word == "y" || Honorifics.Contains(token.Word) || Suffixes.Contains(token.Word))
            {
                continue;
            }
            significant.Add((i, token.Case == WordCase.Upper));
        }
        var firstUpper = significant.FindIndex(s => s.Upper);
        var firstOther = significant.FindIndex(s => !s.Upper);
        if (firstUpper < 0 || firstOther < 0)
            return null;

        if (firstUpper == 0 && significant.Skip(firstOther).All(s => !s.Upper))
            return (NameLayout.SurnameFirst, significant[firstOther - 1].Index + 1);

        if (firstOther == 0 && significant.Skip(firstUpper).All(s => s.Upper))
        {
            // Lower-case particles just before the block belong to it: "María de la ROSA".
            var boundary = significant[firstUpper].Index;
            while (boundary > 0 && (Particles.Contains(tokens[boundary - 1].Word) || ParticleContinuations.Contains(tokens[boundary - 1].Word)))
                boundary--;
            return (NameLayout.GivenFirst, boundary);
        }
        return null;
    }

    /// <summary>Splits an MRZ name field at its "&lt;&lt;": "GUZMAN&lt;LOERA&lt;&lt;JOAQUIN&lt;&lt;&lt;" → ("GUZMAN&lt;LOERA", "JOAQUIN&lt;&lt;&lt;").</summary>
    private static (string Surnames, string Given) SplitMrz(string text)
    {
        var mrz = text.Trim();
        // A whole first line (TD3 44 characters, TD2 36) starts with the document code and issuing state: "P<MEX". A
        // name field that happens to be as long ("MORALES<ZAMBRANO<<CRISTHIAM<ABELARDO") has a name there instead.
        if (mrz.Length is 44 or 36 && IsDocumentCode(mrz.AsSpan(0, 2)) && char.IsAsciiLetterUpper(mrz[2])
            && mrz.IndexOf("<<", StringComparison.Ordinal) > 5)
        {
            mrz = mrz[5..];
        }
        var separator = mrz.IndexOf("<<", StringComparison.Ordinal);
        return separator < 0 ? (mrz, "") : (mrz[..separator], mrz[(separator + 2)..]);
    }

    /// <summary>
    /// An ICAO 9303 document code: a letter for the kind (P passport, I/A/C identity cards, V visa) and a filler or a
    /// letter the issuing state chose ("P&lt;", "PM", "ID").
    /// </summary>
    private static bool IsDocumentCode(ReadOnlySpan<char> code) =>
        code[0] is 'P' or 'I' or 'A' or 'C' or 'V' && (code[1] == '<' || code is "PM" or "PD" or "PO" or "PS" or "PT" or "ID" or "IP" or "IR" or "AC");

    /// <summary>"SURNAMES, Given" as OFAC writes it; a comma before a bare suffix ("Pérez, Jr.") does not count.</summary>
    private static (List<NameToken> Surnames, List<NameToken> Given)? SplitAtComma(string text)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
            return null;
        var given = NameTokens.Tokenize(text[(comma + 1)..].Replace(',', ' '));
        if (given.All(t => Suffixes.Contains(t.Word) || Honorifics.Contains(t.Word)))
            return null;
        return (NameTokens.Tokenize(text[..comma]), given);
    }
}
