//! Names that Go's standard library has and deft's `lib/` lacks.
//!
//! deft's library is a hand-written subset of Go's. A program that uses a
//! name of the subset's complement (`time.Date`, `t.Format` on a
//! `time.Time`) is not wrong, deft is incomplete: such a use is reported as
//! `deft does not support time.Date yet` instead of gc's `undefined:`.
//!
//! The checker does no file IO (only the `deft` crate does), so what Go's
//! library declares comes through the [`GoStd`] trait, which the driver
//! implements by reading the installed Go distribution's sources. It is
//! asked only while an error is being reported: correct programs never
//! reach it. Without one (no Go installed, or the checker's own tests),
//! every such use keeps gc's wording.

use crate::check::Checker;
use crate::model::ObjId;
use crate::types::{T, TyId};

/// What Go's own standard library declares (as opposed to deft's `lib/`).
pub trait GoStd {
    /// Whether Go's package `path` (an import path, `math/rand`) declares
    /// the exported package-level name `name`.
    fn exports(&self, path: &str, name: &str) -> bool;
    /// Whether the type `type_name` of Go's package `path` has a field or
    /// method named `member` (declared on `T` or `*T`, or promoted from a
    /// field it embeds).
    fn has_member(&self, path: &str, type_name: &str, member: &str) -> bool;
}

impl<'a> Checker<'a> {
    /// `path.name` (a qualified identifier of library package `path` that
    /// deft's library does not declare), when Go's package exports it: the
    /// message that says deft lacks it.
    pub(crate) fn unsupported_name(&self, path: &str, name: &str) -> Option<String> {
        let gostd = self.gostd?;
        let exported = name.chars().next().is_some_and(char::is_uppercase);
        (exported && gostd.exports(path, name)).then(|| format!("deft does not support {path}.{name} yet"))
    }

    /// Field or method `member` that the type `t` (or `*t`) lacks: when `t`
    /// is a defined type of deft's library whose Go counterpart has it, the
    /// message that says deft lacks it (`deft does not support
    /// time.Time.Format yet`).
    /// A user's struct that embeds a library type (`struct{ bytes.Buffer
    /// }`) lacks what that type lacks: its embedded fields are searched
    /// too, a few levels deep.
    pub(crate) fn unsupported_member(&self, t: TyId, member: &str) -> Option<String> {
        let gostd = self.gostd?;
        self.unsupported_member_in(gostd, t, member, 3)
    }

    fn unsupported_member_in(&self, gostd: &dyn GoStd, t: TyId, member: &str, depth: u32) -> Option<String> {
        if let Some((path, name)) = self.library_type(t) {
            let has = gostd.has_member(&path, &name, member);
            return has.then(|| format!("deft does not support {path}.{name}.{member} yet"));
        }
        let base = match self.tys.get(t) {
            T::Pointer(b) => *b,
            _ => t,
        };
        let T::Struct(fields) = self.tys.get(self.tys.under(base)) else { return None };
        if depth == 0 {
            return None;
        }
        fields.iter().filter(|f| f.embedded).find_map(|f| self.unsupported_member_in(gostd, f.ty, member, depth - 1))
    }

    /// The import path and name of `t` (or of what `t` points to) when it
    /// is a defined type declared by a package of deft's library.
    fn library_type(&self, t: TyId) -> Option<(String, String)> {
        let base = match self.tys.get(t) {
            T::Pointer(b) => *b,
            _ => t,
        };
        let T::Named(o) = self.tys.get(base) else { return None };
        let o: ObjId = *o;
        let obj = self.obj(o);
        let spec = &self.info.packages.get(obj.pkg?.0 as usize)?.spec;
        spec.library.then(|| (spec.path.clone(), obj.name.clone()))
    }
}
