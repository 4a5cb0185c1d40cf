using System.Globalization;
using Perimeter.Features.Alerts;

namespace Perimeter.Features.Demo;

/// <summary>One or two sentences an analyst would write, fictional throughout: no real person, case or event.</summary>
internal static class SyntheticNarratives
{
    private static readonly string[] UsCities =
        ["Phoenix", "Tucson", "Houston", "San Antonio", "El Paso", "Dallas", "Los Angeles", "San Diego", "Albuquerque", "Laredo", "Yuma"];

    private static readonly string[] MexicanCities =
    [
        "Tijuana", "Mexicali", "Nogales", "Ciudad Juárez", "Nuevo Laredo", "Reynosa", "Matamoros", "Culiacán", "Hermosillo",
        "Piedras Negras", "Sonoyta", "San Luis Río Colorado", "Agua Prieta",
    ];

    private static readonly string[] Districts =
    [
        "Southern District of California", "District of Arizona", "District of New Mexico", "Western District of Texas",
        "Southern District of Texas",
    ];

    private static readonly string[] Charges =
    [
        "conspiracy to import methamphetamine", "alien smuggling resulting in serious bodily injury",
        "possession with intent to distribute fentanyl", "bulk cash smuggling", "conspiracy to export firearms without a licence",
        "assault on a federal officer", "money laundering conspiracy", "harbouring aliens for financial gain",
    ];

    private static readonly string[] Cautions =
    [
        "Approach with caution; subject has been known to carry a firearm.", "Verify identity by fingerprints; subject uses several identities.",
        "Notify the originating office before any transfer of custody.", "Subject may travel with family members who are not involved.",
    ];

    private static readonly Dictionary<AlertCategory, string[]> Templates = new()
    {
        [AlertCategory.WantedForArrest] =
        [
            "Subject of a federal arrest warrant issued in the {district} for {charge}.",
            "Subject failed to appear for sentencing in the {district} on a conviction for {charge}; believed to cross regularly through {port}.",
            "Subject absconded from supervised release after a conviction for {charge} and may try to enter Mexico at {port}.",
        ],
        [AlertCategory.DiscreetCheck] =
        [
            "Do not alert subject. Record companions, vehicle, declared destination and currency carried, and report to the originator.",
            "Subject believed to be recruiting drivers for loads crossing at {port}; note vehicle and companions without questioning.",
            "Suspected courier of bulk cash southbound through {port}; record currency declarations and any receipts carried.",
        ],
        [AlertCategory.KnownSmuggler] =
        [
            "Subject reported as courier for a smuggling cell operating through the {port} port of entry; approach with caution.",
            "Subject believed to guide groups of migrants across the border between ports near {port} for a fee.",
            "Subject has driven loads of methamphetamine concealed in vehicle compartments through {port}.",
            "Subject coordinates stash houses in {uscity} for a human smuggling organization based in {mxcity}.",
        ],
        [AlertCategory.TerrorismWatch] =
        [
            "Subject is of interest to a counter-terrorism investigation; do not alert subject and contact the originator at once.",
            "Subject identified as a possible facilitator of travel for persons of concern; refer to the originator before any action.",
        ],
        [AlertCategory.MissingPerson] =
        [
            "Reported missing by family in {uscity} on {date}; may be travelling with an adult who is not a relative.",
            "Reported missing from {mxcity} on {date} and believed to have been taken across the border. Notify the originator and child protection services.",
        ],
        [AlertCategory.TraffickingVictim] =
        [
            "Believed to be a victim of labour trafficking, possibly travelling under a false identity with a handler. Separate from companions and contact the originator.",
            "Possible victim of sex trafficking recruited in {mxcity} with a false job offer; treat as a victim, not a suspect.",
        ],
        [AlertCategory.Sanctioned] =
        [
            "Designated under US sanctions; refer any transaction, shipment or crossing linked to the subject to the originator.",
        ],
        [AlertCategory.StolenVehicle] =
        [
            "Reported stolen in {uscity} on {date}; vehicles of this model are often driven south through {port} within hours. Seize and notify the originator.",
            "Taken in an armed carjacking in {uscity} on {date}; occupants may be armed.",
        ],
        [AlertCategory.VehicleOfInterest] =
        [
            "Vehicle used to scout the lanes at {port} ahead of load vehicles; record occupants and direction of travel.",
            "Vehicle linked to a human smuggling organization; seen picking up groups near {port}.",
            "Vehicle suspected of carrying a hidden compartment in the fuel tank; refer to secondary inspection.",
        ],
        [AlertCategory.FirearmTrace] =
        [
            "Recovered at a crime scene in {mxcity}; trace shows a straw purchase in {uscity}. Report any information on the purchaser to the originator.",
            "One of several firearms bought by one straw purchaser in {uscity} within a week; report any further recovery.",
        ],
        [AlertCategory.StolenFirearm] =
        [
            "Stolen in a burglary of a licensed dealer in {uscity} on {date}; seize on discovery.",
            "Reported stolen from a vehicle in {uscity}; may be taken south through {port}.",
        ],
        [AlertCategory.LostOrStolenDocument] =
        [
            "Reported stolen in {mxcity} on {date}; may be used by an impostor of similar appearance. Seize and verify the bearer's identity.",
            "Reported lost by the holder; seize if presented and contact the issuing authority.",
        ],
        [AlertCategory.FraudulentDocument] =
        [
            "Genuine blank booklet fraudulently personalised; seize and refer the bearer to secondary inspection.",
            "Counterfeit from a batch sold in {mxcity}; photo substitution visible under ultraviolet light.",
            "Obtained by fraud with another person's birth certificate; seize and refer the bearer.",
        ],
    };

    private static readonly string[] OrganizationTemplates =
    [
        "Company suspected of moving narcotics concealed in produce shipments through {port}.",
        "Freight company whose trailers have twice been found with concealed compartments at {port}.",
        "Currency exchange business suspected of laundering smuggling proceeds for a network in {mxcity}.",
        "Shipments consigned to this company are of interest; record driver, tractor and trailer and report without referring the load.",
    ];

    public static string Generate(Random random, AlertKind kind, AlertCategory category, DateOnly today)
    {
        var template = kind == AlertKind.Organization
            ? random.OneOf(OrganizationTemplates)
            : random.OneOf(Templates[category]);
        var text = Fill(random, template, today);
        if (kind == AlertKind.Person && category is AlertCategory.WantedForArrest or AlertCategory.KnownSmuggler && random.Chance(0.4))
            text += " " + random.OneOf(Cautions);
        return text;
    }

    private static string Fill(Random random, string template, DateOnly today) => template
        .Replace("{port}", random.OneOf(Places.PortsOfEntry), StringComparison.Ordinal)
        .Replace("{uscity}", random.OneOf(UsCities), StringComparison.Ordinal)
        .Replace("{mxcity}", random.OneOf(MexicanCities), StringComparison.Ordinal)
        .Replace("{district}", random.OneOf(Districts), StringComparison.Ordinal)
        .Replace("{charge}", random.OneOf(Charges), StringComparison.Ordinal)
        .Replace("{date}", today.AddDays(-random.Next(3, 400)).ToString("d MMMM yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
