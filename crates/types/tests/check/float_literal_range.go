package p

// Exponents are read as gc reads them (big.Float): a value too small
// becomes 0, an exponent beyond 2^31 or a value too large is malformed.
const a = 1e-1000000000
const b = 6e-5518446744
const c = 1e-99999999999999999999
const d = 0x1p-99999999999
const e = 1e-700000000
const f = 0x1p-4000000000
const g = 1e-1000000000i
const h = 1e+1000000000

var _ [1]int = [a + 1]int{}
