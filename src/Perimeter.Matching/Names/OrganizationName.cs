using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Perimeter.Matching.Names;

/// <summary>How a word of an organization name counts: in "GRUPO ACME, S.A. DE C.V." "grupo" is a <see cref="StopWord"/>, "sa de cv" the <see cref="LegalForm"/>.</summary>
[Flags]
[SuppressMessage("Naming", "CA1711", Justification = "A [Flags] set read as OrganizationPart.Flags; the name says it combines.")]
public enum OrganizationPartFlags
{
    /// <summary>A distinctive word, what the name is: "acme", "11420".</summary>
    None = 0,

    /// <summary>The whole legal form as one part, never the name itself: "S.A. de C.V." → "sa de cv", "Incorporated" → "inc".</summary>
    LegalForm = 1 << 0,

    /// <summary>An article, a conjunction or a generic company word, weighed low: "the", "de", "&amp;", "grupo", "international".</summary>
    StopWord = 1 << 1,
}

/// <summary>One part of an organization name: ("acme", None), ("sa de cv", LegalForm).</summary>
/// <param name="Folded">The word folded, or for a legal form its short form: "s.a. de c.v." and "SA DE CV" → "sa de cv".</param>
/// <param name="Flags">Legal form, stop word, or neither.</param>
public sealed record OrganizationPart(string Folded, OrganizationPartFlags Flags);

/// <summary>An organization name split into words, with its legal form as one part: "ACME S.A. de C.V." → "acme" + legal form "sa de cv".</summary>
/// <param name="Parts">The parts in written order.</param>
/// <param name="Folded">The parts' folded forms, space-separated: "acme sa de cv".</param>
public sealed record OrganizationName(IReadOnlyList<OrganizationPart> Parts, string Folded)
{
    private static readonly (LegalFormEntry[] Forms, FrozenDictionary<string, string> ShortWords) LegalForms = LoadLegalForms();

    private static readonly FrozenSet<string> StopWords =
        NameData.Rows("org-stopwords.txt").Select(row => row[0]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The spelled-out words of the legal forms ("limited", "liability", "joint", "stock"): left over when a form is
    /// written in part ("JOINT STOCK AVANGARD") or with a typo ("LIMITED LIABILITY CMPANY"), they still say only what
    /// kind of company it is, never which.
    /// </summary>
    private static readonly FrozenSet<string> LegalFormWords = LoadLegalFormWords();

    /// <summary>Legal-form words this long are recognised with one typo ("limtied", "liabliity"); shorter ones ("joint" and "point") are not.</summary>
    private const int MinimumMistypedLegalWord = 6;

    /// <summary>A legal form's words as the list writes them, runs of single letters joined ("s.a. de c.v." → [sa, de, cv]), and its short form.</summary>
    private sealed record LegalFormEntry(string[] Words, string ShortForm);

    /// <summary>The words that name the organization, without legal form or stop words: "acme" in "The ACME Group, Inc.".</summary>
    public IReadOnlyList<OrganizationPart> Distinctive => [.. Parts.Where(p => p.Flags == OrganizationPartFlags.None)];

    /// <summary>The legal form, if the name has one: "llc" in "EMMA LLC"; null in "EMMA".</summary>
    public OrganizationPart? LegalForm => Parts.FirstOrDefault(p => p.Flags.HasFlag(OrganizationPartFlags.LegalForm));

    /// <summary>Splits an organization name and marks its legal form and stop words: "11420 CORP." → "11420" and legal form "corp".</summary>
    public static OrganizationName Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var words = Words(raw);
        var parts = new List<OrganizationPart>();
        var i = 0;
        while (i < words.Count)
        {
            if (MatchLegalForm(words, i) is (var length, var shortForm))
            {
                parts.Add(new OrganizationPart(shortForm, OrganizationPartFlags.LegalForm));
                i += length;
                continue;
            }
            var word = words[i++];
            // A one-word legal form that starts the name ("CORPORATION") was left as the name above: it stays so.
            var generic = StopWords.Contains(word) || (IsLegalFormWord(word) && !LegalForms.ShortWords.ContainsKey(word));
            parts.Add(new OrganizationPart(word, generic ? OrganizationPartFlags.StopWord : OrganizationPartFlags.None));
        }
        return new OrganizationName(parts, string.Join(' ', parts.Select(p => p.Folded)));
    }

    /// <summary>The longest legal form starting at <paramref name="start"/>, as (words used, short form); letters written apart count as one word ("S A" = "SA").</summary>
    private static (int Length, string ShortForm)? MatchLegalForm(List<string> words, int start)
    {
        (int Length, string ShortForm)? best = null;
        foreach (var form in LegalForms.Forms)
        {
            var end = Match(words, start, form.Words);
            if (end < 0 || (best is { } found && end - start <= found.Length))
                continue;
            // The first word is the name ("SA", "AC" or "CO" may be one), unless the form is unmistakable and the name
            // follows it ("OOO Romashka"); a legal form alone ("CORPORATION") stays the name.
            if (start == 0 && (form.ShortForm.Replace(" ", "", StringComparison.Ordinal).Length < 3 || end == words.Count))
                continue;
            best = (end - start, form.ShortForm);
        }
        return best;
    }

    private static int Match(List<string> words, int start, string[] form)
    {
        var i = start;
        foreach (var expected in form)
        {
            if (i >= words.Count)
                return -1;
            if (string.Equals(Shorten(words[i]), expected, StringComparison.Ordinal))
            {
                i++;
                continue;
            }
            // "S A DE C V": consecutive single letters spell one word of the form.
            var spelled = new StringBuilder();
            while (i < words.Count && words[i].Length == 1 && spelled.Length < expected.Length)
                spelled.Append(words[i++]);
            if (!string.Equals(spelled.ToString(), expected, StringComparison.Ordinal))
                return -1;
        }
        return i;
    }

    /// <summary>Folded words; "&amp;" is kept as a word of its own; dots, commas, slashes and hyphens separate: "S.A. de C.V." → [s, a, de, c, v].</summary>
    private static List<string> Words(string raw)
    {
        var words = new List<string>();
        foreach (var piece in raw.Replace("&", " & ", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (piece == "&")
            {
                words.Add("&");
                continue;
            }
            // "McDonald's" keeps its apostrophe's word whole.
            var folded = NameText.Fold(piece.Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal));
            if (folded.Length > 0)
                words.AddRange(folded.Split(' '));
        }
        return words;
    }

    private static bool IsLegalFormWord(string word) =>
        LegalFormWords.Contains(word) || (word.Length >= MinimumMistypedLegalWord - 1
            && LegalFormWords.Any(legal => legal.Length >= MinimumMistypedLegalWord && Similarity.Edits.DamerauLevenshtein(word, legal, 1) <= 1));

    private static FrozenSet<string> LoadLegalFormWords() =>
        NameData.Rows("legal-forms.txt").SelectMany(row => Words(string.Join(' ', row).Split('=')[0]))
            .Where(word => word.Length >= 4 && word.All(char.IsLetter)).ToFrozenSet(StringComparer.Ordinal);

    // A one-word legal form spelled out stands for its short form inside longer ones: "PTY LIMITED" as "pty ltd".
    private static string Shorten(string word) =>
        LegalForms.ShortWords.TryGetValue(word, out var shortWord) ? shortWord : word;

    private static (LegalFormEntry[], FrozenDictionary<string, string>) LoadLegalForms()
    {
        var rows = NameData.Rows("legal-forms.txt").Select(row =>
        {
            var line = string.Join(' ', row);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var written = JoinLetters(Words(equals < 0 ? line : line[..equals]));
            var shortForm = equals < 0 ? written : JoinLetters(Words(line[(equals + 1)..]));
            return (Written: written, Short: shortForm);
        }).ToList();
        var shortWords = rows.Where(r => r.Written.Count == 1 && r.Short.Count == 1)
            .ToFrozenDictionary(r => r.Written[0], r => r.Short[0], StringComparer.Ordinal);
        var forms = rows.Select(r => new LegalFormEntry(
            [.. r.Written.Select(w => shortWords.TryGetValue(w, out var s) ? s : w)], string.Join(' ', r.Short)));
        return ([.. forms], shortWords);
    }

    // "s a de c v" → [sa, de, cv]: how the list's dotted forms become words.
    private static List<string> JoinLetters(List<string> words)
    {
        var joined = new List<string>();
        var run = new StringBuilder();
        foreach (var word in words)
        {
            if (word.Length == 1 && char.IsLetter(word[0]))
            {
                run.Append(word);
                continue;
            }
            if (run.Length > 0)
            {
                joined.Add(run.ToString());
                run.Clear();
            }
            joined.Add(word);
        }
        if (run.Length > 0)
            joined.Add(run.ToString());
        return joined;
    }
}
