//! A small JSON reader (RFC 8259) for dataset documents, the same on every target.
//!
//! It is a pull parser: the schema reader (`read.rs`) asks for the next key, string or number and
//! builds the schema types directly, in one pass, without an intermediate tree. Strings without
//! escapes are borrowed from the input. [`parse`] builds a generic [`Value`] (for tests and tools).
//!
//! Rules, as serde_json applies them: UTF-8 input (the caller strips a byte-order mark), all string
//! escapes including surrogate pairs (a lone surrogate is an error), raw control characters in
//! strings rejected, numbers by the JSON grammar (no `+`, leading zeros, `.5`, `NaN`) converted as
//! `str::parse::<f64>` converts the exact token ([`super::decimal`]) and rejected when not finite, arrays and objects nested at
//! most [`MAX_DEPTH`] levels, nothing but whitespace after the value. Error positions are a line and
//! a column, both 1-based, the column counted in bytes (as serde_json counts them).

use std::borrow::Cow;
use std::fmt;

/// Deepest nesting of arrays and objects accepted (serde_json's recursion limit).
pub const MAX_DEPTH: usize = 128;

/// What kind of problem an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Not JSON.
    Syntax,
    /// The document ends before the value does (empty or truncated).
    Eof,
    /// Arrays or objects nested deeper than [`MAX_DEPTH`].
    Depth,
    /// A number too large to be a finite `f64`.
    Range,
    /// Valid JSON that does not fit the expected types (the dataset schema).
    Schema,
}

/// One step of the path to a value: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Key(&'static str),
    Index(usize),
}

/// A reading error: what, where (a byte offset, and the path of keys and indices when known).
/// Boxed, so that results stay small on the hot path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<Inner>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    message: String,
    at: usize,
    /// Innermost segment first (segments are added while the error travels outwards).
    path: Vec<Segment>,
}

impl Error {
    #[cold]
    pub fn new(kind: ErrorKind, message: impl Into<String>, at: usize) -> Error {
        Error(Box::new(Inner { kind, message: message.into(), at, path: Vec::new() }))
    }
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }
    /// What went wrong, e.g. `trailing comma`.
    pub fn message(&self) -> &str {
        &self.0.message
    }
    /// Byte offset just past the byte the error was found at (the input length at its end).
    pub fn at(&self) -> usize {
        self.0.at
    }
    /// The error, inside the value of key `key`.
    #[cold]
    pub fn in_key(mut self, key: &'static str) -> Error {
        self.0.path.push(Segment::Key(key));
        self
    }
    /// The error, inside element `i` of an array.
    #[cold]
    pub fn in_index(mut self, i: usize) -> Error {
        self.0.path.push(Segment::Index(i));
        self
    }
    /// Where the value is, e.g. `series[2].points[17].value` (empty for the top level).
    pub fn path(&self) -> String {
        let mut s = String::new();
        for seg in self.0.path.iter().rev() {
            match seg {
                Segment::Key(k) => {
                    if !s.is_empty() {
                        s.push('.');
                    }
                    s.push_str(k);
                }
                Segment::Index(i) => {
                    s.push('[');
                    s.push_str(&i.to_string());
                    s.push(']');
                }
            }
        }
        s
    }
    /// 1-based line and byte column of the error in `src` (column 0: just after a line break or
    /// at the start of an empty document), as serde_json reports them.
    pub fn line_column(&self, src: &str) -> (usize, usize) {
        let head = &src.as_bytes()[..self.0.at.min(src.len())];
        let line = 1 + head.iter().filter(|&&b| b == b'\n').count();
        let start = head.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        (line, head.len() - start)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path();
        if path.is_empty() {
            write!(f, "{} (byte {})", self.0.message, self.0.at)
        } else {
            write!(f, "{}: {} (byte {})", path, self.0.message, self.0.at)
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

/// The kind of the next value, from its first byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// A generic JSON value, borrowing from the input where it can. Numbers keep their exact token
/// (already checked to be a finite `f64`); objects keep their keys in order, duplicates included.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(&'a str),
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// Parses a whole document into a [`Value`].
pub fn parse(src: &str) -> Result<Value<'_>> {
    let mut p = Parser::new(src);
    let v = p.value()?;
    p.finish()?;
    Ok(v)
}

/// The pull parser. Every method skips the whitespace before what it reads.
pub struct Parser<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    depth: usize,
    key_end: usize,
}

impl<'a> Parser<'a> {
    pub fn new(src: &'a str) -> Parser<'a> {
        Parser { src, b: src.as_bytes(), pos: 0, depth: 0, key_end: 0 }
    }

    /// Byte offset of the next unread byte.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// Byte offset just past the last key [`Parser::key`] read (its closing quote).
    pub fn key_end(&self) -> usize {
        self.key_end
    }

    fn syntax(&self, message: &str, at: usize) -> Error {
        Error::new(ErrorKind::Syntax, message, at)
    }

    fn eof(&self, what: &str) -> Error {
        Error::new(ErrorKind::Eof, format!("EOF while parsing {what}"), self.b.len())
    }

    #[inline]
    fn skip_ws(&mut self) {
        while let Some(&c) = self.b.get(self.pos) {
            if !matches!(c, b' ' | b'\n' | b'\t' | b'\r') {
                break;
            }
            self.pos += 1;
        }
    }

    /// The kind of the next value (not consumed).
    #[inline]
    pub fn peek(&mut self) -> Result<Token> {
        self.skip_ws();
        match self.b.get(self.pos) {
            None => Err(self.eof("a value")),
            Some(b'{') => Ok(Token::Object),
            Some(b'[') => Ok(Token::Array),
            Some(b'"') => Ok(Token::String),
            Some(b'-' | b'0'..=b'9') => Ok(Token::Number),
            Some(b't') => Ok(Token::True),
            Some(b'f') => Ok(Token::False),
            Some(b'n') => Ok(Token::Null),
            Some(_) => Err(self.syntax("expected value", self.pos + 1)),
        }
    }

    fn open(&mut self) -> Result<()> {
        if self.depth >= MAX_DEPTH {
            return Err(Error::new(ErrorKind::Depth, "recursion limit exceeded", self.pos + 1));
        }
        self.depth += 1;
        self.pos += 1;
        Ok(())
    }

    /// Enters the object that [`Parser::peek`] announced.
    pub fn begin_object(&mut self) -> Result<()> {
        debug_assert_eq!(self.b.get(self.pos), Some(&b'{'));
        self.open()
    }

    /// Enters the array that [`Parser::peek`] announced.
    pub fn begin_array(&mut self) -> Result<()> {
        debug_assert_eq!(self.b.get(self.pos), Some(&b'['));
        self.open()
    }

    /// Moves to the next member of an object: `Ok(None)` after its closing brace, else its key
    /// (the `:` after it consumed). `first` is true for the first call after [`Parser::begin_object`].
    #[inline]
    pub fn key(&mut self, first: bool) -> Result<Option<Cow<'a, str>>> {
        self.skip_ws();
        match self.b.get(self.pos) {
            None => return Err(self.eof("an object")),
            Some(b'}') => {
                self.pos += 1;
                self.depth -= 1;
                return Ok(None);
            }
            Some(b',') if !first => {
                self.pos += 1;
                self.skip_ws();
                match self.b.get(self.pos) {
                    None => return Err(self.eof("an object")),
                    Some(b'}') => return Err(self.syntax("trailing comma", self.pos + 1)),
                    _ => {}
                }
            }
            Some(_) if !first => return Err(self.syntax("expected `,` or `}`", self.pos + 1)),
            Some(_) => {}
        }
        if self.b[self.pos] != b'"' {
            return Err(self.syntax("key must be a string", self.pos + 1));
        }
        let key = self.string_at()?;
        self.key_end = self.pos;
        self.skip_ws();
        match self.b.get(self.pos) {
            None => Err(self.eof("an object")),
            Some(b':') => {
                self.pos += 1;
                Ok(Some(key))
            }
            Some(_) => Err(self.syntax("expected `:`", self.pos + 1)),
        }
    }

    /// Moves to the next element of an array: false after its closing bracket. `first` is true for
    /// the first call after [`Parser::begin_array`].
    #[inline]
    pub fn next_element(&mut self, first: bool) -> Result<bool> {
        self.skip_ws();
        match self.b.get(self.pos) {
            None => Err(self.eof("a list")),
            Some(b']') => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            Some(b',') if !first => {
                self.pos += 1;
                self.skip_ws();
                match self.b.get(self.pos) {
                    None => Err(self.eof("a value")),
                    Some(b']') => Err(self.syntax("trailing comma", self.pos + 1)),
                    _ => Ok(true),
                }
            }
            Some(_) if !first => Err(self.syntax("expected `,` or `]`", self.pos + 1)),
            Some(_) => Ok(true),
        }
    }

    /// Reads the string whose opening quote is at `pos` (the token [`Parser::peek`] announced).
    #[inline]
    pub fn string_at(&mut self) -> Result<Cow<'a, str>> {
        debug_assert_eq!(self.b.get(self.pos), Some(&b'"'));
        let start = self.pos + 1;
        let mut i = start;
        // The common case: no escape, no control character.
        while let Some(&c) = self.b.get(i) {
            if STOP[c as usize] {
                break;
            }
            i += 1;
        }
        match self.b.get(i) {
            None => return Err(self.eof("a string")),
            Some(b'"') => {
                self.pos = i + 1;
                return Ok(Cow::Borrowed(&self.src[start..i]));
            }
            Some(b'\\') => {}
            Some(_) => return Err(self.control(i)),
        }
        let mut out = String::with_capacity(i - start + 16);
        out.push_str(&self.src[start..i]);
        self.pos = i;
        self.escaped(out).map(Cow::Owned)
    }

    fn control(&self, i: usize) -> Error {
        self.syntax("control character (\\u0000-\\u001F) found while parsing a string", i + 1)
    }

    /// The rest of a string with escapes, from the backslash at `pos`, appended to `out`.
    fn escaped(&mut self, mut out: String) -> Result<String> {
        loop {
            // At a backslash.
            self.pos += 1;
            let c = *self.b.get(self.pos).ok_or_else(|| self.eof("a string"))?;
            self.pos += 1;
            match c {
                b'"' => out.push('"'),
                b'\\' => out.push('\\'),
                b'/' => out.push('/'),
                b'b' => out.push('\u{8}'),
                b'f' => out.push('\u{c}'),
                b'n' => out.push('\n'),
                b'r' => out.push('\r'),
                b't' => out.push('\t'),
                b'u' => {
                    let hi = self.hex4()?;
                    let ch = match hi {
                        0xD800..=0xDBFF => {
                            if self.b.get(self.pos) != Some(&b'\\') || self.b.get(self.pos + 1) != Some(&b'u') {
                                if self.pos >= self.b.len() {
                                    return Err(self.eof("a string"));
                                }
                                return Err(self.syntax("lone leading surrogate in hex escape", self.pos + 1));
                            }
                            self.pos += 2;
                            let lo = self.hex4()?;
                            if !(0xDC00..=0xDFFF).contains(&lo) {
                                return Err(self.syntax("lone leading surrogate in hex escape", self.pos));
                            }
                            char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                        }
                        0xDC00..=0xDFFF => {
                            return Err(self.syntax("lone trailing surrogate in hex escape", self.pos));
                        }
                        _ => char::from_u32(hi),
                    };
                    // Every non-surrogate code point below 0x110000 is a char.
                    out.push(ch.unwrap_or(char::REPLACEMENT_CHARACTER));
                }
                _ => return Err(self.syntax("invalid escape", self.pos)),
            }
            // Copy up to the next backslash or the closing quote.
            let start = self.pos;
            loop {
                match self.b.get(self.pos) {
                    None => return Err(self.eof("a string")),
                    Some(b'"') => {
                        out.push_str(&self.src[start..self.pos]);
                        self.pos += 1;
                        return Ok(out);
                    }
                    Some(b'\\') => {
                        out.push_str(&self.src[start..self.pos]);
                        break;
                    }
                    Some(&c) if c < 0x20 => return Err(self.control(self.pos)),
                    Some(_) => self.pos += 1,
                }
            }
        }
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let c = *self.b.get(self.pos).ok_or_else(|| self.eof("a string"))?;
            self.pos += 1;
            let d = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => return Err(self.syntax("invalid escape", self.pos)),
            };
            n = n * 16 + u32::from(d);
        }
        Ok(n)
    }

    /// Reads a number and returns its exact token (checked against the JSON grammar only).
    pub fn number_token(&mut self) -> Result<&'a str> {
        self.skip_ws();
        let start = self.pos;
        let b = self.b;
        let mut i = start;
        let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
        // Where a digit was required: EOF, or an invalid number at byte `i`.
        let need_digit = |p: &Parser<'a>, i: usize| -> Error {
            if i >= b.len() {
                p.eof("a value")
            } else {
                p.syntax("invalid number", i + 1)
            }
        };
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        match b.get(i) {
            Some(b'0') => {
                i += 1;
                if digit(i) {
                    return Err(self.syntax("invalid number", i + 1));
                }
            }
            Some(b'1'..=b'9') => {
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            _ => return Err(need_digit(self, i)),
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            if !digit(i) {
                return Err(need_digit(self, i));
            }
            while digit(i) {
                i += 1;
            }
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            if !digit(i) {
                return Err(need_digit(self, i));
            }
            while digit(i) {
                i += 1;
            }
        }
        self.pos = i;
        Ok(&self.src[start..i])
    }

    /// Reads a number as a finite `f64`.
    #[inline]
    pub fn f64(&mut self) -> Result<f64> {
        let tok = self.number_token()?;
        to_f64(tok, self.pos)
    }

    /// Reads `true`, `false` or `null` (the word `peek` announced).
    pub fn literal(&mut self) -> Result<Token> {
        let t = self.peek()?;
        let word: &[u8] = match t {
            Token::True => b"true",
            Token::False => b"false",
            Token::Null => b"null",
            _ => return Err(self.syntax("expected value", self.pos + 1)),
        };
        for &w in word {
            match self.b.get(self.pos) {
                None => return Err(self.eof("a value")),
                Some(&c) if c == w => self.pos += 1,
                Some(_) => return Err(self.syntax("expected ident", self.pos + 1)),
            }
        }
        Ok(t)
    }

    /// Reads any value into a [`Value`].
    pub fn value(&mut self) -> Result<Value<'a>> {
        Ok(match self.peek()? {
            Token::Object => {
                self.begin_object()?;
                let mut members = Vec::new();
                while let Some(k) = self.key(members.is_empty())? {
                    members.push((k, self.value()?));
                }
                Value::Object(members)
            }
            Token::Array => {
                self.begin_array()?;
                let mut items = Vec::new();
                while self.next_element(items.is_empty())? {
                    items.push(self.value()?);
                }
                Value::Array(items)
            }
            Token::String => Value::String(self.string_at()?),
            Token::Number => {
                let tok = self.number_token()?;
                to_f64(tok, self.pos)?;
                Value::Number(tok)
            }
            Token::True | Token::False | Token::Null => match self.literal()? {
                Token::True => Value::Bool(true),
                Token::False => Value::Bool(false),
                _ => Value::Null,
            },
        })
    }

    /// Checks that only whitespace follows the value.
    pub fn finish(&mut self) -> Result<()> {
        self.skip_ws();
        if self.pos < self.b.len() {
            return Err(self.syntax("trailing characters", self.pos + 1));
        }
        Ok(())
    }
}

/// Bytes that end the plain run of a string: the quote, a backslash, control characters.
static STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// A number token as a finite `f64` (`end`: the offset just past the token, for the error).
fn to_f64(tok: &str, end: usize) -> Result<f64> {
    match super::decimal::parse(tok) {
        Some(v) if v.is_finite() => Ok(v),
        _ => Err(Error::new(ErrorKind::Range, "number out of range", end)),
    }
}

// Native only: they compare with serde_json, a native dependency (the reader is the same code on
// both targets).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
