//! Package variables laid out before the program runs (lowering's
//! [`StaticValue`], gc's static initialisation): their bytes and the
//! relocations of the pointers in them, and the static objects those
//! pointers reach (a slice literal's array, `&T{...}`).
//!
//! Invariant: static data is writable (a Go program may store into a
//! table it was given) and every static object that can hold a pointer is
//! a root of the collector, as the variables are (see
//! [`ProgramCx::global_ids`]): a heap pointer stored into one later must
//! keep its object alive.

use cranelift_module::{DataDescription, DataId};
use lower::ir::{StaticValue, TyId, TyKind};

use crate::program::{ProgramCx, encode_const};

/// A static value being laid out: its bytes, and pointers to write at
/// offsets (to static objects and string bytes).
struct Image {
    bytes: Vec<u8>,
    relocs: Vec<(usize, DataId)>,
}

impl ProgramCx<'_> {
    /// Defines data object `id` (a package variable) of type `ty` holding
    /// `value`.
    pub(crate) fn define_static(&mut self, id: DataId, ty: TyId, value: &StaticValue) {
        let l = self.layouts.get(ty);
        let (size, align) = (l.size.max(1) as usize, u64::from(l.align.max(1)));
        let mut image = Image { bytes: vec![0; size], relocs: Vec::new() };
        self.lay_out(&mut image, 0, ty, value);
        self.define_image(id, image, align);
    }

    fn define_image(&mut self, id: DataId, image: Image, align: u64) {
        let mut d = DataDescription::new();
        d.define(image.bytes.into_boxed_slice());
        d.set_align(align);
        for (offset, target) in image.relocs {
            let gv = self.module.declare_data_in_data(target, &mut d);
            d.write_data_addr(offset as u32, gv, 0);
        }
        self.define_data(id, &d);
    }

    /// A fresh static object holding `image`, a root of the collector if
    /// it can hold a pointer.
    fn static_object(&mut self, image: Image, align: u64, has_ptr: bool) -> DataId {
        let id = self.anon_data(true);
        let size = image.bytes.len();
        self.define_image(id, image, align);
        if has_ptr {
            self.static_roots.push((id, size));
        }
        id
    }

    /// Writes `value`, of type `ty`, at byte `at` of `image`.
    fn lay_out(&mut self, image: &mut Image, at: usize, ty: TyId, value: &StaticValue) {
        match value {
            StaticValue::Const(c) => {
                let Some((bytes, string)) = encode_const(c, self.layouts.get(ty)) else {
                    // Nil is zero; lowering gives no other constant that
                    // does not encode (see `lower::staticinit`).
                    return;
                };
                image.bytes[at..at + bytes.len()].copy_from_slice(&bytes);
                if let Some(s) = string.filter(|s| !s.is_empty()) {
                    let data = self.bytes_data(&s);
                    image.relocs.push((at, data));
                }
            }
            StaticValue::Parts(parts) => {
                for (i, part) in parts {
                    let (offset, part_ty) = self.part(ty, *i);
                    self.lay_out(image, at + offset, part_ty, part);
                }
            }
            StaticValue::Slice { elem, len, parts } => {
                // An empty literal too: `[]T{}` is not nil.
                let array = self.static_array(*elem, *len, parts);
                image.relocs.push((at, array));
                for word in [1, 2] {
                    image.bytes[at + 8 * word..at + 8 * word + 8].copy_from_slice(&len.to_le_bytes());
                }
            }
            StaticValue::Ref { ty, value } => {
                let l = self.layouts.get(*ty);
                let (size, align, has_ptr) = (l.size.max(1) as usize, u64::from(l.align.max(1)), l.has_ptr);
                let mut object = Image { bytes: vec![0; size], relocs: Vec::new() };
                self.lay_out(&mut object, 0, *ty, value);
                let id = self.static_object(object, align, has_ptr);
                image.relocs.push((at, id));
            }
        }
    }

    /// The byte offset and type of field or element `i` of struct or array
    /// type `ty`.
    fn part(&self, ty: TyId, i: u64) -> (usize, TyId) {
        match &self.prog.types[ty.0 as usize].kind {
            TyKind::Struct(fields) => {
                let offset = self.layouts.get(ty).fields[i as usize].0;
                (offset as usize, fields[i as usize].1)
            }
            TyKind::Array(_, elem) => (i as usize * self.layouts.get(*elem).size as usize, *elem),
            _ => panic!("internal compiler error: static parts of a type that is neither struct nor array"),
        }
    }

    /// A static array of `len` elements of type `elem` holding `parts`
    /// (a slice literal's backing array).
    fn static_array(&mut self, elem: TyId, len: u64, parts: &[(u64, StaticValue)]) -> DataId {
        let l = self.layouts.get(elem);
        let (elem_size, align, has_ptr) = (l.size as usize, u64::from(l.align.max(1)), l.has_ptr);
        let mut image = Image { bytes: vec![0; (elem_size * len as usize).max(1)], relocs: Vec::new() };
        for (i, part) in parts {
            self.lay_out(&mut image, *i as usize * elem_size, elem, part);
        }
        self.static_object(image, align, has_ptr)
    }
}
