// A stand-in for a Go distribution's package time: only declarations that
// the test in ../../../../unsupported.rs asks about. Not Go's source.

package time

type Time struct {
	sec int64
}

type Month int

func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time

func (t Time) Format(layout string) string

func (t *Time) UnmarshalText(data []byte) error
