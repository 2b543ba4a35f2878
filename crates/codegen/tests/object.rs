//! The object files `deft build` links: what they define and import.
//!
//! An executable works only if every symbol the object imports is one the
//! runtime's static library exports (an entry point of the ABI table, a
//! library function under its Go name, `deft_main`) or the C library has
//! (Cranelift's libcalls), and if the object defines C `main`. The
//! executables themselves are checked by `golden check --build`.

mod common;

use object::{Object, ObjectSymbol, SymbolKind};

/// The object of a test case's Go program.
fn object_of(case: &str) -> Vec<u8> {
    let (prog, sources) = common::from_source(case, false);
    match codegen::compile_object(&prog, &sources, &codegen::Options::default(), "panicnil=0") {
        Ok(obj) => {
            assert!(obj.has_main(), "{case}: the program has main.main");
            obj.bytes
        }
        Err(diags) => panic!("{case}: {diags:?}"),
    }
}

/// Whether the runtime library (or the C library, for Cranelift's
/// libcalls) provides `name`.
fn provided(name: &str) -> bool {
    name == "deft_main"
        || codegen::runtime_symbols::Rt::ALL.iter().any(|rt| rt.sym().name == name)
        || runtime::library::symbol(name).is_some()
        || ["memcpy", "memmove", "memset", "memcmp", "fmod", "fmodf", "floor", "ceil", "trunc", "nearbyint"]
            .contains(&name)
}

#[test]
fn objects_define_main_and_import_only_what_the_runtime_exports() {
    for case in ["arith", "closures", "defer_open", "recover_deep"] {
        let bytes = object_of(case);
        let file = object::File::parse(&*bytes).unwrap_or_else(|e| panic!("{case}: not an object file: {e}"));
        assert_eq!(file.format(), object::BinaryFormat::Elf, "{case}");
        assert_eq!(file.architecture(), object::Architecture::X86_64, "{case}");
        let main = file.symbols().find(|s| s.name() == Ok("main")).unwrap_or_else(|| panic!("{case}: no main"));
        assert!(main.is_definition() && main.is_global() && main.kind() == SymbolKind::Text, "{case}: main {main:?}");
        let imports: Vec<&str> =
            file.symbols().filter(|s| s.is_undefined() && s.is_global()).filter_map(|s| s.name().ok()).collect();
        assert!(imports.contains(&"deft_main"), "{case}: main does not call deft_main: {imports:?}");
        for name in imports {
            assert!(provided(name), "{case}: imports {name}, which nothing provides");
        }
    }
}

#[test]
fn the_image_carries_the_godebug_default_and_every_string() {
    let bytes = object_of("recover_deep");
    let find = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(find(b"panicnil=0"), "the GODEBUG default is in the object");
    assert!(find(&runtime::image::IMAGE_MAGIC.to_le_bytes()), "the image's magic is in the object");
    // Funcdata names every function as tracebacks print it.
    assert!(find(b"main.main"), "main.main's funcdata is in the object");
}

#[test]
fn functions_have_their_go_names_as_local_symbols() {
    let bytes = object_of("recover_deep");
    let file = object::File::parse(&*bytes).expect("an object file");
    for name in ["main.main", "main.top", "main.deep", "main.top.func1"] {
        let sym = file.symbols().find(|s| s.name() == Ok(name)).unwrap_or_else(|| panic!("no symbol {name}"));
        assert!(sym.is_definition() && sym.is_local() && sym.kind() == SymbolKind::Text, "{name}: {sym:?}");
    }
}
