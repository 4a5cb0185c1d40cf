namespace Perimeter.Features.Demo;

/// <summary>A Mexican state: its CURP code, its number on INE voter keys (INEGI order), its ISO 3166-2 code and a few cities.</summary>
internal sealed record MexicanState(string Name, string CurpCode, int IneNumber, string IsoCode, string[] Cities);

/// <summary>Places people in a border agency's alerts come from, weighted towards the states along the smuggling corridors.</summary>
internal static class Places
{
    public static readonly WeightedTable<MexicanState> MexicanStates = new(
        (new("Aguascalientes", "AS", 1, "MX-AGU", ["Aguascalientes"]), 1),
        (new("Baja California", "BC", 2, "MX-BCN", ["Tijuana", "Mexicali", "Ensenada", "Tecate"]), 9),
        (new("Baja California Sur", "BS", 3, "MX-BCS", ["La Paz", "San José del Cabo"]), 1),
        (new("Campeche", "CC", 4, "MX-CAM", ["Campeche", "Ciudad del Carmen"]), 1),
        (new("Coahuila", "CL", 5, "MX-COA", ["Piedras Negras", "Ciudad Acuña", "Saltillo", "Torreón"]), 4),
        (new("Colima", "CM", 6, "MX-COL", ["Manzanillo", "Colima"]), 1),
        (new("Chiapas", "CS", 7, "MX-CHP", ["Tapachula", "Tuxtla Gutiérrez", "Comitán"]), 3),
        (new("Chihuahua", "CH", 8, "MX-CHH", ["Ciudad Juárez", "Chihuahua", "Ojinaga", "Nuevo Casas Grandes"]), 8),
        (new("Ciudad de México", "DF", 9, "MX-CMX", ["Iztapalapa", "Gustavo A. Madero", "Coyoacán", "Tlalpan"]), 5),
        (new("Durango", "DG", 10, "MX-DUR", ["Durango", "Gómez Palacio"]), 3),
        (new("Guanajuato", "GT", 11, "MX-GUA", ["León", "Celaya", "Irapuato"]), 3),
        (new("Guerrero", "GR", 12, "MX-GRO", ["Acapulco", "Chilpancingo", "Iguala"]), 3),
        (new("Hidalgo", "HG", 13, "MX-HID", ["Pachuca", "Tulancingo"]), 1),
        (new("Jalisco", "JC", 14, "MX-JAL", ["Guadalajara", "Zapopan", "Puerto Vallarta", "Tlaquepaque"]), 6),
        (new("México", "MC", 15, "MX-MEX", ["Ecatepec", "Nezahualcóyotl", "Toluca"]), 4),
        (new("Michoacán", "MN", 16, "MX-MIC", ["Morelia", "Uruapan", "Apatzingán", "Lázaro Cárdenas"]), 5),
        (new("Morelos", "MS", 17, "MX-MOR", ["Cuernavaca", "Cuautla"]), 1),
        (new("Nayarit", "NT", 18, "MX-NAY", ["Tepic"]), 1),
        (new("Nuevo León", "NL", 19, "MX-NLE", ["Monterrey", "Apodaca", "Guadalupe", "Anáhuac"]), 5),
        (new("Oaxaca", "OC", 20, "MX-OAX", ["Oaxaca de Juárez", "Juchitán"]), 2),
        (new("Puebla", "PL", 21, "MX-PUE", ["Puebla", "Tehuacán"]), 2),
        (new("Querétaro", "QT", 22, "MX-QUE", ["Querétaro"]), 1),
        (new("Quintana Roo", "QR", 23, "MX-ROO", ["Cancún", "Chetumal"]), 1),
        (new("San Luis Potosí", "SP", 24, "MX-SLP", ["San Luis Potosí", "Matehuala"]), 2),
        (new("Sinaloa", "SL", 25, "MX-SIN", ["Culiacán", "Mazatlán", "Los Mochis", "Guasave", "Navolato"]), 9),
        (new("Sonora", "SR", 26, "MX-SON", ["Nogales", "Hermosillo", "San Luis Río Colorado", "Agua Prieta", "Caborca"]), 9),
        (new("Tabasco", "TC", 27, "MX-TAB", ["Villahermosa"]), 1),
        (new("Tamaulipas", "TS", 28, "MX-TAM", ["Nuevo Laredo", "Reynosa", "Matamoros", "Ciudad Victoria"]), 8),
        (new("Tlaxcala", "TL", 29, "MX-TLA", ["Tlaxcala"]), 1),
        (new("Veracruz", "VZ", 30, "MX-VER", ["Veracruz", "Xalapa", "Coatzacoalcos"]), 3),
        (new("Yucatán", "YN", 31, "MX-YUC", ["Mérida"]), 1),
        (new("Zacatecas", "ZS", 32, "MX-ZAC", ["Zacatecas", "Fresnillo"]), 2));

    public static readonly WeightedTable<string> UsPlacesOfBirth = new(
        ("El Paso, Texas", 5), ("San Antonio, Texas", 4), ("Houston, Texas", 5), ("Laredo, Texas", 3), ("McAllen, Texas", 2),
        ("Brownsville, Texas", 2), ("Dallas, Texas", 3), ("Los Angeles, California", 6), ("San Diego, California", 4),
        ("Chula Vista, California", 2), ("Fresno, California", 2), ("Phoenix, Arizona", 4), ("Tucson, Arizona", 3),
        ("Yuma, Arizona", 1), ("Las Cruces, New Mexico", 1), ("Albuquerque, New Mexico", 2), ("Chicago, Illinois", 2),
        ("Denver, Colorado", 1), ("Atlanta, Georgia", 1), ("Oklahoma City, Oklahoma", 1));

    /// <summary>Other countries and a place of birth in each, for nationals of the Northern Triangle and beyond.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ForeignPlacesOfBirth = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["GT"] = ["Ciudad de Guatemala, Guatemala", "Quetzaltenango, Guatemala", "Huehuetenango, Guatemala", "San Marcos, Guatemala"],
        ["HN"] = ["San Pedro Sula, Honduras", "Tegucigalpa, Honduras", "La Ceiba, Honduras", "Choluteca, Honduras"],
        ["SV"] = ["San Salvador, El Salvador", "San Miguel, El Salvador", "Santa Ana, El Salvador"],
        ["CO"] = ["Medellín, Colombia", "Cali, Colombia", "Barranquilla, Colombia"],
        ["VE"] = ["Caracas, Venezuela", "Maracaibo, Venezuela"],
        ["NI"] = ["Managua, Nicaragua", "León, Nicaragua"],
        ["EC"] = ["Guayaquil, Ecuador", "Cuenca, Ecuador"],
        ["CU"] = ["La Habana, Cuba", "Santiago de Cuba, Cuba"],
        ["CA"] = ["Toronto, Ontario", "Vancouver, British Columbia", "Calgary, Alberta"],
    };

    /// <summary>Ports of entry on the US–Mexico border that narratives mention.</summary>
    public static readonly string[] PortsOfEntry =
    [
        "San Ysidro", "Otay Mesa", "Tecate", "Calexico West", "Andrade", "San Luis", "Lukeville", "Nogales DeConcini",
        "Nogales Mariposa", "Naco", "Douglas", "Columbus", "Santa Teresa", "El Paso Bridge of the Americas", "Ysleta",
        "Tornillo", "Presidio", "Del Rio", "Eagle Pass", "Laredo World Trade Bridge", "Laredo Juárez-Lincoln Bridge",
        "Roma", "Rio Grande City", "Pharr", "Hidalgo", "Progreso", "Brownsville Gateway", "Los Indios",
    ];
}
