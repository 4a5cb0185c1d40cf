using Perimeter.Matching.Names;

namespace Perimeter.Matching.Tests.Names;

public sealed class NameParserTests
{
    // Given names, then " | ", then surnames in order; a particle part shows its core in brackets, an unknown part a "?".
    private static string Shape(ParsedName name) =>
        string.Join(' ', name.Given.Select(Show)) + " | " + string.Join(' ', name.Surnames.Select(Show))
        + string.Concat(name.Unknown.Select(p => " ?" + Show(p)));

    private static string Show(NamePart part) => part.Core is { } core ? $"{part.Folded}({core})" : part.Folded;

    private static NamePart Part(ParsedName name, string folded) => name.Parts.Single(p => p.Folded == folded);

    [Theory]
    [InlineData("GUZMAN LOERA, Joaquin", "joaquin | guzman loera")]
    [InlineData("Joaquín Guzmán Loera", "joaquin | guzman loera")]
    [InlineData("GUZMAN LOERA Joaquin", "joaquin | guzman loera")]
    [InlineData("Joaquín GUZMÁN LOERA", "joaquin | guzman loera")]
    [InlineData("GUZMAN<LOERA<<JOAQUIN<<<<<<<<<<<<", "joaquin | guzman loera")]
    [InlineData("joaquin guzman loera", "joaquin | guzman loera")]
    [InlineData("JOAQUIN GUZMAN LOERA", "joaquin | guzman loera")]
    [InlineData("GUZMAN LOERA JOAQUIN", "joaquin | guzman loera")]
    [InlineData("Joaquin Guzman", "joaquin | guzman")]
    [InlineData("AMEZCUA CONTRERAS, Jose de Jesus", "jose dejesus(jesus) | amezcua contreras")]
    [InlineData("MADURO MOROS, Nicolas", "nicolas | maduro moros")]
    [InlineData("DELOS REYES, Feliciano Semborio", "feliciano semborio | delosreyes(reyes)")]
    [InlineData("Juan DELA CRUZ", "juan | delacruz(cruz)")]
    public void Every_layout_finds_the_same_given_name_and_surnames(string raw, string expected) =>
        Assert.Equal(expected, Shape(NameParser.Parse(raw)));

    [Theory]
    [InlineData("P<MEXGUZMAN<LOERA<<JOAQUIN<ARCHIVALDO<<<<<<<", "joaquin archivaldo | guzman loera")]
    [InlineData("DE<LA<ROSA<GARCIA<<MARIA<GUADALUPE", "maria guadalupe | delarosa(rosa) garcia")]
    [InlineData("GARCIA", " | garcia")]
    [InlineData("GUZMAN<<LOERA<JOAQUIN", "loera joaquin | guzman")]
    // A name field as long as a whole line (36 characters) is a name, not a line with a document code before it.
    [InlineData("MORALES<ZAMBRANO<<CRISTHIAM<ABELARDO", "cristhiam abelardo | morales zambrano")]
    [InlineData("P<MEXMORALES<ZAMBRANO<<CRISTHIAM<ABELARDO<<<", "cristhiam abelardo | morales zambrano")]
    public void An_mrz_puts_every_surname_before_the_double_filler(string mrz, string expected) =>
        Assert.Equal(expected, Shape(NameParser.Parse(mrz)));

    [Theory]
    [InlineData("joaquin guzman loera", NameLayout.GivenFirst, "joaquin | guzman loera")]
    [InlineData("guzman loera joaquin", NameLayout.SurnameFirst, "joaquin | guzman loera")]
    [InlineData("perez juan", NameLayout.SurnameFirst, "juan | perez")]
    public void A_layout_the_caller_knows_fixes_the_order(string raw, NameLayout layout, string expected) =>
        Assert.Equal(expected, Shape(NameParser.Parse(raw, layout)));

    [Theory]
    [InlineData("Joaquín", "Guzmán Loera", "joaquin | guzman loera")]
    [InlineData("María de los Ángeles", "de la Rosa", "maria delosangeles(angeles) | delarosa(rosa)")]
    [InlineData("Juan", null, "juan | ")]
    [InlineData(null, "Garcia", " | garcia")]
    public void Form_fields_say_which_words_are_surnames(string? given, string? surnames, string expected) =>
        Assert.Equal(expected, Shape(NameParser.Parse(given, surnames)));

    [Theory]
    [InlineData("María De la Rosa", "maria | delarosa(rosa)")]
    [InlineData("MARIA DELAROSA", "maria | delarosa(rosa)")]
    [InlineData("DE LA ROSA, Maria", "maria | delarosa(rosa)")]
    [InlineData("Pedro del Río", "pedro | delrio(rio)")]
    [InlineData("PEDRO DELRIO", "pedro | delrio(rio)")]
    [InlineData("Juan Ponce de León", "juan | ponce deleon(leon)")]
    [InlineData("JUAN PONCE DELEON", "juan | ponce deleon(leon)")]
    [InlineData("José Ortega y Gasset", "jose | ortega gasset")]
    [InlineData("ORTEGA Y GASSET, Jose", "jose | ortega gasset")]
    [InlineData("Ana de los Santos Pérez", "ana | delossantos(santos) perez")]
    [InlineData("ANA DELOSSANTOS PEREZ", "ana | delossantos(santos) perez")]
    [InlineData("Carlos Santa Cruz", "carlos | santacruz")]
    [InlineData("CARLOS SANTACRUZ", "carlos | santacruz")]
    [InlineData("Ludwig van Beethoven", "ludwig | vanbeethoven(beethoven)")]
    [InlineData("María López de García", "maria | lopez degarcia(garcia)")]
    [InlineData("ZULETA DE MERCHAN, Carmen", "carmen | zuleta demerchan(merchan)")]
    public void Particles_are_glued_to_their_surname_whether_written_apart_or_together(string raw, string expected) =>
        Assert.Equal(expected, Shape(NameParser.Parse(raw)));

    [Theory]
    [InlineData("delarosa", "rosa")]
    [InlineData("delrio", "rio")]
    [InlineData("deleon", "leon")]
    [InlineData("delossantos", "santos")]
    [InlineData("delacruz", "cruz")]
    public void A_glued_particle_surname_has_the_same_fold_and_core_as_the_separate_one(string folded, string core)
    {
        var glued = Part(NameParser.Parse("Maria " + folded.ToUpperInvariant()), folded);
        Assert.Equal(core, glued.Core);
        Assert.True(glued.Has(PartFlags.Particle));
    }

    [Theory]
    [InlineData("DAVILA")]
    [InlineData("DOMINGUEZ")]
    [InlineData("LARIOS")]
    [InlineData("DELGADO")]
    [InlineData("SANDOVAL")]
    [InlineData("VILLALOBOS")]
    [InlineData("VILLARREAL")]
    public void A_known_surname_that_starts_like_a_particle_or_a_pair_stays_whole(string surname)
    {
        var part = NameParser.Parse("Juan " + surname).Surnames.Single();
        Assert.Equal(PartFlags.None, part.Flags & (PartFlags.Particle | PartFlags.Split));
    }

    [Theory]
    [InlineData("Ma. Guadalupe Hernández", "maria guadalupe | hernandez")]
    [InlineData("Ma Guadalupe Hernandez", "maria guadalupe | hernandez")]
    [InlineData("Fco. Javier López", "francisco javier | lopez")]
    [InlineData("Gpe. Torres", "guadalupe | torres")]
    [InlineData("Jse. Luis Pérez", "jose luis | perez")]
    [InlineData("Jose. Luis Pérez", "jose luis | perez")]
    [InlineData("Ant. Ruiz", "antonio | ruiz")]
    [InlineData("Fdo. Glez.", "fernando | gonzalez")]
    [InlineData("Juan Hdez. Mtz.", "juan | hernandez martinez")]
    [InlineData("PEREZ RDZ., Juan", "juan | perez rodriguez")]
    [InlineData("Luis Fdez. Gzlez.", "luis | fernandez gonzalez")]
    public void Abbreviations_are_expanded(string raw, string expected) =>
        Assert.Equal(expected, Shape(NameParser.Parse(raw)));

    [Fact]
    public void An_expanded_abbreviation_is_flagged()
    {
        var name = NameParser.Parse("Ma. Guadalupe Hernández");
        Assert.True(Part(name, "maria").Has(PartFlags.Abbreviation));
        Assert.False(Part(name, "guadalupe").Has(PartFlags.Abbreviation));
    }

    [Fact]
    public void Without_a_dot_ma_among_surnames_is_the_family_name_ma()
    {
        var name = NameParser.Parse("MA, Yun");
        Assert.Equal("yun | ma", Shape(name));
    }

    [Theory]
    [InlineData("J. María Pérez", "j maria | perez", "j")]
    [InlineData("José M. Pérez", "jose m | perez", "m")]
    [InlineData("J María Pérez", "j maria | perez", "j")]
    [InlineData("PEREZ, J. M.", "j m | perez", "m")]
    public void A_single_letter_is_an_initial(string raw, string expected, string initial)
    {
        var name = NameParser.Parse(raw);
        Assert.Equal(expected, Shape(name));
        Assert.True(Part(name, initial).Has(PartFlags.Initial));
    }

    [Theory]
    [InlineData("José María Pérez García", "jose maria | perez garcia")]
    [InlineData("María José Pérez García", "maria jose | perez garcia")]
    [InlineData("María de los Ángeles Pérez", "maria delosangeles(angeles) | perez")]
    [InlineData("Juan de Dios Hernández", "juan dedios(dios) | hernandez")]
    [InlineData("JUAN DE DIOS HERNANDEZ", "juan dedios(dios) | hernandez")]
    [InlineData("María del Carmen López Ruiz", "maria delcarmen(carmen) | lopez ruiz")]
    [InlineData("María de la Luz Gómez", "maria delaluz(luz) | gomez")]
    [InlineData("José de Jesús Amezcua Contreras", "jose dejesus(jesus) | amezcua contreras")]
    public void Compound_given_names_keep_their_particles(string raw, string expected)
    {
        var name = NameParser.Parse(raw);
        Assert.Equal(expected, Shape(name));
        Assert.All(name.Given, p => Assert.True(p.Has(PartFlags.CompoundGiven)));
    }

    [Theory]
    [InlineData("John Fitzgerald Kennedy")]
    [InlineData("Pedro Pablo Kuczynski")]
    public void Two_given_names_that_do_not_start_a_spanish_compound_are_not_flagged(string raw) =>
        Assert.DoesNotContain(NameParser.Parse(raw, NameLayout.GivenFirst).Given, p => p.Has(PartFlags.CompoundGiven));

    [Theory]
    [InlineData("Rosa Hernández-García", "rosa | hernandez garcia", PartFlags.Hyphenated)]
    [InlineData("HERNANDEZ-GARCIA, Rosa", "rosa | hernandez garcia", PartFlags.Hyphenated)]
    [InlineData("Rosa Hernández - García", "rosa | hernandez garcia", PartFlags.Hyphenated)]
    [InlineData("ROSA HERNANDEZGARCIA", "rosa | hernandez garcia", PartFlags.Split)]
    [InlineData("HERNANDEZGARCIA, Rosa", "rosa | hernandez garcia", PartFlags.Split)]
    [InlineData("Luis Garcia-de la Rosa", "luis | garcia delarosa(rosa)", PartFlags.Hyphenated)]
    public void Hyphenated_and_glued_surnames_are_split_into_two(string raw, string expected, PartFlags flag)
    {
        var name = NameParser.Parse(raw);
        Assert.Equal(expected, Shape(name));
        Assert.All(name.Surnames, p => Assert.True(p.Has(flag)));
        Assert.Equal([0, 1], name.Surnames.Select(p => p.SurnameIndex));
    }

    [Fact]
    public void A_glued_word_is_not_split_unless_both_halves_are_known_surnames()
    {
        var name = NameParser.Parse("ROSA HERNANDEZXYZABC");
        Assert.Equal("rosa | hernandezxyzabc", Shape(name));
    }

    [Theory]
    [InlineData("Sr. Juan Pérez", "juan | perez")]
    [InlineData("Sra. María López", "maria | lopez")]
    [InlineData("Dr. José Ruiz", "jose | ruiz")]
    [InlineData("Lic. Ana Torres", "ana | torres")]
    [InlineData("Ing. Carlos Vega", "carlos | vega")]
    [InlineData("Don Juan Pérez", "juan | perez")]
    [InlineData("Doña María López", "maria | lopez")]
    [InlineData("Mr. John Smith", "john | smith")]
    [InlineData("Mrs Mary Smith", "mary | smith")]
    [InlineData("John Smith Jr.", "john | smith")]
    [InlineData("SMITH, John, Jr.", "john | smith")]
    [InlineData("John Smith, Jr.", "john | smith")]
    [InlineData("Don Johnson", "don | johnson")]
    [InlineData("PEREZ GARCIA DR. JUAN", "juan | perez garcia")]
    public void Honorifics_and_suffixes_are_dropped(string raw, string expected) =>
        Assert.Equal(expected, Shape(NameParser.Parse(raw)));

    [Fact]
    public void Surnames_are_numbered_paternal_first()
    {
        var name = NameParser.Parse("GUZMAN LOERA, Joaquin");
        Assert.True(Part(name, "guzman").IsPaternal);
        Assert.True(Part(name, "loera").IsMaternalCandidate);
        Assert.Equal(-1, Part(name, "joaquin").SurnameIndex);
    }

    [Theory]
    [InlineData("GUZMAN LOERA, Joaquin", false)]
    [InlineData("GUZMAN<LOERA<<JOAQUIN", false)]
    [InlineData("GUZMAN LOERA Joaquin", false)]
    [InlineData("joaquin guzman loera", true)]
    [InlineData("Joaquín Guzmán Loera", true)]
    public void A_role_read_from_the_lists_rather_than_the_layout_is_marked_inferred(string raw, bool inferred) =>
        Assert.All(NameParser.Parse(raw).Parts, p => Assert.Equal(inferred, p.Has(PartFlags.Inferred)));

    [Theory]
    [InlineData("Joaquín \"El Chapo\" Guzmán", "joaquin | guzman", "chapo")]
    [InlineData("Joaquín Guzmán alias 'El Chapo'", "joaquin | guzman", "chapo")]
    [InlineData("GUZMAN LOERA, Joaquin (a.k.a. “El Chapo”)", "joaquin | guzman loera", "chapo")]
    [InlineData("Ismael «El Mayo» Zambada", "ismael | zambada", "mayo")]
    public void A_quoted_alias_becomes_nickname_parts(string raw, string expected, string nickname)
    {
        var name = NameParser.Parse(raw);
        Assert.Equal(expected, Shape(name));
        var part = Assert.Single(name.Nicknames);
        Assert.Equal(nickname, part.Folded);
        Assert.Equal(NameRole.Unknown, part.Role);
    }

    [Fact]
    public void An_apostrophe_inside_a_name_is_not_a_quote()
    {
        var name = NameParser.Parse("Patrick O'Brien");
        Assert.Equal("patrick | obrien", Shape(name));
        Assert.Empty(name.Nicknames);
    }

    [Theory]
    [InlineData("Madonna", " |  ?madonna")]
    [InlineData("Guzman", " | guzman")]
    [InlineData("Joaquin", "joaquin | ")]
    [InlineData("", " | ")]
    public void A_lone_word_takes_its_role_from_the_lists_or_stays_unknown(string raw, string expected) =>
        Assert.Equal(expected, Shape(NameParser.Parse(raw)));

    [Fact]
    public void The_folded_name_lists_given_names_then_surnames()
    {
        Assert.Equal("joaquin guzman loera", NameParser.Parse("GUZMAN LOERA, Joaquín").Folded);
        Assert.Equal("maria delarosa", NameParser.Parse("DE LA ROSA, María").Folded);
        Assert.Equal(NameParser.Parse("DELAROSA, MARIA").Folded, NameParser.Parse("María de la Rosa").Folded);
    }
}
