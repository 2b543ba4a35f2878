// run

// Zones of the system's zone database (LoadLocation reads TZif files):
// daylight saving time on both hemispheres, Lord Howe's half-hour DST,
// zones of half and three-quarter hours, offsets with seconds, the far
// past (before the first transition) and far future
// (the file's footer rule), Date on clock times that a transition skips
// or repeats, ZoneBounds, IsDST, In, AddDate across a transition,
// FixedZone, and LoadLocation's errors.
package main

import (
	"fmt"
	"time"
)

func load(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func show(t time.Time) {
	name, off := t.Zone()
	fmt.Println(" ", t, "|", t.Format(time.RFC3339), name, off, t.IsDST(), t.Weekday(), t.YearDay())
}

func bounds(t time.Time) {
	s, e := t.ZoneBounds()
	fmt.Println("  bounds", s, "|", e)
}

func main() {
	zones := []string{
		"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata",
		"America/St_Johns", "Pacific/Chatham", "Australia/Sydney", "America/Sao_Paulo",
		"Etc/GMT+3", "Asia/Tokyo", "UTC",
	}
	instants := []int64{
		-8e9,        // 1716: before the first transition
		-2e9,        // 1906
		0,           // 1970
		1e9,         // 2001
		1710054000,  // 2024-03-10 07:00 UTC, New York's spring-forward
		1730613600,  // 2024-11-03 06:00 UTC, New York's fall-back
		1743901200,  // 2025-04-06 01:00 UTC
		4102444800,  // 2100-01-01 00:00 UTC: the footer rule
		4118000000,  // 2100-06-30
		13e9,        // 2381
		253402300799, // 9999-12-31 23:59:59 UTC
	}
	for _, name := range zones {
		loc := load(name)
		fmt.Println(loc)
		for _, sec := range instants {
			show(time.Unix(sec, 0).In(loc))
		}
	}

	// ZoneBounds: before the first transition, between two, and in the
	// footer's years (whose standard-time bounds are the UTC year's, as gc
	// computes them).
	ny, berlin, lh := load("America/New_York"), load("Europe/Berlin"), load("Australia/Lord_Howe")
	for _, t := range []time.Time{
		time.Date(1800, 1, 1, 0, 0, 0, 0, ny), time.Date(1990, 7, 1, 0, 0, 0, 0, ny),
		time.Date(1990, 12, 1, 0, 0, 0, 0, berlin), time.Date(1995, 12, 1, 0, 0, 0, 0, lh),
		time.Date(2100, 2, 1, 0, 0, 0, 0, ny), time.Date(2100, 7, 1, 0, 0, 0, 0, ny),
		time.Date(2100, 12, 1, 0, 0, 0, 0, ny), time.Date(2100, 1, 1, 0, 0, 0, 0, lh),
		time.Date(2100, 6, 1, 0, 0, 0, 0, lh), time.Date(2100, 12, 1, 0, 0, 0, 0, lh),
	} {
		fmt.Println(t)
		bounds(t)
	}

	// Date on clock times around transitions: skipped (spring) and
	// repeated (autumn) hours, and in the footer's years.
	for _, c := range []struct {
		loc  *time.Location
		y, m int
		d, h int
	}{
		{ny, 2024, 3, 10, 1}, {ny, 2024, 3, 10, 2}, {ny, 2024, 3, 10, 3},
		{ny, 2024, 11, 3, 0}, {ny, 2024, 11, 3, 1}, {ny, 2024, 11, 3, 2},
		{ny, 2150, 3, 8, 2}, {ny, 2150, 11, 1, 1},
		{berlin, 2024, 3, 31, 2}, {berlin, 2024, 10, 27, 2}, {berlin, 1945, 5, 24, 2},
		{lh, 2024, 10, 6, 2}, {lh, 2024, 4, 7, 1}, {lh, 2200, 10, 5, 2}, {lh, 2200, 4, 6, 1},
	} {
		for _, min := range []int{0, 15, 30, 45} {
			t := time.Date(c.y, time.Month(c.m), c.d, c.h, min, 0, 0, c.loc)
			fmt.Println(c.y, c.m, c.d, c.h, min, "->", t, t.Unix())
		}
	}

	// Arithmetic keeps the Location; AddDate keeps the clock time across
	// a transition, Add keeps the elapsed time.
	t := time.Date(2024, 3, 9, 12, 0, 0, 0, ny)
	fmt.Println(t.AddDate(0, 0, 1), t.Add(24*time.Hour), t.AddDate(0, 0, 1).Sub(t))
	fmt.Println(t.In(berlin), t.In(lh), t.In(berlin).Equal(t), t.In(berlin) == t)
	fmt.Println(t.Truncate(time.Hour), t.Round(24*time.Hour))
	fmt.Printf("%#v\n", t)
	fmt.Println(t.Format("Mon Jan _2 15:04:05 MST 2006 Z07:00 -0700"))

	k := load("Asia/Kolkata")
	for _, sec := range []int64{-3e9, -1e9, 0, 2e9} {
		u := time.Unix(sec, 0).In(k)
		fmt.Println(u, u.Format("-07:00:00 Z070000"))
	}

	f := time.FixedZone("", 3600)
	fmt.Println(f, f == time.FixedZone("", 3600), time.FixedZone("X", 1800) == time.FixedZone("X", 1800))
	fmt.Println(time.Unix(0, 0).In(f), time.Unix(0, 0).In(time.FixedZone("", -5400)), time.Unix(0, 0).In(time.FixedZone("", 15*3600)))
	// An offset with seconds (local mean time): the sign is that of the
	// whole minutes, the seconds keep theirs.
	for _, off := range []int{-52, 52, -3652, 19800 + 59} {
		u := time.Unix(0, 0).In(time.FixedZone("", off))
		fmt.Println(u, u.Format("MST Z07 Z0700 Z070000 Z07:00:00 -07 -0700 -070000 -07:00:00"))
	}

	for _, n := range []string{"Nope/Nowhere", "America", "America/New_York/x", "../zoneinfo/UTC", "/etc/localtime", "\\x", "a..b", "Etc/../UTC"} {
		l, err := time.LoadLocation(n)
		fmt.Printf("%q %v %v\n", n, l, err)
	}
	l, err := time.LoadLocationFromTZData("bad", []byte("TZif"))
	fmt.Println(l, err)
}
