using System.Buffers;
using System.Diagnostics;

namespace Perimeter.Matching.Phonetics;

/// <summary>Double Metaphone codes for English spellings, primary and alternate: "smith" → ("SM0", "XMT").</summary>
/// <remarks>
/// Written from Lawrence Philips' description of the algorithm ("The Double Metaphone Search Algorithm", C/C++ Users
/// Journal, June 2000), with two changes for screening: codes are full length (the usual 4-character cap makes
/// Hernández = Hernán), and the rules that look across a space ("van ", "san ", "mac caffrey") are left out, since we
/// encode one folded token at a time. Reading past the end of the token sees a space, as in the published padding,
/// so end-of-word rules ("jose" → H, "-ier" → J) still apply. Code letters: '0' is the th sound, 'X' the sh sound,
/// 'A' a leading vowel. The alternate equals the primary when the spelling has only one reading.
/// </remarks>
public static class DoubleMetaphone
{
    // Both codes of tokens up to 32 letters fit here (a letter writes at most two code letters); longer ones rent.
    private const int StackLimit = 128;

    /// <summary>The primary and alternate codes of one folded token: "schmidt" → ("XMT", "SMT"), "jose" → ("HS", "HS").</summary>
    public static (string Primary, string Alternate) Encode(ReadOnlySpan<char> folded)
    {
        var capacity = MaxCodeLength(folded.Length);
        char[]? rented = null;
        var buffer = 2 * capacity <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(2 * capacity));
        var primary = buffer[..capacity];
        var alternate = buffer.Slice(capacity, capacity);
        var (primaryLength, alternateLength) = Encode(folded, primary, alternate);
        var first = new string(primary[..primaryLength]);
        var second = alternate[..alternateLength].SequenceEqual(primary[..primaryLength])
            ? first
            : new string(alternate[..alternateLength]);
        if (rented is not null)
            ArrayPool<char>.Shared.Return(rented);
        return (first, second);
    }

    /// <summary>How long either code of a token of this length can be: MaxCodeLength(5) = 10.</summary>
    internal static int MaxCodeLength(int tokenLength) => 2 * tokenLength;

    /// <summary>Writes both codes into buffers of <see cref="MaxCodeLength"/> and returns their lengths: "knight" → ("NT", "NT"), (2, 2).</summary>
    internal static (int Primary, int Alternate) Encode(ReadOnlySpan<char> folded, Span<char> primary, Span<char> alternate)
    {
        Debug.Assert(primary.Length >= MaxCodeLength(folded.Length) && alternate.Length >= MaxCodeLength(folded.Length));
        var encoder = new Encoder(folded, primary, alternate);
        encoder.Run();
        return (encoder.PrimaryLength, encoder.AlternateLength);
    }

    private ref struct Encoder
    {
        private readonly ReadOnlySpan<char> _word;
        private readonly Span<char> _primary;
        private readonly Span<char> _alternate;
        private readonly int _last;
        private readonly bool _slavoGermanic;

        public int PrimaryLength { get; private set; }
        public int AlternateLength { get; private set; }

        public Encoder(ReadOnlySpan<char> word, Span<char> primary, Span<char> alternate)
        {
            _word = word;
            _primary = primary;
            _alternate = alternate;
            _last = word.Length - 1;
            _slavoGermanic = word.Contains('w') || word.Contains('k')
                || word.IndexOf("cz", StringComparison.Ordinal) >= 0
                || word.IndexOf("witz", StringComparison.Ordinal) >= 0;
        }

        public void Run()
        {
            var i = 0;
            if (Is(0, "gn", "kn", "pn", "wr", "ps"))
                i = 1;
            if (Char(0) == 'x')
            {
                // Initial x sounds s (Xavier, Xerxes).
                Add("S");
                i = 1;
            }
            while (i <= _last)
            {
                i = Char(i) switch
                {
                    'a' or 'e' or 'i' or 'o' or 'u' or 'y' => Vowel(i),
                    'b' => Single(i, "P", 'b'),
                    'c' => C(i),
                    'd' => D(i),
                    'f' => Single(i, "F", 'f'),
                    'g' => G(i),
                    'h' => H(i),
                    'j' => J(i),
                    'k' => Single(i, "K", 'k'),
                    'l' => L(i),
                    'm' => M(i),
                    'n' => Single(i, "N", 'n'),
                    'p' => P(i),
                    'q' => Single(i, "K", 'q'),
                    'r' => R(i),
                    's' => S(i),
                    't' => T(i),
                    'v' => Single(i, "F", 'v'),
                    'w' => W(i),
                    'x' => X(i),
                    'z' => Z(i),
                    _ => i + 1,
                };
            }
        }

        // Only a leading vowel is coded, as A.
        private int Vowel(int i)
        {
            if (i == 0)
                Add("A");
            return i + 1;
        }

        // A letter with one sound, doubled or not: bb → P.
        private int Single(int i, string code, char letter)
        {
            Add(code);
            return Char(i + 1) == letter ? i + 2 : i + 1;
        }

        private int C(int i)
        {
            // Germanic -ach- (Bacher, Macher) is k, but not before i or e (Bacharach is the exception that keeps k).
            if (i > 1 && !IsVowel(i - 2) && Is(i - 1, "ach") && Char(i + 2) != 'i'
                && (Char(i + 2) != 'e' || Is(i - 2, "bacher", "macher")))
                return Add("K", i + 2);
            if (i == 0 && Is(i, "caesar"))
                return Add("S", i + 2);
            if (Is(i, "chia"))
                return Add("K", i + 2);    // Italian: Chianti
            if (Is(i, "ch"))
                return Ch(i);
            if (Is(i, "cz") && !Is(i - 2, "wicz"))
                return Add("S", "X", i + 2);    // Czerny
            if (Is(i + 1, "cia"))
                return Add("X", i + 3);    // Focaccia
            if (Is(i, "cc") && !(i == 1 && Char(0) == 'm'))
            {
                // Bellocchio but not Bacchus; accident, succeed read ks.
                if (Is(i + 2, "i", "e", "h") && !Is(i + 2, "hu"))
                {
                    var ks = (i == 1 && Char(0) == 'a') || Is(i - 1, "uccee", "ucces");
                    return Add(ks ? "KS" : "X", i + 3);
                }
                return Add("K", i + 2);
            }
            if (Is(i, "ck", "cg", "cq"))
                return Add("K", i + 2);
            if (Is(i, "ci", "ce", "cy"))
                return Is(i, "cio", "cie", "cia") ? Add("S", "X", i + 2) : Add("S", i + 2);
            Add("K");
            return Is(i + 1, "c", "k", "q") && !Is(i + 1, "ce", "ci") ? i + 2 : i + 1;
        }

        private int Ch(int i)
        {
            if (i > 0 && Is(i, "chae"))
                return Add("K", "X", i + 2);    // Michael
            if (i == 0 && (Is(i + 1, "harac", "haris") || Is(i + 1, "hor", "hym", "hia", "hem")) && !Is(0, "chore"))
                return Add("K", i + 2);    // Greek roots: Chemistry, Chorus
            if (Is(0, "sch") || Is(i - 2, "orches", "archit", "orchid") || Is(i + 2, "t", "s")
                || ((i == 0 || Is(i - 1, "a", "o", "u", "e")) && Is(i + 2, "l", "r", "n", "m", "b", "h", "f", "v", "w", " ")))
                return Add("K", i + 2);    // Germanic and Greek kh: Orchestra, Christ, Lachlan
            if (i == 0)
                return Add("X", i + 2);
            return Is(0, "mc") ? Add("K", i + 2) : Add("X", "K", i + 2);
        }

        private int D(int i)
        {
            if (Is(i, "dg"))
                return Is(i + 2, "i", "e", "y") ? Add("J", i + 3) : Add("TK", i + 2);    // edge, Edgar
            if (Is(i, "dt", "dd"))
                return Add("T", i + 2);
            return Add("T", i + 1);
        }

        private int G(int i)
        {
            if (Char(i + 1) == 'h')
                return Gh(i);
            if (Char(i + 1) == 'n')
            {
                if (i == 1 && IsVowel(0) && !_slavoGermanic)
                    return Add("KN", "N", i + 2);
                if (!Is(i + 2, "ey") && !_slavoGermanic)
                    return Add("N", "KN", i + 2);    // Cagney keeps KN
                return Add("KN", i + 2);
            }
            if (Is(i + 1, "li") && !_slavoGermanic)
                return Add("KL", "L", i + 2);    // Tagliaro
            if (i == 0 && (Char(i + 1) == 'y'
                || Is(i + 1, "es", "ep", "eb", "el", "ey", "ib", "il", "in", "ie", "ei", "er")))
                return Add("K", "J", i + 2);
            if ((Is(i + 1, "er") || Char(i + 1) == 'y') && !Is(0, "danger", "ranger", "manger")
                && !Is(i - 1, "e", "i") && !Is(i - 1, "rgy", "ogy"))
                return Add("K", "J", i + 2);
            if (Is(i + 1, "e", "i", "y") || Is(i - 1, "aggi", "oggi"))
            {
                if (Is(0, "sch") || Is(i + 1, "et"))
                    return Add("K", i + 2);
                return Is(i + 1, "ier ") ? Add("J", i + 2) : Add("J", "K", i + 2);    // French -ier is soft
            }
            Add("K");
            return Char(i + 1) == 'g' ? i + 2 : i + 1;
        }

        private int Gh(int i)
        {
            if (i > 0 && !IsVowel(i - 1))
                return Add("K", i + 2);
            if (i == 0)
                return Add(Char(i + 2) == 'i' ? "J" : "K", i + 2);    // Ghislane, Ghiradelli
            // Silent after b, h, d a few letters back: Hugh, bough, broughton.
            if ((i > 1 && Is(i - 2, "b", "h", "d")) || (i > 2 && Is(i - 3, "b", "h", "d")) || (i > 3 && Is(i - 4, "b", "h")))
                return i + 2;
            if (i > 2 && Char(i - 1) == 'u' && Is(i - 3, "c", "g", "l", "r", "t"))
                return Add("F", i + 2);    // laugh, cough, tough
            if (Char(i - 1) != 'i')
                Add("K");
            return i + 2;
        }

        // h sounds only at the start or between vowels.
        private int H(int i) =>
            (i == 0 || IsVowel(i - 1)) && IsVowel(i + 1) ? Add("H", i + 2) : i + 1;

        private int J(int i)
        {
            if (Is(i, "jose"))
                return i == 0 && Char(i + 4) == ' ' ? Add("H", i + 1) : Add("J", "H", i + 1);
            if (i == 0)
                Add("J", "A");    // Jankelowicz = Yankelovich
            else if (IsVowel(i - 1) && !_slavoGermanic && (Char(i + 1) == 'a' || Char(i + 1) == 'o'))
                Add("J", "H");    // Spanish: bajador
            else if (i == _last)
                Add("J", "");
            else if (!Is(i + 1, "l", "t", "k", "s", "n", "m", "b", "z") && !Is(i - 1, "s", "k", "l"))
                Add("J");
            return Char(i + 1) == 'j' ? i + 2 : i + 1;
        }

        private int L(int i)
        {
            if (Char(i + 1) != 'l')
                return Add("L", i + 1);
            // Spanish -illo, -illa, -alle: Cabrillo, Gallegos have an alternate without l.
            if ((i == _word.Length - 3 && Is(i - 1, "illo", "illa", "alle"))
                || ((Is(_last - 1, "as", "os") || Is(_last, "a", "o")) && Is(i - 1, "alle")))
                return Add("L", "", i + 2);
            return Add("L", i + 2);
        }

        private int M(int i)
        {
            // The b of -umb and -umber is silent: dumb, thumb.
            var skip = (Is(i - 1, "umb") && (i + 1 == _last || Is(i + 2, "er"))) || Char(i + 1) == 'm';
            return Add("M", skip ? i + 2 : i + 1);
        }

        private int P(int i)
        {
            if (Char(i + 1) == 'h')
                return Add("F", i + 2);
            return Add("P", Is(i + 1, "p", "b") ? i + 2 : i + 1);    // Campbell, raspberry
        }

        private int R(int i)
        {
            // French final -ier (Rogier), but not Germanic -meier.
            if (i == _last && !_slavoGermanic && Is(i - 2, "ie") && !Is(i - 4, "me", "ma"))
                Add("", "R");
            else
                Add("R");
            return Char(i + 1) == 'r' ? i + 2 : i + 1;
        }

        private int S(int i)
        {
            if (Is(i - 1, "isl", "ysl"))
                return i + 1;    // island, Carlisle
            if (i == 0 && Is(i, "sugar"))
                return Add("X", "S", i + 1);
            if (Is(i, "sh"))
                return Add(Is(i + 1, "heim", "hoek", "holm", "holz") ? "S" : "X", i + 2);
            if (Is(i, "sio", "sia"))
                return _slavoGermanic ? Add("S", i + 3) : Add("S", "X", i + 3);
            if ((i == 0 && Is(i + 1, "m", "n", "l", "w")) || Is(i + 1, "z"))
                return Add("S", "X", Is(i + 1, "z") ? i + 2 : i + 1);    // Smith = Schmidt, Snider = Schneider
            if (Is(i, "sc"))
                return Sc(i);
            if (i == _last && Is(i - 2, "ai", "oi"))
                Add("", "S");    // French: Resnais, Artois
            else
                Add("S");
            return Is(i + 1, "s", "z") ? i + 2 : i + 1;
        }

        private int Sc(int i)
        {
            if (Char(i + 2) == 'h')
            {
                if (Is(i + 3, "oo", "er", "en", "uy", "ed", "em"))
                    return Is(i + 3, "er", "en") ? Add("X", "SK", i + 3) : Add("SK", i + 3);    // Dutch: school
                return i == 0 && !IsVowel(3) && Char(3) != 'w' ? Add("X", "S", i + 3) : Add("X", i + 3);
            }
            return Is(i + 2, "i", "e", "y") ? Add("S", i + 3) : Add("SK", i + 3);
        }

        private int T(int i)
        {
            if (Is(i, "tion", "tia", "tch"))
                return Add("X", i + 3);
            if (Is(i, "th", "tth"))
                return Is(i + 2, "om", "am") || Is(0, "sch") ? Add("T", i + 2) : Add("0", "T", i + 2);    // Thomas
            return Add("T", Is(i + 1, "t", "d") ? i + 2 : i + 1);
        }

        private int W(int i)
        {
            if (Is(i, "wr"))
                return Add("R", i + 2);
            if (i == 0 && IsVowel(i + 1))
                Add("A", "F");    // Wasserman = Vasserman
            else if (i == 0 && Is(i, "wh"))
                Add("A");
            if ((i == _last && IsVowel(i - 1)) || Is(i - 1, "ewski", "ewsky", "owski", "owsky") || Is(0, "sch"))
                return Add("", "F", i + 1);    // Arnow = Arnoff
            if (Is(i, "wicz", "witz"))
                return Add("TS", "FX", i + 4);    // Filipowicz
            return i + 1;
        }

        private int X(int i)
        {
            // Silent in French endings: Breaux, Giroux.
            if (!(i == _last && (Is(i - 3, "iau", "eau") || Is(i - 2, "au", "ou"))))
                Add("KS");
            return Is(i + 1, "c", "x") ? i + 2 : i + 1;
        }

        private int Z(int i)
        {
            if (Char(i + 1) == 'h')
                return Add("J", i + 2);    // Pinyin: Zhao
            if (Is(i + 1, "zo", "zi", "za") || (_slavoGermanic && i > 0 && Char(i - 1) != 't'))
                Add("S", "TS");
            else
                Add("S");
            return Char(i + 1) == 'z' ? i + 2 : i + 1;
        }

        // Past the end reads as a space, as in the published padding; before the start reads as nothing.
        private readonly char Char(int i) => i < 0 ? '\0' : i < _word.Length ? _word[i] : ' ';

        private readonly bool IsVowel(int i) => i >= 0 && i < _word.Length && Char(i) is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

        // Whether one of the options is spelled at position start.
        private readonly bool Is(int start, params ReadOnlySpan<string> options)
        {
            if (start < 0)
                return false;
            foreach (var option in options)
            {
                var k = 0;
                while (k < option.Length && Char(start + k) == option[k])
                    k++;
                if (k == option.Length)
                    return true;
            }
            return false;
        }

        private void Add(string both) => Add(both, both);

        private void Add(string primary, string alternate)
        {
            primary.CopyTo(_primary[PrimaryLength..]);
            PrimaryLength += primary.Length;
            alternate.CopyTo(_alternate[AlternateLength..]);
            AlternateLength += alternate.Length;
        }

        private int Add(string both, int next)
        {
            Add(both, both);
            return next;
        }

        private int Add(string primary, string alternate, int next)
        {
            Add(primary, alternate);
            return next;
        }
    }
}
