namespace Perimeter.Features.Demo;

/// <summary>Common US names, most common first (after the census tables); Hispanic surnames live in <see cref="HispanicNames"/>.</summary>
internal static class EnglishNames
{
    public static readonly WeightedTable<string> Surnames = WeightedTable<string>.Zipf(
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Thomas", "Moore", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams", "Baker",
        "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards",
        "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed",
        "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson", "Brooks",
        "Bennett", "Gray", "Hughes", "Price", "Sanders", "Myers", "Long", "Ross", "Foster", "O'Brien",
    ]);

    public static readonly WeightedTable<string> MaleGivenNames = WeightedTable<string>.Zipf(
    [
        "James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas", "Christopher",
        "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua",
        "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Jason", "Ryan", "Jacob", "Gary",
        "Eric", "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon", "Travis", "Cody", "Dustin",
    ]);

    public static readonly WeightedTable<string> FemaleGivenNames = WeightedTable<string>.Zipf(
    [
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
        "Lisa", "Nancy", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle", "Amanda", "Melissa",
        "Stephanie", "Rebecca", "Laura", "Amber", "Heather", "Crystal", "Brittany", "Tiffany", "Megan", "Rachel",
    ]);

    public static readonly WeightedTable<string> MaleMiddleNames = WeightedTable<string>.Zipf(
        ["Lee", "Wayne", "James", "Michael", "Allen", "Ray", "Edward", "Joseph", "Dale", "Scott", "Alan", "Paul", "Dean", "Eugene"]);

    public static readonly WeightedTable<string> FemaleMiddleNames = WeightedTable<string>.Zipf(
        ["Ann", "Marie", "Lynn", "Elizabeth", "Nicole", "Michelle", "Renee", "Louise", "Rose", "Jean", "Kay", "Dawn", "Sue"]);

    public static readonly IReadOnlyDictionary<string, string[]> Hypocorisms = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["William"] = ["Bill", "Billy", "Will"],
        ["Robert"] = ["Bob", "Bobby", "Rob"],
        ["James"] = ["Jim", "Jimmy"],
        ["Michael"] = ["Mike"],
        ["Richard"] = ["Rick", "Dick"],
        ["Joseph"] = ["Joe"],
        ["Thomas"] = ["Tom", "Tommy"],
        ["Christopher"] = ["Chris"],
        ["Charles"] = ["Charlie", "Chuck"],
        ["Daniel"] = ["Danny"],
        ["Anthony"] = ["Tony"],
        ["Steven"] = ["Steve"],
        ["Kenneth"] = ["Kenny"],
        ["Timothy"] = ["Tim"],
        ["Jennifer"] = ["Jen", "Jenny"],
        ["Elizabeth"] = ["Liz", "Beth"],
        ["Patricia"] = ["Patty", "Trish"],
        ["Kimberly"] = ["Kim"],
        ["Rebecca"] = ["Becky"],
    };

    public static readonly string[] Nicknames = ["Red", "Tex", "Smokey", "Big Mike", "Cowboy", "Ghost", "Shorty", "Slim", "Doc"];

    // Pairings that name a famous real person; a drawn name equal to one of these is drawn again.
    public static readonly HashSet<string> Famous = new(
        ["James Brown", "James Taylor", "Michael Moore", "John Williams", "Paul Allen", "Mark Martin", "Elizabeth Taylor",
         "Robert Johnson", "Michael Johnson", "John Lewis", "Steven Taylor", "Kenneth Lee"],
        StringComparer.Ordinal);
}
