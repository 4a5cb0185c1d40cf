using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Matching.Evidence;

namespace Perimeter.Tests.Infrastructure;

/// <summary>Valid alerts to start from; tests change what matters to them with <c>with</c>.</summary>
public static class AnAlert
{
    private static int _counter;

    public static AlertContent Person(string givenNames = "Joaquín", string surnames = "Guzmán Loera") => new()
    {
        Kind = AlertKind.Person,
        Category = AlertCategory.WantedForArrest,
        ActionOnHit = ActionOnHit.Detain,
        Narrative = "Test subject.",
        ExternalRef = $"test-{Interlocked.Increment(ref _counter)}",
        Markings = new Markings
        {
            Tlp = Tlp.Amber,
            ReleasableTo = ["mx.inm"],
            Purposes = Purposes.CounterNarcotics,
        },
        Subject = new AlertSubject
        {
            Person = new PersonData
            {
                Names = [new PersonName(givenNames, surnames)],
                DatesOfBirth = [new PartialDate(1957, 4, 4)],
                Nationalities = ["MX"],
                Sex = Sex.Male,
            },
        },
    };

    public static AlertContent Vehicle(string plate = "JKL-123-A") => new()
    {
        Kind = AlertKind.Vehicle,
        Category = AlertCategory.StolenVehicle,
        ActionOnHit = ActionOnHit.Seize,
        Narrative = "Test vehicle.",
        ExternalRef = $"test-{Interlocked.Increment(ref _counter)}",
        Markings = new Markings
        {
            Tlp = Tlp.Amber,
            ReleasableTo = ["mx.inm"],
            Purposes = Purposes.CounterNarcotics,
        },
        Subject = new AlertSubject
        {
            Vehicle = new VehicleData { Plate = plate, PlateIssuer = "MX-BCN", Make = "Nissan", Model = "Tsuru", Year = 2012 },
        },
    };

    public static AlertContent WithMarkings(this AlertContent alert, Func<Markings, Markings> change) =>
        alert with { Markings = change(alert.Markings) };
}
