package counter

// N counts Bump calls; Inits counts init calls.
var N, Inits int

func init() { Inits++ }

func Bump() { N++ }

func Addr() *int { return &N }
