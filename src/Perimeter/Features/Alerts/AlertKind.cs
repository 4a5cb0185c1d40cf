namespace Perimeter.Features.Alerts;

public enum AlertKind
{
    Person,
    Organization,
    Vehicle,
    Firearm,
    Document,
}

/// <summary>Why an alert exists; each category fits some kinds only (<see cref="AlertCategories.Fits"/>).</summary>
public enum AlertCategory
{
    WantedForArrest,
    DiscreetCheck,
    KnownSmuggler,
    TerrorismWatch,
    MissingPerson,
    TraffickingVictim,
    Sanctioned,
    StolenVehicle,
    VehicleOfInterest,
    FirearmTrace,
    StolenFirearm,
    LostOrStolenDocument,
    FraudulentDocument,
}

/// <summary>What the officer does on a hit.</summary>
public enum ActionOnHit
{
    Detain,
    DiscreetCheckAndReport,
    ContactOriginator,
    Seize,
}

public static class AlertCategories
{
    public static bool Fits(AlertCategory category, AlertKind kind) => category switch
    {
        AlertCategory.WantedForArrest or AlertCategory.MissingPerson or AlertCategory.TraffickingVictim
            => kind is AlertKind.Person,
        AlertCategory.DiscreetCheck or AlertCategory.KnownSmuggler or AlertCategory.TerrorismWatch
            => kind is AlertKind.Person or AlertKind.Organization,
        AlertCategory.Sanctioned => kind is AlertKind.Person or AlertKind.Organization or AlertKind.Vehicle,
        AlertCategory.StolenVehicle or AlertCategory.VehicleOfInterest => kind is AlertKind.Vehicle,
        AlertCategory.FirearmTrace or AlertCategory.StolenFirearm => kind is AlertKind.Firearm,
        AlertCategory.LostOrStolenDocument or AlertCategory.FraudulentDocument => kind is AlertKind.Document,
    };
}
