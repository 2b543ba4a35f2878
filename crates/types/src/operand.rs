//! Operands: the result of checking an expression, and how gc prints them.
//!
//! An [`Operand`] is what types2 calls `operand`: a mode (constant,
//! variable, value, type, ...), a type, a constant value and the
//! expression it came from. [`Checker::op_string`] prints it exactly as
//! types2's `operandString` does, e.g. `x (variable of type int)`,
//! `300 (untyped int constant)`, `c + 1 (constant 256 of type byte)`.

use syntax::Pos;
use syntax::ast::Expr;

use crate::check::Checker;
use crate::constant::Value;
use crate::exprstr::{expr_string, start_pos};
use crate::model::Builtin;
use crate::types::{INVALID, T, TyId};

/// How an operand may be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OpMode {
    /// An erroneous expression (an error was reported).
    Invalid,
    /// A call without results.
    NoValue,
    /// A builtin function name.
    Builtin(Builtin),
    /// A type.
    TypeExpr,
    /// A constant; `val` holds its value.
    Constant,
    /// An addressable variable.
    Variable,
    /// A map index expression.
    MapIndex,
    /// A computed value.
    Value,
    /// The value `nil`.
    Nil,
    /// A value that may also be used as `v, ok`.
    CommaOk,
}

/// The result of checking an expression.
#[derive(Clone, Debug)]
pub(crate) struct Operand<'a> {
    pub mode: OpMode,
    pub ty: TyId,
    pub val: Value,
    pub expr: Option<&'a Expr>,
}

impl<'a> Operand<'a> {
    /// An invalid operand for `e`.
    pub(crate) fn invalid(expr: Option<&'a Expr>) -> Operand<'a> {
        Operand { mode: OpMode::Invalid, ty: INVALID, val: Value::Unknown, expr }
    }

    pub(crate) fn is_invalid(&self) -> bool {
        self.mode == OpMode::Invalid
    }

    pub(crate) fn is_const(&self) -> bool {
        self.mode == OpMode::Constant
    }

    pub(crate) fn is_nil(&self) -> bool {
        self.mode == OpMode::Nil
    }

    /// Where errors about this operand are reported.
    pub(crate) fn start_pos(&self) -> Pos {
        self.expr.map(start_pos).unwrap_or(Pos::NONE)
    }

    /// Marks the operand invalid.
    pub(crate) fn set_invalid(&mut self) {
        self.mode = OpMode::Invalid;
    }
}

impl Checker<'_> {
    /// `operandString` for an operand written as `name`.
    pub(crate) fn op_string_named(&self, name: &str, x: &Operand<'_>) -> String {
        self.op_string_expr(Some(name.to_string()), x)
    }

    /// types2's `operandString`.
    pub(crate) fn op_string(&self, x: &Operand<'_>) -> String {
        let desc = match (&self.value_desc, x.expr) {
            (Some((id, d)), Some(e)) if *id == e.id => Some(d.clone()),
            _ => None,
        };
        self.op_string_expr(desc.or_else(|| x.expr.map(expr_string)), x)
    }

    fn op_string_expr(&self, expr: Option<String>, x: &Operand<'_>) -> String {
        if x.mode == OpMode::Nil {
            if self.tys.is_untyped(x.ty) {
                return "nil".into();
            }
            return format!("nil (of type {})", self.ts(x.ty));
        }
        let expr = match (expr, x.mode) {
            (Some(e), _) => e,
            (None, OpMode::Builtin(b)) => b.name().into(),
            (None, OpMode::TypeExpr) => self.ts(x.ty),
            (None, OpMode::Constant) => x.val.to_string(),
            _ => String::new(),
        };
        let mut buf = String::new();
        if !expr.is_empty() {
            buf.push_str(&expr);
            buf.push_str(" (");
        }
        let mut has_type = false;
        match x.mode {
            OpMode::Invalid | OpMode::NoValue | OpMode::Builtin(_) | OpMode::TypeExpr => {}
            _ => {
                if self.tys.is_untyped(x.ty) {
                    buf.push_str(&self.ts(x.ty));
                    buf.push(' ');
                } else {
                    has_type = true;
                }
            }
        }
        buf.push_str(match x.mode {
            OpMode::Invalid => "invalid operand",
            OpMode::NoValue => "no value",
            OpMode::Builtin(_) => "built-in",
            OpMode::TypeExpr => "type",
            OpMode::Constant => "constant",
            OpMode::Variable => "variable",
            OpMode::MapIndex => "map index expression",
            OpMode::Value => "value",
            OpMode::Nil => "nil",
            OpMode::CommaOk => "comma, ok expression",
        });
        if x.mode == OpMode::Constant {
            let s = x.val.to_string();
            if s != expr {
                buf.push(' ');
                buf.push_str(&s);
            }
        }
        if has_type {
            if x.ty != INVALID {
                // A defined type, an alias (or `any`) is described by its
                // structure: `s (variable of struct type S)`, `m (variable
                // of int type MyInt)`; a type parameter by its constraint.
                // One of invalid structure is `of invalid type type T`, as
                // types2 says, which marks the message as a follow-on error.
                let tparam = matches!(self.tys.get(x.ty), T::TypeParam(_));
                let desc = match self.tys.written(x.ty) {
                    _ if tparam => None,
                    T::Named(_) | T::Inst(..) | T::Aliased(..) if self.tys.under(x.ty) == INVALID => {
                        Some("invalid type".into())
                    }
                    T::Named(_) | T::Inst(..) | T::Aliased(..) | T::Interface { any: true, .. } => {
                        self.tys.composite_kind(x.ty)
                    }
                    _ => None,
                };
                if let Some(d) = desc {
                    buf.push_str(" of ");
                    buf.push_str(&d);
                    buf.push_str(" type ");
                } else {
                    buf.push_str(" of type ");
                }
                buf.push_str(&self.ts(x.ty));
                if let T::TypeParam(p) = self.tys.get(x.ty)
                    && let Some(d) = self.tys.tparams.get(p)
                {
                    buf.push_str(" constrained by ");
                    buf.push_str(&self.ts(d.constraint));
                    if self.tys.empty_type_set(x.ty) {
                        buf.push_str(" with empty type set");
                    }
                }
            } else {
                buf.push_str(" with invalid type");
            }
        }
        if !expr.is_empty() {
            buf.push(')');
        }
        buf
    }
}
