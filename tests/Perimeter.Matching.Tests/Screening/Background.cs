using Perimeter.Matching.Screening;

namespace Perimeter.Matching.Tests.Screening;

/// <summary>
/// A watchlist of a few thousand ordinary names with realistic frequencies, so that a test's own entries
/// are scored against a list where "Juan" and "Hernández" are as common as they are in life.
/// </summary>
internal static class Background
{
    private static readonly string[] Given =
    [
        "Juan", "José", "Luis", "Carlos", "Jesús", "Miguel", "Francisco", "Antonio", "Alejandro", "Pedro",
        "María", "Guadalupe", "Ana", "Rosa", "Patricia", "Laura", "Carmen", "Sofía", "Elena", "Teresa",
        "James", "John", "Robert", "Michael", "William", "David", "Mary", "Linda", "Susan", "Karen",
    ];

    private static readonly string[] Surnames =
    [
        "Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Cruz",
        "Flores", "Gómez", "Morales", "Vázquez", "Reyes", "Jiménez", "Torres", "Díaz", "Gutiérrez", "Ruiz",
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
    ];

    /// <summary>Entries built deterministically: name i takes Zipf-weighted given names and surnames.</summary>
    public static IEnumerable<(Guid Id, Subject Subject)> Entries(int count = 3_000)
    {
        var random = new Random(20261129);
        for (var i = 0; i < count; i++)
        {
            var given = Pick(Given, random);
            var paternal = Pick(Surnames, random);
            var maternal = Pick(Surnames, random);
            yield return (new Guid(i, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), new Subject { Names = [SubjectName.Structured(given, $"{paternal} {maternal}")] });
        }
    }

    private static string Pick(string[] names, Random random)
    {
        // Zipf with exponent 1: the first name is about six times as common as the tenth.
        var weights = Enumerable.Range(1, names.Length).Select(r => 1.0 / r).ToArray();
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < names.Length; i++)
        {
            x -= weights[i];
            if (x <= 0)
                return names[i];
        }
        return names[^1];
    }
}
