//! Runtime error values and their text. Every expected string and `%T`
//! name was printed by gc 1.19.8 for the Go statement quoted beside it
//! (`fmt.Printf("%T | %v", r, r)` on the recovered value).

use runtime::abi::{Eface, GoString, Kind, TYPE_FLAG_NAMED, TypeDesc};
use runtime::errors::*;

/// A leaked type descriptor named `name`.
fn ty(name: &'static str, kind: Kind) -> *const TypeDesc {
    Box::leak(Box::new(TypeDesc { flags: TYPE_FLAG_NAMED, ..TypeDesc::bare(name, kind, 8) }))
}

fn message(e: RuntimeError) -> String {
    let mut out = Vec::new();
    e.message(&mut out);
    String::from_utf8(out).unwrap()
}

/// The `%T` name of the value `runtime_error_eface` makes.
fn type_name(v: Eface) -> String {
    // SAFETY: runtime error values have static descriptors.
    String::from_utf8(unsafe { (*v.ty).name.bytes() }.to_vec()).unwrap()
}

/// Checks the message, the `%T` of the value, `error_text` and the value's
/// `Error` method all agree with gc.
fn check(e: RuntimeError, want_type: &str, want: &str) {
    assert_eq!(message(e), want);
    let v = runtime_error_eface(e);
    assert_eq!(type_name(v), want_type, "{want}");
    assert_eq!(error_text(v).as_deref(), Some(want.as_bytes()));
    // SAFETY: runtime error descriptors have two methods, Error first, whose
    // code is `extern "C" fn(data) -> GoString`.
    let via_method = unsafe {
        let m = &*(*v.ty).methods;
        assert_eq!(m.name.bytes(), b"Error");
        let f: extern "C" fn(*const u8) -> GoString = std::mem::transmute(m.code);
        f(v.data).bytes().to_vec()
    };
    assert_eq!(via_method, want.as_bytes());
}

const ES: &str = "runtime.errorString";
const PE: &str = "runtime.plainError";
const UK: &str = "maps.unhashableTypeError";
const BE: &str = "runtime.boundsError";
const TAE: &str = "*runtime.TypeAssertionError";

#[test]
fn fixed_messages() {
    use RuntimeError::*;
    // _ = 1 / zero; _ = 1 % zero
    check(DivideByZero, ES, "runtime error: integer divide by zero");
    // _ = p.A with p nil; var f func(); f()
    check(NilDeref, ES, "runtime error: invalid memory address or nil pointer dereference");
    // _ = 1 << neg
    check(NegativeShift, ES, "runtime error: negative shift amount");
    // make([]int, neg); make([]int, neg, neg); make([]byte, 1<<62)
    check(MakeSliceLen, ES, "runtime error: makeslice: len out of range");
    // make([]int, two, one)
    check(MakeSliceCap, ES, "runtime error: makeslice: cap out of range");
    // append(s, make([]Tm, 1<<62)...)
    check(GrowSliceLen, ES, "runtime error: growslice: len out of range");
    // unsafe.Slice((*int)(nil), five)
    check(UnsafeSliceNilPtr, ES, "runtime error: unsafe.Slice: ptr is nil and len is not zero");
    // unsafe.Slice(&x, neg)
    check(UnsafeSliceLen, ES, "runtime error: unsafe.Slice: len out of range");
    // unsafe.String(nil, five)
    check(UnsafeStringNilPtr, ES, "runtime error: unsafe.String: ptr is nil and len is not zero");
    // unsafe.String(&b, neg)
    check(UnsafeStringLen, ES, "runtime error: unsafe.String: len out of range");
    // var m map[string]int; m["a"] = 1
    check(NilMapWrite, PE, "assignment to entry in nil map");
    // close(c); close(c)
    check(CloseOfClosedChannel, PE, "close of closed channel");
    // var c chan int; close(c)
    check(CloseOfNilChannel, PE, "close of nil channel");
    // close(c); c <- 1
    check(SendOnClosedChannel, PE, "send on closed channel");
    // make(chan int, neg)
    check(MakeChanSize, PE, "makechan: size out of range");
}

#[test]
fn messages_naming_types() {
    use RuntimeError::*;
    // mm := map[interface{}]int{}; mm[[]int{}] = 1
    check(Unhashable(ty("[]int", Kind::Slice)), ES, "runtime error: hash of unhashable type []int");
    // mm[map[int]int{}] = 1
    check(Unhashable(ty("map[int]int", Kind::Map)), ES, "runtime error: hash of unhashable type map[int]int");
    // mm := map[interface{}]int{}; _ = mm[map[int]int{}] (empty map: the key is checked, not hashed)
    check(UnhashableKey(ty("map[int]int", Kind::Map)), UK, "hash of unhashable type: map[int]int");
    // var a, b interface{} = []int{}, []int{}; _ = a == b
    check(Uncomparable(ty("[]int", Kind::Slice)), ES, "runtime error: comparing uncomparable type []int");
    // with func(){} values
    check(Uncomparable(ty("func()", Kind::Func)), ES, "runtime error: comparing uncomparable type func()");
}

fn bounds(x: i64, y: i64, signed: bool, code: BoundsCode) -> RuntimeError {
    RuntimeError::Bounds(BoundsError { x, y, signed, code })
}

#[test]
fn bounds_messages() {
    use BoundsCode::*;
    // s := []int{1, 2, 3}; arr := [3]int{}; str := "abc"; five, neg, two, one, three variables
    let cases: &[(RuntimeError, &str)] = &[
        // s[five], arr[five%8], str[five]
        (bounds(5, 3, true, Index), "index out of range [5] with length 3"),
        // s[neg]
        (bounds(-1, 3, true, Index), "index out of range [-1]"),
        // []int{}[0]
        (bounds(0, 0, true, Index), "index out of range [0] with length 0"),
        // var u uint64 = 1 << 63; s[u]
        (bounds(i64::MIN, 3, false, Index), "index out of range [9223372036854775808] with length 3"),
        // s[:five]
        (bounds(5, 3, true, SliceAcap), "slice bounds out of range [:5] with capacity 3"),
        // s[:u]
        (bounds(i64::MIN, 3, false, SliceAcap), "slice bounds out of range [:9223372036854775808] with capacity 3"),
        // str[:five], arr[:five], pa[:five]
        (bounds(5, 3, true, SliceAlen), "slice bounds out of range [:5] with length 3"),
        // s[:neg]
        (bounds(-1, 3, true, SliceAcap), "slice bounds out of range [:-1]"),
        // s[five:], str[five:]
        (bounds(5, 3, true, SliceB), "slice bounds out of range [5:3]"),
        // s[two:one]
        (bounds(2, 1, true, SliceB), "slice bounds out of range [2:1]"),
        // s[neg:], pa[neg:]
        (bounds(-1, 3, true, SliceB), "slice bounds out of range [-1:]"),
        // s[0:five:five]
        (bounds(5, 3, true, Slice3Acap), "slice bounds out of range [::5] with capacity 3"),
        // arr[:two:five], pa[:two:five]
        (bounds(5, 3, true, Slice3Alen), "slice bounds out of range [::5] with length 3"),
        // s[:two:neg]
        (bounds(-1, 3, true, Slice3Acap), "slice bounds out of range [::-1]"),
        // s[:five:three]
        (bounds(5, 3, true, Slice3B), "slice bounds out of range [:5:3]"),
        // s[:two:one]
        (bounds(2, 1, true, Slice3B), "slice bounds out of range [:2:1]"),
        // s[:neg:three]
        (bounds(-1, 3, true, Slice3B), "slice bounds out of range [:-1:]"),
        // s[two:one:three]
        (bounds(2, 1, true, Slice3C), "slice bounds out of range [2:1:]"),
        // s[neg:two:three]
        (bounds(-1, 2, true, Slice3C), "slice bounds out of range [-1::]"),
        // (*[5]int)(s)
        (bounds(5, 3, true, Convert), "cannot convert slice with length 3 to array or pointer to array with length 5"),
        // (*[1]int)([]int{})
        (bounds(1, 0, true, Convert), "cannot convert slice with length 0 to array or pointer to array with length 1"),
    ];
    for &(e, want) in cases {
        check(e, BE, &format!("runtime error: {want}"));
    }
}

#[test]
fn packed_bounds_codes() {
    let e = BoundsError::from_packed(-1, 3, BoundsCode::SliceB as u64 | BOUNDS_SIGNED).unwrap();
    assert_eq!(e, BoundsError { x: -1, y: 3, signed: true, code: BoundsCode::SliceB });
    let u = BoundsError::from_packed(-1, 3, BoundsCode::Convert as u64).unwrap();
    assert!(!u.signed);
    assert_eq!(u.code, BoundsCode::Convert);
    assert!(BoundsError::from_packed(0, 0, 10).is_none());
}

fn assertion(
    interface: *const TypeDesc,
    concrete: *const TypeDesc,
    asserted: *const TypeDesc,
    missing: &'static str,
) -> RuntimeError {
    RuntimeError::TypeAssertion(TypeAssertionError {
        interface,
        concrete,
        asserted,
        missing_method: GoString::from_static(missing.as_bytes()),
    })
}

#[test]
fn type_assertion_messages() {
    let eface = ty("interface {}", Kind::Interface);
    let my_i = ty("main.MyI", Kind::Interface);
    let stringer = ty("main.Stringer", Kind::Interface);
    let string = ty("string", Kind::String);
    let int = ty("int", Kind::Int);
    let t = ty("main.T", Kind::Struct);
    let other_t = ty("main.T", Kind::Struct);
    let pt = ty("*main.T", Kind::Pointer);
    let null = std::ptr::null();
    let cases: &[(RuntimeError, &str)] = &[
        // var e interface{} = "x"; e.(int)
        (assertion(eface, string, int, ""), "interface {} is string, not int"),
        // var ne interface{}; ne.(int)
        (assertion(eface, null, int, ""), "interface {} is nil, not int"),
        // ne.(T)
        (assertion(eface, null, t, ""), "interface {} is nil, not main.T"),
        // e.(T), e.(*T)
        (assertion(eface, string, t, ""), "interface {} is string, not main.T"),
        (assertion(eface, string, pt, ""), "interface {} is string, not *main.T"),
        // e.(Stringer)
        (assertion(null, string, stringer, "String"), "string is not main.Stringer: missing method String"),
        // ne.(Stringer)
        (assertion(null, null, stringer, ""), "interface is nil, not main.Stringer"),
        // var x interface{} = 5; x.(MyI)
        (assertion(null, int, my_i, "M"), "int is not main.MyI: missing method M"),
        // var x MyI = T{}; x.(*T)
        (assertion(my_i, t, pt, ""), "main.MyI is main.T, not *main.T"),
        // var x MyI; x.(*T)
        (assertion(my_i, null, pt, ""), "main.MyI is nil, not *main.T"),
        // var x MyI = T{}; x.(Stringer)
        (assertion(my_i, t, stringer, "String"), "main.T is not main.Stringer: missing method String"),
        // func a() interface{} { type T struct{}; return T{} }
        // func b(x interface{}) { type T struct{}; _ = x.(T) }; b(a())
        (assertion(eface, t, other_t, ""), "interface {} is main.T, not main.T (types from different scopes)"),
    ];
    for &(e, want) in cases {
        check(e, TAE, &format!("interface conversion: {want}"));
    }
}

#[test]
fn runtime_error_types() {
    let v = runtime_error_eface(RuntimeError::NilMapWrite);
    assert!(is_runtime_error_type(v.ty));
    // SAFETY: a runtime error descriptor.
    let t = unsafe { &*v.ty };
    assert_eq!(t.kind, Kind::String as u8);
    assert_eq!(t.nmethods, 2);
    // SAFETY: two methods, sorted by name.
    let second = unsafe { &*t.methods.add(1) };
    // SAFETY: a static name.
    assert_eq!(unsafe { second.name.bytes() }, b"RuntimeError");
    let tae = runtime_error_eface(assertion(std::ptr::null(), std::ptr::null(), ty("main.T", Kind::Struct), ""));
    // SAFETY: a runtime error descriptor.
    assert_eq!(unsafe { (*tae.ty).kind }, Kind::Pointer as u8);
    // Not a runtime error: a user type.
    let other = Eface { ty: ty("main.E", Kind::Struct), data: std::ptr::null() };
    assert!(error_text(other).is_none());
    assert!(error_text(Eface { ty: std::ptr::null(), data: std::ptr::null() }).is_none());
    assert!(RuntimeError::NilDeref.is_nil_deref());
    assert!(!RuntimeError::DivideByZero.is_nil_deref());
}
