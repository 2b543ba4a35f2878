package trace

// Log is every step, in order.
var Log = []string{"trace.Log"}

func init() { Log = append(Log, "trace.init") }

// Add records a step and returns its number.
func Add(s string) int {
	Log = append(Log, s)
	return len(Log) - 1
}
