// run

// time.Time prints as gc prints it (String, GoString, Format with the
// standard layouts and every token), from the calendar of UTC and fixed
// zones: the zero Time, Date with out-of-range values, Unix, Truncate,
// Round, AddDate, ISOWeek, Sub saturating, Month and Weekday names.
package main

import (
	"fmt"
	"time"
)

type Event struct {
	Name string
	At   time.Time
}

func main() {
	fmt.Println(time.Time{})
	var z time.Time
	fmt.Println(z.IsZero(), z.Year(), z.Month(), z.Day(), z.Weekday(), z.YearDay())
	fmt.Printf("%v|%s|%#v\n", z, z, z)
	fmt.Println(Event{"e", z})
	fmt.Printf("%+v\n", Event{"e", z})
	t := time.Date(2023, time.March, 14, 15, 9, 26, 535897932, time.UTC)
	fmt.Println(t, t.Unix(), t.UnixNano(), t.Weekday(), t.YearDay())
	fmt.Printf("%#v\n", t)
	for _, l := range []string{time.ANSIC, time.UnixDate, time.RubyDate, time.RFC822, time.RFC822Z, time.RFC850, time.RFC1123, time.RFC1123Z, time.RFC3339, time.RFC3339Nano, time.Kitchen, time.Stamp, time.StampMilli, time.StampMicro, time.StampNano, time.Layout, "2006-01-02 __2 002 _2 3 03 pm PM .000 ,999 Z07 -07 -07:00:00 Z070000 Jan January Mon Monday 06 _2006"} {
		fmt.Println(t.Format(l))
	}
	est := time.FixedZone("EST", -5*3600)
	fmt.Println(t.In(est), t.In(est).Format(time.RFC3339), t.In(time.FixedZone("", 5*3600+1800)))
	u := time.Unix(1700000000, 5).UTC()
	fmt.Println(u, u.Truncate(time.Hour), u.Round(24*time.Hour), u.Round(7*time.Second))
	fmt.Println(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC).AddDate(1, 0, 0))
	fmt.Println(time.Date(2020, 14, 35, 25, 61, 61, 1e9+1, time.UTC))
	fmt.Println(time.Date(-5, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(12345, 1, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(time.Month(13), time.Weekday(7), time.Month(-1))
	fmt.Printf("%v %d %s %v\n", time.December, time.December, time.Saturday, []time.Weekday{0, 3})
	fmt.Println(t.ISOWeek())
	fmt.Println(time.Date(2021, 1, 3, 0, 0, 0, 0, time.UTC).ISOWeek())
	fmt.Println(t.Sub(z), z.Sub(t), t.Sub(u))
	fmt.Println(time.Duration(90*time.Minute).Hours(), (1500 * time.Millisecond).Round(time.Second), (-1500 * time.Millisecond).Round(time.Second), (1500 * time.Millisecond).Truncate(time.Second))
	fmt.Println(time.UTC, est, z.Location(), t.Location())
	fmt.Println(t.Zone())
	fmt.Println(time.Unix(-1, 0).UTC(), time.UnixMilli(-1).UTC())
	fmt.Println(t.Equal(t.In(est)), t == t.In(est))
}
