//! `time.Local` follows `TZ` as gc's does on Linux (the golden corpus runs
//! with the machine's environment, so it can only test the default).
//!
//! The zone is a TZif file this test writes itself, so that the test does
//! not depend on the system's zone database: version 2, three zone types
//! (LMT +01:14, TST -03, TDT -02 daylight), three transitions, and the
//! footer rule `TST3TDT,M3.2.0,M11.1.0` for the instants after them. The
//! expectations are gc 1.27.3's output for the same program and file
//! (copied here; the golden corpus's `stdlib/time_zones.go` compares with
//! gc directly).

use std::path::Path;
use std::process::Command;

const PROGRAM: &str = r#"package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println(time.Local, time.Now().Location())
	for _, sec := range []int64{-2e9, 0, 1e9 + 1, 1.05e9, 2e9, 2.02e9} {
		t := time.Unix(sec, 0)
		name, off := t.Zone()
		fmt.Println(t, name, off, t.IsDST())
	}
	fmt.Println(time.Date(2040, 3, 11, 2, 30, 0, 0, time.Local), time.Date(2040, 11, 4, 1, 30, 0, 0, time.Local))
}
"#;

/// The TZif file described at the top.
fn zone_file() -> Vec<u8> {
    let header = |n_time: u32| {
        let mut h = b"TZif2".to_vec();
        h.extend([0; 15]);
        for count in [0, 0, 0, n_time, 3, 12] {
            h.extend(u32::to_be_bytes(count));
        }
        h
    };
    let times: [i64; 3] = [-1_000_000_000, 1_000_000_000, 1_100_000_000];
    let rest = |f: &mut Vec<u8>| {
        f.extend([1, 2, 1]); // the transitions' zone types
        for (offset, dst, abbr) in [(4440i32, 0u8, 0u8), (-10800, 0, 4), (-7200, 1, 8)] {
            f.extend(offset.to_be_bytes());
            f.extend([dst, abbr]);
        }
        f.extend(b"LMT\0TST\0TDT\0");
    };
    let mut f = header(3);
    for t in times {
        f.extend((t as i32).to_be_bytes());
    }
    rest(&mut f);
    f.extend(header(3));
    for t in times {
        f.extend(t.to_be_bytes());
    }
    rest(&mut f);
    f.extend(b"\nTST3TDT,M3.2.0,M11.1.0\n");
    f
}

/// Runs `PROGRAM` with `TZ` set to `tz` (the string `ZONE` in it replaced
/// by the zone file's path); its standard output.
fn run_with_tz(dir: &Path, tz: &str) -> String {
    let zone = dir.join("zone");
    let tz = tz.replace("ZONE", zone.to_str().expect("utf-8 temp dir"));
    let out = Command::new(env!("CARGO_BIN_EXE_deft"))
        .args(["run", "prog.go"])
        .current_dir(dir)
        .env("TZ", &tz)
        .output()
        .expect("run deft");
    assert_eq!(out.status.code(), Some(0), "TZ={tz}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn local_follows_tz() {
    let dir = std::env::temp_dir().join(format!("deft-local-zone-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("prog.go"), PROGRAM).expect("write prog.go");
    std::fs::write(dir.join("zone"), zone_file()).expect("write zone");
    let zone = dir.join("zone");
    let zone = zone.to_str().expect("utf-8 temp dir");

    let in_zone = format!(
        "{zone} {zone}
1906-08-16 21:40:40 +0114 LMT LMT 4440 false
1969-12-31 21:00:00 -0300 TST TST -10800 false
2001-09-08 23:46:41 -0200 TDT TDT -7200 true
2003-04-10 16:40:00 -0200 TDT TDT -7200 true
2033-05-18 01:33:20 -0200 TDT TDT -7200 true
2034-01-04 12:06:40 -0300 TST TST -10800 false
2040-03-11 01:30:00 -0300 TST 2040-11-04 01:30:00 -0200 TDT
"
    );
    let utc = "UTC UTC
1906-08-16 20:26:40 +0000 UTC UTC 0 false
1970-01-01 00:00:00 +0000 UTC UTC 0 false
2001-09-09 01:46:41 +0000 UTC UTC 0 false
2003-04-10 18:40:00 +0000 UTC UTC 0 false
2033-05-18 03:33:20 +0000 UTC UTC 0 false
2034-01-04 15:06:40 +0000 UTC UTC 0 false
2040-03-11 02:30:00 +0000 UTC 2040-11-04 01:30:00 +0000 UTC
";
    let results: Vec<(&str, String)> =
        [":ZONE", "ZONE", "", ":", "UTC", "No/Such_Zone", ":/no/such/file", "ZONE.missing"]
            .into_iter()
            .map(|tz| (tz, run_with_tz(&dir, tz)))
            .collect();
    let _ = std::fs::remove_dir_all(&dir);
    for (tz, stdout) in results {
        let want = if tz.starts_with(":ZONE") || tz == "ZONE" { in_zone.as_str() } else { utc };
        assert_eq!(stdout, want, "TZ={tz}");
    }
}
