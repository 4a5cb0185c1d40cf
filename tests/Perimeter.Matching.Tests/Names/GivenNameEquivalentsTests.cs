using Perimeter.Matching.Names;

namespace Perimeter.Matching.Tests.Names;

public sealed class GivenNameEquivalentsTests
{
    private static readonly GivenNameEquivalents Names = GivenNameEquivalents.Default;

    [Theory]
    [InlineData("pancho", "francisco")]
    [InlineData("paco", "francisco")]
    [InlineData("pancho", "paco")]
    [InlineData("pepe", "jose")]
    [InlineData("chuy", "jesus")]
    [InlineData("lupe", "guadalupe")]
    [InlineData("memo", "guillermo")]
    [InlineData("beto", "alberto")]
    [InlineData("beto", "roberto")]
    [InlineData("nacho", "ignacio")]
    [InlineData("bill", "william")]
    [InlineData("bob", "robert")]
    [InlineData("guillermo", "william")]
    [InlineData("jose", "joseph")]
    [InlineData("memo", "william")]
    [InlineData("bill", "guillermo")]
    [InlineData("chema", "jose maria")]
    public void The_product_brief_pairs_are_equivalent_both_ways(string a, string b)
    {
        Assert.True(Names.AreEquivalent(a, b));
        Assert.True(Names.AreEquivalent(b, a));
    }

    [Theory]
    [InlineData("alberto", "roberto")]
    [InlineData("francisco", "jose")]
    [InlineData("juan", "juana")]
    [InlineData("pancho", "pepe")]
    [InlineData("guillermo", "robert")]
    public void Names_that_only_share_a_nickname_or_nothing_are_not_equivalent(string a, string b) =>
        Assert.False(Names.AreEquivalent(a, b));

    [Fact]
    public void A_name_is_equivalent_to_itself_even_when_no_list_knows_it() =>
        Assert.True(Names.AreEquivalent("xochiquetzal", "xochiquetzal"));

    [Theory, MemberData(nameof(DataFiles.Hypocorisms), MemberType = typeof(DataFiles))]
    public void Every_spanish_hypocorism_maps_to_its_canonical_name(string alias, string canonical)
    {
        Assert.True(Names.AreEquivalent(alias, canonical));
        Assert.True(Names.AreEquivalent(canonical, alias));
        Assert.Equal($"{alias}→{canonical}", Names.Explain(alias, canonical));
    }

    [Theory, MemberData(nameof(DataFiles.EnglishNicknames), MemberType = typeof(DataFiles))]
    public void Every_english_nickname_maps_to_its_canonical_name(string alias, string canonical)
    {
        Assert.True(Names.AreEquivalent(alias, canonical));
        Assert.True(Names.AreEquivalent(canonical, alias));
        Assert.Equal($"{alias}→{canonical}", Names.Explain(canonical, alias));
    }

    [Theory, MemberData(nameof(DataFiles.Equivalents), MemberType = typeof(DataFiles))]
    public void Every_spanish_english_pair_is_equivalent_both_ways(string spanish, string english)
    {
        Assert.True(Names.AreEquivalent(spanish, english));
        Assert.True(Names.AreEquivalent(english, spanish));
        Assert.Equal($"{spanish}↔{english}", Names.Explain(spanish, english));
    }

    [Theory]
    [InlineData("pancho", "francisco", "pancho→francisco")]
    [InlineData("francisco", "pancho", "pancho→francisco")]
    [InlineData("pancho", "paco", "pancho→francisco←paco")]
    [InlineData("guillermo", "william", "guillermo↔william")]
    [InlineData("william", "guillermo", "william↔guillermo")]
    [InlineData("memo", "william", "memo→guillermo↔william")]
    [InlineData("bill", "guillermo", "bill→william↔guillermo")]
    public void Explanations_name_each_step(string a, string b, string expected) =>
        Assert.Equal(expected, Names.Explain(a, b));

    [Theory]
    [InlineData("jose", "jose")]
    [InlineData("alberto", "roberto")]
    [InlineData("jose", "xyz")]
    public void Nothing_to_explain_for_the_same_name_or_unrelated_names(string a, string b) =>
        Assert.Null(Names.Explain(a, b));

    [Fact]
    public void A_nickname_of_several_names_is_in_each_of_their_groups()
    {
        var groups = Names.GroupsOf("beto").ToArray().Select(Names.GroupName).ToArray();
        Assert.Contains("alberto", groups);
        Assert.Contains("roberto", groups);
        Assert.Contains("humberto", groups);
        Assert.Empty(Names.GroupsOf("alberto").ToArray().Intersect(Names.GroupsOf("roberto").ToArray()));
    }

    [Fact]
    public void A_canonical_name_its_nicknames_and_its_equivalents_share_its_group()
    {
        var group = Names.GroupsOf("francisco").ToArray().Single(g => Names.GroupName(g) == "francisco");
        foreach (var name in new[] { "pancho", "paco", "curro", "francis" })
            Assert.Contains(group, Names.GroupsOf(name).ToArray());
    }

    [Fact]
    public void An_unknown_name_has_no_groups() => Assert.True(Names.GroupsOf("xochiquetzal").IsEmpty);

    [Fact]
    public void Group_ids_are_the_same_whatever_order_the_pairs_come_in()
    {
        (string, string)[] pairs = [("paco", "francisco"), ("pepe", "jose"), ("beto", "alberto")];
        var forward = GivenNameEquivalents.From(pairs);
        var backward = GivenNameEquivalents.From(pairs.Reverse());
        Assert.Equal(forward.GroupsOf("beto").ToArray(), backward.GroupsOf("beto").ToArray());
        Assert.Equal(forward.GroupsOf("pepe").ToArray(), backward.GroupsOf("pepe").ToArray());
    }

    [Fact]
    public void Our_alias_canonical_lines_are_read_and_folded()
    {
        var pairs = GivenNameEquivalents.Parse(new StringReader("# format: alias canonical\npancho francisco\n\nChema  José María\n")).ToList();
        Assert.Equal([("pancho", "francisco"), ("chema", "jose maria")], pairs);
    }

    [Fact]
    public void The_english_list_format_is_read_with_the_nickname_as_alias()
    {
        var csv = "name1,relationship,name2\nwilliam,has_nickname,bill\nrobert,has_nickname,bob\n";
        var pairs = GivenNameEquivalents.Parse(new StringReader(csv)).ToList();
        Assert.Equal([("bill", "william"), ("bob", "robert")], pairs);
    }

    [Fact]
    public void With_adds_pairs_read_at_run_time()
    {
        var extended = Names.With(GivenNameEquivalents.Parse(new StringReader("abednego,has_nickname,bedney\n")));
        Assert.True(extended.AreEquivalent("bedney", "abednego"));
        Assert.False(Names.AreEquivalent("bedney", "abednego"));
        Assert.True(extended.AreEquivalent("guillermo", "william"));
    }

    [Fact]
    public void The_shared_english_list_extends_the_default_table()
    {
        var path = Path.Combine(RepositoryRoot(), "..", "shared", "data", "nicknames", "names.csv");
        Assert.SkipUnless(File.Exists(path), $"{path} is not checked out beside the repository");
        using var reader = File.OpenText(path);
        var extended = Names.With(GivenNameEquivalents.Parse(reader));
        Assert.True(extended.AreEquivalent("ron", "aaron"));
        Assert.True(extended.AreEquivalent("pancho", "francisco"));
        Assert.True(extended.GroupCount > Names.GroupCount);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Perimeter.slnx")))
            directory = directory.Parent;
        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
