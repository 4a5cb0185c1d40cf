using System.Text;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Imports;
using Perimeter.Matching.Evidence;

namespace Perimeter.Tests.Features.Imports;

public sealed class AlertFileReaderTests
{
    private const string Header = "kind,category,tlp,purposes,releasable_to,full_name,nationalities,dates_of_birth";
    private const string GoodRow = "person,wanted-for-arrest,AMBER,counter-narcotics,mx.inm,Juan Perez,MX,1970";

    private static AlertFile ReadText(string text, string fileName = "alerts.csv") =>
        AlertFileReader.Read(new StringReader(text), fileName);

    private static string Errors(AlertFile file) => string.Join("\n", file.Errors);

    private static void AssertSameAlerts(IReadOnlyList<AlertContent> expected, IReadOnlyList<AlertContent> actual) =>
        Assert.Equal(expected.Select(PerimeterJson.Serialize<AlertContent>), actual.Select(PerimeterJson.Serialize<AlertContent>));

    [Fact]
    public void The_example_CSV_holds_one_valid_alert_of_each_kind()
    {
        var file = AlertFileReader.Read(Path.Combine(SharedData.Examples, "alerts.csv"));

        Assert.True(file.IsValid, Errors(file));
        AssertSameAlerts(ExampleAlerts.All, file.Alerts);
        Assert.Equal(Enum.GetValues<AlertKind>(), file.Alerts.Select(a => a.Kind).Distinct().Order());
    }

    [Fact]
    public void The_example_JSON_holds_the_same_alerts_as_the_example_CSV()
    {
        var file = AlertFileReader.Read(Path.Combine(SharedData.Examples, "alerts.json"));

        Assert.True(file.IsValid, Errors(file));
        AssertSameAlerts(ExampleAlerts.All, file.Alerts);
    }

    [Fact]
    public void Alerts_written_in_the_API_shape_read_back_as_JSON_and_JSON_Lines()
    {
        var folder = Directory.CreateTempSubdirectory("perimeter-import-");
        try
        {
            var json = Path.Combine(folder.FullName, "alerts.json");
            var lines = Path.Combine(folder.FullName, "alerts.jsonl");
            File.WriteAllText(json, PerimeterJson.Serialize(ExampleAlerts.All));
            File.WriteAllLines(lines, ExampleAlerts.All.Select(a => PerimeterJson.Serialize(a)));

            AssertSameAlerts(ExampleAlerts.All, AlertFileReader.Read(json).Alerts);
            AssertSameAlerts(ExampleAlerts.All, AlertFileReader.Read(lines).Alerts);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void CSV_columns_may_come_in_any_order_and_a_narrative_may_span_lines()
    {
        var file = ReadText("tlp,kind,purposes,category,full_name,narrative\r\n"
            + "GREEN,person,migration;border-security,discreet-check,Ana Lopez,\"first line\r\nsecond line, with a comma\"\r\n"
            + "RED,organization,counter-terrorism,terrorism-watch,,\r\n");

        Assert.Equal(
            ["alerts.csv:4: subject.organization.names: Required."],
            file.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_bad_value_in_any_row_means_no_alerts_at_all()
    {
        var file = ReadText($"{Header}\n{GoodRow}\n{GoodRow}\nperson,wanted-for-arrest,ORANGE,counter-narcotics,mx.inm,Juan Perez,MX,1970\n");

        Assert.Empty(file.Alerts);
        Assert.False(file.IsValid);
        Assert.Equal(
            "alerts.csv:4: tlp: unknown value \"ORANGE\" (expected one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED)",
            Assert.Single(file.Errors).ToString());
    }

    [Theory]
    [InlineData("person,wanted-for-arrest,AMBER,counter-narcotics,mx.inm,\"Juan Perez,MX,1970", 3, "malformed CSV: unbalanced quote")]
    [InlineData("person,wanted-for-arrest,AMBER,counter-narcotics,mx.inm,Juan \"Perez\",MX,1970", 3, "malformed CSV: a quote inside an unquoted field")]
    [InlineData("person,wanted-for-arrest,AMBER,counter-narcotics,mx.inm,Juan Perez,MX", 3, "expected 8 fields as in the header, found 7")]
    [InlineData("person,wanted-for-arrest,AMBER,counter-narcotics,mx.inm,Juan Perez,MX,1970,extra", 3, "expected 8 fields as in the header, found 9")]
    [InlineData("persona,wanted-for-arrest,AMBER,counter-narcotics,mx.inm,Juan Perez,MX,1970", 3, "kind: unknown value \"persona\" (expected one of person, organization, vehicle, firearm, document)")]
    [InlineData("person,wanted,AMBER,counter-narcotics,mx.inm,Juan Perez,MX,1970", 3, "category: unknown value \"wanted\"")]
    [InlineData("person,wanted-for-arrest,AMBER,smuggling,mx.inm,Juan Perez,MX,1970", 3, "purposes: unknown value \"smuggling\"")]
    [InlineData("person,wanted-for-arrest,AMBER,counter-narcotics,mx.inm,Juan Perez,MX,1970-13-01", 3, "dates_of_birth: invalid date \"1970-13-01\" (expected YYYY, YYYY-MM or YYYY-MM-DD)")]
    [InlineData("person,wanted-for-arrest,AMBER,counter-narcotics,mx.inm,Juan Perez,MX,12/01/1970", 3, "dates_of_birth: invalid date \"12/01/1970\"")]
    [InlineData("person,wanted-for-arrest,AMBER,counter-narcotics,mx.inm,Juan Perez,Narnia,1970", 3, "nationalities: unknown country \"Narnia\"")]
    [InlineData("person,stolen-vehicle,AMBER,counter-narcotics,mx.inm,Juan Perez,MX,1970", 3, "category: ")]
    [InlineData("person,wanted-for-arrest,AMBER,counter-narcotics,*,Juan Perez,MX,1970", 3, "markings.releasableTo[0]: ")]
    [InlineData("person,wanted-for-arrest,AMBER,counter-narcotics,mx.inm,,MX,1970", 3, "subject.person.names: ")]
    [InlineData("person,wanted-for-arrest,AMBER,,mx.inm,Juan Perez,MX,1970", 3, "markings.purposes: ")]
    [InlineData(",wanted-for-arrest,AMBER,counter-narcotics,mx.inm,Juan Perez,MX,1970", 3, "kind: required")]
    public void A_bad_CSV_row_is_reported_at_its_line_with_its_column(string row, int line, string message)
    {
        var file = ReadText($"{Header}\r\n{GoodRow}\r\n{row}\r\n");

        Assert.Empty(file.Alerts);
        var error = Assert.Single(file.Errors);
        Assert.Equal("alerts.csv", error.File);
        Assert.Equal(line, error.Line);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_after_a_multi_line_field_is_reported_at_its_physical_line()
    {
        var file = ReadText("kind,category,tlp,purposes,full_name,narrative\n"
            + "person,discreet-check,GREEN,migration,Ana Lopez,\"one\ntwo\nthree\"\n"
            + "person,discreet-check,PURPLE,migration,Ana Lopez,\n");

        Assert.StartsWith("alerts.csv:5: tlp: unknown value \"PURPLE\"", Assert.Single(file.Errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_for_another_kind_of_alert_is_refused_rather_than_dropped()
    {
        var file = ReadText("kind,category,tlp,purposes,full_name,plate\nperson,discreet-check,GREEN,migration,Ana Lopez,ABC123\n");

        Assert.Equal("alerts.csv:2: plate: not used in person alerts", Assert.Single(file.Errors).ToString());
    }

    [Theory]
    [InlineData("kind,category,tlp,purposes,colour_of_eyes", "unknown column \"colour_of_eyes\"")]
    [InlineData("kind,category,tlp,purposes,tlp", "column \"tlp\" appears twice")]
    [InlineData("kind,category,purposes", "missing required column \"tlp\"")]
    public void A_bad_header_is_reported_at_line_1(string header, string message)
    {
        var file = ReadText($"{header}\nperson,discreet-check,GREEN,migration,x\n");

        var error = Assert.Single(file.Errors);
        Assert.Equal(1, error.Line);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_UTF8_is_refused_at_the_line_of_the_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes($"{Header}\n{GoodRow}\n")
            .Concat(Encoding.Latin1.GetBytes("person,wanted-for-arrest,AMBER,counter-narcotics,mx.inm,José Núñez,MX,1970\n")).ToArray();

        var file = AlertFileReader.Read(new MemoryStream(bytes), "alerts.csv");

        Assert.Equal("alerts.csv:3: not valid UTF-8: save the file as UTF-8", Assert.Single(file.Errors).ToString());
        Assert.Empty(file.Alerts);
    }

    [Fact]
    public void A_UTF8_byte_order_mark_is_allowed()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"{Header}\n{GoodRow}\n")).ToArray();

        var file = AlertFileReader.Read(new MemoryStream(bytes), "alerts.csv");

        Assert.True(file.IsValid, Errors(file));
        Assert.Equal("Juan Perez", file.Alerts[0].DisplayName());
    }

    [Theory]
    [InlineData("alerts.csv", "")]
    [InlineData("alerts.csv", " \r\n\r\n")]
    [InlineData("alerts.json", "")]
    [InlineData("alerts.jsonl", "\n\n")]
    public void An_empty_file_is_refused(string fileName, string text)
    {
        var file = ReadText(text, fileName);

        Assert.Equal($"{fileName}:1: the file is empty", Assert.Single(file.Errors).ToString());
    }

    [Theory]
    [InlineData("alerts.csv", Header + "\n")]
    [InlineData("alerts.json", "[]")]
    public void A_file_without_alerts_is_refused(string fileName, string text)
    {
        var file = ReadText(text, fileName);

        Assert.Equal($"{fileName}:1: the file holds no alerts", Assert.Single(file.Errors).ToString());
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var folder = Directory.CreateTempSubdirectory("perimeter-import-");
        try
        {
            var path = Path.Combine(folder.FullName, "alerts.csv");
            File.WriteAllText(path, $"{Header}\n{GoodRow}\n");

            var file = AlertFileReader.Read(path, maxBytes: 64);

            Assert.Equal($"{path}: file is larger than the limit of 64 bytes; split it into smaller files", Assert.Single(file.Errors).ToString());
            Assert.True(AlertFileReader.Read(path, maxBytes: 1024).IsValid);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_stream_over_the_size_limit_is_refused_even_when_it_cannot_tell_its_length()
    {
        using var stream = new BufferedStream(new MemoryStream(new byte[10_000]));

        var file = AlertFileReader.Read(new UnseekableStream(stream), "alerts.json", maxBytes: 1000);

        Assert.Contains("larger than the limit", Assert.Single(file.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alerts.xlsx", "unsupported file type \".xlsx\": use .csv, .json, .jsonl, .ndjson")]
    [InlineData("alerts", "unsupported file type \"\": use .csv, .json, .jsonl, .ndjson")]
    public void Other_file_types_are_refused(string fileName, string message)
    {
        Assert.Equal(message, Assert.Single(AlertFileReader.Read(fileName).Errors).Message);
    }

    [Fact]
    public void A_missing_file_is_reported()
    {
        var path = Path.Combine(Path.GetTempPath(), $"perimeter-missing-{Guid.NewGuid():N}.csv");

        Assert.Equal($"{path}: file not found", Assert.Single(AlertFileReader.Read(path).Errors).ToString());
    }

    private static string JsonAlert(string tlp = "AMBER", string extra = "") => $$"""
        {
          "kind": "person",
          "category": "wanted-for-arrest",
          "markings": { "tlp": "{{tlp}}", "releasableTo": ["mx.inm"], "purposes": ["counter-narcotics"] },
          "subject": { "person": { "names": [ { "givenNames": "Juan", "surnames": "Perez" } ]{{extra}} } }
        }
        """;

    [Fact]
    public void A_JSON_alert_reads_into_the_API_shape()
    {
        var file = ReadText($"[{JsonAlert(tlp: "AMBER+STRICT", extra: ", \"nationalities\": [\"MX\"], \"datesOfBirth\": [\"1970-04\"]")}]", "alerts.json");

        Assert.True(file.IsValid, Errors(file));
        var alert = Assert.Single(file.Alerts);
        Assert.Equal(Tlp.AmberStrict, alert.Markings.Tlp);
        Assert.Equal(Purposes.CounterNarcotics, alert.Markings.Purposes);
        Assert.Equal([new PartialDate(1970, 4)], alert.Subject.Person!.DatesOfBirth);
        Assert.Equal(new PersonName("Juan", "Perez"), alert.Subject.Person.Names[0]);
    }

    [Fact]
    public void An_unknown_enum_value_in_JSON_names_its_path_and_value()
    {
        var file = ReadText($"[\n{JsonAlert()},\n{JsonAlert(tlp: "ORANGE")}\n]", "alerts.json");

        Assert.Equal(
            "alerts.json:11: $[1].markings.tlp: unknown value \"ORANGE\" (expected one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED)",
            Assert.Single(file.Errors).ToString());
        Assert.Empty(file.Alerts);
    }

    [Fact]
    public void An_unknown_kind_in_JSON_lists_the_kinds()
    {
        var line = JsonAlert().Replace("\"person\",", "\"persona\",", StringComparison.Ordinal).ReplaceLineEndings(" ");

        var file = ReadText(line, "alerts.jsonl");

        Assert.Equal(
            "alerts.jsonl:1: $.kind: unknown value \"persona\" (expected one of person, organization, vehicle, firearm, document)",
            Assert.Single(file.Errors).ToString());
    }

    [Fact]
    public void An_unknown_purpose_in_JSON_is_named()
    {
        var file = ReadText($"[{JsonAlert().Replace("counter-narcotics", "smuggling", StringComparison.Ordinal)}]", "alerts.json");

        Assert.StartsWith(
            "alerts.json:4: $[0].markings.purposes: unknown purpose \"smuggling\"; expected counter-terrorism,",
            Assert.Single(file.Errors).ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_date_in_JSON_is_named_with_its_value()
    {
        var file = ReadText($"[{JsonAlert(extra: ", \"datesOfBirth\": [\"1970\", \"1990-13\"]")}]", "alerts.json");

        Assert.Equal(
            "alerts.json:5: $[0].subject.person.datesOfBirth[1]: invalid value \"1990-13\" (expected a date as YYYY, YYYY-MM or YYYY-MM-DD)",
            Assert.Single(file.Errors).ToString());
    }

    [Fact]
    public void An_unknown_JSON_member_is_refused()
    {
        var file = ReadText($"[{JsonAlert(extra: ", \"eyeColour\": \"brown\"")}]", "alerts.json");

        Assert.Equal("alerts.json:5: $[0].subject.person.eyeColour: unknown member \"eyeColour\"", Assert.Single(file.Errors).ToString());
    }

    [Fact]
    public void Malformed_JSON_is_reported_at_its_line()
    {
        var file = ReadText($"[\n{JsonAlert()}\n{JsonAlert()}\n]", "alerts.json");

        var error = Assert.Single(file.Errors);
        Assert.Equal(8, error.Line);
        Assert.StartsWith("malformed JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_JSON_file_that_is_not_an_array_is_refused()
    {
        var file = ReadText(JsonAlert(), "alerts.json");

        Assert.Equal("alerts.json:1: expected a JSON array of alerts: [ {...}, {...} ]", Assert.Single(file.Errors).ToString());
    }

    [Fact]
    public void Each_bad_JSON_Lines_alert_is_reported_at_its_line()
    {
        string Line(string tlp) => JsonAlert(tlp).ReplaceLineEndings(" ");
        var file = ReadText($"{Line("AMBER")}\n\n{Line("ORANGE")}\n{Line("AMBER")}\n{{\"kind\": \n", "alerts.ndjson");

        Assert.Equal([3, 5], file.Errors.Select(e => e.Line));
        Assert.StartsWith("$.markings.tlp: unknown value \"ORANGE\"", file.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_JSON_alert_that_fails_validation_names_the_field()
    {
        var file = ReadText($"[\n{JsonAlert(extra: ", \"nationalities\": [\"Mexico\"]")}\n]", "alerts.json");

        var error = Assert.Single(file.Errors);
        Assert.Equal(2, error.Line);
        Assert.StartsWith("$[0].subject.person.nationalities[0]: ", error.Message, StringComparison.Ordinal);
    }

    private sealed class UnseekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
