// Package errors: creating and inspecting errors. deft's implementation.
package errors

// New makes an error whose Error() is text; every call makes a new,
// distinct value.
func New(text string) error {
	return &errorString{text}
}

type errorString struct {
	s string
}

func (e *errorString) Error() string {
	return e.s
}

// Unwrap: err.Unwrap() when err has such a method, else nil.
func Unwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

// Is: whether err, or an error it wraps (following Unwrap), equals
// target or says it is target through an Is method.
func Is(err, target error) bool {
	if target == nil {
		return err == target
	}
	for {
		if err == target {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		if err = Unwrap(err); err == nil {
			return false
		}
	}
}

// The reflection errors.As needs, done by the runtime
// (crates/runtime/src/library/errors.rs).
func checkTarget(target any) int
func assignTo(err error, target any) bool

// As finds the first error in err's chain (following Unwrap) whose type
// can be assigned to what target points at, or that says it is one
// through an As method; stores it there and reports whether one was
// found. target must be a non-nil pointer to an interface type or to a
// type implementing error.
func As(err error, target any) bool {
	switch checkTarget(target) {
	case 1:
		panic("errors: target cannot be nil")
	case 2:
		panic("errors: target must be a non-nil pointer")
	case 3:
		panic("errors: *target must be interface or implement error")
	}
	for err != nil {
		if assignTo(err, target) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		err = Unwrap(err)
	}
	return false
}
