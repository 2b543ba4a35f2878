//! `os.Args` storage.

use runtime::abi::GoString;
use runtime::proc::{deft_args, set_args};

#[test]
fn args_are_a_go_string_slice() {
    set_args(vec!["prog".into(), "héllo".into(), String::new()]);
    set_args(vec!["ignored".into()]);
    // SAFETY: deft_args returns a pointer to a runtime-owned slice header
    // of `len` valid strings that live forever.
    let args: Vec<Vec<u8>> = unsafe {
        let s = &*deft_args();
        assert_eq!(s.len, s.cap);
        std::slice::from_raw_parts(s.ptr.cast::<GoString>(), s.len).iter().map(|a| a.bytes().to_vec()).collect()
    };
    assert_eq!(args, [b"prog".to_vec(), "héllo".as_bytes().to_vec(), Vec::new()]);
}
