namespace Perimeter.Features.Demo;

/// <summary>
/// Mexican and Central American names, most common first so that a Zipf draw makes Hernández common and Ibáñez rare.
/// Combinations that spell a notorious real person's name are left out on purpose: the demo must point at nobody.
/// </summary>
internal static class HispanicNames
{
    public static readonly WeightedTable<string> Surnames = WeightedTable<string>.Zipf(
    [
        "Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Cruz",
        "Flores", "Gómez", "Morales", "Vázquez", "Reyes", "Jiménez", "Torres", "Díaz", "Gutiérrez", "Ruiz",
        "Mendoza", "Aguilar", "Ortiz", "Moreno", "Castillo", "Romero", "Álvarez", "Méndez", "Chávez", "Rivera",
        "Juárez", "Ramos", "Domínguez", "Herrera", "Medina", "Castro", "Vargas", "Guzmán", "Velázquez", "Muñoz",
        "Rojas", "Contreras", "Salazar", "Luna", "Ortega", "Guerrero", "Estrada", "Bautista", "Cortés", "Soto",
        "Alvarado", "Espinoza", "Lara", "Ávila", "Ríos", "Cervantes", "Silva", "Delgado", "Vega", "Márquez",
        "Sandoval", "de la Cruz", "León", "Mejía", "Solís", "Rosas", "Valdez", "Núñez", "Campos", "Santiago",
        "Navarro", "Peña", "de León", "Zúñiga", "Ochoa", "Orozco", "Cárdenas", "Villanueva", "Trujillo", "del Río",
        "Montes", "Zamora", "Olvera", "Meza", "Ibáñez", "Acuña", "Beltrán", "Garza", "Cantú", "Villarreal",
        "de la Torre", "Quiñónez", "Ponce de León", "Saldaña", "Yáñez", "Báez", "Muñiz", "Ordóñez", "Patiño", "Cañedo",
    ]);

    public static readonly WeightedTable<string> MaleGivenNames = WeightedTable<string>.Zipf(
    [
        "José", "Juan", "Luis", "Carlos", "Jesús", "Francisco", "Jorge", "Alejandro", "Miguel", "Pedro",
        "Manuel", "Antonio", "Ricardo", "Fernando", "Roberto", "Javier", "Eduardo", "Arturo", "Raúl", "Sergio",
        "Martín", "Rafael", "Daniel", "Héctor", "Óscar", "Gerardo", "Ramón", "Andrés", "Rubén", "Ignacio",
        "Guillermo", "Alberto", "Enrique", "Efraín", "Rogelio", "Julián", "Ángel", "Adrián", "Saúl", "Noé",
        "Néstor", "Alfredo", "Refugio", "Hugo", "Abel", "Isidro", "Eleazar", "Benjamín", "Máximo", "Teodoro",
    ]);

    public static readonly WeightedTable<string> FemaleGivenNames = WeightedTable<string>.Zipf(
    [
        "María", "Guadalupe", "Juana", "Margarita", "Verónica", "Rosa", "Leticia", "Alejandra", "Patricia", "Gabriela",
        "Adriana", "Yolanda", "Araceli", "Mónica", "Sofía", "Ximena", "Lucía", "Daniela", "Fernanda", "Beatriz",
        "Inés", "Raquel", "Citlali", "Itzel", "Brenda", "Graciela", "Rosario", "Concepción", "Marisol", "Yesenia",
        "Maribel", "Dulce", "Nayeli", "Rocío", "Elena", "Andrea", "Karla", "Liliana", "Sandra", "Begoña",
    ]);

    // Double given names are common in Mexico; several start with José or María, which the CURP passes over.
    public static readonly WeightedTable<string> MaleCompoundGivenNames = WeightedTable<string>.Zipf(
    [
        "José Luis", "Juan Carlos", "José Antonio", "Miguel Ángel", "José Manuel", "Juan Manuel", "José María",
        "Luis Fernando", "José Guadalupe", "Juan de Dios", "José Ángel", "Jesús Manuel", "Francisco Javier",
        "Juan Pablo", "José de Jesús", "Luis Enrique", "José Refugio", "Carlos Alberto",
    ]);

    public static readonly WeightedTable<string> FemaleCompoundGivenNames = WeightedTable<string>.Zipf(
    [
        "María Guadalupe", "María del Carmen", "María Fernanda", "Ana María", "María José", "María de los Ángeles",
        "Rosa María", "María Elena", "María de Jesús", "Juana Inés", "María Isabel", "Ana Sofía", "María del Rocío",
        "Martha Patricia", "María Concepción",
    ]);

    /// <summary>Hypocorisms people are known by: Jesús is Chuy, Francisco is Pancho.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Hypocorisms = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Jesús"] = ["Chuy", "Chucho"],
        ["Francisco"] = ["Pancho", "Paco"],
        ["José"] = ["Pepe", "Chepe"],
        ["Eduardo"] = ["Lalo"],
        ["Roberto"] = ["Beto"],
        ["Alberto"] = ["Beto"],
        ["Ignacio"] = ["Nacho"],
        ["Enrique"] = ["Kike"],
        ["Alfredo"] = ["Fredy"],
        ["Refugio"] = ["Cuco"],
        ["Guillermo"] = ["Memo"],
        ["Manuel"] = ["Meme", "Manolo"],
        ["Guadalupe"] = ["Lupita", "Lupe"],
        ["Graciela"] = ["Chela"],
        ["Rosario"] = ["Chayo"],
        ["Concepción"] = ["Conchita", "Concha"],
        ["Margarita"] = ["Maggie"],
        ["Alejandra"] = ["Ale"],
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
