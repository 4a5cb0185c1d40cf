namespace Perimeter.Benchmarks.Accuracy;

/// <summary>The reference tables the variant rules draw on: accented spellings, keyboard neighbours, OCR confusions, nicknames.</summary>
internal sealed class VariantTables
{
    /// <summary>Particles that start or continue a compound surname or given name: "de la ROSA", "Jose de Jesus".</summary>
    public static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
        { "de", "del", "la", "las", "los", "dela", "delas", "delos", "y", "da", "das", "do", "dos", "di", "van", "von", "der", "san", "santa" };

    /// <summary>Folded → accented spelling for common Hispanic names whose accent the generic rules below would not give.</summary>
    private static readonly Dictionary<string, string> AccentedNames = new(StringComparer.Ordinal)
    {
        ["jose"] = "josé", ["maria"] = "maría", ["jesus"] = "jesús", ["ramon"] = "ramón", ["martin"] = "martín",
        ["ruben"] = "rubén", ["andres"] = "andrés", ["angel"] = "ángel", ["hector"] = "héctor", ["oscar"] = "óscar",
        ["victor"] = "víctor", ["cesar"] = "césar", ["raul"] = "raúl", ["julian"] = "julián", ["sebastian"] = "sebastián",
        ["adrian"] = "adrián", ["german"] = "germán", ["efrain"] = "efraín", ["simon"] = "simón", ["ines"] = "inés",
        ["monica"] = "mónica", ["veronica"] = "verónica", ["lucia"] = "lucía", ["sofia"] = "sofía", ["rocio"] = "rocío",
        ["ivan"] = "iván", ["nicolas"] = "nicolás", ["tomas"] = "tomás", ["joaquin"] = "joaquín", ["agustin"] = "agustín",
        ["fermin"] = "fermín", ["benjamin"] = "benjamín", ["hernan"] = "hernán", ["dario"] = "darío",
        ["garcia"] = "garcía", ["diaz"] = "díaz", ["nunez"] = "núñez", ["pena"] = "peña", ["munoz"] = "muñoz",
        ["ibanez"] = "ibáñez", ["yanez"] = "yáñez", ["ordonez"] = "ordóñez", ["castaneda"] = "castañeda", ["avila"] = "ávila",
        ["beltran"] = "beltrán", ["leon"] = "león", ["rios"] = "ríos", ["marin"] = "marín", ["valdes"] = "valdés",
        ["cortes"] = "cortés", ["galvan"] = "galván", ["guzman"] = "guzmán", ["roman"] = "román", ["duran"] = "durán",
        ["calderon"] = "calderón", ["rincon"] = "rincón", ["zuniga"] = "zúñiga", ["arevalo"] = "arévalo", ["patino"] = "patiño",
        ["londono"] = "londoño", ["montano"] = "montaño", ["villasenor"] = "villaseñor", ["nino"] = "niño", ["cardenas"] = "cárdenas",
        ["acuna"] = "acuña", ["obregon"] = "obregón", ["limon"] = "limón", ["gaitan"] = "gaitán", ["bolivar"] = "bolívar",
        ["farias"] = "farías", ["echeverria"] = "echeverría", ["mejia"] = "mejía", ["espana"] = "españa", ["carreno"] = "carreño",
        ["quinones"] = "quiñones", ["alarcon"] = "alarcón", ["aragon"] = "aragón",
        ["colon"] = "colón", ["concepcion"] = "concepción", ["asuncion"] = "asunción", ["encarnacion"] = "encarnación",
        ["muniz"] = "muñiz", ["bermudez"] = "bermúdez", ["angeles"] = "ángeles", ["alvaro"] = "álvaro",
    };

    /// <summary>QWERTY neighbours of each letter, for a keyboard slip: 'a' → "qwsz".</summary>
    private static readonly Dictionary<char, string> KeyboardNeighbours = new()
    {
        ['q'] = "wa", ['w'] = "qeas", ['e'] = "wrsd", ['r'] = "etdf", ['t'] = "ryfg", ['y'] = "tugh", ['u'] = "yihj",
        ['i'] = "uojk", ['o'] = "ipkl", ['p'] = "ol", ['a'] = "qwsz", ['s'] = "awedxz", ['d'] = "serfcx", ['f'] = "drtgvc",
        ['g'] = "ftyhbv", ['h'] = "gyujnb", ['j'] = "huikmn", ['k'] = "jiolm", ['l'] = "kop", ['z'] = "asx", ['x'] = "zsdc",
        ['c'] = "xdfv", ['v'] = "cfgb", ['b'] = "vghn", ['n'] = "bhjm", ['m'] = "njk",
    };

    /// <summary>What optical character recognition misreads in printed names, as (printed, read) in lower case: "rn" read as "m".</summary>
    public static readonly (string Printed, string Read)[] OcrConfusions =
    [
        ("rn", "m"), ("m", "rn"), ("cl", "d"), ("d", "cl"), ("w", "vv"), ("o", "0"), ("i", "1"), ("l", "1"),
        ("s", "5"), ("b", "8"), ("e", "c"), ("c", "e"), ("u", "v"), ("h", "b"), ("g", "q"),
    ];

    /// <summary>
    /// Canonical → Spanish nicknames (<c>Data/spanish-nicknames.csv</c>): "francisco" → pancho, paco… English ones are
    /// left out: the only list at hand is the shared one, which the node itself reads (<c>NodeMatchingTables</c>).
    /// </summary>
    public required IReadOnlyDictionary<string, string[]> Nicknames { get; init; }

    /// <summary>Spanish ↔ English given names (<c>Data/spanish-english-names.csv</c>): "guillermo" → "william", and back.</summary>
    public required IReadOnlyDictionary<string, string[]> Translations { get; init; }

    /// <summary>Folded pairs "a b" that are a nickname or a translation of one another, or two nicknames of one name: both orders.</summary>
    private HashSet<string> RelatedPairs { get; init; } = [];

    /// <summary>Whether the tables relate two folded given names: "pancho" and "francisco", "paco" and "pancho", "guillermo" and "william".</summary>
    public bool AreRelated(string a, string b) => RelatedPairs.Contains($"{a} {b}");

    /// <summary>The tables from sources independent of the engine's: none of its own name lists is read here.</summary>
    public static VariantTables Load(PopulationNames population)
    {
        var nicknames = population.SpanishNicknames;
        var related = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in nicknames.Select(p => p.Value.Append(p.Key)).Concat(population.Translations.Select(p => p.Value.Append(p.Key))))
        {
            var members = group.ToArray();
            foreach (var a in members)
            {
                foreach (var b in members)
                    related.Add($"{a} {b}");
            }
        }
        return new VariantTables { Nicknames = nicknames, Translations = population.Translations, RelatedPairs = related };
    }

    /// <summary>
    /// The accented spelling of a folded word, or null: from the table, else Spanish stress rules for the common
    /// endings (a paroxytone in -ez carries the accent on its last vowel before it: "hernandez" → "hernández";
    /// -ion takes one on the o: "encarnacion" → "encarnación").
    /// </summary>
    public static string? Accented(string folded)
    {
        if (AccentedNames.TryGetValue(folded, out var accented))
            return accented == folded ? null : accented;
        if (folded.Length >= 5 && folded.EndsWith("ez", StringComparison.Ordinal))
        {
            var vowel = folded.AsSpan(0, folded.Length - 2).LastIndexOfAny("aeiou");
            if (vowel > 0)
                return string.Concat(folded.AsSpan(0, vowel), Acute(folded[vowel]).ToString(), folded.AsSpan(vowel + 1));
        }
        if (folded.Length >= 5 && folded.EndsWith("ion", StringComparison.Ordinal))
            return string.Concat(folded.AsSpan(0, folded.Length - 2), "ón");
        return null;
    }

    private static char Acute(char vowel) => vowel switch
    {
        'a' => 'á',
        'e' => 'é',
        'i' => 'í',
        'o' => 'ó',
        _ => 'ú',
    };

    /// <summary>A neighbouring key of a lower-case letter, chosen by <paramref name="random"/>; the letter itself when it has none.</summary>
    public static char Neighbour(char letter, Random random) =>
        KeyboardNeighbours.TryGetValue(letter, out var keys) ? keys[random.Next(keys.Length)] : letter;
}
