// Package log: a simple logger writing lines with an optional prefix,
// date, time and source position. deft's implementation.
package log

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"
)

// Header flags.
const (
	Ldate         = 1 << iota // 2009/01/23
	Ltime                     // 01:23:23
	Lmicroseconds             // 01:23:23.123123 (with Ltime)
	Llongfile                 // /a/b/c/d.go:23
	Lshortfile                // d.go:23 (overrides Llongfile)
	LUTC                      // date and time in UTC
	Lmsgprefix                // the prefix before the message, not the header
	LstdFlags     = Ldate | Ltime
)

// Logger writes whole lines to its output. It may be used by several
// goroutines at once: its settings and each line's writing are under mu.
type Logger struct {
	mu     sync.Mutex
	prefix string
	flag   int
	out    io.Writer
}

var std = New(os.Stderr, "", LstdFlags)

// New makes a logger writing to out with the given prefix and flags.
func New(out io.Writer, prefix string, flag int) *Logger {
	return &Logger{prefix: prefix, flag: flag, out: out}
}

// Default: the logger behind the package-level functions.
func Default() *Logger { return std }

// Output writes s as one line, with the header; calldepth counts the
// frames between the caller to report and Output (1: Output's caller).
func (l *Logger) Output(calldepth int, s string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	line := l.header(calldepth + 1)
	if l.flag&Lmsgprefix != 0 {
		line += l.prefix
	}
	line += s
	if len(s) == 0 || s[len(s)-1] != '\n' {
		line += "\n"
	}
	_, err := l.out.Write([]byte(line))
	return err
}

func (l *Logger) header(calldepth int) string {
	h := ""
	if l.flag&Lmsgprefix == 0 {
		h = l.prefix
	}
	if l.flag&(Ldate|Ltime|Lmicroseconds) != 0 {
		ns := time.Now().UnixNano()
		secs := ns / 1e9
		days, rem := secs/86400, secs%86400
		if l.flag&Ldate != 0 {
			y, m, d := civil(days)
			h += pad(y, 4) + "/" + pad(m, 2) + "/" + pad(d, 2) + " "
		}
		if l.flag&(Ltime|Lmicroseconds) != 0 {
			h += pad(int(rem/3600), 2) + ":" + pad(int(rem/60%60), 2) + ":" + pad(int(rem%60), 2)
			if l.flag&Lmicroseconds != 0 {
				h += "." + pad(int(ns%1e9/1e3), 6)
			}
			h += " "
		}
	}
	if l.flag&(Lshortfile|Llongfile) != 0 {
		_, file, line, ok := runtime.Caller(calldepth)
		if !ok {
			file, line = "???", 0
		}
		if l.flag&Lshortfile != 0 {
			for i := len(file) - 1; i > 0; i-- {
				if file[i] == '/' {
					file = file[i+1:]
					break
				}
			}
		}
		h += file + ":" + fmt.Sprint(line) + ": "
	}
	return h
}

// civil: the year, month and day of a count of days since 1970-01-01
// (proleptic Gregorian calendar, in 400-year eras).
func civil(days int64) (year, month, day int) {
	z := days + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	y := yoe + era*400
	if m <= 2 {
		y++
	}
	return int(y), int(m), int(d)
}

func pad(v, width int) string {
	s := fmt.Sprint(v)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// Printf logs a line formatted as fmt.Sprintf.
func (l *Logger) Printf(format string, v ...any) { l.Output(2, fmt.Sprintf(format, v...)) }

// Print logs a line formatted as fmt.Sprint.
func (l *Logger) Print(v ...any) { l.Output(2, fmt.Sprint(v...)) }

// Println logs a line formatted as fmt.Sprintln.
func (l *Logger) Println(v ...any) { l.Output(2, fmt.Sprintln(v...)) }

// Fatal is Print, then os.Exit(1).
func (l *Logger) Fatal(v ...any) {
	l.Output(2, fmt.Sprint(v...))
	os.Exit(1)
}

// Fatalf is Printf, then os.Exit(1).
func (l *Logger) Fatalf(format string, v ...any) {
	l.Output(2, fmt.Sprintf(format, v...))
	os.Exit(1)
}

// Fatalln is Println, then os.Exit(1).
func (l *Logger) Fatalln(v ...any) {
	l.Output(2, fmt.Sprintln(v...))
	os.Exit(1)
}

// Panic is Print, then panic with the message.
func (l *Logger) Panic(v ...any) {
	s := fmt.Sprint(v...)
	l.Output(2, s)
	panic(s)
}

// Panicf is Printf, then panic with the message.
func (l *Logger) Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	l.Output(2, s)
	panic(s)
}

// Panicln is Println, then panic with the message.
func (l *Logger) Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	l.Output(2, s)
	panic(s)
}

// Flags: the logger's header flags.
func (l *Logger) Flags() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.flag
}

// SetFlags sets the header flags.
func (l *Logger) SetFlags(flag int) {
	l.mu.Lock()
	l.flag = flag
	l.mu.Unlock()
}

// Prefix: the logger's prefix.
func (l *Logger) Prefix() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.prefix
}

// SetPrefix sets the prefix.
func (l *Logger) SetPrefix(prefix string) {
	l.mu.Lock()
	l.prefix = prefix
	l.mu.Unlock()
}

// Writer: the logger's output.
func (l *Logger) Writer() io.Writer {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.out
}

// SetOutput sets the output.
func (l *Logger) SetOutput(w io.Writer) {
	l.mu.Lock()
	l.out = w
	l.mu.Unlock()
}

// SetOutput sets the standard logger's output.
func SetOutput(w io.Writer) { std.SetOutput(w) }

// Flags: the standard logger's flags.
func Flags() int { return std.Flags() }

// SetFlags sets the standard logger's flags.
func SetFlags(flag int) { std.SetFlags(flag) }

// Prefix: the standard logger's prefix.
func Prefix() string { return std.Prefix() }

// SetPrefix sets the standard logger's prefix.
func SetPrefix(prefix string) { std.SetPrefix(prefix) }

// Writer: the standard logger's output.
func Writer() io.Writer { return std.Writer() }

// Print logs with the standard logger, as fmt.Sprint.
func Print(v ...any) { std.Output(2, fmt.Sprint(v...)) }

// Printf logs with the standard logger, as fmt.Sprintf.
func Printf(format string, v ...any) { std.Output(2, fmt.Sprintf(format, v...)) }

// Println logs with the standard logger, as fmt.Sprintln.
func Println(v ...any) { std.Output(2, fmt.Sprintln(v...)) }

// Fatal is Print, then os.Exit(1).
func Fatal(v ...any) {
	std.Output(2, fmt.Sprint(v...))
	os.Exit(1)
}

// Fatalf is Printf, then os.Exit(1).
func Fatalf(format string, v ...any) {
	std.Output(2, fmt.Sprintf(format, v...))
	os.Exit(1)
}

// Fatalln is Println, then os.Exit(1).
func Fatalln(v ...any) {
	std.Output(2, fmt.Sprintln(v...))
	os.Exit(1)
}

// Panic is Print, then panic with the message.
func Panic(v ...any) {
	s := fmt.Sprint(v...)
	std.Output(2, s)
	panic(s)
}

// Panicf is Printf, then panic with the message.
func Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	std.Output(2, s)
	panic(s)
}

// Panicln is Println, then panic with the message.
func Panicln(v ...any) {
	s := fmt.Sprintln(v...)
	std.Output(2, s)
	panic(s)
}

// Output writes s with the standard logger (see Logger.Output).
func Output(calldepth int, s string) error { return std.Output(calldepth+1, s) }
