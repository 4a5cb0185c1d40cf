using System.Globalization;
using Perimeter.Features.Alerts;
using Perimeter.Matching.Evidence;

namespace Perimeter.Features.Demo;

/// <summary>Vehicles seen at the southwest border: pickups, sedans, vans, tractors and trailers, with plates and valid VINs.</summary>
internal static class SyntheticVehicles
{
    private sealed record Model(string Make, string Name, VehicleType Type, string[] ManufacturerIds);

    // World manufacturer identifiers (VIN positions 1–3) of the plants that build each model, several in Mexico.
    private static readonly WeightedTable<Model> Models = new(
        (new("Ford", "F-150", VehicleType.Truck, ["1FT"]), 10),
        (new("Chevrolet", "Silverado 1500", VehicleType.Truck, ["1GC", "3GC"]), 9),
        (new("Ram", "1500", VehicleType.Truck, ["1C6", "3C6"]), 7),
        (new("Toyota", "Tacoma", VehicleType.Truck, ["3TM", "5TF"]), 5),
        (new("Nissan", "Frontier", VehicleType.Truck, ["1N6"]), 3),
        (new("Nissan", "Sentra", VehicleType.Car, ["3N1"]), 5),
        (new("Nissan", "Versa", VehicleType.Car, ["3N1"]), 3),
        (new("Volkswagen", "Jetta", VehicleType.Car, ["3VW"]), 5),
        (new("Honda", "Civic", VehicleType.Car, ["2HG", "19X"]), 4),
        (new("Honda", "Accord", VehicleType.Car, ["1HG"]), 4),
        (new("Toyota", "Camry", VehicleType.Car, ["4T1"]), 4),
        (new("Chevrolet", "Tahoe", VehicleType.Car, ["1GN"]), 3),
        (new("GMC", "Yukon", VehicleType.Car, ["1GK"]), 2),
        (new("Jeep", "Grand Cherokee", VehicleType.Car, ["1C4"]), 3),
        (new("Dodge", "Charger", VehicleType.Car, ["2C3"]), 3),
        (new("Ford", "Explorer", VehicleType.Car, ["1FM"]), 3),
        (new("Ford", "Transit 350", VehicleType.Truck, ["1FB", "1FT"]), 3),
        (new("Chevrolet", "Express 2500", VehicleType.Truck, ["1GC"]), 2),
        (new("Kenworth", "T680", VehicleType.Truck, ["1XK"]), 2),
        (new("Freightliner", "Cascadia", VehicleType.Truck, ["3AK", "1FU"]), 2),
        (new("International", "LT625", VehicleType.Truck, ["3HS"]), 1),
        (new("Utility", "3000R reefer", VehicleType.Trailer, ["1UY"]), 1),
        (new("Great Dane", "Everest", VehicleType.Trailer, ["1GR"]), 1),
        (new("Harley-Davidson", "Street Glide", VehicleType.Motorcycle, ["1HD"]), 1));

    private static readonly WeightedTable<string> Colours = new(
        ("White", 25), ("Black", 18), ("Silver", 14), ("Grey", 12), ("Red", 9), ("Blue", 8), ("Tan", 3), ("Maroon", 3),
        ("Green", 2), ("Gold", 2), ("Orange", 1));

    private static readonly WeightedTable<string> UsIssuers = new(("US-TX", 40), ("US-CA", 28), ("US-AZ", 18), ("US-NM", 6), ("US-NV", 3), ("US-OK", 2));

    private static readonly WeightedTable<string> MexicanIssuers = new(
        ("MX-BCN", 18), ("MX-SON", 18), ("MX-CHH", 15), ("MX-TAM", 13), ("MX-NLE", 9), ("MX-SIN", 9), ("MX-COA", 7),
        ("MX-JAL", 5), ("MX-DUR", 3), ("MX-CMX", 3));

    // Model-year codes (VIN position 10) repeat every 30 years; 1980 was A, 2001 was 1, 2010 was A again.
    private const string YearCodes = "ABCDEFGHJKLMNPRSTVWXY123456789";
    private const string VinCharacters = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    public static VehicleData Generate(Random random, AlertCategory category, DateOnly today)
    {
        var model = Models.Pick(random);
        var year = today.Year - (int)(Math.Pow(random.NextDouble(), 1.6) * 16);
        var usPlate = random.Chance(category == AlertCategory.StolenVehicle ? 0.8 : 0.5);
        var issuer = usPlate ? UsIssuers.Pick(random) : model.Type == VehicleType.Truck && random.Chance(0.3) ? "MX" : MexicanIssuers.Pick(random);
        var withPlate = category != AlertCategory.StolenVehicle || random.Chance(0.9);
        var withVin = category == AlertCategory.StolenVehicle || random.Chance(0.5);
        return new VehicleData
        {
            Type = model.Type,
            Plate = withPlate ? Plate(random, issuer, model.Type) : null,
            PlateIssuer = withPlate ? issuer : null,
            Vin = withVin ? DrawVin(random, random.OneOf(model.ManufacturerIds), year) : null,
            Make = model.Make,
            Model = model.Name,
            Colour = model.Type == VehicleType.Trailer && random.Chance(0.7) ? "White" : Colours.Pick(random),
            Year = year,
        };
    }

    /// <summary>A plate in the issuer's current passenger format: Texas <c>ABC1234</c>, California <c>7ABC123</c>, Mexico <c>ABC-123-D</c>.</summary>
    public static string Plate(Random random, string issuer, VehicleType type) => issuer switch
    {
        "US-TX" or "US-AZ" => random.NextLetters(3, clear: true) + random.NextDigits(4),
        "US-CA" => random.Next(5, 10).ToString(CultureInfo.InvariantCulture)
            + random.NextLetters(3, clear: true) + random.NextDigits(3),
        "US-NM" or "US-OK" => random.NextLetters(3, clear: true) + random.NextDigits(3),
        "US-NV" => random.NextDigits(3) + random.NextLetters(1, clear: true) + random.NextDigits(2),
        // Federal plates of Mexico's cargo carriers: two digits, two letters, a digit and a letter.
        "MX" => $"{random.NextDigits(2)}-{random.NextLetters(2, clear: true)}-{random.NextDigits(1)}{random.NextLetters(1, clear: true)}",
        _ when type == VehicleType.Trailer => $"{random.NextDigits(2)}-{random.NextLetters(3, clear: true)}-{random.NextDigits(1)}",
        _ => random.Chance(0.75)
            ? $"{random.NextLetters(3, clear: true)}-{random.NextDigits(3)}-{random.NextLetters(1, clear: true)}"
            : $"{random.NextLetters(3, clear: true)}-{random.NextDigits(2)}-{random.NextDigits(2)}",
    };

    /// <summary>A 17-character VIN for the manufacturer and model year, with a valid check digit in position 9.</summary>
    public static string DrawVin(Random random, string manufacturerId, int modelYear)
    {
        var descriptor = random.NextChars(5, VinCharacters);
        var yearCode = YearCodes[((modelYear - 1980) % 30 + 30) % 30];
        var plant = random.NextChars(1, VinCharacters);
        var draft = $"{manufacturerId}{descriptor}0{yearCode}{plant}{random.NextDigits(6)}";
        return string.Concat(draft.AsSpan(0, 8), [Vin.CheckDigit(draft)], draft.AsSpan(9));
    }
}
