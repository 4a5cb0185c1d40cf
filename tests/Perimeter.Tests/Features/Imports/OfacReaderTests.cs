using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Imports;
using Perimeter.Matching.Evidence;

namespace Perimeter.Tests.Features.Imports;

/// <summary>The reader against the real December 2023 SDN snapshot in <c>shared/data/ofac</c>.</summary>
public sealed class OfacReaderTests
{
    private static readonly Lazy<OfacList> Snapshot = new(() => OfacReader.Read(SharedData.Ofac));

    private static AlertContent Entry(int entNum) => Snapshot.Value.Entries.Single(e => e.EntNum == entNum).Content;

    [Fact]
    public void Reads_every_row_of_the_snapshot_by_kind()
    {
        var entries = Snapshot.Value.Entries;

        Assert.Equal(13_821, entries.Count);
        Assert.Equal(6_646, entries.Count(e => e.Content.Kind == AlertKind.Person));
        Assert.Equal(6_033, entries.Count(e => e.Content.Kind == AlertKind.Organization));
        Assert.Equal(1_142, entries.Count(e => e.Content.Kind == AlertKind.Vehicle));
        Assert.Equal(764, entries.Count(e => e.Content.Subject.Vehicle?.Type == VehicleType.Vessel));
        Assert.Equal(378, entries.Count(e => e.Content.Subject.Vehicle?.Type == VehicleType.Aircraft));
    }

    [Fact]
    public void Every_entry_validates_and_carries_the_public_sanctions_markings()
    {
        foreach (var entry in Snapshot.Value.Entries)
        {
            var content = entry.Content;
            Assert.True(content.Validate().Count == 0, $"ofac:{entry.EntNum}: {content.Validate()}");
            Assert.Equal($"ofac:{entry.EntNum}", content.ExternalRef);
            Assert.Equal(AlertCategory.Sanctioned, content.Category);
            Assert.Equal(ActionOnHit.ContactOriginator, content.ActionOnHit);
            Assert.Same(OfacReader.Markings, content.Markings);
        }
        var markings = OfacReader.Markings;
        Assert.Equal(Tlp.Clear, markings.Tlp);
        Assert.Equal([AccessPolicy.Everyone], markings.ReleasableTo);
        Assert.Equal(Handling.ShareWithinAgreement, markings.Handling);
        Assert.Equal(SourceReliability.A, markings.SourceReliability);
        Assert.Equal(InformationCredibility.Confirmed, markings.InformationCredibility);
        Assert.Equal(
            Purposes.Sanctions | Purposes.CounterNarcotics | Purposes.CounterTerrorism | Purposes.MoneyLaundering | Purposes.BorderSecurity,
            markings.Purposes);
        Assert.Null(markings.ReviewBy);
    }

    [Fact]
    public void Guzman_Loera_has_his_surnames_apart_his_aliases_and_his_date_of_birth()
    {
        var content = Entry(6861);
        var person = content.Subject.Person!;

        Assert.Equal(AlertKind.Person, content.Kind);
        Assert.Equal(new PersonName("Joaquin", "GUZMAN LOERA"), person.Names[0]);
        Assert.Contains(new PersonName("Chapo", "GUZMAN", null, NameType.Aka), person.Names);
        Assert.Contains(new PersonName("Joaquin", "GUZMAN LOESA", null, NameType.Aka), person.Names);
        Assert.Contains(new PersonName("Joaquin", "GUMAN LOERAL", null, NameType.Aka), person.Names);
        Assert.Contains(new PersonName("Joaguin", "GUZMAN LOEIA", null, NameType.Aka), person.Names);
        Assert.Equal(19, person.Names.Count);
        Assert.Equal([new PartialDate(1954, 12, 25)], person.DatesOfBirth);
        Assert.Equal("Mexico", person.PlaceOfBirth);
        // The snapshot gives no nationality, weak a.k.a. or document for him: "DOB 25 Dec 1954; POB Mexico."
        Assert.Empty(person.Nationalities);
        Assert.Empty(person.Documents);
        Assert.StartsWith("OFAC SDN list (SDNTK).\nDOB 25 Dec 1954; POB Mexico.", content.Narrative, StringComparison.Ordinal);
    }

    [Fact]
    public void Meza_Flores_has_his_weak_akas_his_CURP_and_his_Mexican_nationality()
    {
        var person = Entry(15001).Subject.Person!;

        Assert.Equal(new PersonName("Fausto Isidro", "MEZA FLORES"), person.Names[0]);
        Assert.Contains(new PersonName("Chapo", "ISIDRO", null, NameType.WeakAka), person.Names);
        Assert.Contains(new PersonName("Chapito", "ISIDRO", null, NameType.WeakAka), person.Names);
        Assert.Equal([new PartialDate(1982, 6, 19)], person.DatesOfBirth);
        Assert.Equal("Navojoa, Sonora, Mexico", person.PlaceOfBirth);
        Assert.Equal(["MX"], person.Nationalities);
        Assert.Equal(Sex.Male, person.Sex);
        Assert.Equal([new IdentityDocument(DocumentType.Curp, "MEFF820619HSRZLS08", "MX")], person.Documents);
    }

    [Fact]
    public void An_entity_is_an_organization_with_its_address_countries_and_registrations()
    {
        var organization = Entry(36).Subject.Organization!;

        Assert.Equal(new OrganizationName("AEROCARIBBEAN AIRLINES"), organization.Names[0]);
        Assert.Contains(new OrganizationName("AERO-CARIBBEAN", NameType.Aka), organization.Names);
        Assert.Equal(["CU"], organization.Countries);

        var withNit = Snapshot.Value.Entries.Select(e => e.Content.Subject.Organization)
            .First(o => o is not null && o.Registrations.Any(r => r.IssuingCountry == "CO"))!;
        Assert.Contains(withNit.Registrations, r => r.Type == DocumentType.TaxId);
    }

    [Fact]
    public void A_vessel_has_its_names_IMO_number_call_sign_and_flag()
    {
        var vessels = Snapshot.Value.Entries.Select(e => e.Content.Subject.Vehicle).OfType<VehicleData>()
            .Where(v => v.Type == VehicleType.Vessel).ToList();

        Assert.All(vessels, v => Assert.NotEmpty(v.Names));
        Assert.True(vessels.Count(v => v.Identifiers.Any(i => i.StartsWith("IMO ", StringComparison.Ordinal))) > 700);
        Assert.True(vessels.Count(v => v.Flag is not null) > 500);
    }

    [Fact]
    public void An_aircraft_has_its_serial_and_tail_numbers_and_model()
    {
        var aircraft = Snapshot.Value.Entries.Select(e => e.Content.Subject.Vehicle).OfType<VehicleData>()
            .Where(v => v.Type == VehicleType.Aircraft).ToList();

        Assert.True(aircraft.Count(v => v.Identifiers.Count > 0) > 300);
        Assert.True(aircraft.Count(v => v.Model is not null) > 200);
        Assert.Contains(aircraft, v => v.Identifiers.Contains("EP-MMH"));
    }

    [Fact]
    public void Few_values_are_dropped_and_each_one_is_reported()
    {
        var warnings = Snapshot.Value.Warnings;

        Assert.All(warnings, w => Assert.StartsWith("ofac:", w, StringComparison.Ordinal));
        Assert.True(warnings.Count < 200, string.Join('\n', warnings));
    }

    [Fact]
    public void A_folder_without_sdn_csv_is_refused_with_the_file_name()
    {
        var folder = Directory.CreateTempSubdirectory("perimeter-ofac-");
        try
        {
            var error = Assert.Throws<FileNotFoundException>(() => OfacReader.Read(folder.FullName));

            Assert.Contains("sdn.csv", error.Message, StringComparison.Ordinal);
            Assert.Equal(Path.Combine(folder.FullName, "sdn.csv"), error.FileName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
