using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Speed;

/// <summary>
/// A SHA-256 over every result of a run, in order: an engine change meant only to be faster must leave it unchanged
/// (the same entries, scores, bands and explanations for every query).
/// </summary>
internal sealed class ResultsDigest
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Add(IReadOnlyList<Match> matches)
    {
        var text = new StringBuilder();
        foreach (var match in matches)
        {
            var explanation = match.Explanation;
            text.Append(CultureInfo.InvariantCulture, $"{match.Id}|{match.Score}|{match.Band}|{explanation.MatchedName}|{explanation.WeightBits}");
            foreach (var part in explanation.NameParts)
                text.Append(CultureInfo.InvariantCulture, $"|{part.Query}~{part.Listed}:{part.Agreement}:{part.WeightBits}:{part.Note}");
            foreach (var feature in explanation.Features)
                text.Append(CultureInfo.InvariantCulture, $"|{feature.Feature}={feature.Outcome}:{feature.WeightBits}:{feature.Detail}");
            text.Append('\n');
        }
        text.Append("--\n");
        _hash.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
    }

    public override string ToString() => Convert.ToHexStringLower(_hash.GetCurrentHash())[..16];
}
