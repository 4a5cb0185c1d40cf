using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Perimeter.Components;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Federation = Perimeter.Features.Federation;
using Perimeter.Features.Screening;
using Perimeter.Matching.Evidence;
using Perimeter.Matching.Screening;
using Perimeter.Tests.Features.Imports;

namespace Perimeter.Tests.Components;

/// <summary>Every visible string of the console, the API and the command line exists in English and in Spanish, and every page's field is reachable.</summary>
public sealed partial class ResourceTests
{
    private static readonly string Components = SharedData.Find(Path.Combine("src", "Perimeter", "Components"));
    private static readonly string Localization = SharedData.Find(Path.Combine("src", "Perimeter", "Localization"));

    [Fact]
    public void Every_console_string_has_an_English_and_a_Spanish_text()
    {
        var english = Strings(Components, "Ui.resx");
        var spanish = Strings(Components, "Ui.es.resx");

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), spanish.Keys.Order(StringComparer.Ordinal));
        Assert.All(english.Concat(spanish), s => Assert.False(string.IsNullOrWhiteSpace(s.Value), $"{s.Key} is empty"));
        // Same text in both languages only where it is a code or a name (TLP, CURP, Supervisor…), not by forgetting.
        var same = english.Where(e => e.Value == spanish[e.Key]).Select(e => e.Key).ToList();
        Assert.True(same.Count < 20, $"untranslated? {string.Join(", ", same)}");
    }

    [Fact]
    public void Every_string_a_page_asks_for_exists()
    {
        var keys = Strings(Components, "Ui.resx").Keys.ToHashSet(StringComparer.Ordinal);
        var used = Directory.EnumerateFiles(Components, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(used);
        Assert.All(used, u => Assert.True(keys.Contains(u.Key), $"{u.File}: no string {u.Key}"));
    }

    [Fact]
    public void Every_value_of_every_enum_the_console_shows_has_a_label_in_both_languages()
    {
        var english = new ResourceManager("Perimeter.Components.Ui", typeof(Ui).Assembly);
        Type[] shown =
        [
            typeof(AlertKind), typeof(AlertCategory), typeof(ActionOnHit), typeof(Tlp), typeof(Handling), typeof(SourceReliability),
            typeof(InformationCredibility), typeof(AlertStatus), typeof(Role), typeof(Band), typeof(DecisionOutcome), typeof(BatchStatus),
            typeof(AuditAction), typeof(AuditOutcome), typeof(Sex), typeof(DocumentType), typeof(NameType),
            typeof(FirearmType), typeof(VehicleType), typeof(AlertChangeKind), typeof(HitSource),
            typeof(Federation.AgreementMode), typeof(Federation.AgreementStatus), typeof(Federation.Urgency), typeof(Federation.RequestStatus),
        ];
        var missing = shown
            .SelectMany(type => Enum.GetNames(type).Where(name => !(type == typeof(Purposes) && name == "None")).Select(name => $"{type.Name}.{name}"))
            .Concat(Enum.GetNames<Purposes>().Where(n => n != nameof(Purposes.None)).Select(n => $"Purposes.{n}"))
            .Where(key => english.GetString(key, new System.Globalization.CultureInfo("en")) is null
                || english.GetString(key, new System.Globalization.CultureInfo("es")) == english.GetString(key, new System.Globalization.CultureInfo("en")) && !SameInBothLanguages(key))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_message_of_the_API_CLI_and_explanations_has_an_English_and_a_Spanish_text()
    {
        var english = Strings(Localization, "Messages.resx");
        var spanish = Strings(Localization, "Messages.es.resx");

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), spanish.Keys.Order(StringComparer.Ordinal));
        Assert.All(english.Concat(spanish), s => Assert.False(string.IsNullOrWhiteSpace(s.Value), $"{s.Key} is empty"));
        // A part missing on one side reads "loera: not given" instead.
        var paired = Enum.GetValues<PartAgreement>().Where(a => a is not (PartAgreement.MissingFromQuery or PartAgreement.MissingFromList));
        Assert.All(paired, agreement => Assert.NotEqual(english[$"PartAgreement.{agreement}"], spanish[$"PartAgreement.{agreement}"]));
    }

    [Fact]
    public void Every_sentence_the_engine_explains_with_reads_in_English_as_the_engine_writes_it_and_has_a_Spanish_text()
    {
        var english = Strings(Localization, "Messages.resx");
        var spanish = Strings(Localization, "Messages.es.resx");
        var phrases = typeof(ExplanationPhrases).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        string[] values = ["A", "B", "C"];

        Assert.NotEmpty(phrases);
        Assert.All(phrases, phrase =>
        {
            Assert.True(english.ContainsKey($"Reason.{phrase}") && spanish.ContainsKey($"Reason.{phrase}"), $"no text for \"{phrase}\"");
            Assert.Equal(ExplanationPhrases.English(phrase, values), string.Format(System.Globalization.CultureInfo.InvariantCulture, english[$"Reason.{phrase}"], values));
            Assert.NotEqual(english[$"Reason.{phrase}"], spanish[$"Reason.{phrase}"]);
        });
    }

    [Fact]
    public void No_field_shadows_a_property_of_its_form()
    {
        // A field whose id or name is "action" or "method" replaces form.action in the browser's DOM, and the
        // enhanced form then posts to "[object HTMLSelectElement]". Both happened once.
        var shadowing = Directory.EnumerateFiles(Components, "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => ShadowingAttribute().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();

        Assert.Empty(shadowing);
    }

    private static bool SameInBothLanguages(string key) =>
        key.StartsWith("Tlp.", StringComparison.Ordinal) || key is "Role.Supervisor" or "Role.Auditor" or "DocumentType.Curp" or "DocumentType.Visa"
            or "FirearmType.Rifle" or "InformationCredibility.Improbable" or "AuditOutcome.Failed" or "BatchStatus.Failed" or "Outcome.a brand new outcome";

    private static Dictionary<string, string> Strings(string folder, string file) =>
        XDocument.Load(Path.Combine(folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    [GeneratedRegex(@"L\[""([A-Za-z.]+)""\]")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"\b(?:id|Id|name|Name)=""(?:action|method|target|enctype|elements|length|submit|reset|encoding|acceptCharset)""")]
    private static partial Regex ShadowingAttribute();
}
