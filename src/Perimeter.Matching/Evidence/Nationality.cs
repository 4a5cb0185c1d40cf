namespace Perimeter.Matching.Evidence;

/// <summary>How a query's nationalities agree with a list entry's: <c>NationalityMatch.Compare(["MX"], ["MX", "US"])</c> → <c>Same</c>.</summary>
public enum NationalityAgreement
{
    /// <summary>At least one nationality in common.</summary>
    Same,

    /// <summary>Both known, none in common.</summary>
    Different,

    /// <summary>None known on either side.</summary>
    Missing,
}

/// <summary>Compares nationalities as ISO 3166 alpha-2 codes, ignoring case.</summary>
/// <remarks>
/// The level carries no weight of its own: what <c>Same</c> proves depends on the list's country mix (Mexican =
/// Mexican says little on a list that is mostly Mexican, much on one that is mostly not), so the scorer takes its
/// weight from the index's statistics, per country.
/// </remarks>
public static class NationalityMatch
{
    /// <summary>Same if any code is shared, different if none is, missing if a side has none: <c>Compare(["gt"], ["MX"])</c> → <c>Different</c>.</summary>
    public static NationalityAgreement Compare(IReadOnlyList<string> query, IReadOnlyList<string> listed)
    {
        var queryKnown = false;
        foreach (var q in query)
        {
            if (string.IsNullOrWhiteSpace(q))
                continue;
            queryKnown = true;
            foreach (var l in listed)
            {
                if (q.AsSpan().Trim().Equals(l.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase))
                    return NationalityAgreement.Same;
            }
        }
        var listedKnown = listed.Any(l => !string.IsNullOrWhiteSpace(l));
        return queryKnown && listedKnown ? NationalityAgreement.Different : NationalityAgreement.Missing;
    }
}
