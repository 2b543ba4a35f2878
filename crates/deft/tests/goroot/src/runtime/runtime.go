// A stand-in for a Go distribution's package runtime: only declarations
// that the test in ../../../../unsupported.rs asks about (LockOSThread is
// Go's; the others are made up for the test). Not Go's source.

package runtime

type Func struct {
	opaque struct{}
}

func LockOSThread()

func (f Func) MarshalJSON() ([]byte, error)

func (f *Func) UnmarshalText(data []byte) error
