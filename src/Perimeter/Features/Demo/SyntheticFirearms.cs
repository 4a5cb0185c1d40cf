using Perimeter.Features.Alerts;

namespace Perimeter.Features.Demo;

/// <summary>
/// Firearms of the makes, models and calibres that recur in southbound trafficking cases, with serial numbers in each
/// maker's usual shape (letters and digits as stamped, not real ranges).
/// </summary>
internal static class SyntheticFirearms
{
    private sealed record Model(string Make, string Name, string Calibre, FirearmType Type, Func<Random, string> Serial);

    private static readonly WeightedTable<Model> Models = new(
        (new("Colt", "AR-15A4", ".223 Rem", FirearmType.Rifle, r => $"LGC{r.NextDigits(6)}"), 6),
        (new("Colt", "M4 Carbine", "5.56x45mm NATO", FirearmType.Rifle, r => $"CR{r.NextDigits(6)}"), 3),
        (new("Colt", "Government Super", ".38 Super", FirearmType.Pistol, r => $"38SS{r.NextDigits(5)}"), 5),
        (new("Smith & Wesson", "M&P15", "5.56x45mm NATO", FirearmType.Rifle, r => $"T{r.NextLetters(1, clear: true)}{r.NextDigits(5)}"), 6),
        (new("Ruger", "AR-556", "5.56x45mm NATO", FirearmType.Rifle, r => $"85{r.NextDigits(1)}-{r.NextDigits(5)}"), 5),
        (new("Bushmaster", "XM-15", ".223 Rem", FirearmType.Rifle, r => $"L{r.NextDigits(6)}"), 2),
        (new("Barrett", "M82A1", ".50 BMG", FirearmType.Rifle, r => $"AA{r.NextDigits(6)}"), 2),
        (new("Century Arms", "WASR-10", "7.62x39mm", FirearmType.Rifle, r => $"1-{r.NextLetters(2, clear: true)}{r.NextDigits(4)}-{r.Next(10, 24)}"), 7),
        (new("Century Arms", "Draco", "7.62x39mm", FirearmType.Pistol, r => $"DB-{r.NextDigits(4)}-{r.Next(12, 24)}"), 5),
        (new("Zastava", "PAP M70", "7.62x39mm", FirearmType.Rifle, r => $"M70PA{r.NextDigits(6)}"), 3),
        (new("Norinco", "MAK-90", "7.62x39mm", FirearmType.Rifle, r => $"{r.NextDigits(8)}"), 1),
        (new("FN Herstal", "Five-seveN", "5.7x28mm", FirearmType.Pistol, r => $"386{r.NextDigits(6)}"), 4),
        (new("FN Herstal", "PS90", "5.7x28mm", FirearmType.Rifle, r => $"FN{r.NextDigits(6)}"), 2),
        (new("Glock", "19", "9x19mm", FirearmType.Pistol, r => $"{r.NextLetters(3, clear: true)}{r.NextDigits(3)}"), 8),
        (new("Glock", "17", "9x19mm", FirearmType.Pistol, r => $"{r.NextLetters(4, clear: true)}{r.NextDigits(3)}"), 5),
        (new("Beretta", "92FS", "9x19mm", FirearmType.Pistol, r => $"BER{r.NextDigits(6)}"), 3),
        (new("Taurus", "G2C", "9x19mm", FirearmType.Pistol, r => $"T{r.NextLetters(2, clear: true)}{r.NextDigits(5)}"), 3),
        (new("Smith & Wesson", "Model 686", ".357 Magnum", FirearmType.Revolver, r => $"{r.NextLetters(3, clear: true)}{r.NextDigits(4)}"), 1),
        (new("Mossberg", "500", "12 gauge", FirearmType.Shotgun, r => $"V{r.NextDigits(7)}"), 1),
        (new("Browning", "M2HB", ".50 BMG", FirearmType.MachineGun, r => $"{r.NextDigits(6)}"), 0.3));

    public static FirearmData Generate(Random random)
    {
        var model = Models.Pick(random);
        // Traces often start from a partly obliterated serial or a recovered weapon whose make was not recorded.
        return new FirearmData
        {
            SerialNumber = model.Serial(random),
            Make = random.Chance(0.95) ? model.Make : null,
            Model = random.Chance(0.85) ? model.Name : null,
            Calibre = random.Chance(0.9) ? model.Calibre : null,
            Type = model.Type,
        };
    }
}
