//! `deft test -json`: a test binary's output converted to the go
//! command's JSON event stream, byte for byte as `go test -json` writes it
//! (the encoding `go doc test2json` documents: one object a line, fields
//! `Time`, `Action`, `Package`, `Test`, `Elapsed`, `Output`, `OutputType`,
//! `FailedBuild` in that order, empty ones left out).
//!
//! The binary runs with `-test.v=test2json` (see lib/testing): framing
//! lines (`=== RUN`, `--- FAIL: X (0.00s)`, `PASS`) start with ^V, an
//! error's lines are wrapped in ^O ... ^N, and those bytes in a test's
//! own output are escaped with ^[. The converter reads that stream:
//!
//! * input is cut into lines by an input buffer of 4096 bytes (a longer
//!   line is passed on in parts; a ^V inside a line starts a new one; a
//!   benchmark result line is passed on up to its first tab at once, so
//!   that its name shows before its figures);
//! * a framing line becomes an event (`run`, `pause`, `cont`, and, held
//!   until the next framing line so that nested results come in order,
//!   `pass`/`fail`/`skip` with the elapsed time) plus its text as
//!   `output` of type `frame`; `=== NAME` only says whose output follows;
//!   other lines are `output` of the current test, attributed by their
//!   indentation under nested results;
//! * output text goes through an output buffer of 1024 bytes, so that a
//!   long line becomes several events, split at UTF-8 boundaries; ^O, ^N
//!   and ^[ are removed there, the error's text getting type `error` (and
//!   `error-continue` for its next lines);
//! * at the end the package's event: `pass`, `fail` (with `FailedBuild`
//!   when the build failed) or `skip` (`[no test files]`), with the time
//!   since the start.
//!
//! Timestamps are RFC 3339 with nanoseconds, in UTC (gc writes local
//! time: the same instant, in another zone when it is not UTC).

use std::io::Write;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

const MARK_FRAMING: u8 = 0x16;
const MARK_ERR_BEGIN: u8 = 0x0f;
const MARK_ERR_END: u8 = 0x0e;
const MARK_ESCAPE: u8 = 0x1b;

/// Framing lines that report progress (`=== RUN   TestX`).
const UPDATES: &[&[u8]] = &[
    b"=== RUN   ",
    b"=== PAUSE ",
    b"=== CONT  ",
    b"=== NAME  ",
    b"=== PASS  ",
    b"=== FAIL  ",
    b"=== SKIP  ",
    b"=== ATTR  ",
    b"=== ARTIFACTS ",
];

/// Framing lines that report a result, indented once per level.
const REPORTS: &[&[u8]] = &[b"--- PASS: ", b"--- FAIL: ", b"--- SKIP: ", b"--- BENCH: "];

/// One event (only the fields the go command fills for test output).
#[derive(Clone, Debug, Default)]
struct Event {
    action: String,
    test: String,
    elapsed: Option<f64>,
    output: Option<Vec<u8>>,
    output_type: &'static str,
    failed_build: String,
}

/// A line buffer: cuts what is written into whole lines (up to its
/// capacity) and parts of longer ones.
struct LineBuffer {
    b: Vec<u8>,
    cap: usize,
    /// In the middle of a line passed on in parts.
    mid: bool,
    /// The last byte scanned was ^[.
    escaped: bool,
}

/// A piece cut by a [`LineBuffer`]: a whole line, or part of one.
enum Piece {
    Line(Vec<u8>),
    Part(Vec<u8>),
}

impl LineBuffer {
    fn new(cap: usize) -> LineBuffer {
        LineBuffer { b: Vec::with_capacity(cap), cap, mid: false, escaped: false }
    }

    /// Takes `data`; returns the pieces it completes, in order.
    fn write(&mut self, mut data: &[u8]) -> Vec<Piece> {
        let mut out = Vec::new();
        while !data.is_empty() {
            let m = (self.cap - self.b.len()).min(data.len());
            self.b.extend_from_slice(&data[..m]);
            data = &data[m..];
            let mut i = 0;
            while i < self.b.len() {
                let Some((j, w)) = self.index_eol(i) else {
                    if !self.mid
                        && let Some(tab) = self.b[i..].iter().position(|&c| c == b'\t')
                        && is_benchmark_name(trim_right_spaces(&self.b[i..i + tab]))
                    {
                        out.push(Piece::Part(self.b[i..i + tab + 1].to_vec()));
                        self.mid = true;
                        i += tab + 1;
                    }
                    break;
                };
                let e = i + j + w;
                let piece = self.b[i..e].to_vec();
                out.push(if self.mid { Piece::Part(piece) } else { Piece::Line(piece) });
                self.mid = false;
                i = e;
            }
            if i == 0 && self.b.len() == self.cap {
                // A line longer than the buffer: pass on what fits.
                let t = trim_utf8(&self.b);
                out.push(Piece::Part(self.b[..t].to_vec()));
                self.b.drain(..t);
                self.mid = true;
            }
            if i > 0 {
                self.b.drain(..i);
            }
        }
        out
    }

    /// Where the line starting at `from` ends: its length and the width
    /// of its end (1 for `\n`, 0 before a ^V that starts another line).
    fn index_eol(&mut self, from: usize) -> Option<(usize, usize)> {
        for (i, &c) in self.b[from..].iter().enumerate() {
            if c == b'\n' {
                return Some((i, 1));
            }
            if self.escaped {
                self.escaped = false;
                continue;
            }
            if c == MARK_ESCAPE {
                self.escaped = true;
                continue;
            }
            if c == MARK_FRAMING && i > 0 {
                return Some((i, 0));
            }
        }
        None
    }

    /// What is left, as a part of a line.
    fn flush(&mut self) -> Option<Vec<u8>> {
        if self.b.is_empty() {
            return None;
        }
        Some(std::mem::take(&mut self.b))
    }
}

fn trim_right_spaces(b: &[u8]) -> &[u8] {
    let n = b.iter().rposition(|&c| c != b' ').map_or(0, |i| i + 1);
    &b[..n]
}

/// `Benchmark` followed by nothing or by a rune that is not lower case.
fn is_benchmark_name(b: &[u8]) -> bool {
    let Some(rest) = b.strip_prefix(b"Benchmark") else { return false };
    match String::from_utf8_lossy(rest).chars().next() {
        None => true,
        Some(c) => !c.is_lowercase(),
    }
}

/// The longest prefix of `b` that does not end inside a UTF-8 sequence
/// that may yet be completed.
fn trim_utf8(b: &[u8]) -> usize {
    for i in 1..4.min(b.len() + 1) {
        let c = b[b.len() - i];
        if c & 0xc0 != 0x80 {
            let needed = match c {
                c if c & 0xe0 == 0xc0 => 2,
                c if c & 0xf0 == 0xe0 => 3,
                c if c & 0xf8 == 0xf0 => 4,
                _ => 0,
            };
            if i < needed {
                return b.len() - i;
            }
            break;
        }
    }
    b.len()
}

/// The converter of one package's test output.
pub struct Converter<W: Write> {
    w: W,
    pkg: String,
    start: Instant,
    test_name: String,
    /// Pending result events, one per nesting level.
    report: Vec<Event>,
    result: Option<&'static str>,
    input: LineBuffer,
    output: LineBuffer,
    /// Framing lines must start with ^V (the last one did).
    mark_framing: bool,
    /// Inside an error (after ^O, before ^N).
    mark_err_end: bool,
    /// The next byte of output is escaped.
    mark_escape: bool,
    /// The output being written is a framing line.
    is_framing: bool,
    failed_build: String,
}

impl<W: Write> Converter<W> {
    /// A converter writing the events of package `pkg` to `w`; writes the
    /// `start` event.
    pub fn new(w: W, pkg: &str) -> Converter<W> {
        let mut c = Converter {
            w,
            pkg: pkg.to_string(),
            start: Instant::now(),
            test_name: String::new(),
            report: Vec::new(),
            result: None,
            input: LineBuffer::new(4096),
            output: LineBuffer::new(1024),
            mark_framing: false,
            mark_err_end: false,
            mark_escape: false,
            is_framing: false,
            failed_build: String::new(),
        };
        c.write_event(Event { action: "start".into(), ..Event::default() });
        c
    }

    /// Converts `data`, more of the test's output.
    pub fn write(&mut self, data: &[u8]) {
        for piece in self.input.write(data) {
            match piece {
                Piece::Line(line) => self.handle_input_line(&line),
                Piece::Part(part) => self.write_output(&part),
            }
        }
    }

    /// Records how the test binary ended: `ok` whether it succeeded.
    pub fn exited(&mut self, ok: bool) {
        if !ok {
            self.result = Some("fail");
        } else if self.result != Some("skip") {
            self.result = Some("pass");
        }
    }

    /// The package whose build failed (`FailedBuild` of the final event).
    pub fn set_failed_build(&mut self, desc: &str) {
        self.failed_build = desc.to_string();
    }

    /// Flushes what is pending and writes the package's final event.
    pub fn close(mut self) -> W {
        if let Some(rest) = self.input.flush() {
            self.write_output(&rest);
        }
        self.flush_output();
        if let Some(result) = self.result {
            let elapsed = (self.start.elapsed().as_secs_f64() * 1000.0).round() / 1000.0;
            let failed_build = if result == "fail" { std::mem::take(&mut self.failed_build) } else { String::new() };
            self.write_event(Event { action: result.into(), elapsed: Some(elapsed), failed_build, ..Event::default() });
        }
        let _ = self.w.flush();
        self.w
    }

    fn write_output(&mut self, data: &[u8]) {
        for piece in self.output.write(data) {
            let (Piece::Line(p) | Piece::Part(p)) = piece;
            self.write_output_event(p);
        }
    }

    fn flush_output(&mut self) {
        if let Some(rest) = self.output.flush() {
            self.write_output_event(rest);
        }
    }

    fn write_framing(&mut self, line: &[u8]) {
        self.is_framing = true;
        self.write_output(line);
        self.is_framing = false;
    }

    /// Handles one whole line of the test's output.
    fn handle_input_line(&mut self, line: &[u8]) {
        if line.is_empty() {
            return;
        }
        let mut line = line;
        let mut saw_marker = false;
        if self.mark_framing && line[0] != MARK_FRAMING {
            self.write_output(line);
            return;
        }
        if line[0] == MARK_FRAMING {
            self.flush_output();
            saw_marker = true;
            line = &line[1..];
        }
        let mut trim = line.strip_suffix(b"\n").unwrap_or(line);
        trim = trim.strip_suffix(b"\r").unwrap_or(trim);
        // `=== NAME` of the root test may have lost its trailing spaces.
        if trim == b"=== NAME" {
            line = b"=== NAME  \n";
            trim = &line[..line.len() - 1];
        }
        // The final PASS or FAIL.
        if trim == b"PASS" || trim == b"FAIL" || trim.starts_with(b"FAIL\t") {
            self.flush_report(0);
            self.test_name.clear();
            self.mark_framing = saw_marker;
            self.write_framing(line);
            self.result = Some(if trim == b"PASS" { "pass" } else { "fail" });
            return;
        }
        if line.starts_with(b"?   \t") && trim.ends_with(b"\t[no test files]") && self.report.is_empty() {
            self.result = Some("skip");
        }
        let orig = line;
        let mut indent = 0;
        let mut ok = UPDATES.iter().any(|m| line.starts_with(m));
        if !ok {
            while let Some(rest) = line.strip_prefix(b"    ") {
                line = rest;
                indent += 1;
            }
            ok = REPORTS.iter().any(|m| line.starts_with(m));
        }
        if !ok {
            // Output, of the test its indentation says.
            if indent > 0 && indent <= self.report.len() {
                self.test_name = self.report[indent - 1].test.clone();
            }
            self.write_output(orig);
            return;
        }
        let text = String::from_utf8_lossy(&line[4..]).into_owned();
        let (action, name) = text.split_once(' ').unwrap_or((&text, ""));
        let action = action.trim_end_matches(':').to_lowercase();
        let mut name = name.trim().to_string();
        let mut event = Event { action: action.clone(), ..Event::default() };
        if line[0] == b'-' {
            if let Some(i) = name.find(" (") {
                if name.ends_with("s)")
                    && let Ok(t) = name[i + 2..name.len() - 2].parse::<f64>()
                {
                    event.elapsed = Some(t);
                }
                name.truncate(i);
            }
            if self.report.len() < indent {
                self.write_output(orig);
                return;
            }
            self.mark_framing = saw_marker;
            self.flush_report(indent);
            event.test = name.clone();
            self.test_name = name;
            self.report.push(event);
            self.write_framing(orig);
            return;
        }
        if action == "artifacts" || action == "attr" {
            // Only the test's name is kept (deft's testing prints neither).
            name = name.split(' ').next().unwrap_or_default().to_string();
        }
        self.mark_framing = saw_marker;
        self.flush_report(0);
        self.test_name = name;
        if action == "name" {
            return;
        }
        if action == "pause" {
            self.write_framing(orig);
        }
        self.write_event(event);
        if action != "pause" {
            self.write_framing(orig);
        }
    }

    /// Writes the pending result events of levels `depth` and deeper.
    fn flush_report(&mut self, depth: usize) {
        self.test_name.clear();
        while self.report.len() > depth {
            let Some(e) = self.report.pop() else { break };
            self.write_event(e);
        }
    }

    /// Writes output events for `out`, split where errors begin and end.
    fn write_output_event(&mut self, mut out: Vec<u8>) {
        let mut typ: &'static str = if self.is_framing {
            "frame"
        } else if self.mark_err_end {
            "error-continue"
        } else {
            ""
        };
        let mut i = 0usize;
        while i < out.len() {
            if self.mark_escape {
                self.mark_escape = false;
                i += 1;
                continue;
            }
            match out[i] {
                MARK_ESCAPE => {
                    out.remove(i);
                    self.mark_escape = true;
                    // The escaped byte is now at i: skip it next time round.
                    continue;
                }
                MARK_ERR_BEGIN => {
                    if i > 0 {
                        let before = out[..i].to_vec();
                        self.write_event(Event {
                            action: "output".into(),
                            output: Some(before),
                            output_type: typ,
                            ..Event::default()
                        });
                    }
                    self.mark_err_end = true;
                    typ = "error";
                    out.drain(..=i);
                    // The byte after the marker is not looked at (as go's).
                    i = 1;
                    continue;
                }
                MARK_ERR_END => {
                    out.remove(i);
                    if i < out.len() && out[i] == b'\n' {
                        i += 1;
                    }
                    let error = out[..i].to_vec();
                    self.write_event(Event {
                        action: "output".into(),
                        output: Some(error),
                        output_type: typ,
                        ..Event::default()
                    });
                    self.mark_err_end = false;
                    typ = "";
                    out.drain(..i);
                    i = 1;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        if !out.is_empty() {
            self.write_event(Event {
                action: "output".into(),
                output: Some(out),
                output_type: typ,
                ..Event::default()
            });
        }
    }

    /// Writes one event, with the package, the time and the current test.
    fn write_event(&mut self, mut e: Event) {
        if e.test.is_empty() {
            e.test = self.test_name.clone();
        }
        let mut js = format!("{{\"Time\":\"{}\",\"Action\":{}", rfc3339_now(), json_string(e.action.as_bytes()));
        if !self.pkg.is_empty() {
            js += &format!(",\"Package\":{}", json_string(self.pkg.as_bytes()));
        }
        if !e.test.is_empty() {
            js += &format!(",\"Test\":{}", json_string(e.test.as_bytes()));
        }
        if let Some(t) = e.elapsed {
            js += &format!(",\"Elapsed\":{t}");
        }
        if let Some(out) = &e.output {
            js += &format!(",\"Output\":{}", json_string(out));
        }
        if !e.output_type.is_empty() {
            js += &format!(",\"OutputType\":{}", json_string(e.output_type.as_bytes()));
        }
        if !e.failed_build.is_empty() {
            js += &format!(",\"FailedBuild\":{}", json_string(e.failed_build.as_bytes()));
        }
        js += "}\n";
        let _ = self.w.write_all(js.as_bytes());
    }
}

/// The go command's event for a line of build output of package `desc`
/// (`example.com/p [example.com/p.test]`), or with `None` the event
/// saying its build failed; these carry no time.
pub fn build_event(desc: &str, output: Option<&[u8]>) -> String {
    match output {
        Some(out) => format!(
            "{{\"ImportPath\":{},\"Action\":\"build-output\",\"Output\":{}}}\n",
            json_string(desc.as_bytes()),
            json_string(out)
        ),
        None => format!("{{\"ImportPath\":{},\"Action\":\"build-fail\"}}\n", json_string(desc.as_bytes())),
    }
}

/// `s` as encoding/json writes a string: `<`, `>`, `&`, U+2028 and
/// U+2029 escaped too, invalid UTF-8 replaced by U+FFFD.
fn json_string(s: &[u8]) -> String {
    let mut out = String::from("\"");
    for chunk in s.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '"' => out += "\\\"",
                '\\' => out += "\\\\",
                '\n' => out += "\\n",
                '\r' => out += "\\r",
                '\t' => out += "\\t",
                '\u{8}' => out += "\\b",
                '\u{c}' => out += "\\f",
                '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => out += &format!("\\u{:04x}", c as u32),
                c if (c as u32) < 0x20 => out += &format!("\\u{:04x}", c as u32),
                c => out.push(c),
            }
        }
        for _ in chunk.invalid() {
            out.push('\u{fffd}');
        }
    }
    out.push('"');
    out
}

/// The time now as RFC 3339 with nanoseconds (trailing zeros dropped), UTC.
fn rfc3339_now() -> String {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    let secs = now.as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86400), secs.rem_euclid(86400));
    let (y, m, d) = civil_from_days(days);
    let mut frac = format!("{:09}", now.subsec_nanos());
    while frac.ends_with('0') {
        frac.pop();
    }
    let frac = if frac.is_empty() { String::new() } else { format!(".{frac}") };
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{frac}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// The civil date of day `z` after 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The events of `input`, without their times.
    fn convert(input: &[u8], ok: bool) -> String {
        let mut c = Converter::new(Vec::new(), "p");
        c.write(input);
        c.exited(ok);
        let out = String::from_utf8(c.close()).unwrap();
        out.lines()
            .map(|l| {
                let rest = &l[l.find("\"Action\"").unwrap()..];
                format!("{{{rest}")
            })
            .map(|l| match l.find(",\"Elapsed\":") {
                Some(i) if !l.contains("\"Test\"") => format!("{}}}", &l[..i]),
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn events() {
        let input = b"\x16=== RUN   TestA\n    a_test.go:9: hi\x1b\x16\n\x16=== RUN   TestA/sub\n\x0f    a_test.go:12: bad\n        more\x0e\n\x16--- FAIL: TestA/sub (0.00s)\n\x16=== NAME  TestA\n\x16--- FAIL: TestA (0.01s)\n\x16=== NAME  \n\x16FAIL\n";
        let want = [
            r#"{"Action":"start","Package":"p"}"#,
            r#"{"Action":"run","Package":"p","Test":"TestA"}"#,
            r#"{"Action":"output","Package":"p","Test":"TestA","Output":"=== RUN   TestA\n","OutputType":"frame"}"#,
            r#"{"Action":"output","Package":"p","Test":"TestA","Output":"    a_test.go:9: hi\u0016\n"}"#,
            r#"{"Action":"run","Package":"p","Test":"TestA/sub"}"#,
            r#"{"Action":"output","Package":"p","Test":"TestA/sub","Output":"=== RUN   TestA/sub\n","OutputType":"frame"}"#,
            r#"{"Action":"output","Package":"p","Test":"TestA/sub","Output":"    a_test.go:12: bad\n","OutputType":"error"}"#,
            r#"{"Action":"output","Package":"p","Test":"TestA/sub","Output":"        more\n","OutputType":"error-continue"}"#,
            r#"{"Action":"output","Package":"p","Test":"TestA/sub","Output":"--- FAIL: TestA/sub (0.00s)\n","OutputType":"frame"}"#,
            r#"{"Action":"fail","Package":"p","Test":"TestA/sub","Elapsed":0}"#,
            r#"{"Action":"output","Package":"p","Test":"TestA","Output":"--- FAIL: TestA (0.01s)\n","OutputType":"frame"}"#,
            r#"{"Action":"fail","Package":"p","Test":"TestA","Elapsed":0.01}"#,
            r#"{"Action":"output","Package":"p","Output":"FAIL\n","OutputType":"frame"}"#,
            r#"{"Action":"fail","Package":"p"}"#,
        ];
        assert_eq!(convert(input, false), want.join("\n"));
    }

    #[test]
    fn no_test_files() {
        let want = [
            r#"{"Action":"start","Package":"p"}"#,
            r#"{"Action":"output","Package":"p","Output":"?   \tp\t[no test files]\n"}"#,
            r#"{"Action":"skip","Package":"p"}"#,
        ];
        assert_eq!(convert(b"?   \tp\t[no test files]\n", true), want.join("\n"));
    }

    #[test]
    fn strings() {
        assert_eq!(
            json_string(b"a<&>\x01\x7f\xff\t\x08\"\\"),
            "\"a\\u003c\\u0026\\u003e\\u0001\x7f\u{fffd}\\t\\b\\\"\\\\\""
        );
        assert_eq!(json_string("\u{2028}é".as_bytes()), "\"\\u2028é\"");
    }

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_794), (2026, 12, 7));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }
}
