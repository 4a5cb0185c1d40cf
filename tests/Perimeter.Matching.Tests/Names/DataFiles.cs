using Perimeter.Matching.Names;

namespace Perimeter.Matching.Tests.Names;

/// <summary>Rows of the embedded name lists as theory data, so each entry is a test of its own.</summary>
public static class DataFiles
{
    public static TheoryData<string, string> Pairs(string file)
    {
        var data = new TheoryData<string, string>();
        foreach (var row in NameData.Rows(file))
            data.Add(row[0], string.Join(' ', row[1..]));
        return data;
    }

    public static TheoryData<string> Words(string file)
    {
        var data = new TheoryData<string>();
        foreach (var row in NameData.Rows(file))
            data.Add(string.Join(' ', row));
        return data;
    }

    public static TheoryData<string, string> Hypocorisms => Pairs("hypocorisms-es.txt");

    public static TheoryData<string, string> EnglishNicknames => Pairs("nicknames-en.txt");

    public static TheoryData<string, string> Equivalents => Pairs("equivalents-es-en.txt");

    public static TheoryData<string, string> GivenNames => Pairs("given-names.txt");

    public static TheoryData<string, string> Abbreviations => Pairs("abbreviations.txt");

    public static TheoryData<string> Surnames => Words("surnames-es.txt");

    public static TheoryData<string> LegalForms => Words("legal-forms.txt");

    public static TheoryData<string> OrganizationStopWords => Words("org-stopwords.txt");
}
