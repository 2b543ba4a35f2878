// Language-specific case mappings (SpecialCase, TurkishCase) and the
// CaseRange form they are written in. Plain Go over the ranges given: a
// SpecialCase falls back to the runtime's standard mappings (ToUpper,
// ToLower, ToTitle) for a rune none of its ranges holds.
package unicode

// UpperLower in a CaseRange's Delta marks a range of alternating upper and
// lower case letters (upper at even offsets from Lo) rather than a delta.
const UpperLower = MaxRune + 1

type d [MaxCase]rune

// CaseRange: the runes Lo..Hi map to their cases by adding Delta's entry
// for the case (or alternate, for UpperLower).
type CaseRange struct {
	Lo    uint32
	Hi    uint32
	Delta d
}

// SpecialCase: language-specific case mappings, ranges sorted by Lo,
// tried before the standard ones.
type SpecialCase []CaseRange

// ToUpper maps r to upper case, special mappings first.
func (special SpecialCase) ToUpper(r rune) rune { return special.apply(UpperCase, r, ToUpper) }

// ToTitle maps r to title case, special mappings first.
func (special SpecialCase) ToTitle(r rune) rune { return special.apply(TitleCase, r, ToTitle) }

// ToLower maps r to lower case, special mappings first.
func (special SpecialCase) ToLower(r rune) rune { return special.apply(LowerCase, r, ToLower) }

// apply maps r to case c by the range of special holding it, else by
// the standard mapping std.
func (special SpecialCase) apply(c int, r rune, std func(rune) rune) rune {
	if m, ok := caseOf(special, c, r); ok {
		return m
	}
	return std(r)
}

// caseOf: r mapped to case c by the range of ranges (sorted) that holds
// it, and whether one does.
func caseOf(ranges []CaseRange, c int, r rune) (rune, bool) {
	lo, hi := 0, len(ranges)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		cr := ranges[mid]
		switch {
		case rune(cr.Hi) < r:
			lo = mid + 1
		case r < rune(cr.Lo):
			hi = mid
		default:
			delta := cr.Delta[c]
			if delta <= MaxRune {
				return r + delta, true
			}
			// Alternating: the even offsets are upper case, the odd ones
			// lower; title case is upper case.
			offset := r - rune(cr.Lo)
			return rune(cr.Lo) + offset - offset%2 + rune(c&1), true
		}
	}
	return r, false
}

// TurkishCase: the dotted and dotless i of Turkish and Azeri.
var TurkishCase SpecialCase = turkish

// AzeriCase is TurkishCase.
var AzeriCase SpecialCase = turkish

var turkish = SpecialCase{
	{0x49, 0x49, d{0, 0x131 - 0x49, 0}},
	{0x69, 0x69, d{0x130 - 0x69, 0, 0x130 - 0x69}},
	{0x130, 0x130, d{0, 0x69 - 0x130, 0}},
	{0x131, 0x131, d{0x49 - 0x131, 0, 0x49 - 0x131}},
}
