using Perimeter.Features.Alerts;
using Perimeter.Matching.Evidence;

namespace Perimeter.Features.Demo;

/// <summary>Lost, stolen and fraudulent travel documents: Mexican and US passports and border crossing cards.</summary>
internal static class SyntheticDocuments
{
    private sealed record Kind(DocumentType Type, string Country, bool HispanicHolder);

    private static readonly WeightedTable<Kind> Kinds = new(
        (new(DocumentType.Passport, "MX", true), 35),
        (new(DocumentType.Passport, "US", false), 20),
        (new(DocumentType.Passport, "US", true), 10),
        (new(DocumentType.BorderCrossingCard, "US", true), 25),
        (new(DocumentType.Passport, "GT", true), 5),
        (new(DocumentType.Passport, "HN", true), 5));

    public static DocumentData Generate(Random random)
    {
        var kind = Kinds.Pick(random);
        var holder = DrawnName.Draw(random, kind.HispanicHolder, random.Chance(0.6) ? Sex.Male : Sex.Female,
            withMaternal: kind.Country != "US" || kind.Type == DocumentType.BorderCrossingCard);
        var number = (kind.Type, kind.Country) switch
        {
            (DocumentType.Passport, "MX") => IdentityDocuments.MexicanPassport(random),
            (DocumentType.Passport, "US") => IdentityDocuments.UsPassport(random),
            (DocumentType.BorderCrossingCard, _) => IdentityDocuments.BorderCrossingCard(random),
            _ => IdentityDocuments.OtherPassport(random),
        };
        return new DocumentData
        {
            Type = kind.Type,
            Number = number,
            IssuingCountry = kind.Country,
            // Some reports of a lost document name no holder.
            HolderName = random.Chance(0.9) ? holder.Display : null,
        };
    }
}
