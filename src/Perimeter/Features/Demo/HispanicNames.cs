namespace Perimeter.Features.Demo;

/// <summary>
/// Mexican and Central American names, most common first so that a Zipf draw makes Hernández common and Ibáñez rare.
/// Combinations that spell a notorious real person's name are left out on purpose: the demo must point at nobody.
/// </summary>
internal static class HispanicNames
{
    // Mexican surnames in about the order of their frequency (RENAPO and INEGI counts), one per slot: a person has two.
    // A Zipf–Mandelbrot curve over this list gives Hernández about 2.8% of surname slots, García 2.6%, the tenth 1.6%,
    // near the real head; the real tail of thousands of rarer surnames is folded into the last ones on the list.
    public static readonly WeightedTable<string> Surnames = WeightedTable<string>.Zipf(
    [
        "Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Cruz",
        "Flores", "Gómez", "Morales", "Vázquez", "Reyes", "Jiménez", "Torres", "Díaz", "Gutiérrez", "Ruiz",
        "Mendoza", "Aguilar", "Ortiz", "Moreno", "Castillo", "Romero", "Álvarez", "Méndez", "Chávez", "Rivera",
        "Juárez", "Ramos", "Domínguez", "Herrera", "Medina", "Castro", "Vargas", "Guzmán", "Velázquez", "Muñoz",
        "Rojas", "Contreras", "Salazar", "Luna", "Ortega", "Guerrero", "Estrada", "Bautista", "Cortés", "Soto",
        "Alvarado", "Espinoza", "Lara", "Ávila", "Ríos", "Cervantes", "Silva", "Delgado", "Vega", "Márquez",
        "Sandoval", "Fernández", "León", "Carrillo", "Mejía", "Solís", "Núñez", "Rosas", "Valdez", "Ibarra",
        "Campos", "Santiago", "Maldonado", "Navarro", "Rosales", "Acosta", "Peña", "Molina", "Cabrera", "Hidalgo",
        "Fuentes", "Pacheco", "Valencia", "Miranda", "Cano", "Salinas", "Ayala", "Villa", "Trejo", "Zamora",
        "Orozco", "Espinosa", "Santos", "Cárdenas", "Escobar", "Robles", "Camacho", "de la Cruz", "Marín", "Rangel",
        "Tapia", "Velasco", "Aguirre", "Olvera", "Galván", "Montes", "Padilla", "Nava", "Ochoa", "Figueroa",
        "Ponce", "Zúñiga", "Andrade", "Benítez", "Gallegos", "Sosa", "Villanueva", "Meza", "Suárez", "Cisneros",
        "Serrano", "Rubio", "Macías", "Lozano", "Durán", "Bravo", "Barrera", "Sierra", "Mata", "Osorio",
        "Calderón", "Lugo", "Franco", "Mora", "Becerra", "Rocha", "Escamilla", "Guevara", "Arellano", "Beltrán",
        "Carmona", "Cuevas", "Vera", "Trujillo", "Arias", "Bernal", "Valenzuela", "Escobedo", "Garza", "Esquivel",
        "Palacios", "Barrios", "Tovar", "Rivas", "Montoya", "Córdova", "Cordero", "Pineda", "Guerra", "Villegas",
        "Parra", "Gallardo", "Huerta", "Zavala", "Arroyo", "Ornelas", "Solano", "Corona", "Bustamante", "Mercado",
        "Aguilera", "Enríquez", "Ledesma", "Quiroz", "Vélez", "Valle", "Olivares", "Navarrete", "Nieto", "Téllez",
        "Alonso", "Sáenz", "Paredes", "Rentería", "Carrasco", "Varela", "Uribe", "Mena", "Lira", "Rico",
        "Ventura", "Saucedo", "Barajas", "Madrigal", "Quezada", "Cardona", "Ocampo", "Salgado", "Tello", "Villarreal",
        "Cantú", "Leal", "Elizondo", "Guajardo", "Salas", "Avilés", "Anaya", "Arreola", "Alcántara", "Escalante",
        "Granados", "Jaramillo", "Limón", "Ojeda", "Toledo", "Zepeda", "Castañeda", "Magaña", "Zárate", "Valadez",
        "Galindo", "Coronado", "Hurtado", "Sepúlveda", "Tamayo", "Luján", "de León", "Montaño", "Villaseñor", "Bañuelos",
        "del Río", "Patiño", "Saldaña", "Quiñónez", "Ordóñez", "Yáñez", "Muñiz", "Acuña", "Báez", "Nuño",
        "de la Torre", "del Ángel", "Ponce de León", "Ibáñez", "Cañedo", "Peñaloza", "Echeverría", "Montiel", "Zaragoza", "Tinoco",
    ], exponent: 1.0, offset: 10);

    // First given names of Mexican men, most common first; Juan and José are also the first half of many double names.
    public static readonly WeightedTable<string> MaleGivenNames = WeightedTable<string>.Zipf(
    [
        "Juan", "José", "Francisco", "Jesús", "Antonio", "Alejandro", "Pedro", "Manuel", "Luis", "Carlos",
        "Miguel", "Jorge", "Ricardo", "Fernando", "Roberto", "Javier", "Eduardo", "Arturo", "Raúl", "Sergio",
        "Martín", "Rafael", "Daniel", "Héctor", "Mario", "Salvador", "Óscar", "Gerardo", "Ramón", "Andrés",
        "Alfredo", "Enrique", "Víctor", "David", "Jaime", "Julio", "Pablo", "Alberto", "Guillermo", "Armando",
        "Rubén", "Ignacio", "Gustavo", "Hugo", "Alfonso", "Felipe", "Agustín", "Rodolfo", "Ángel", "Adrián",
        "Julián", "Rogelio", "Israel", "Omar", "Diego", "Gilberto", "Efraín", "Saúl", "Tomás", "Esteban",
        "Lorenzo", "Gregorio", "Samuel", "Abraham", "Rigoberto", "Moisés", "Octavio", "Ulises", "Leonardo", "Santiago",
        "Noé", "Néstor", "Refugio", "Abel", "Isidro", "Eleazar", "Benjamín", "Máximo", "Teodoro", "Cristian",
    ], exponent: 1.0, offset: 12);

    public static readonly WeightedTable<string> FemaleGivenNames = WeightedTable<string>.Zipf(
    [
        "María", "Guadalupe", "Juana", "Margarita", "Verónica", "Leticia", "Rosa", "Patricia", "Alejandra", "Elizabeth",
        "Gabriela", "Silvia", "Adriana", "Yolanda", "Martha", "Teresa", "Laura", "Claudia", "Araceli", "Ana",
        "Norma", "Mónica", "Carmen", "Josefina", "Angélica", "Alicia", "Sandra", "Irma", "Rocío", "Lucía",
        "Elena", "Isabel", "Beatriz", "Érika", "Diana", "Esperanza", "Cecilia", "Lorena", "Susana", "Gloria",
        "Graciela", "Rosario", "Concepción", "Francisca", "Catalina", "Estela", "Brenda", "Karla", "Liliana", "Sofía",
        "Ximena", "Daniela", "Fernanda", "Andrea", "Paola", "Valeria", "Marisol", "Yesenia", "Maribel", "Dulce",
        "Nayeli", "Citlali", "Itzel", "Jazmín", "Rebeca", "Inés", "Raquel", "Luz", "Begoña",
    ], exponent: 1.0, offset: 10);

    // Double given names are common in Mexico; several start with José or María, which the CURP passes over.
    public static readonly WeightedTable<string> MaleCompoundGivenNames = WeightedTable<string>.Zipf(
    [
        "José Luis", "Juan Carlos", "Miguel Ángel", "José Antonio", "Juan Manuel", "José Manuel", "Jorge Luis", "Francisco Javier",
        "Luis Alberto", "José Alfredo", "Juan José", "Marco Antonio", "José de Jesús", "José Guadalupe", "Víctor Manuel",
        "Luis Fernando", "Jesús Manuel", "Juan Pablo", "José Ángel", "Carlos Alberto", "Juan Antonio", "José Francisco",
        "Luis Enrique", "José María", "José Refugio", "Juan de Dios", "Ángel Gabriel", "José Juan",
    ], exponent: 1.0, offset: 4);

    public static readonly WeightedTable<string> FemaleCompoundGivenNames = WeightedTable<string>.Zipf(
    [
        "María Guadalupe", "María del Carmen", "María Elena", "Rosa María", "Ana María", "María de los Ángeles",
        "María Isabel", "María de Jesús", "María Teresa", "María Luisa", "María Fernanda", "María José", "Martha Patricia",
        "María Eugenia", "Ana Laura", "Luz María", "María del Rocío", "María Concepción", "María Dolores", "María Cristina",
        "Norma Angélica", "Juana Inés", "Ana Sofía", "Ana Karen",
    ], exponent: 1.0, offset: 4);

    /// <summary>
    /// A first given name and paternal surname that name a notorious or famous real person ("Pablo Escobar"): a drawn
    /// name that starts with one of these is drawn again, so that no alert points at a real person. Their distinctive
    /// names (Loera, Zambada, Caro Quintero, Oseguera, Treviño, Leyva, Joaquín, Osiel…) are kept off the lists above.
    /// </summary>
    public static readonly HashSet<string> Famous = new(
        ["Pablo Escobar", "Sandra Ávila", "Arturo Beltrán", "Héctor Beltrán", "Alfredo Beltrán", "Carlos Beltrán",
         "Enrique Peña", "Felipe Calderón", "Carlos Salinas", "Raúl Salinas", "Andrés López", "Saúl Álvarez",
         "Diego Luna", "Diego Rivera", "Francisco Villa", "Miguel Hidalgo", "Óscar Romero", "Jorge Ramos",
         "Marco Rubio", "Luis Suárez", "Pedro Sánchez", "Hugo Chávez", "Raúl Castro", "Daniel Ortega",
         "Juan Manuel Santos", "José Padilla", "Alejandro Fernández", "Rafael Márquez", "Hugo Sánchez", "Julio Chávez"],
        StringComparer.Ordinal);

    /// <summary>Hypocorisms people are known by: Jesús is Chuy, Francisco is Pancho.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Hypocorisms = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Jesús"] = ["Chuy", "Chucho"],
        ["Francisco"] = ["Pancho", "Paco", "Kiko"],
        ["José"] = ["Pepe", "Chepe"],
        ["Antonio"] = ["Toño", "Tony"],
        ["Eduardo"] = ["Lalo"],
        ["Roberto"] = ["Beto"],
        ["Alberto"] = ["Beto"],
        ["Gilberto"] = ["Gil", "Beto"],
        ["Ignacio"] = ["Nacho"],
        ["Enrique"] = ["Kike"],
        ["Alfredo"] = ["Fredy"],
        ["Alfonso"] = ["Poncho"],
        ["Refugio"] = ["Cuco"],
        ["Guillermo"] = ["Memo"],
        ["Manuel"] = ["Meme", "Manolo"],
        ["Salvador"] = ["Chava"],
        ["Santiago"] = ["Chago"],
        ["Gregorio"] = ["Goyo"],
        ["Rafael"] = ["Rafa"],
        ["Gustavo"] = ["Tavo"],
        ["Rodolfo"] = ["Fito"],
        ["Fernando"] = ["Nando"],
        ["Luis"] = ["Güicho"],
        ["Guadalupe"] = ["Lupita", "Lupe"],
        ["Graciela"] = ["Chela"],
        ["Rosario"] = ["Chayo"],
        ["Concepción"] = ["Conchita", "Concha"],
        ["Josefina"] = ["Chepina", "Fina"],
        ["Teresa"] = ["Tere"],
        ["Alicia"] = ["Licha"],
        ["Margarita"] = ["Mago", "Maggie"],
        ["Alejandra"] = ["Ale"],
        ["Patricia"] = ["Paty"],
        ["Leticia"] = ["Lety"],
        ["Verónica"] = ["Vero"],
        ["Gabriela"] = ["Gaby"],
        ["Beatriz"] = ["Bety"],
    };

    public static readonly string[] MaleNicknames =
    [
        "El Güero", "El Flaco", "El Chino", "El Gordo", "El Mudo", "El Compa", "El Pelón", "El Tigre", "El Primo",
        "El Ingeniero", "El Contador", "El Chapulín", "El Cuervo", "El Tejano", "El Charro", "El Zurdo", "El Piojo",
        "El Greñas", "El Cuñado", "El Niño", "El Pariente", "El Muñeco",
    ];

    public static readonly string[] FemaleNicknames =
    [
        "La Flaca", "La Güera", "La Jefa", "La Chata", "La Morena", "La Güerita", "La Prieta", "La Señora", "La Chiquis",
        "La Tía", "La Peque",
    ];

    /// <summary>How a given name is often written on US paperwork: José → Joe, Jesús → Jesse.</summary>
    public static readonly IReadOnlyDictionary<string, string> Anglicised = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["José"] = "Joe",
        ["Jesús"] = "Jesse",
        ["Francisco"] = "Frank",
        ["Guillermo"] = "William",
        ["Roberto"] = "Robert",
        ["Miguel"] = "Mike",
        ["Juan"] = "John",
        ["Alejandro"] = "Alex",
        ["Eduardo"] = "Eddie",
        ["Ricardo"] = "Richard",
        ["Antonio"] = "Tony",
        ["Pedro"] = "Peter",
        ["María"] = "Mary",
        ["Margarita"] = "Margaret",
        ["Patricia"] = "Pat",
        ["Elena"] = "Helen",
    };

    /// <summary>Spellings that vary between records of one surname: Vázquez and Vásquez, González and Gonzales.</summary>
    public static readonly IReadOnlyDictionary<string, string> SpellingVariants = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Vázquez"] = "Vásquez",
        ["González"] = "Gonzales",
        ["Hernández"] = "Hernándes",
        ["Ramírez"] = "Ramires",
        ["Rodríguez"] = "Rodrígues",
        ["Velázquez"] = "Velásquez",
        ["Espinoza"] = "Espinosa",
        ["Valdez"] = "Valdés",
        ["Juárez"] = "Juares",
        ["Jiménez"] = "Giménez",
        ["Ortiz"] = "Ortíz",
        ["Quiñónez"] = "Quiñones",
        ["Zúñiga"] = "Zúniga",
        ["Muñoz"] = "Munoz",
    };
}
