// Package errors: creating and inspecting errors, as Go 1.27 does (Join
// and errors wrapping several, Go 1.20; ErrUnsupported, Go 1.21). deft's
// implementation.
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

// ErrUnsupported: the error an operation returns when it is not
// supported; test for it with Is.
var ErrUnsupported = New("unsupported operation")

// Unwrap: err.Unwrap() when err has such a method returning one error,
// else nil (an error wrapping several, such as Join's, gives nil).
func Unwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

// comparable: whether values of target's dynamic type can be compared
// with == without panicking (crates/runtime/src/library/errors.rs).
func comparable(target any) bool

// Is: whether err, or an error it wraps, equals target or says it is
// target through an Is method. The errors are visited depth first: err,
// then what Unwrap() error gives, or each error of Unwrap() []error in
// turn with everything it wraps.
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	return is(err, target, comparable(target))
}

func is(err, target error, targetComparable bool) bool {
	for {
		if targetComparable && err == target {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, err := range x.Unwrap() {
				if is(err, target, targetComparable) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// The reflection errors.As needs, done by the runtime
// (crates/runtime/src/library/errors.rs).
func checkTarget(target any) int
func assignTo(err error, target any) bool

// As finds the first error in err's tree (visited as Is does) whose type
// can be assigned to what target points at, or that says it is one
// through an As method; stores it there and reports whether one was
// found. target must be a non-nil pointer to an interface type or to a
// type implementing error (a nil err returns false before target is
// checked).
func As(err error, target any) bool {
	if err == nil {
		return false
	}
	switch checkTarget(target) {
	case 1:
		panic("errors: target cannot be nil")
	case 2:
		panic("errors: target must be a non-nil pointer")
	case 3:
		panic("errors: *target must be interface or implement error")
	}
	return as(err, target)
}

func as(err error, target any) bool {
	for {
		if assignTo(err, target) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, err := range x.Unwrap() {
				if err == nil {
					continue
				}
				if as(err, target) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// AsType finds the first error in err's tree (visited as Is does) that
// is an E, or that says it is one through an As method given a *E (the
// same *E for every such method, made on first need): that error and
// true, else E's zero value and false.
func AsType[E error](err error) (E, bool) {
	var target *E
	return asType(err, &target)
}

func asType[E error](err error, target **E) (E, bool) {
	for err != nil {
		if e, ok := err.(E); ok {
			return e, true
		}
		if x, ok := err.(interface{ As(any) bool }); ok {
			if *target == nil {
				*target = new(E)
			}
			if x.As(*target) {
				return **target, true
			}
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			continue
		case interface{ Unwrap() []error }:
			for _, inner := range x.Unwrap() {
				if e, ok := asType(inner, target); ok {
					return e, true
				}
			}
		}
		break
	}
	var zero E
	return zero, false
}

// Join: an error wrapping the non-nil errs (nil when there are none),
// whose text is theirs joined by newlines and whose Unwrap() []error
// returns them.
func Join(errs ...error) error {
	n := 0
	for _, err := range errs {
		if err != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	e := &joinError{errs: make([]error, 0, n)}
	for _, err := range errs {
		if err != nil {
			e.errs = append(e.errs, err)
		}
	}
	return e
}

type joinError struct {
	errs []error
}

func (e *joinError) Error() string {
	if len(e.errs) == 1 {
		return e.errs[0].Error()
	}
	b := []byte(e.errs[0].Error())
	for _, err := range e.errs[1:] {
		b = append(b, '\n')
		b = append(b, err.Error()...)
	}
	return string(b)
}

func (e *joinError) Unwrap() []error {
	return e.errs
}
