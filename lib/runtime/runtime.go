// Package runtime: what Go programs ask of the runtime. deft's
// implementation; bodyless functions are implemented by deft's runtime
// crate (crates/runtime/src/library/runtime.rs and panic.rs).
//
// deft runs goroutines on one OS thread (crates/runtime/src/sched.rs),
// with a stop-the-world mark-sweep collector (crates/runtime/src/gc.rs):
// KeepAlive has nothing to do.
package runtime

// The target, as gc reports it.
const (
	GOOS     = "linux"
	GOARCH   = "amd64"
	Compiler = "gc"
)

// Error is implemented by the values of run-time panics (index out of
// range, nil dereference, ...).
type Error interface {
	error
	RuntimeError()
}

// overflowError and divideError are the values of the run-time panics
// for an integer overflow and a division by zero, which upstream
// math/bits panics with (it links to them, as to gc's runtime's).
var (
	overflowError = runtimeError(1)
	divideError   = runtimeError(0)
)

// runtimeError returns the runtime's panic value of the given code (see
// overflowError).
func runtimeError(code int) error

// Goexit runs every pending deferred call of the goroutine and ends it;
// recover returns nil meanwhile.
func Goexit()

// GC runs a garbage collection now.
func GC()

// MemStats: statistics of the memory allocator, as gc reports them (fields
// deft does not track stay zero).
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
	BySize        [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// MemProfileRate: gc's memory-profiling rate; deft keeps no memory
// profile, so setting it changes nothing.
var MemProfileRate int = 512 * 1024

// ReadMemStats fills m with the allocator's statistics.
func ReadMemStats(m *MemStats)

// Gosched lets the other runnable goroutines run before the caller goes on.
func Gosched()

// KeepAlive keeps x reachable up to this call: the collector scans the
// caller's frame conservatively, so holding x in it is enough. It must
// stay a call (codegen inlines functions that call nothing), so that the
// caller holds x until here.
//
//go:noinline
func KeepAlive(x any) {}

// Stack formats a traceback of the calling goroutine into buf (with all,
// every other goroutine's after it) and returns the number of bytes
// written: as many as fit.
func Stack(buf []byte, all bool) int { return copy(buf, stack(all)) }

func stack(all bool) string

// SetFinalizer sets the function a goroutine of the runtime calls with
// obj once a collection finds obj unreachable (nil: removes it).
func SetFinalizer(obj any, finalizer any)

// NumGoroutine: the number of goroutines that exist.
func NumGoroutine() int

// Breakpoint raises a breakpoint trap (SIGTRAP).
func Breakpoint()

// NumCPU: the number of processors the process may use.
func NumCPU() int

// GOMAXPROCS sets the number of threads running Go code (ignored: deft
// runs one) and returns the previous setting, NumCPU() by default.
func GOMAXPROCS(n int) int { return NumCPU() }

// defaultGOROOT: the root of the Go distribution whose library the
// program was compiled with, set by the driver as gc's linker sets it
// (`-X runtime.defaultGOROOT=...`).
var defaultGOROOT string

// GOROOT: $GOROOT if set, else the distribution the program was built
// with (the runtime's frames still say /usr/local/go: see
// runtime::frames::GOROOT_SRC).
func GOROOT() string {
	if s, _ := getenv("GOROOT"); s != "" {
		return s
	}
	return defaultGOROOT
}

// Version: the Go release deft follows.
func Version() string { return "go1.27.3" }

// Caller reports the function that called the function skip frames up
// the stack (0: the caller of Caller): its pc, source file and line.
func Caller(skip int) (pc uintptr, file string, line int, ok bool)

// Callers fills pc with the return addresses of the calling goroutine's
// stack, skipping skip frames (0: Callers itself), and returns how many it
// wrote.
func Callers(skip int, pc []uintptr) int { return callers(skip, pc) }

func callers(skip int, pc []uintptr) int

func funcEntry(pc uintptr) uintptr
func funcName(pc uintptr) string
func funcFileLine(pc uintptr) (file string, line int)
func funcInlined(pc uintptr) uintptr

// Func describes a function of the running program.
type Func struct {
	entry uintptr
	name  string
}

// FuncForPC: the function containing pc, or nil.
func FuncForPC(pc uintptr) *Func {
	entry := funcEntry(pc)
	if entry == 0 {
		return nil
	}
	return &Func{entry, funcName(pc)}
}

// Name: the function's name as tracebacks print it (main.f.func1).
func (f *Func) Name() string {
	if f == nil {
		return ""
	}
	return f.name
}

// Entry: the address of the function's first instruction.
func (f *Func) Entry() uintptr { return f.entry }

// FileLine: the source file and line of the instruction at pc.
func (f *Func) FileLine(pc uintptr) (file string, line int) { return funcFileLine(pc) }

// Frame: what CallersFrames reports about one frame.
type Frame struct {
	PC       uintptr
	Func     *Func
	Function string
	File     string
	Line     int
	Entry    uintptr
}

// Frames walks the frames of return addresses from Callers.
type Frames struct {
	pcs []uintptr
	i   int
	// next: the mark of the frame the last frame was inlined into, when
	// more pcs follow but not that one (as gc's, a last pc is not
	// expanded).
	next uintptr
}

// CallersFrames: the frames of callers, for Next.
func CallersFrames(callers []uintptr) *Frames { return &Frames{pcs: callers} }

// Next: the next frame, and whether more follow. A frame of a call
// inlined into its caller has no Func, as gc's; Callers gives the frame it
// is inlined into a pc of its own (a mark, no code address), which Next
// supplies when the pcs that follow lack it.
func (ci *Frames) Next() (frame Frame, more bool) {
	var pc uintptr
	switch {
	case ci.next != 0:
		pc, ci.next = ci.next, 0
	case ci.i < len(ci.pcs):
		pc = ci.pcs[ci.i]
		ci.i++
	default:
		return Frame{}, false
	}
	pc--
	frame.PC = pc
	frame.File, frame.Line = funcFileLine(pc)
	if frame.Entry = funcEntry(pc); frame.Entry != 0 {
		frame.Function = funcName(pc)
	}
	if mark := funcInlined(pc); mark == 0 {
		frame.Func = FuncForPC(pc)
	} else if ci.i < len(ci.pcs) && ci.pcs[ci.i] != mark {
		ci.next = mark
	}
	return frame, ci.next != 0 || ci.i < len(ci.pcs)
}
