using Perimeter.Matching.Screening;

namespace Perimeter.Matching.Tests.Screening;

public sealed class WatchlistTests
{
    private static readonly Guid Chapo = new("00000000-0000-0000-0000-00000000c4a0");
    private static readonly Guid Mayo = new("00000000-0000-0000-0000-0000000000a1");

    private static Subject Person(string name) => new() { Names = [SubjectName.Free(name)] };

    private static IReadOnlyList<Match> Screen(Watchlist list, string name, Func<Guid, bool>? mayConsider = null) =>
        list.Screen(Person(name), ScreeningOptions.Default with { Kind = SubjectKind.Person }, mayConsider);

    [Fact]
    public void An_added_alert_is_found_without_a_rebuild_and_the_base_is_kept()
    {
        var list = Watchlist.Build(Background.Entries());

        var updated = list.With([(Chapo, Person("Joaquín Guzmán Loera"))], []);

        Assert.DoesNotContain(Screen(list, "Joaquin Guzman Loera"), m => m.Id == Chapo);
        Assert.Equal(Chapo, Screen(updated, "Joaquin Guzman Loera")[0].Id);
        Assert.Equal(list.Count + 1, updated.Count);
        Assert.Equal(1, updated.DeltaCount);
    }

    [Fact]
    public void A_changed_alert_is_found_by_its_new_name_and_no_longer_by_its_old_one()
    {
        var list = Watchlist.Build(Background.Entries().Append((Mayo, Person("Ismael Zambada García"))));

        var changed = list.With([(Mayo, Person("Ismael Zambada Sicairos"))], []);

        Assert.Equal(Mayo, Screen(changed, "Ismael Zambada Sicairos")[0].Id);
        Assert.DoesNotContain(Screen(changed, "Ismael Zambada Garcia"), m => m.Id == Mayo && m.Explanation.Summary().Contains("garcia=garcia", StringComparison.Ordinal));
        Assert.Equal(list.Count, changed.Count);
    }

    [Fact]
    public void A_retracted_alert_is_no_longer_a_candidate()
    {
        var list = Watchlist.Build(Background.Entries().Append((Chapo, Person("Joaquín Guzmán Loera"))));

        var retracted = list.With([], [Chapo]);

        Assert.Contains(Screen(list, "Joaquin Guzman Loera"), m => m.Id == Chapo);
        Assert.DoesNotContain(Screen(retracted, "Joaquin Guzman Loera"), m => m.Id == Chapo);
        Assert.False(retracted.Contains(Chapo));
    }

    [Fact]
    public void Changes_on_changes_keep_only_the_latest_version_of_each_alert()
    {
        var list = Watchlist.Build(Background.Entries());

        var twice = list.With([(Chapo, Person("Joaquín Guzmán Loera"))], []).With([(Chapo, Person("Archivaldo Guzmán Salazar"))], []);

        Assert.Equal(list.Count + 1, twice.Count);
        Assert.Equal(Chapo, Screen(twice, "Archivaldo Guzman Salazar")[0].Id);
        Assert.DoesNotContain(Screen(twice, "Joaquin Guzman Loera"), m => m.Id == Chapo && m.Band == Band.Strong);
    }

    [Fact]
    public void An_entry_the_caller_may_not_see_is_never_a_candidate_even_when_it_is_the_best_match()
    {
        var list = Watchlist.Build(Background.Entries().Append((Chapo, Person("Joaquín Guzmán Loera"))));

        var hidden = Screen(list, "Joaquin Guzman Loera", id => id != Chapo);

        Assert.DoesNotContain(hidden, m => m.Id == Chapo);
    }

    [Theory]
    [InlineData(IdentifierType.Plate, "ABC-1234", "abc 1234")]
    [InlineData(IdentifierType.Vin, "1M8GDM9AXKP042788", "1m8gdm9axkp042788")]
    [InlineData(IdentifierType.FirearmSerial, "BXR-01234", "bxr01234")]
    [InlineData(IdentifierType.Passport, "G12345678", "G 1234 5678")]
    public void Objects_and_documents_are_found_by_their_normalised_numbers(IdentifierType type, string listed, string query)
    {
        var kind = type switch
        {
            IdentifierType.Plate or IdentifierType.Vin => SubjectKind.Vehicle,
            IdentifierType.FirearmSerial => SubjectKind.Firearm,
            _ => SubjectKind.Document,
        };
        var list = Watchlist.Build(Background.Entries().Append((Chapo, new Subject { Kind = kind, Identifiers = [new Identifier(type, listed, "US-TX")] })));

        var matches = list.Screen(new Subject { Kind = kind, Identifiers = [new Identifier(type, query, "US-TX")] }, ScreeningOptions.Default with { Kind = kind });

        Assert.Equal(Chapo, Assert.Single(matches).Id);
        Assert.Equal(Band.Strong, matches[0].Band);
    }

    [Fact]
    public void The_version_changes_with_any_weight_or_table()
    {
        var tables = MatchingTables.Default;
        var reweighed = tables with { Model = tables.Model with { DobExactBits = tables.Model.DobExactBits + 0.1 } };
        var moreNicknames = tables with { Equivalents = tables.Equivalents.With([("chito", "narciso")]) };

        Assert.StartsWith("fs-3.", tables.Version, StringComparison.Ordinal);
        Assert.Equal(tables.Version, MatchingTables.Default.Version);
        Assert.NotEqual(tables.Version, reweighed.Version);
        Assert.NotEqual(tables.Model.Version, reweighed.Model.Version);
        Assert.NotEqual(tables.Version, moreNicknames.Version);
        Assert.Equal(tables.Model.Version, moreNicknames.Model.Version);
    }
}
