namespace Perimeter.Features.Demo;

/// <summary>Common US names, most common first (after the census tables); Hispanic surnames live in <see cref="HispanicNames"/>.</summary>
internal static class EnglishNames
{
    // Non-Hispanic US surnames in the order of the 2010 census counts. The census has some 160,000 surnames and these
    // are only the head, so the curve is flattened to carry the tail's share: Smith takes about 1.8% of English surnames
    // (about 1% in the census), Johnson 1.7%, the tenth 1.3%, and the last on the list 0.2%.
    public static readonly WeightedTable<string> Surnames = WeightedTable<string>.Zipf(
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Thomas",
        "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis",
        "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill", "Green", "Adams",
        "Nelson", "Baker", "Hall", "Campbell", "Mitchell", "Carter", "Roberts", "Phillips", "Evans", "Turner",
        "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper",
        "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Cox", "Ward", "Richardson", "Watson", "Brooks",
        "Wood", "James", "Bennett", "Gray", "Hughes", "Price", "Sanders", "Myers", "Long", "Ross",
        "Foster", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson",
        "Barnes", "Fisher", "Simmons", "Patterson", "Jordan", "Reynolds", "Hamilton", "Graham", "Wallace", "Cole",
        "West", "Stevens", "Hayes", "Ellis", "Gibson", "Marshall", "Murray", "Ford", "Owens", "McDonald",
        "Harrison", "Kennedy", "Wells", "Griffin", "Woods", "Washington", "Hunt", "Hicks", "Palmer", "Black",
        "Robertson", "Stone", "Dixon", "Warren", "Mills", "Meyer", "Rice", "Schmidt", "Grant", "Shaw",
        "Ferguson", "Hunter", "Tucker", "Olson", "Simpson", "Gordon", "Boyd", "Snyder", "Porter", "Hart",
        "Burns", "Crawford", "Mason", "Henry", "Holmes", "Hudson", "Freeman", "Wagner", "Webb", "Nichols",
        "Dunn", "Matthews", "Spencer", "Gardner", "Payne", "Pierce", "Berry", "Arnold", "Willis", "Watkins",
        "Carroll", "Duncan", "Cunningham", "Bradley", "Lane", "Andrews", "Harper", "Fox", "Riley", "Armstrong",
        "Carpenter", "Weaver", "Greene", "Lawrence", "Elliott", "Chapman", "Knight", "Lynch", "Bishop", "Hoffman",
        "Carlson", "Burke", "Franklin", "Hansen", "Daniels", "Howell", "Hawkins", "Johnston", "Austin", "Peters",
        "Stephens", "Newman", "Harvey", "Gilbert", "Jacobs", "Walsh", "Bryant", "Baldwin", "Douglas", "Kelley",
        "Wheeler", "Chambers", "Bates", "McCoy", "McCarthy", "O'Brien", "O'Connor", "Fitzgerald", "MacDonald", "Van Buren",
    ], exponent: 1.0, offset: 25);

    // First names in the order of the 1990 census, without the Hispanic ones (Jose, Juan, Maria), which come from
    // HispanicNames; James and Mary are each drawn for about 4% of men and of women.
    public static readonly WeightedTable<string> MaleGivenNames = WeightedTable<string>.Zipf(
    [
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Charles", "Joseph", "Thomas",
        "Christopher", "Daniel", "Paul", "Mark", "Donald", "George", "Kenneth", "Steven", "Edward", "Brian",
        "Ronald", "Anthony", "Kevin", "Jason", "Matthew", "Gary", "Timothy", "Larry", "Jeffrey", "Frank",
        "Scott", "Eric", "Stephen", "Andrew", "Raymond", "Gregory", "Joshua", "Jerry", "Dennis", "Walter",
        "Patrick", "Peter", "Harold", "Douglas", "Henry", "Carl", "Arthur", "Ryan", "Roger", "Jack",
        "Albert", "Jonathan", "Justin", "Gerald", "Keith", "Samuel", "Ralph", "Lawrence", "Nicholas", "Roy",
        "Benjamin", "Bruce", "Brandon", "Adam", "Harry", "Wayne", "Louis", "Jeremy", "Aaron", "Randy",
        "Howard", "Eugene", "Russell", "Victor", "Phillip", "Todd", "Craig", "Alan", "Shawn", "Sean",
        "Earl", "Bryan", "Stanley", "Leonard", "Nathan", "Rodney", "Curtis", "Travis", "Kyle", "Cody",
        "Dustin", "Tyler", "Austin", "Zachary", "Jacob",
    ], exponent: 1.0, offset: 10);

    public static readonly WeightedTable<string> FemaleGivenNames = WeightedTable<string>.Zipf(
    [
        "Mary", "Patricia", "Linda", "Barbara", "Elizabeth", "Jennifer", "Susan", "Margaret", "Dorothy", "Lisa",
        "Nancy", "Karen", "Betty", "Helen", "Sandra", "Donna", "Carol", "Ruth", "Sharon", "Michelle",
        "Laura", "Sarah", "Kimberly", "Deborah", "Jessica", "Shirley", "Cynthia", "Angela", "Melissa", "Brenda",
        "Amy", "Anna", "Rebecca", "Virginia", "Kathleen", "Pamela", "Martha", "Debra", "Amanda", "Stephanie",
        "Carolyn", "Christine", "Janet", "Catherine", "Frances", "Joyce", "Diane", "Alice", "Julie", "Heather",
        "Teresa", "Doris", "Gloria", "Evelyn", "Cheryl", "Katherine", "Joan", "Ashley", "Judith", "Janice",
        "Kelly", "Nicole", "Judy", "Christina", "Theresa", "Beverly", "Denise", "Tammy", "Irene", "Jane",
        "Lori", "Rachel", "Marilyn", "Andrea", "Kathryn", "Louise", "Sara", "Jacqueline", "Wanda", "Bonnie",
        "Julia", "Tina", "Paula", "Emily", "Crystal", "Dawn", "Tracy", "Tiffany", "Wendy", "Amber",
        "Brittany", "Megan", "Danielle", "Samantha", "Kristen",
    ], exponent: 1.0, offset: 10);

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
        ["David"] = ["Dave"],
        ["Donald"] = ["Don", "Donnie"],
        ["Ronald"] = ["Ron", "Ronnie"],
        ["Edward"] = ["Ed", "Eddie"],
        ["Gregory"] = ["Greg"],
        ["Jeffrey"] = ["Jeff"],
        ["Matthew"] = ["Matt"],
        ["Andrew"] = ["Andy", "Drew"],
        ["Nicholas"] = ["Nick"],
        ["Samuel"] = ["Sam"],
        ["Benjamin"] = ["Ben"],
        ["Margaret"] = ["Peggy", "Maggie"],
        ["Susan"] = ["Sue", "Susie"],
        ["Deborah"] = ["Debbie", "Deb"],
        ["Katherine"] = ["Kathy", "Kate"],
        ["Cynthia"] = ["Cindy"],
        ["Pamela"] = ["Pam"],
        ["Jessica"] = ["Jess"],
        ["Amanda"] = ["Mandy"],
    };

    public static readonly string[] Nicknames = ["Red", "Tex", "Smokey", "Big Mike", "Cowboy", "Ghost", "Shorty", "Slim", "Doc"];

    // Pairings that name a famous or notorious real person; a drawn name equal to one of these is drawn again.
    public static readonly HashSet<string> Famous = new(
        ["James Brown", "James Taylor", "Michael Moore", "John Williams", "Paul Allen", "Mark Martin", "Elizabeth Taylor",
         "Robert Johnson", "Michael Johnson", "John Lewis", "Steven Taylor", "Kenneth Lee", "Michael Jackson", "Janet Jackson",
         "Andrew Jackson", "Andrew Johnson", "Michael Jordan", "George Washington", "Stephen King", "Larry King", "Henry Ford",
         "Gerald Ford", "Betty Ford", "John Kennedy", "Robert Kennedy", "George Harrison", "Elizabeth Warren", "John Adams",
         "Amy Adams", "Jessica Simpson", "Jennifer Lawrence", "Sharon Stone", "Roger Stone", "Michael Douglas",
         "Karen Carpenter", "John Carpenter", "Jennifer Hudson", "Paul Walker", "James Carter", "Mark Chapman",
         "Scott Peterson", "Robert Kelly", "Eric Harris", "James Holmes", "James Jones", "Benjamin Franklin", "Jerry Lewis",
         "Carl Lewis", "Alice Cooper", "Martha Stewart", "James Stewart", "Matthew Perry", "Tyler Perry", "Betty White",
         "Walter White", "Kevin Hart", "Patrick Henry", "Steven Martin", "Louis Armstrong", "Angela Davis", "Julia Roberts",
         "Michael Scott", "Bruce Willis", "Dennis Rodman", "George Wallace", "John Glenn"],
        StringComparer.Ordinal);
}
