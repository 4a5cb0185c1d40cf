using Perimeter.Features.Imports;
using Perimeter.Features.Screening;
using Perimeter.Matching.Evidence;
using Perimeter.Matching.Screening;

namespace Perimeter.Fuzz;

/// <summary>
/// <c>perimeter screen --input FILE.csv</c>: the manifest's bytes decoded and parsed as the command does, and, in the
/// deeper target, every row it accepts screened against a small fixed watchlist and written as the results file.
/// </summary>
internal static class ScreeningTargets
{
    public static FuzzTarget Manifest { get; } = new("manifest", "ScreeningInput.FromCsv of a manifest", input => Read(input));

    public static FuzzTarget Watchlist { get; } = new("screening", "a manifest's rows screened against a small watchlist", Screen);

    private static readonly Lazy<Watchlist> Listed = new(() => Matching.Screening.Watchlist.Build(Entries()));

    private static ScreeningInput.Read? Read(byte[] input)
    {
        // Bytes that are not UTF-8 are refused before parsing, as ScreeningInput.FromFile refuses them.
        if (TextDecoding.TryUtf8(input, out _) is not { } text)
            return null;
        var manifest = ScreeningInput.FromCsv(text, "manifest.csv");
        if (manifest.IsValid == (manifest.Queries.Count == 0))
            throw new BrokenPromiseException($"{manifest.Queries.Count} queries with {manifest.Errors.Count} errors");
        return manifest;
    }

    private static void Screen(byte[] input)
    {
        if (Read(input) is not { IsValid: true } manifest)
            return;
        var results = manifest.Queries.Select(q => (q.Id, Listed.Value.Screen(q.Subject, ScreeningOptions.Default))).ToList();
        using var written = new StringWriter();
        ScreeningInput.WriteResults(written, results, id => id.ToString());
        // The results file is read back by the node to audit which alerts it named: the same ids must come out.
        var named = results.SelectMany(r => r.Item2.Select(m => m.Id)).Distinct().ToList();
        if (!ScreeningInput.AlertIdsOfResults(written.ToString()).SequenceEqual(named))
            throw new BrokenPromiseException("the results file does not name the alerts that were found");
    }

    // A person with aliases and evidence, a namesake, a company, a vehicle and a firearm: every kind the engine compares.
    private static IEnumerable<(Guid, Subject)> Entries() =>
    [
        (new Guid("00000000-0000-0000-0000-000000000001"), new Subject
        {
            Names = [SubjectName.Structured("Joaquín", "Guzmán Loera"), SubjectName.Free("El Chapo"), SubjectName.Free("GUZMAN LOERA, Joaquin Archivaldo")],
            DatesOfBirth = [new PartialDate(1957, 4, 4), new PartialDate(1954)],
            Nationalities = ["MX"],
            Sex = Sex.Male,
            Identifiers = [new Identifier(IdentifierType.Curp, "GULJ570404HSLZRQ03", "MX"), new Identifier(IdentifierType.Passport, "G12345678", "MX")],
        }),
        (new Guid("00000000-0000-0000-0000-000000000002"), new Subject
        {
            Names = [SubjectName.Structured("María de los Ángeles", "de la Cruz Núñez")],
            DatesOfBirth = [new PartialDate(1980, 2)],
            Sex = Sex.Female,
        }),
        (new Guid("00000000-0000-0000-0000-000000000003"), new Subject
        {
            Kind = SubjectKind.Organization,
            Names = [SubjectName.Free("Transportes del Norte S.A. de C.V."), SubjectName.Free("TransNorte")],
            Nationalities = ["MX", "GT"],
            Identifiers = [new Identifier(IdentifierType.TaxId, "TNO010101AB1", "MX")],
        }),
        (new Guid("00000000-0000-0000-0000-000000000004"), new Subject
        {
            Kind = SubjectKind.Vehicle,
            Names = [SubjectName.Free("MAR AZUL")],
            Identifiers = [new Identifier(IdentifierType.Vin, "1FTFW1ET5DFC10312"), new Identifier(IdentifierType.Plate, "ABC1234", "US-TX")],
            Make = "Ford",
        }),
        (new Guid("00000000-0000-0000-0000-000000000005"), new Subject
        {
            Kind = SubjectKind.Firearm,
            Identifiers = [new Identifier(IdentifierType.FirearmSerial, "XK-1234567")],
            Make = "Glock",
        }),
    ];
}
