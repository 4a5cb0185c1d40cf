using System.Globalization;
using Perimeter.Features.Alerts;
using Perimeter.Matching.Evidence;

namespace Perimeter.Features.Demo;

/// <summary>Front and shell companies of the kind smuggling networks use: freight, produce, currency exchange, used cars.</summary>
internal static class SyntheticOrganizations
{
    private static readonly string[] MexicanActivities =
    [
        "Transportes", "Autotransportes", "Comercializadora", "Importadora y Exportadora", "Logística", "Distribuidora",
        "Agroindustrias", "Servicios Aduanales", "Casa de Cambio", "Constructora", "Inmobiliaria", "Abarrotes",
        "Agropecuaria", "Grupo Empresarial", "Fletes y Mudanzas", "Refaccionaria", "Empacadora",
    ];

    private static readonly string[] MexicanQualifiers =
    [
        "del Norte", "del Pacífico", "Fronteriza", "Internacional", "del Bajío", "de Sonora", "del Noroeste", "del Golfo",
        "La Esperanza", "El Sol", "Santa Fe", "San Judas", "Los Altos", "Águila Real", "Valle Verde", "Doble R",
        "Peña Blanca", "Río Bravo", "Sierra Madre", "Tres Hermanos", "La Piñata", "El Álamo",
    ];

    private static readonly WeightedTable<string> MexicanLegalForms = new(
        ("S.A. de C.V.", 6), ("S. de R.L. de C.V.", 3), ("S.A.P.I. de C.V.", 0.5), ("S.C.", 0.5));

    private static readonly string[] UsPrefixes =
    [
        "Rio Grande", "Desert Sun", "Border Star", "Southwest", "Lone Star", "Sonoran", "Gulf Coast", "Mesa Verde",
        "Pacific Crest", "Sun Valley", "Frontera", "Big Bend", "Copper State", "Alamo", "Chaparral", "Coronado",
    ];

    private static readonly string[] UsActivities =
    [
        "Freight Logistics", "Trading", "Auto Sales", "Produce Brokers", "Wire Transfers", "Import Export", "Cold Storage",
        "Customs Brokerage", "Trucking", "Pawn & Gun", "Check Cashing", "Used Tires", "Holdings", "Distribution",
    ];

    private static readonly WeightedTable<string> UsLegalForms = new(("LLC", 6), ("Inc.", 3), ("Corp.", 1));

    public static OrganizationData Generate(Random random)
    {
        var mexican = random.Chance(0.6);
        var (name, tradeName) = mexican ? MexicanName(random) : UsName(random);
        var names = new List<OrganizationName> { new(name) };
        if (random.Chance(0.5))
            names.Add(new(tradeName, NameType.Aka));
        if (random.Chance(0.1))
            names.Add(new(mexican ? MexicanName(random).Name : UsName(random).Name, NameType.Fka));

        var countries = new List<string> { mexican ? "MX" : "US" };
        if (random.Chance(0.35))
            countries.Add(mexican ? "US" : "MX");

        var registrations = new List<IdentityDocument>();
        if (random.Chance(0.6))
            registrations.Add(mexican ? new(DocumentType.TaxId, Rfc(random, name), "MX") : new(DocumentType.TaxId, Ein(random), "US"));
        return new OrganizationData { Names = names, Countries = countries, Registrations = registrations };
    }

    private static (string Name, string TradeName) MexicanName(Random random)
    {
        var qualifier = random.Chance(0.25)
            ? $"Hermanos {HispanicNames.Surnames.Pick(random)}"
            : random.OneOf(MexicanQualifiers);
        var tradeName = $"{random.OneOf(MexicanActivities)} {qualifier}";
        return ($"{tradeName}, {MexicanLegalForms.Pick(random)}", tradeName);
    }

    private static (string Name, string TradeName) UsName(Random random)
    {
        var prefix = random.Chance(0.2) ? $"{EnglishNames.Surnames.Pick(random)} & Sons" : random.OneOf(UsPrefixes);
        var tradeName = $"{prefix} {random.OneOf(UsActivities)}";
        return ($"{tradeName} {UsLegalForms.Pick(random)}", tradeName);
    }

    /// <summary>
    /// A company's RFC (Mexican tax id) in its 12-character shape: three letters from the name, the date of
    /// incorporation and a three-character homoclave.
    /// </summary>
    private static string Rfc(Random random, string name)
    {
        var initials = string.Concat(name.Split(',')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsUpper(w[0]) && w.Length > 2)
            .Select(w => char.ToUpperInvariant(DrawnName.Unaccented(w)[0])));
        initials = (initials + random.NextLetters(3)).Substring(0, 3);
        var incorporated = new DateOnly(1995, 1, 1).AddDays(random.Next(365 * 28));
        return string.Create(CultureInfo.InvariantCulture, $"{initials}{incorporated:yyMMdd}{random.NextChars(3, "ABCDEFGHJKLMNPRSTUVWXYZ123456789")}");
    }

    /// <summary>A US employer identification number: <c>12-3456789</c>.</summary>
    private static string Ein(Random random) => $"{random.Next(10, 99)}-{random.NextDigits(7)}";
}
