// Package unicode: classifying runes by Unicode category and mapping
// their case. deft's implementation; the bodyless functions are
// implemented by the runtime (crates/runtime/src/library/unicode.rs) from
// tables generated from gc's unicode package, so the answers are gc's.
// Range tables (unicode.Latin, In, Is) are not available.
package unicode

const (
	MaxRune         = '\U0010FFFF' // the largest code point
	ReplacementChar = '\uFFFD'     // stands for an invalid code point
	MaxASCII        = '\u007F'     // the largest ASCII code point
	MaxLatin1       = '\u00FF'     // the largest Latin-1 code point
)

// Cases, for To.
const (
	UpperCase = 0
	LowerCase = 1
	TitleCase = 2
	MaxCase   = 3
)

// Version: the Unicode version the tables come from.
const Version = "17.0.0"

// Category predicates: L (letter), Lu, Ll, Lt, Nd, N, P, M, S, Cc.
func IsUpper(r rune) bool
func IsLower(r rune) bool
func IsTitle(r rune) bool
func IsLetter(r rune) bool
func IsDigit(r rune) bool
func IsNumber(r rune) bool
func IsPunct(r rune) bool
func IsControl(r rune) bool
func IsMark(r rune) bool
func IsSymbol(r rune) bool

// IsSpace: the Latin-1 spaces '\t', '\n', '\v', '\f', '\r', ' ', U+0085,
// U+00A0, and beyond Latin-1 the White_Space property.
func IsSpace(r rune) bool

// IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII
// space (but no other space).
func IsPrint(r rune) bool

// IsGraphic: like IsPrint, but with every Zs space.
func IsGraphic(r rune) bool

// Simple (one rune to one rune) case mappings; a rune without a mapping
// maps to itself.
func ToUpper(r rune) rune
func ToLower(r rune) rune
func ToTitle(r rune) rune

func to(_case int, r rune) rune

// To maps r to the case _case (UpperCase, LowerCase or TitleCase); for any
// other _case the result is ReplacementChar.
func To(_case int, r rune) rune {
	if _case < 0 || _case >= MaxCase {
		return ReplacementChar
	}
	return to(_case, r)
}

// RangeTable: a set of code points: a Unicode category (Lu, Letter, ...),
// script (Latin, Han, ...) or property (White_Space, ...), all declared
// in tables.go. deft keeps the sets in the runtime, so a RangeTable
// cannot be built from ranges in Go code.
type RangeTable struct {
	id int
}

func inTable(id int, r rune) bool

// Is: whether r is in the set rangeTab.
func Is(rangeTab *RangeTable, r rune) bool { return inTable(rangeTab.id, r) }

// In: whether r is in any of the sets.
func In(r rune, ranges ...*RangeTable) bool {
	for _, t := range ranges {
		if inTable(t.id, r) {
			return true
		}
	}
	return false
}

// IsOneOf: In with the sets as a slice.
func IsOneOf(ranges []*RangeTable, r rune) bool { return In(r, ranges...) }

// SimpleFold: the next rune after r (cyclically, in increasing order) of
// the runes equal to r under simple case folding; r itself when there is
// none, or r is not a valid code point.
func SimpleFold(r rune) rune
