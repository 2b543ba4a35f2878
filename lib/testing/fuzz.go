package testing

// Fuzz targets, run as go test runs them without -fuzz: each FuzzXxx
// matching -test.run is a test of its own, and its F.Fuzz calls the fuzz
// function once per entry of the seed corpus, as a subtest: the values of
// each F.Add (`FuzzXxx/seed#0`, ...), then those of the files of
// testdata/fuzz/FuzzXxx (`FuzzXxx/FILE`). No input is generated.
//
// gc calls the fuzz function by reflection; deft's generated main gives
// each target a caller per fuzz function literal its body passes to
// F.Fuzz (crates/deft/src/testmain.rs), which F.Fuzz finds by asserting
// the function's type. The corpus files come in the main as text, in
// go test's encoding (`go test fuzz v1`, then a value a line:
// `string("a")`, `int(-3)`, `[]byte("\x00")`, `rune('x')`,
// `math.Float64frombits(0x7ff8000000000001)`).

import (
	"fmt"
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// InternalFuzzTarget is a fuzz target of the test binary, with what deft
// needs to run its seed corpus.
type InternalFuzzTarget struct {
	Name    string
	Fn      func(f *F)
	Callers []InternalFuzzCaller
	Corpus  []InternalFuzzFile
}

// InternalFuzzCaller calls fuzz functions of one type: Types are its
// fuzzed parameters' types as %T prints them; Matches says whether a
// function is of the type; Call calls one with t and a corpus entry.
type InternalFuzzCaller struct {
	Types   []string
	Matches func(ff any) bool
	Call    func(ff any, t *T, args []any)
}

// InternalFuzzFile is a file of a fuzz target's seed corpus.
type InternalFuzzFile struct {
	Name string
	Data string
}

// F is the state of a fuzz target, given to Fuzz functions.
type F struct {
	common
	tstate     *testState
	target     *InternalFuzzTarget
	corpus     []corpusEntry
	fuzzCalled bool
}

var _ TB = (*F)(nil)

// corpusEntry: the values of one call of the fuzz function; Path names
// it (`seed#0`, or the corpus file's path).
type corpusEntry struct {
	Path   string
	Values []any
}

// Add adds a seed corpus entry: the values of one call of the fuzz
// function (after its *T).
func (f *F) Add(args ...any) {
	var values []any
	for _, arg := range args {
		if fuzzType(arg) == "" {
			panic(fmt.Sprintf("testing: unsupported type to Add %T", arg))
		}
		values = append(values, arg)
	}
	f.corpus = append(f.corpus, corpusEntry{Path: fmt.Sprintf("seed#%d", len(f.corpus)), Values: values})
}

// fuzzType: v's type as %T prints it if fuzzing allows it, else "".
func fuzzType(v any) string {
	switch v.(type) {
	case []byte, string, bool, float32, float64, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return fmt.Sprintf("%T", v)
	}
	return ""
}

// Fuzz runs ff, a func(*T, ...) of fuzzable parameters, on every entry
// of the seed corpus, each as a subtest.
func (f *F) Fuzz(ff any) {
	if f.fuzzCalled {
		panic("testing: F.Fuzz called more than once")
	}
	f.fuzzCalled = true
	if f.failed {
		return
	}
	f.Helper()
	var caller *InternalFuzzCaller
	for i := range f.target.Callers {
		if f.target.Callers[i].Matches(ff) {
			caller = &f.target.Callers[i]
			break
		}
	}
	if caller == nil {
		f.Fatalf("deft does not support fuzz function %T yet (F.Fuzz runs a function literal of fuzzable parameter types)", ff)
	}
	for _, c := range f.corpus {
		if err := checkCorpus(c.Values, caller.Types); err != nil {
			f.Fatal(err)
		}
	}
	var errs []string
	for _, file := range f.target.Corpus {
		path := "testdata/fuzz/" + f.target.Name + "/" + file.Name
		values, err := unmarshalCorpus(file.Data)
		if err == nil {
			err = checkCorpus(values, caller.Types)
		} else {
			err = fmt.Errorf("unmarshal: %v", err)
		}
		if err != nil {
			errs = append(errs, fmt.Sprintf("%q: %v", path, err))
			continue
		}
		f.corpus = append(f.corpus, corpusEntry{Path: path, Values: values})
	}
	if len(errs) > 0 {
		f.Fatal(strings.Join(errs, "\n"))
	}
	for _, e := range f.corpus {
		base := e.Path[strings.LastIndex(e.Path, "/")+1:]
		name := f.name + "/" + base
		if _, ok, _ := f.tstate.match.fullName(nil, name); ok {
			f.runEntry(name, caller, ff, e)
		}
	}
}

// runEntry runs ff on entry e as subtest name of f, as T.Run runs a
// subtest; it reports whether it passed.
func (f *F) runEntry(name string, caller *InternalFuzzCaller, ff any, e corpusEntry) bool {
	if shouldFailFast() {
		return true
	}
	var pc [50]uintptr
	n := runtime.Callers(2, pc[:])
	t := &T{
		common: common{
			barrier: make(chan bool),
			signal:  make(chan bool, 1),
			name:    name,
			parent:  &f.common,
			level:   f.level + 1,
			creator: pc[:n],
			chatty:  f.chatty,
		},
		tstate: f.tstate,
	}
	t.w = indenter{&t.common}
	if t.chatty != nil {
		t.chatty.Updatef(t.name, "=== RUN   %s\n", t.name)
	}
	running.Store(t.name, time.Now())
	go tRunner(t, func(t *T) { caller.Call(ff, t, e.Values) })
	<-t.signal
	if t.chatty != nil && t.chatty.json {
		t.chatty.Updatef(f.name, "=== NAME  %s\n", f.name)
	}
	return !t.Failed()
}

// checkCorpus: whether the values of an entry fit the fuzzed types, in
// go test's words.
func checkCorpus(values []any, types []string) error {
	if len(values) != len(types) {
		return fmt.Errorf("wrong number of values in corpus entry: %d, want %d", len(values), len(types))
	}
	have := make([]string, len(values))
	for i, v := range values {
		have[i] = fmt.Sprintf("%T", v)
	}
	for i := range types {
		if have[i] != types[i] {
			return fmt.Errorf("mismatched types in corpus entry: [%s], want [%s]", strings.Join(have, " "), strings.Join(types, " "))
		}
	}
	return nil
}

// unmarshalCorpus decodes a corpus file.
func unmarshalCorpus(data string) ([]any, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("cannot unmarshal empty string")
	}
	lines := strings.Split(data, "\n")
	if len(lines) < 2 {
		return nil, fmt.Errorf("must include version and at least one value")
	}
	if version := strings.TrimSuffix(lines[0], "\r"); version != "go test fuzz v1" {
		return nil, fmt.Errorf("unknown encoding version: %s", version)
	}
	var values []any
	for _, line := range lines[1:] {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		v, err := corpusValue(line)
		if err != nil {
			return nil, fmt.Errorf("malformed line %q: %v", line, err)
		}
		values = append(values, v)
	}
	return values, nil
}

// corpusValue decodes one line, `TYPE(LITERAL)`.
func corpusValue(line string) (any, error) {
	open := strings.IndexByte(line, '(')
	if open < 0 || line[len(line)-1] != ')' {
		return nil, fmt.Errorf("expected call expression")
	}
	typ, arg := line[:open], strings.TrimSpace(line[open+1:len(line)-1])
	switch typ {
	case "[]byte":
		s, err := strconv.Unquote(arg)
		if err != nil {
			return nil, fmt.Errorf("string literal required for type []byte")
		}
		return []byte(s), nil
	case "string":
		s, err := strconv.Unquote(arg)
		if err != nil {
			return nil, fmt.Errorf("string literal value required for type string")
		}
		return s, nil
	case "bool":
		switch arg {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		return nil, fmt.Errorf("true or false required for type bool")
	case "byte", "rune":
		if len(arg) < 2 || arg[0] != '\'' || arg[len(arg)-1] != '\'' {
			return nil, fmt.Errorf("character literal required for byte/rune types")
		}
		r, _, tail, err := strconv.UnquoteChar(arg[1:len(arg)-1], '\'')
		if err != nil || tail != "" {
			return nil, fmt.Errorf("malformed character literal, missing single quotes")
		}
		if typ == "rune" {
			return r, nil
		}
		if r > 255 {
			return nil, fmt.Errorf("can only encode single byte to a byte type")
		}
		return byte(r), nil
	case "int", "int8", "int16", "int32", "int64":
		return parseInt(typ, arg)
	case "uint", "uint8", "uint16", "uint32", "uint64":
		return parseUint(typ, arg)
	case "float32", "float64":
		bits := 64
		if typ == "float32" {
			bits = 32
		}
		x, err := strconv.ParseFloat(arg, bits)
		if err != nil {
			return nil, fmt.Errorf("float or integer literal required for %s type", typ)
		}
		if bits == 32 {
			return float32(x), nil
		}
		return x, nil
	case "math.Float32frombits":
		u, err := strconv.ParseUint(arg, 0, 32)
		if err != nil {
			return nil, fmt.Errorf("integer literal required for math.Float32frombits type")
		}
		return math.Float32frombits(uint32(u)), nil
	case "math.Float64frombits":
		u, err := strconv.ParseUint(arg, 0, 64)
		if err != nil {
			return nil, fmt.Errorf("integer literal required for math.Float64frombits type")
		}
		return math.Float64frombits(u), nil
	}
	return nil, fmt.Errorf("expected []byte or primitive type")
}

func parseInt(typ, arg string) (any, error) {
	bits := map[string]int{"int": 64, "int8": 8, "int16": 16, "int32": 32, "int64": 64}[typ]
	n, err := strconv.ParseInt(arg, 0, bits)
	if err != nil {
		return nil, fmt.Errorf("integer literal required for int types")
	}
	switch typ {
	case "int8":
		return int8(n), nil
	case "int16":
		return int16(n), nil
	case "int32":
		return int32(n), nil
	case "int64":
		return n, nil
	}
	return int(n), nil
}

func parseUint(typ, arg string) (any, error) {
	bits := map[string]int{"uint": 64, "uint8": 8, "uint16": 16, "uint32": 32, "uint64": 64}[typ]
	n, err := strconv.ParseUint(arg, 0, bits)
	if err != nil {
		return nil, fmt.Errorf("integer literal required for uint types")
	}
	switch typ {
	case "uint8":
		return uint8(n), nil
	case "uint16":
		return uint16(n), nil
	case "uint32":
		return uint32(n), nil
	case "uint64":
		return n, nil
	}
	return uint(n), nil
}

// runFuzzTests runs the fuzz targets -test.run selects on their seed
// corpus, -test.count times per -test.cpu value; it reports whether any
// ran and whether all passed.
func runFuzzTests(targets []InternalFuzzTarget) (ran, ok bool) {
	ok = true
	if len(targets) == 0 {
		return ran, ok
	}
	for _, procs := range cpuList {
		runtime.GOMAXPROCS(procs)
		for i := 0; i < count; i++ {
			if shouldFailFast() {
				break
			}
			tstate := &testState{match: newMatcher(matchRun, "-test.run", matchSkip)}
			root := common{w: os.Stdout}
			if chatty {
				root.chatty = newChattyPrinter(root.w)
			}
			for i := range targets {
				ft := &targets[i]
				if shouldFailFast() {
					break
				}
				name, matched, _ := tstate.match.fullName(nil, ft.Name)
				if !matched {
					continue
				}
				f := &F{
					common: common{
						signal:  make(chan bool, 1),
						barrier: make(chan bool),
						name:    name,
						parent:  &root,
						level:   root.level + 1,
						chatty:  root.chatty,
					},
					tstate: tstate,
					target: ft,
				}
				f.w = indenter{&f.common}
				if f.chatty != nil {
					f.chatty.Updatef(f.name, "=== RUN   %s\n", f.name)
				}
				running.Store(f.name, time.Now())
				go fRunner(f, ft.Fn)
				<-f.signal
				if f.chatty != nil && f.chatty.json {
					f.chatty.Updatef(root.name, "=== NAME  %s\n", root.name)
				}
				ok = ok && !f.Failed()
				ran = ran || f.ran
			}
			if !ran {
				break
			}
		}
	}
	return ran, ok
}

// fRunner runs fn(f) in the calling goroutine and reports the target
// when it ends, as tRunner does a test's; a target that returns without
// calling F.Fuzz (nor failing, nor skipping) fails.
func fRunner(f *F, fn func(*F)) {
	f.runner = callerName(0)
	defer func() {
		if f.Failed() {
			numFailed.Add(1)
		}
		err := recover()
		if err == nil {
			f.mu.RLock()
			fuzzNotCalled := !f.fuzzCalled && !f.skipped && !f.failed
			if !f.finished && !f.skipped && !f.failed {
				err = errNilPanicOrGoexit
			}
			f.mu.RUnlock()
			if fuzzNotCalled && err == nil {
				f.Error("returned without calling F.Fuzz, F.Fail, or F.Skip")
			}
		}
		didPanic := false
		defer func() {
			if !didPanic {
				running.Delete(f.name)
				f.signal <- true
			}
		}()
		doPanic := func(err any) {
			f.Fail()
			if r := f.runCleanup(true); r != nil {
				f.Logf("cleanup panicked with %v", r)
			}
			for root := &f.common; root.parent != nil; root = root.parent {
				root.mu.Lock()
				root.duration += time.Since(root.start)
				d := root.duration
				root.mu.Unlock()
				root.flushToParent(root.name, "--- FAIL: %s (%s)\n", root.name, fmtDuration(d))
			}
			didPanic = true
			panic(err)
		}
		if err != nil {
			doPanic(err)
		}
		f.duration += time.Since(f.start)
		if len(f.sub) > 0 {
			close(f.barrier)
			for _, sub := range f.sub {
				<-sub.signal
			}
			cleanupStart := time.Now()
			err := f.runCleanup(true)
			f.duration += time.Since(cleanupStart)
			if err != nil {
				doPanic(err)
			}
		}
		f.report()
		f.mu.Lock()
		f.done = true
		f.mu.Unlock()
		f.setRan()
	}()
	defer func() {
		if len(f.sub) == 0 {
			f.runCleanup(false)
		}
	}()
	f.start = time.Now()
	fn(f)
	f.mu.Lock()
	f.finished = true
	f.mu.Unlock()
}

// report prints the target's `--- FAIL` line, or with -test.v its
// `--- PASS` or `--- SKIP` line, and its output.
func (f *F) report() {
	dstr := fmtDuration(f.duration)
	format := "--- %s: %s (%s)\n"
	if f.Failed() {
		f.flushToParent(f.name, format, "FAIL", f.name, dstr)
	} else if f.chatty != nil {
		if f.Skipped() {
			f.flushToParent(f.name, format, "SKIP", f.name, dstr)
		} else {
			f.flushToParent(f.name, format, "PASS", f.name, dstr)
		}
	}
}
