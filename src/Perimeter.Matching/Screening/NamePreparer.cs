using Perimeter.Matching.Names;
using Perimeter.Matching.Phonetics;

namespace Perimeter.Matching.Screening;

/// <summary>Parses the names of a subject and turns their parts into vocabulary tokens.</summary>
internal static class NamePreparer
{
    /// <summary>Names longer than this are cut: the scorer's exact part assignment grows as 2^parts.</summary>
    public const int MaxParts = 7;

    /// <summary>Stop words this long or longer name a line of business ("foods", "grupo"); shorter ones are articles ("del", "the").</summary>
    private const int MinimumGenericLength = 4;

    public static PreparedName[] Prepare(Subject subject, Func<string, Token> intern)
    {
        var names = new List<PreparedName>(subject.Names.Count);
        foreach (var name in subject.Names)
        {
            var isPerson = subject.Kind is SubjectKind.Person || (subject.Kind is SubjectKind.Document && IsPersonLike(name));
            var parts = isPerson ? PersonParts(name) : OrganizationParts(name);
            var prepared = parts
                .Take(MaxParts)
                .Select(p => new PreparedPart(intern(p.Folded), p.Role, p.SurnameIndex, p.Flags, p.Core is { Length: > 0 } core ? intern(core) : null))
                .ToArray();
            if (prepared.Length > 0)
                names.Add(new PreparedName(Display(name), prepared, name.IsWeak, isOrganization: !isPerson));
        }
        return [.. names];
    }

    public static Token NewToken(string text, GivenNameEquivalents equivalents)
    {
        var (primary, alternate) = DoubleMetaphone.Encode(text);
        var skeleton = OcrSkeletonOf(text);
        return new Token
        {
            Text = text,
            SpanishKey = SpanishKey.Encode(text),
            MetaphonePrimary = primary,
            MetaphoneAlternate = alternate,
            Letters = LettersOf(text),
            Groups = equivalents.GroupsOf(text).ToArray(),
            Sex = NameData.SexOf(text),
            CommonnessRank = NameData.CommonnessRank(text),
            OcrSkeleton = skeleton,
            OcrLetters = LettersOf(skeleton),
        };
    }

    // Printed letter pairs a scanner reads as one letter, one letter it reads as two, and the l it reads as an i (a
    // digit 1 in a name is read as i already).
    private static readonly (string Read, string Printed)[] OcrPairs = [("rn", "m"), ("vv", "w"), ("cl", "d"), ("l", "i")];

    private static string OcrSkeletonOf(string text)
    {
        var skeleton = text;
        foreach (var (read, printed) in OcrPairs)
            skeleton = skeleton.Replace(read, printed, StringComparison.Ordinal);
        return string.Equals(skeleton, text, StringComparison.Ordinal) ? text : skeleton;
    }

    private static ulong LettersOf(string text)
    {
        var letters = 0UL;
        foreach (var c in text)
            letters |= 1UL << (c & 63);
        return letters;
    }

    private static IEnumerable<NamePart> PersonParts(SubjectName name) =>
        (name.GivenNames is not null || name.Surnames is not null
            ? NameParser.Parse(name.GivenNames, name.Surnames)
            : NameParser.Parse(name.Full ?? "")).Parts;

    /// <summary>
    /// A company's words, legal form and generic words weak; but a name made only of generic words ("Transportes del
    /// Norte S.A. de C.V.") is those words, and they weigh in full.
    /// </summary>
    private static IEnumerable<NamePart> OrganizationParts(SubjectName name)
    {
        var parts = OrganizationName.Parse(name.Full ?? $"{name.GivenNames} {name.Surnames}").Parts;
        var onlyGeneric = !parts.Any(p => p.Flags == OrganizationPartFlags.None);
        return parts.Select(p => new NamePart(p.Folded, NameRole.Unknown, -1, p.Flags switch
        {
            OrganizationPartFlags.None => PartFlags.None,
            OrganizationPartFlags.StopWord when onlyGeneric => PartFlags.None,
            // Articles and conjunctions ("de", "del", "the", "y") say nothing of the business; longer stop words do.
            OrganizationPartFlags.StopWord => p.Folded.Length >= MinimumGenericLength ? PartFlags.Weak | PartFlags.Generic : PartFlags.Weak,
            _ => PartFlags.Weak,
        }, null));
    }

    private static bool IsPersonLike(SubjectName name) => name.GivenNames is not null || name.Surnames is not null;

    private static string Display(SubjectName name) =>
        name.Full ?? string.Join(' ', new[] { name.GivenNames, name.Surnames }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
