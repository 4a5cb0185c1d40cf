using Perimeter.Features.Screening;
using Perimeter.Matching.Screening;
using Perimeter.Tests.Features.Imports;

namespace Perimeter.Tests.Features.Screening;

public sealed class NodeMatchingTablesTests
{
    [Fact]
    public void The_shared_English_nickname_relations_are_added_to_the_built_in_tables()
    {
        var nicknames = Path.Combine(Path.GetDirectoryName(SharedData.Ofac)!, "nicknames", "names.csv");

        var tables = NodeMatchingTables.Load(nicknames);

        Assert.False(MatchingTables.Default.Equivalents.AreEquivalent("abbey", "abbigail"));
        Assert.True(tables.Equivalents.AreEquivalent("abbey", "abbigail"));
        Assert.True(tables.Equivalents.AreEquivalent("pancho", "francisco"));
    }
}
