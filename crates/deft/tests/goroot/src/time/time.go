// A stand-in for a Go distribution's package time: only declarations that
// the test in ../../../../unsupported.rs asks about. Not Go's source.

package time

type Time struct {
	sec int64
}

type Month int

func Parse(layout, value string) (Time, error)

func (t Time) MarshalJSON() ([]byte, error)

func (t *Time) UnmarshalText(data []byte) error
