using System.Text;
using Perimeter.Features.Alerts;
using Perimeter.Features.Imports;
using Perimeter.Matching.Evidence;

namespace Perimeter.Tests.Features.Imports;

/// <summary>Each quirk of OFAC's files and each remark form, on one-line inputs.</summary>
public sealed class OfacFormatTests
{
    private static string Sdn(int entNum, string name, string type, string remarks) =>
        $"{entNum},\"{name}\",{type},\"SDNTK\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"{remarks}\"\r\n";

    private static PersonData Person(string remarks) =>
        Assert.Single(OfacReader.Read(new StringReader(Sdn(1, "PEREZ, Juan", "\"individual\"", remarks))).Entries).Content.Subject.Person!;

    [Theory]
    [InlineData("DOB 25 Dec 1954", new[] { "1954-12-25" })]
    [InlineData("DOB 05 May 1958", new[] { "1958-05-05" })]
    [InlineData("DOB 1954", new[] { "1954" })]
    [InlineData("DOB circa 1954", new[] { "1954" })]
    [InlineData("DOB circa 01 Jan 1961", new[] { "1961-01-01" })]
    [InlineData("DOB Dec 1954", new[] { "1954-12" })]
    [InlineData("DOB 1960 to 1962", new[] { "1960", "1961", "1962" })]
    [InlineData("DOB 01 Jan 1960 to 31 Dec 1962", new[] { "1960", "1961", "1962" })]
    [InlineData("DOB 01 Jan 1973 to 31 Dec 1973", new[] { "1973" })]
    [InlineData("DOB 01 Oct 1992 to 31 Oct 1992", new[] { "1992-10" })]
    [InlineData("DOB Mar 1962 to Feb 1963", new[] { "1962", "1963" })]
    [InlineData("DOB circa 1979-1982", new[] { "1979", "1980", "1981", "1982" })]
    [InlineData("DOB 25 Dec 1954; alt. DOB 1955; alt. DOB Jan 1956", new[] { "1954-12-25", "1955", "1956-01" })]
    [InlineData("DOB 25 Dec 1954; alt. DOB 25 Dec 1954", new[] { "1954-12-25" })]
    public void Reads_every_form_of_date_of_birth(string remarks, string[] expected)
    {
        var person = Person(remarks);

        Assert.Equal(expected, person.DatesOfBirth.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("DOB 31 Feb 1954")]
    [InlineData("DOB sometime in the sixties")]
    [InlineData("DOB 1962 to 1960")]
    public void Drops_and_reports_a_date_of_birth_it_cannot_read(string remarks)
    {
        var list = OfacReader.Read(new StringReader(Sdn(7, "PEREZ, Juan", "\"individual\"", remarks)));

        Assert.Empty(Assert.Single(list.Entries).Content.Subject.Person!.DatesOfBirth);
        Assert.StartsWith("ofac:7: dropped date of birth", Assert.Single(list.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Passport G12345678 (Mexico)", DocumentType.Passport, "G12345678", "MX")]
    [InlineData("alt. Passport 19820215", DocumentType.Passport, "19820215", null)]
    [InlineData("Passport 1084010 (Egypt) issued 2001 expires 2006", DocumentType.Passport, "1084010", "EG")]
    [InlineData("C.U.R.P. MEFF820619HSRZLS08 (Mexico)", DocumentType.Curp, "MEFF820619HSRZLS08", "MX")]
    [InlineData("National ID No. 216040 (Yemen)", DocumentType.NationalId, "216040", "YE")]
    [InlineData("Cedula No. 6068015 (Colombia)", DocumentType.NationalId, "6068015", "CO")]
    [InlineData("RFC REMF680306QH2 (Mexico)", DocumentType.TaxId, "REMF680306QH2", "MX")]
    [InlineData("Driver's License No. 180839 (Mexico)", DocumentType.DriverLicence, "180839", "MX")]
    [InlineData("Electoral Registry No. CZSLBL12345678M900 (Mexico)", DocumentType.VoterCard, "CZSLBL12345678M900", "MX")]
    [InlineData("Passport 563240 (Korea, North)", DocumentType.Passport, "563240", "KP")]
    public void Reads_identity_documents_with_their_issuing_country(string remarks, DocumentType type, string number, string? country)
    {
        var person = Person(remarks);

        Assert.Equal([new IdentityDocument(type, number, country)], person.Documents);
    }

    [Fact]
    public void Reads_place_of_birth_nationalities_citizenship_sex_and_weak_akas()
    {
        var person = Person("DOB 1970; POB Culiacan, Sinaloa, Mexico; nationality Mexico; alt. nationality United States; "
            + "citizen Guatemala; Gender Female; a.k.a. 'LA JEFA'; a.k.a. 'PEREZ, Juanita'; Linked To: ALGUNA EMPRESA, S.A. DE C.V.");

        Assert.Equal("Culiacan, Sinaloa, Mexico", person.PlaceOfBirth);
        Assert.Equal(["MX", "US", "GT"], person.Nationalities);
        Assert.Equal(Sex.Female, person.Sex);
        Assert.Equal(
            [
                new PersonName("Juan", "PEREZ"),
                new PersonName(null, null, "LA JEFA", NameType.WeakAka),
                new PersonName("Juanita", "PEREZ", null, NameType.WeakAka),
            ],
            person.Names);
    }

    [Fact]
    public void The_null_marker_is_null_and_the_final_0x1A_byte_is_not_a_row()
    {
        var sdn = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001A";
        var add = "36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n36,26,-0- ,-0- ,-0- ,-0- \r\n\u001A";
        var alt = "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n36,13,\"fka\",\"AEROCARIBE\",-0- \r\n\u001A";

        var list = OfacReader.Read(new StringReader(sdn), new StringReader(alt), new StringReader(add));

        var content = Assert.Single(list.Entries).Content;
        Assert.Equal(AlertKind.Organization, content.Kind);
        Assert.Equal(
            [new("AEROCARIBBEAN AIRLINES"), new("AERO-CARIBBEAN", NameType.Aka), new("AEROCARIBE", NameType.Fka)],
            content.Subject.Organization!.Names);
        Assert.Equal(["CU"], content.Subject.Organization.Countries);
        Assert.Equal("OFAC SDN list (CUBA).", content.Narrative);
        Assert.Empty(list.Warnings);
    }

    [Fact]
    public void An_individual_without_a_comma_keeps_the_whole_name()
    {
        var person = Assert.Single(OfacReader.Read(new StringReader(Sdn(2, "ABU ALI", "\"individual\"", "-0-"))).Entries).Content.Subject.Person!;

        Assert.Equal([new PersonName(null, null, "ABU ALI")], person.Names);
    }

    [Fact]
    public void An_entity_has_its_registrations_and_countries_from_its_remarks()
    {
        var sdn = Sdn(3, "INMOBILIARIA EJEMPLO S.A. DE C.V.", "-0- ",
            "RFC IEJ0101019A1 (Mexico); NIT # 800018928-0 (Colombia); Registration ID 1037739709138 (Russia); "
            + "Tax ID No. AABA 670850 Y; Nationality of Registration Panama; Folio Mercantil No. 343997 (Mexico) issued 14 Dec 2005");

        var organization = Assert.Single(OfacReader.Read(new StringReader(sdn)).Entries).Content.Subject.Organization!;

        Assert.Equal(
            [
                new IdentityDocument(DocumentType.TaxId, "IEJ0101019A1", "MX"),
                new IdentityDocument(DocumentType.TaxId, "800018928-0", "CO"),
                new IdentityDocument(DocumentType.CompanyRegistration, "1037739709138", "RU"),
                new IdentityDocument(DocumentType.TaxId, "AABA 670850 Y"),
                new IdentityDocument(DocumentType.CompanyRegistration, "343997", "MX"),
            ],
            organization.Registrations);
        Assert.Equal(["PA"], organization.Countries);
    }

    [Fact]
    public void A_vessel_has_its_call_sign_IMO_number_flag_and_build_year()
    {
        var sdn = "15036,\"ARGOS GEORGIA\",\"vessel\",\"IRAN\",-0- ,\"9HA2021\",\"Crude Oil Tanker\",-0- ,\"57,000\",\"Malta\",\"Owner Ltd.\","
            + "\"Vessel Registration Identification IMO 9187629; MMSI 572469210; Vessel Year of Build 1999; Former Vessel Flag Tuvalu.\"\r\n"
            + "\u001A";
        var alt = "15036,1,\"fka\",\"ARGOS\",-0- \r\n";

        var content = Assert.Single(OfacReader.Read(new StringReader(sdn), new StringReader(alt)).Entries).Content;

        var vessel = content.Subject.Vehicle!;
        Assert.Equal(AlertKind.Vehicle, content.Kind);
        Assert.Equal(VehicleType.Vessel, vessel.Type);
        Assert.Equal(["ARGOS GEORGIA", "ARGOS"], vessel.Names);
        Assert.Equal(["9HA2021", "IMO 9187629", "572469210"], vessel.Identifiers);
        Assert.Equal("MT", vessel.Flag);
        Assert.Equal(1999, vessel.Year);
        Assert.Contains("Vessel type Crude Oil Tanker; GRT 57,000; flag Malta; owner Owner Ltd.", content.Narrative, StringComparison.Ordinal);
    }

    [Fact]
    public void An_aircraft_has_its_serial_and_tail_numbers_and_model()
    {
        var sdn = Sdn(4, "EP-MMH", "\"aircraft\"",
            "Aircraft Manufacture Date 1992; Aircraft Model A300B4-622R; Aircraft Manufacturer's Serial Number (MSN) 616; "
            + "Aircraft Tail Number EP-MMH; Linked To: MAHAN AIR");

        var vehicle = Assert.Single(OfacReader.Read(new StringReader(sdn)).Entries).Content.Subject.Vehicle!;

        Assert.Equal(VehicleType.Aircraft, vehicle.Type);
        Assert.Equal(["EP-MMH"], vehicle.Names);
        Assert.Equal(["616", "EP-MMH"], vehicle.Identifiers);
        Assert.Equal("A300B4-622R", vehicle.Model);
        Assert.Equal(1992, vehicle.Year);
    }

    [Fact]
    public void Unknown_countries_are_dropped_and_counted_not_fatal()
    {
        var list = OfacReader.Read(new StringReader(Sdn(5, "PEREZ, Juan", "\"individual\"", "nationality Atlantis; Passport 123 (Narnia)")));

        var person = Assert.Single(list.Entries).Content.Subject.Person!;
        Assert.Empty(person.Nationalities);
        Assert.Equal([new IdentityDocument(DocumentType.Passport, "123")], person.Documents);
        Assert.Equal(
            ["ofac:5: dropped nationality \"Atlantis\" (not a country)", "ofac:5: dropped issuing country \"Narnia\" (not a country)"],
            list.Warnings);
    }

    [Fact]
    public void Files_that_are_not_UTF8_are_read_as_Latin1()
    {
        var folder = Directory.CreateTempSubdirectory("perimeter-ofac-");
        try
        {
            var bytes = Encoding.Latin1.GetBytes(Sdn(6, "NUÑEZ PEÑA, José", "\"individual\"", "POB Cúcuta, Colombia") + "\u001A");
            File.WriteAllBytes(Path.Combine(folder.FullName, "sdn.csv"), bytes);

            var list = OfacReader.Read(folder.FullName);

            var person = Assert.Single(list.Entries).Content.Subject.Person!;
            Assert.Equal(new PersonName("José", "NUÑEZ PEÑA"), person.Names[0]);
            Assert.Equal("Cúcuta, Colombia", person.PlaceOfBirth);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Too_many_values_are_cut_to_what_an_alert_holds()
    {
        var alt = string.Concat(Enumerable.Range(1, 60).Select(i => $"8,{i},\"aka\",\"PEREZ {i}, Juan\",-0- \r\n"));
        var longName = new string('A', 400) + ", Juan";

        var list = OfacReader.Read(new StringReader(Sdn(8, longName, "\"individual\"", "-0-")), new StringReader(alt));

        var content = Assert.Single(list.Entries).Content;
        Assert.Equal(0, content.Validate().Count);
        Assert.Equal(AlertContent.MaxNames, content.Subject.Person!.Names.Count);
        Assert.Equal(AlertContent.MaxNameLength, content.Subject.Person.Names[0].Surnames!.Length);
        Assert.Equal(2, list.Warnings.Count);
    }
}
