//! Go tokens, as the lexer hands them to the parser.
//!
//! A [`Tok`] is only the token's kind; its text, position and validity live
//! in the lexer next to it (see [`crate::lexer::Lexer`]). The kinds follow
//! gc's grouping, because gc's syntax errors name tokens by group: every
//! binary operator other than `*` is an [`Tok::Op`], `*` is [`Tok::Star`]
//! (it is also unary and a pointer type), `<-` is [`Tok::Arrow`].

use crate::ast::{BinaryOp, LitKind};

/// An operator token that is neither `*` nor `<-`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    /// A binary operator (never [`BinaryOp::Mul`], which is [`Tok::Star`]).
    Bin(BinaryOp),
    /// `!`.
    Not,
    /// `~`.
    Tilde,
}

/// The kind of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    /// End of input.
    Eof,
    /// An identifier (not a keyword).
    Name,
    /// A basic literal.
    Lit(LitKind),
    /// An operator (see [`Operator`]).
    Op(Operator),
    /// `op=`, e.g. `+=` (also `*=`).
    AssignOp(BinaryOp),
    /// `++` (`true`) or `--` (`false`).
    IncOp(bool),
    /// `=`.
    Assign,
    /// `:=`.
    Define,
    /// `<-`.
    Arrow,
    /// `*`.
    Star,
    /// `(`.
    Lparen,
    /// `[`.
    Lbrack,
    /// `{`.
    Lbrace,
    /// `)`.
    Rparen,
    /// `]`.
    Rbrack,
    /// `}`.
    Rbrace,
    /// `,`.
    Comma,
    /// `;`, or one inserted at a newline or at the end of the file.
    Semi,
    /// `:`.
    Colon,
    /// `.`.
    Dot,
    /// `...`.
    DotDotDot,
    /// `break`.
    Break,
    /// `case`.
    Case,
    /// `chan`.
    Chan,
    /// `const`.
    Const,
    /// `continue`.
    Continue,
    /// `default`.
    Default,
    /// `defer`.
    Defer,
    /// `else`.
    Else,
    /// `fallthrough`.
    Fallthrough,
    /// `for`.
    For,
    /// `func`.
    Func,
    /// `go`.
    Go,
    /// `goto`.
    Goto,
    /// `if`.
    If,
    /// `import`.
    Import,
    /// `interface`.
    Interface,
    /// `map`.
    Map,
    /// `package`.
    Package,
    /// `range`.
    Range,
    /// `return`.
    Return,
    /// `select`.
    Select,
    /// `struct`.
    Struct,
    /// `switch`.
    Switch,
    /// `type`.
    Type,
    /// `var`.
    Var,
}

/// The keyword spelled `word`, if any.
pub fn keyword(word: &str) -> Option<Tok> {
    use Tok::*;
    Some(match word {
        "break" => Break,
        "case" => Case,
        "chan" => Chan,
        "const" => Const,
        "continue" => Continue,
        "default" => Default,
        "defer" => Defer,
        "else" => Else,
        "fallthrough" => Fallthrough,
        "for" => For,
        "func" => Func,
        "go" => Go,
        "goto" => Goto,
        "if" => If,
        "import" => Import,
        "interface" => Interface,
        "map" => Map,
        "package" => Package,
        "range" => Range,
        "return" => Return,
        "select" => Select,
        "struct" => Struct,
        "switch" => Switch,
        "type" => Type,
        "var" => Var,
        _ => return None,
    })
}

impl Tok {
    /// How gc names this token kind in "expecting X" messages: the token's
    /// text, `comma` for `,` and `semicolon or newline` for `;`. Tokens with
    /// varying text (names, literals, operators) print their group name; use
    /// the lexer's `describe` for the token actually at hand.
    pub fn as_str(self) -> &'static str {
        use Tok::*;
        match self {
            Eof => "EOF",
            Name => "name",
            Lit(_) => "literal",
            Op(_) => "op",
            AssignOp(_) => "op=",
            IncOp(_) => "opop",
            Assign => "=",
            Define => ":=",
            Arrow => "<-",
            Star => "*",
            Lparen => "(",
            Lbrack => "[",
            Lbrace => "{",
            Rparen => ")",
            Rbrack => "]",
            Rbrace => "}",
            Comma => "comma",
            Semi => "semicolon or newline",
            Colon => ":",
            Dot => ".",
            DotDotDot => "...",
            Break => "break",
            Case => "case",
            Chan => "chan",
            Const => "const",
            Continue => "continue",
            Default => "default",
            Defer => "defer",
            Else => "else",
            Fallthrough => "fallthrough",
            For => "for",
            Func => "func",
            Go => "go",
            Goto => "goto",
            If => "if",
            Import => "import",
            Interface => "interface",
            Map => "map",
            Package => "package",
            Range => "range",
            Return => "return",
            Select => "select",
            Struct => "struct",
            Switch => "switch",
            Type => "type",
            Var => "var",
        }
    }

    /// How gc's syntax errors name this token kind (its `tokstring`):
    /// [`Tok::as_str`], keywords as `keyword chan`.
    pub fn tokstring(self) -> String {
        use Tok::*;
        match self {
            Break | Case | Chan | Const | Continue | Default | Defer | Else | Fallthrough | For | Func | Go | Goto
            | If | Import | Interface | Map | Package | Range | Return | Select | Struct | Switch | Type | Var => {
                format!("keyword {}", self.as_str())
            }
            _ => self.as_str().to_string(),
        }
    }

    /// The binary operator this token stands for, with its precedence, when
    /// it can join two operands (`*` included, `!`, `~` and `<-` not).
    pub fn binary_op(self) -> Option<BinaryOp> {
        match self {
            Tok::Op(Operator::Bin(op)) => Some(op),
            Tok::Star => Some(BinaryOp::Mul),
            _ => None,
        }
    }
}
