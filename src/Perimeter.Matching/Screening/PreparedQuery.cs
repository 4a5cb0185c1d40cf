namespace Perimeter.Matching.Screening;

/// <summary>A query's names parsed and tokenised once, with the vocabulary's precomputed keys where it knows the token.</summary>
internal sealed record PreparedQuery(Subject Subject, PreparedName[] Names)
{
    public static PreparedQuery Of(Subject subject, Segment segment) =>
        new(subject, NamePreparer.Prepare(subject, text => segment.Find(text) ?? NamePreparer.NewToken(text, segment.Equivalents)));
}
