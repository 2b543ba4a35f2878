package testing

// Benchmarks, as gc's testing runs them: a benchmark function is first
// called with N=1 (run1); unless it has sub-benchmarks, it is then called
// with growing N until it has run for -test.benchtime (a duration, or
// `Nx`: exactly N iterations), and its line is printed: the name with
// `-GOMAXPROCS`, padded, then N and the time per iteration in gc's
// formats. b.Loop ramps up inside a single call instead.

import (
	"fmt"
	"math"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// benchTimeFlag: -test.benchtime, a duration or an iteration count.
type benchTimeFlag struct {
	d time.Duration
	n int
}

func parseBenchTime(s string) (benchTimeFlag, bool) {
	if strings.HasSuffix(s, "x") {
		n, err := strconv.ParseInt(s[:len(s)-1], 10, 0)
		if err != nil || n <= 0 {
			return benchTimeFlag{}, false
		}
		return benchTimeFlag{n: int(n)}, true
	}
	d, ok := parseDuration(s)
	if !ok || d <= 0 {
		return benchTimeFlag{}, false
	}
	return benchTimeFlag{d: d}, true
}

// benchmarkLock: one benchmark measures at a time.
var benchmarkLock sync.Mutex

// B is the state of a benchmark, given to Benchmark functions.
type B struct {
	common
	importPath       string
	bstate           *benchState
	N                int
	previousN        int
	previousDuration time.Duration
	benchFunc        func(b *B)
	benchTime        benchTimeFlag
	parallelism      int // RunParallel's goroutines per GOMAXPROCS (0: 1)
	bytes            int64
	missingBytes     bool
	timerOn          bool
	showAllocResult  bool
	result           BenchmarkResult
	startAllocs      uint64
	startBytes       uint64
	netAllocs        uint64
	netBytes         uint64
	extra            map[string]float64
	loop             struct {
		n    uint64
		i    uint64
		done bool
	}
}

// memStats: where the timer reads the allocator's figures (a variable of
// its own, so that reading them allocates nothing; benchmarks measure one
// at a time).
var memStats runtime.MemStats

// StartTimer starts (resumes) timing.
func (b *B) StartTimer() {
	if !b.timerOn {
		ms := &memStats
		runtime.ReadMemStats(ms)
		b.startAllocs = ms.Mallocs
		b.startBytes = ms.TotalAlloc
		b.start = time.Now()
		b.timerOn = true
	}
}

// StopTimer stops timing.
func (b *B) StopTimer() {
	if b.timerOn {
		b.duration += time.Since(b.start)
		ms := &memStats
		runtime.ReadMemStats(ms)
		b.netAllocs += ms.Mallocs - b.startAllocs
		b.netBytes += ms.TotalAlloc - b.startBytes
		b.timerOn = false
	}
}

// ResetTimer zeroes the elapsed time and allocation counts.
func (b *B) ResetTimer() {
	if b.extra == nil {
		b.extra = make(map[string]float64, 16)
	} else {
		for k := range b.extra {
			delete(b.extra, k)
		}
	}
	if b.timerOn {
		ms := &memStats
		runtime.ReadMemStats(ms)
		b.startAllocs = ms.Mallocs
		b.startBytes = ms.TotalAlloc
		b.start = time.Now()
	}
	b.duration = 0
	b.netAllocs = 0
	b.netBytes = 0
}

// SetBytes records the bytes processed by one iteration (for MB/s).
func (b *B) SetBytes(n int64) { b.bytes = n }

// ReportAllocs enables the allocation figures for this benchmark.
func (b *B) ReportAllocs() { b.showAllocResult = true }

// Elapsed: the measured time so far.
func (b *B) Elapsed() time.Duration {
	d := b.duration
	if b.timerOn {
		d += time.Since(b.start)
	}
	return d
}

// ReportMetric adds "n unit" to the benchmark's result line.
func (b *B) ReportMetric(n float64, unit string) {
	if unit == "" {
		panic("metric unit must not be empty")
	}
	if strings.IndexFunc(unit, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }) >= 0 {
		panic("metric unit must not contain whitespace")
	}
	b.extra[unit] = n
}

// runN calls the benchmark function with b.N = n.
func (b *B) runN(n int) {
	benchmarkLock.Lock()
	defer benchmarkLock.Unlock()
	defer b.runCleanup(false)
	runtime.GC()
	b.N = n
	b.loop.n = 0
	b.loop.i = 0
	b.loop.done = false
	b.ResetTimer()
	b.StartTimer()
	b.benchFunc(b)
	b.StopTimer()
	b.previousN = n
	b.previousDuration = b.duration
	if b.loop.n > 0 && !b.loop.done && !b.failed {
		b.Error("benchmark function returned without B.Loop() == false (break or return in loop?)")
	}
}

// run1 runs the benchmark once; it reports whether it is to be measured.
func (b *B) run1() bool {
	if bstate := b.bstate; bstate != nil {
		if n := len(b.name) + bstate.extLen + 1; n > bstate.maxLen {
			bstate.maxLen = n + 8
		}
	}
	go func() {
		// Signal whether the function returned or called FailNow.
		defer func() {
			b.signal <- true
		}()
		b.runN(1)
	}()
	<-b.signal
	if b.failed {
		fmt.Fprintf(b.w, "%s--- FAIL: %s\n%s", b.chatty.prefix(), b.name, b.output)
		return false
	}
	b.mu.RLock()
	finished := b.finished
	b.mu.RUnlock()
	if b.hasSub.Load() || finished {
		tag := "BENCH"
		if b.skipped {
			tag = "SKIP"
		}
		if b.chatty != nil && (len(b.output) > 0 || finished) {
			b.trimOutput()
			fmt.Fprintf(b.w, "%s--- %s: %s\n%s", b.chatty.prefix(), tag, b.name, b.output)
		}
		return false
	}
	return true
}

var labelsOnce sync.Once

// printLabels prints the lines that head benchmark results.
func printLabels(w interface{ Write([]byte) (int, error) }, importPath string) {
	fmt.Fprintf(w, "goos: %s\n", runtime.GOOS)
	fmt.Fprintf(w, "goarch: %s\n", runtime.GOARCH)
	if importPath != "" {
		fmt.Fprintf(w, "pkg: %s\n", importPath)
	}
	if cpu := cpuName(); cpu != "" {
		fmt.Fprintf(w, "cpu: %s\n", cpu)
	}
}

// cpuName: the processor's name as gc's testing prints it (the CPUID
// brand string, implemented by the runtime).
func cpuName() string

// run measures b (after run1) and prints its result.
func (b *B) run() {
	labelsOnce.Do(func() { printLabels(b.w, b.importPath) })
	if b.bstate != nil {
		b.bstate.processBench(b)
	} else {
		b.doBench()
	}
}

func (b *B) doBench() BenchmarkResult {
	go b.launch()
	<-b.signal
	return b.result
}

const maxBenchPredictIters = 1000000000

// predictN: the next number of iterations to try, aiming at goalns.
func predictN(goalns int64, prevIters int64, prevns int64, last int64) int {
	if prevns == 0 {
		prevns = 1
	}
	n := goalns * prevIters / prevns
	n += n / 5
	n = min(n, 100*last)
	n = max(n, last+1)
	n = min(n, maxBenchPredictIters)
	return int(n)
}

// launch runs the benchmark with growing N until it has run long enough.
func (b *B) launch() {
	defer func() {
		b.signal <- true
	}()
	if b.loop.n == 0 {
		if b.benchTime.n > 0 {
			if b.benchTime.n > 1 {
				b.runN(b.benchTime.n)
			}
		} else {
			d := b.benchTime.d
			for n := int64(1); !b.failed && b.duration < d && n < 1e9; {
				last := n
				goalns := d.Nanoseconds()
				prevIters := int64(b.N)
				n = int64(predictN(goalns, prevIters, b.duration.Nanoseconds(), last))
				b.runN(int(n))
			}
		}
	}
	b.result = BenchmarkResult{b.N, b.duration, b.bytes, b.netAllocs, b.netBytes, b.extra}
}

// Loop reports whether the benchmark should run another iteration; the
// first call starts the timer afresh. Use as `for b.Loop() { ... }`.
func (b *B) Loop() bool {
	if b.loop.i < b.loop.n {
		b.loop.i++
		return true
	}
	return b.loopSlowPath()
}

func (b *B) loopSlowPath() bool {
	if !b.timerOn {
		b.Fatal("B.Loop called with timer stopped")
	}
	if b.loop.n == 0 {
		if b.benchTime.n > 0 {
			b.loop.n = uint64(b.benchTime.n)
		} else {
			b.loop.n = 1
		}
		b.N = 0
		b.ResetTimer()
		b.loop.i++
		return true
	}
	var more bool
	if b.benchTime.n > 0 {
		more = false
	} else {
		more = b.stopOrScaleBLoop()
	}
	if !more {
		b.StopTimer()
		b.N = int(b.loop.n)
		b.loop.done = true
		return false
	}
	b.loop.i++
	return true
}

func (b *B) stopOrScaleBLoop() bool {
	t := b.Elapsed()
	if t >= b.benchTime.d {
		return false
	}
	goalns := b.benchTime.d.Nanoseconds()
	prevIters := int64(b.loop.n)
	b.loop.n = uint64(predictN(goalns, prevIters, t.Nanoseconds(), prevIters))
	return uint64(prevIters) < b.loop.n
}

// BenchmarkResult: the result of a benchmark run.
type BenchmarkResult struct {
	N         int
	T         time.Duration
	Bytes     int64
	MemAllocs uint64
	MemBytes  uint64
	Extra     map[string]float64
}

// NsPerOp: nanoseconds per iteration.
func (r BenchmarkResult) NsPerOp() int64 {
	if v, ok := r.Extra["ns/op"]; ok {
		return int64(v)
	}
	if r.N <= 0 {
		return 0
	}
	return r.T.Nanoseconds() / int64(r.N)
}

func (r BenchmarkResult) mbPerSec() float64 {
	if v, ok := r.Extra["MB/s"]; ok {
		return v
	}
	if r.Bytes <= 0 || r.T <= 0 || r.N <= 0 {
		return 0
	}
	return (float64(r.Bytes) * float64(r.N) / 1e6) / r.T.Seconds()
}

// AllocsPerOp: allocations per iteration.
func (r BenchmarkResult) AllocsPerOp() int64 {
	if v, ok := r.Extra["allocs/op"]; ok {
		return int64(v)
	}
	if r.N <= 0 {
		return 0
	}
	return int64(r.MemAllocs) / int64(r.N)
}

// AllocedBytesPerOp: bytes allocated per iteration.
func (r BenchmarkResult) AllocedBytesPerOp() int64 {
	if v, ok := r.Extra["B/op"]; ok {
		return int64(v)
	}
	if r.N <= 0 {
		return 0
	}
	return int64(r.MemBytes) / int64(r.N)
}

// String: the result as go test prints it after the name.
func (r BenchmarkResult) String() string {
	var buf strings.Builder
	fmt.Fprintf(&buf, "%8d", r.N)
	ns, ok := r.Extra["ns/op"]
	if !ok {
		ns = float64(r.T.Nanoseconds()) / float64(r.N)
	}
	if ns != 0 {
		buf.WriteByte('\t')
		prettyPrint(&buf, ns, "ns/op")
	}
	if mbs := r.mbPerSec(); mbs != 0 {
		fmt.Fprintf(&buf, "\t%7.2f MB/s", mbs)
	}
	var extraKeys []string
	for k := range r.Extra {
		switch k {
		case "ns/op", "MB/s", "B/op", "allocs/op":
			continue
		}
		extraKeys = append(extraKeys, k)
	}
	sort.Strings(extraKeys)
	for _, k := range extraKeys {
		buf.WriteByte('\t')
		prettyPrint(&buf, r.Extra[k], k)
	}
	return buf.String()
}

// prettyPrint: x with ten places before the point and four significant
// digits for small numbers, gc's widths.
func prettyPrint(w *strings.Builder, x float64, unit string) {
	var format string
	switch y := math.Abs(x); {
	case y == 0 || y >= 999.95:
		format = "%10.0f %s"
	case y >= 99.995:
		format = "%12.1f %s"
	case y >= 9.9995:
		format = "%13.2f %s"
	case y >= 0.99995:
		format = "%14.3f %s"
	case y >= 0.099995:
		format = "%15.4f %s"
	case y >= 0.0099995:
		format = "%16.5f %s"
	case y >= 0.00099995:
		format = "%17.6f %s"
	default:
		format = "%18.7f %s"
	}
	fmt.Fprintf(w, format, x, unit)
}

// MemString: the allocation figures as go test prints them.
func (r BenchmarkResult) MemString() string {
	return fmt.Sprintf("%8d B/op\t%8d allocs/op", r.AllocedBytesPerOp(), r.AllocsPerOp())
}

// benchmarkName: name with the -GOMAXPROCS suffix (none for 1).
func benchmarkName(name string, n int) string {
	if n != 1 {
		return fmt.Sprintf("%s-%d", name, n)
	}
	return name
}

type benchState struct {
	match  *matcher
	maxLen int
	extLen int
}

// runBenchmarks runs the benchmarks -test.bench selects; it reports
// whether none failed.
func runBenchmarks(importPath string, benchmarks []InternalBenchmark) bool {
	if len(matchBench) == 0 {
		return true
	}
	bt, ok := parseBenchTime(benchTimeStr)
	if !ok {
		fmt.Fprintf(os.Stderr, "invalid value %q for flag -test.benchtime\n", benchTimeStr)
		os.Exit(2)
	}
	maxprocs := 1
	for _, procs := range cpuList {
		maxprocs = max(maxprocs, procs)
	}
	bstate := &benchState{
		match:  newMatcher(matchBench, "-test.bench", matchSkip),
		extLen: len(benchmarkName("", maxprocs)),
	}
	var bs []InternalBenchmark
	for _, bm := range benchmarks {
		if _, matched, _ := bstate.match.fullName(nil, bm.Name); matched {
			bs = append(bs, bm)
			name := benchmarkName(bm.Name, maxprocs)
			if l := len(name) + bstate.extLen + 1; l > bstate.maxLen {
				bstate.maxLen = l
			}
		}
	}
	main := &B{
		common: common{
			name:  "Main",
			w:     os.Stdout,
			bench: true,
		},
		importPath: importPath,
		benchFunc: func(b *B) {
			for _, bm := range bs {
				b.Run(bm.Name, bm.F)
			}
		},
		benchTime: bt,
		bstate:    bstate,
	}
	if chatty {
		main.chatty = newChattyPrinter(main.w)
	}
	main.runN(1)
	return !main.failed
}

// processBench measures b -test.count times for each -test.cpu value and
// prints the results.
func (s *benchState) processBench(b *B) {
	for i, procs := range cpuList {
		for j := 0; j < count; j++ {
			runtime.GOMAXPROCS(procs)
			benchName := benchmarkName(b.name, procs)
			if b.chatty == nil {
				fmt.Fprintf(b.w, "%-*s\t", s.maxLen, benchName)
			}
			if i > 0 || j > 0 {
				b = &B{
					common: common{
						signal: make(chan bool),
						name:   b.name,
						w:      b.w,
						chatty: b.chatty,
						bench:  true,
					},
					benchFunc: b.benchFunc,
					benchTime: b.benchTime,
				}
				b.run1()
			}
			r := b.doBench()
			if b.failed {
				fmt.Fprintf(b.w, "%s--- FAIL: %s\n%s", b.chatty.prefix(), benchName, b.output)
				continue
			}
			results := r.String()
			if b.chatty != nil {
				fmt.Fprintf(b.w, "%-*s\t", s.maxLen, benchName)
			}
			if benchMemory || b.showAllocResult {
				results += "\t" + r.MemString()
			}
			fmt.Fprintln(b.w, results)
			if len(b.output) > 0 {
				b.trimOutput()
				fmt.Fprintf(b.w, "%s--- BENCH: %s\n%s", b.chatty.prefix(), benchName, b.output)
			}
			if b.chatty != nil && b.chatty.json {
				b.chatty.Updatef("", "=== NAME  %s\n", "")
			}
		}
	}
}

// Run runs f as a sub-benchmark of b named name; it reports whether it
// did not fail. A benchmark that calls Run is not measured itself.
func (b *B) Run(name string, f func(b *B)) bool {
	b.hasSub.Store(true)
	benchmarkLock.Unlock()
	defer benchmarkLock.Lock()
	benchName, ok, partial := b.name, true, false
	if b.bstate != nil {
		benchName, ok, partial = b.bstate.match.fullName(&b.common, name)
	}
	if !ok {
		return true
	}
	var pc [50]uintptr
	n := runtime.Callers(2, pc[:])
	sub := &B{
		common: common{
			signal:  make(chan bool),
			name:    benchName,
			parent:  &b.common,
			level:   b.level + 1,
			creator: pc[:n],
			w:       b.w,
			chatty:  b.chatty,
			bench:   true,
		},
		importPath: b.importPath,
		benchFunc:  f,
		benchTime:  b.benchTime,
		bstate:     b.bstate,
	}
	if partial {
		// Only the sub-benchmarks the pattern names run.
		sub.hasSub.Store(true)
	}
	if b.chatty != nil {
		labelsOnce.Do(func() { printLabels(os.Stdout, b.importPath) })
		if b.chatty.json {
			b.chatty.Updatef(benchName, "=== RUN   %s\n", benchName)
		}
		fmt.Println(benchName)
	}
	if sub.run1() {
		sub.run()
	}
	b.add(sub.result)
	return !sub.failed
}

// add accounts a sub-benchmark's result to b's.
func (b *B) add(other BenchmarkResult) {
	r := &b.result
	r.N = 1
	r.T += time.Duration(other.NsPerOp())
	if other.Bytes == 0 {
		b.missingBytes = true
		r.Bytes = 0
	}
	if !b.missingBytes {
		r.Bytes += other.Bytes
	}
	r.MemAllocs += uint64(other.AllocsPerOp())
	r.MemBytes += uint64(other.AllocedBytesPerOp())
}

// trimOutput keeps at most ten lines of a benchmark's output.
func (b *B) trimOutput() {
	const maxNewlines = 10
	for nlCount, j := 0, 0; j < len(b.output); j++ {
		if b.output[j] == '\n' {
			nlCount++
			if nlCount >= maxNewlines {
				b.output = append(b.output[:j], "\n\t... [output truncated]\n"...)
				break
			}
		}
	}
}

// Benchmark measures f alone (outside go test), for one second or the
// -test.benchtime a test binary parsed (a program's own command line is
// not parsed: its flags are its own).
func Benchmark(f func(b *B)) BenchmarkResult {
	bt, ok := parseBenchTime(benchTimeStr)
	if !ok {
		bt = benchTimeFlag{d: time.Second}
	}
	b := &B{
		common: common{
			signal: make(chan bool),
			w:      discard{},
		},
		benchFunc: f,
		benchTime: bt,
	}
	if b.run1() {
		b.run()
	}
	return b.result
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// RunParallel runs body in parallelism*GOMAXPROCS goroutines, which share
// b.N iterations through their PBs, and waits for them (gc's scheme:
// each takes a grain of about 100µs of iterations at a time).
func (b *B) RunParallel(body func(*PB)) {
	if b.N == 0 {
		return
	}
	grain := uint64(0)
	if b.previousN > 0 && b.previousDuration > 0 {
		grain = 1e5 * uint64(b.previousN) / uint64(b.previousDuration)
	}
	grain = min(max(grain, 1), 1e4)
	var n atomic.Uint64
	numProcs := max(b.parallelism, 1) * runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	wg.Add(numProcs)
	for p := 0; p < numProcs; p++ {
		go func() {
			defer wg.Done()
			body(&PB{globalN: &n, grain: grain, bN: uint64(b.N)})
		}()
	}
	wg.Wait()
	if n.Load() <= uint64(b.N) && !b.Failed() {
		b.Fatal("RunParallel: body exited without pb.Next() == false")
	}
}

// SetParallelism sets RunParallel's goroutines to p*GOMAXPROCS (p >= 1).
func (b *B) SetParallelism(p int) {
	if p >= 1 {
		b.parallelism = p
	}
}

// PB is what a RunParallel goroutine iterates with.
type PB struct {
	globalN *atomic.Uint64 // iterations taken by all goroutines
	grain   uint64         // iterations taken at a time
	cache   uint64         // iterations taken, not yet done
	bN      uint64         // b.N
}

// Next reports whether there is another iteration to run.
func (pb *PB) Next() bool {
	if pb.cache == 0 {
		n := pb.globalN.Add(pb.grain)
		if n <= pb.bN {
			pb.cache = pb.grain
		} else if n < pb.bN+pb.grain {
			pb.cache = pb.bN + pb.grain - n
		} else {
			return false
		}
	}
	pb.cache--
	return true
}

// AllocsPerRun: the average number of allocations of a call of f, over
// runs calls after a first that warms up (an integer, as gc's: the
// division is integral). The counts are deft's allocator's: deft does no
// escape analysis, so a call may allocate where gc's does not.
func AllocsPerRun(runs int, f func()) (avg float64) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	f()
	var memstats runtime.MemStats
	runtime.ReadMemStats(&memstats)
	mallocs := 0 - memstats.Mallocs
	for i := 0; i < runs; i++ {
		f()
	}
	runtime.ReadMemStats(&memstats)
	mallocs += memstats.Mallocs
	return float64(mallocs / uint64(runs))
}
