// run

// time.Local as the test machines have it: TZ unset and /etc/localtime
// naming Etc/UTC, so Local is named "Local" and its zone is UTC (gc reads
// /etc/localtime; a time zone file, not a fallback). Times from Now and
// Unix are Local; String, Format, the calendar, Zone, GoString, Date in
// Local, LoadLocation("Local") and ("UTC"), and Now's monotonic suffix.
// Other zones: time_zones.go.
package main

import (
	"fmt"
	"strings"
	"time"
)

func main() {
	fmt.Println(time.Now().Location().String(), time.Local, time.Now().Location() == time.Local)
	fmt.Println(time.Unix(0, 0))
	t := time.Unix(1700000000, 123456789)
	fmt.Println(t, t.Location(), t.Year(), t.Month(), t.Day(), t.Hour(), t.Weekday(), t.YearDay())
	fmt.Println(t.Format(time.RFC1123), t.Format(time.RFC3339Nano), t.Format(time.Kitchen))
	name, off := t.Zone()
	fmt.Println(name, off, t.IsDST())
	fmt.Printf("%v|%s|%#v\n", t, t, t)
	start, end := t.ZoneBounds()
	fmt.Println(start.IsZero(), end.IsZero())
	for _, sec := range []int64{-1e11, -2e9, 1e9, 4e9, 1e11} {
		fmt.Println(time.Unix(sec, 0), time.UnixMilli(sec*1000+7))
	}
	d := time.Date(2024, time.March, 10, 2, 30, 0, 0, time.Local)
	fmt.Println(d, d.Unix(), d.Location(), d.UTC(), d.Equal(d.UTC()), d == d.UTC())
	fmt.Println(d.AddDate(0, 8, 0), d.Local(), t.In(time.UTC).Local() == t.Round(0))

	l, err := time.LoadLocation("Local")
	fmt.Println(l, err, l == time.Local)
	u, err := time.LoadLocation("UTC")
	fmt.Println(u, err, u == time.UTC)
	u, err = time.LoadLocation("")
	fmt.Println(u, err, u == time.UTC)

	now := time.Now()
	s := now.String()
	fmt.Println(strings.Contains(s, " m=+"), strings.Contains(now.Round(0).String(), "m="))
	fmt.Println(strings.HasSuffix(s[:strings.Index(s, " m=")], " +0000 UTC"))
}
