//! Unit tests of the JSON reader, and of it against serde_json (still a native dependency).

use super::*;

fn err(src: &str) -> Error {
    parse(src).expect_err(src)
}

/// `message` and (line, column) of the error for `src`.
fn at(src: &str) -> (String, usize, usize) {
    let e = err(src);
    let (l, c) = e.line_column(src);
    (e.message().to_string(), l, c)
}

fn s(src: &str) -> String {
    match parse(src).unwrap() {
        Value::String(s) => s.into_owned(),
        v => panic!("not a string: {v:?}"),
    }
}

fn num(src: &str) -> f64 {
    match parse(src).unwrap() {
        Value::Number(t) => t.parse().unwrap(),
        v => panic!("not a number: {v:?}"),
    }
}

#[test]
fn every_escape() {
    assert_eq!(s(r#""\" \\ \/ \b \f \n \r \t""#), "\" \\ / \u{8} \u{c} \n \r \t");
    assert_eq!(s(r#""\u0041\u00e9\u4E2D\u0000\u001f""#), "Aé中\u{0}\u{1f}");
    assert_eq!(s(r#""a\nb""#), "a\nb");
    assert_eq!(s(r#""\\""#), "\\");
    assert_eq!(s(r#""tail\t""#), "tail\t");
    assert_eq!(s(r#""ру́сский 中文 \u0434""#), "ру́сский 中文 д");
    // Strings without escapes are borrowed.
    assert!(matches!(parse(r#""plain""#).unwrap(), Value::String(Cow::Borrowed("plain"))));
    assert!(matches!(parse(r#""a\n""#).unwrap(), Value::String(Cow::Owned(_))));
    assert_eq!(at(r#""\x""#), ("invalid escape".into(), 1, 3));
    assert_eq!(at(r#""\u12G4""#), ("invalid escape".into(), 1, 6));
    assert_eq!(at(r#""\u12"#).0, "EOF while parsing a string");
    assert_eq!(at(r#""abc"#), ("EOF while parsing a string".into(), 1, 4));
    assert_eq!(at("\"a\u{1}b\""), ("control character (\\u0000-\\u001F) found while parsing a string".into(), 1, 3));
    assert_eq!(at("\"a\\n\nb\"").0, "control character (\\u0000-\\u001F) found while parsing a string");
}

#[test]
fn surrogate_pairs_and_lone_surrogates() {
    assert_eq!(s(r#""\ud83d\ude00""#), "😀");
    assert_eq!(s(r#""\uD834\uDD1E x""#), "𝄞 x");
    assert_eq!(s(r#""\udbff\udfff""#), "\u{10ffff}");
    assert_eq!(at(r#""\ud800 x""#), ("lone leading surrogate in hex escape".into(), 1, 8));
    assert_eq!(at(r#""\ud800""#).0, "lone leading surrogate in hex escape");
    assert_eq!(at(r#""\ud800\n""#).0, "lone leading surrogate in hex escape");
    assert_eq!(at(r#""\ud800\u0041""#).0, "lone leading surrogate in hex escape");
    assert_eq!(at(r#""\udc00""#).0, "lone trailing surrogate in hex escape");
    assert_eq!(at(r#""\ud800"#).0, "EOF while parsing a string");
    for bad in [r#""\ud800""#, r#""\udfff x""#, r#""\ud800\ud800""#] {
        assert!(serde_json::from_str::<String>(bad).is_err(), "serde_json agrees: {bad}");
    }
}

#[test]
fn numbers() {
    assert_eq!(num("0"), 0.0);
    assert_eq!(num("-12.5e-3"), -0.0125);
    assert_eq!(num("1E2"), 100.0);
    assert_eq!(num("1e+2"), 100.0);
    assert_eq!(num("2.5E-1"), 0.25);
    assert_eq!(num("123456789012345678901234567890"), 1.2345678901234568e29);
    assert_eq!(num("1e308"), 1e308);
    assert_eq!(num("4.9e-324"), 5e-324);
    assert_eq!(num("1e-400"), 0.0);
    let z = num("-0");
    assert!(z == 0.0 && z.is_sign_negative());
    assert!(num("-0.0").is_sign_negative());
    assert_eq!(at("1e400"), ("number out of range".into(), 1, 5));
    assert_eq!(at("-1e400").0, "number out of range");
    assert_eq!(err(&format!("1{}", "0".repeat(400))).kind(), ErrorKind::Range);
    assert_eq!(at("01"), ("invalid number".into(), 1, 2));
    assert_eq!(at("-01").0, "invalid number");
    assert_eq!(at("+1"), ("expected value".into(), 1, 1));
    assert_eq!(at(".5"), ("expected value".into(), 1, 1));
    assert_eq!(at("1."), ("EOF while parsing a value".into(), 1, 2));
    assert_eq!(at("1.x"), ("invalid number".into(), 1, 3));
    assert_eq!(at("[1.]"), ("invalid number".into(), 1, 4));
    assert_eq!(at("1e").0, "EOF while parsing a value");
    assert_eq!(at("1e+]"), ("invalid number".into(), 1, 4));
    assert_eq!(at("-"), ("EOF while parsing a value".into(), 1, 1));
    assert_eq!(at("-x"), ("invalid number".into(), 1, 2));
    assert_eq!(at("NaN"), ("expected value".into(), 1, 1));
    assert_eq!(at("Infinity"), ("expected value".into(), 1, 1));
    assert_eq!(at("1 2"), ("trailing characters".into(), 1, 3));
    assert_eq!(at("0x10").0, "trailing characters");
}

#[test]
fn literals_and_structure() {
    assert_eq!(parse(" true ").unwrap(), Value::Bool(true));
    assert_eq!(parse("false").unwrap(), Value::Bool(false));
    assert_eq!(parse("null").unwrap(), Value::Null);
    assert_eq!(at("nul"), ("EOF while parsing a value".into(), 1, 3));
    assert_eq!(at("nulx"), ("expected ident".into(), 1, 4));
    assert_eq!(at("True"), ("expected value".into(), 1, 1));
    assert_eq!(parse("[]").unwrap(), Value::Array(vec![]));
    assert_eq!(parse("{}").unwrap(), Value::Object(vec![]));
    assert_eq!(
        parse(r#"{"a":[1,{"b":null}],"c":"d"}"#).unwrap(),
        Value::Object(vec![
            ("a".into(), Value::Array(vec![Value::Number("1"), Value::Object(vec![("b".into(), Value::Null)])])),
            ("c".into(), Value::String("d".into())),
        ])
    );
    assert_eq!(at("[1,]"), ("trailing comma".into(), 1, 4));
    assert_eq!(at(r#"{"a":1,}"#), ("trailing comma".into(), 1, 8));
    assert_eq!(at("[1 2]"), ("expected `,` or `]`".into(), 1, 4));
    assert_eq!(at(r#"{"a":1 "b":2}"#), ("expected `,` or `}`".into(), 1, 8));
    assert_eq!(at(r#"{"a" 1}"#), ("expected `:`".into(), 1, 6));
    assert_eq!(at("{'a':1}"), ("key must be a string".into(), 1, 2));
    assert_eq!(at("{1:1}"), ("key must be a string".into(), 1, 2));
    assert_eq!(at("[,1]"), ("expected value".into(), 1, 2));
    assert_eq!(at("[1"), ("EOF while parsing a list".into(), 1, 2));
    assert_eq!(at("[1,"), ("EOF while parsing a value".into(), 1, 3));
    assert_eq!(at(r#"{"a":1"#), ("EOF while parsing an object".into(), 1, 6));
    assert_eq!(at(r#"{"a""#).0, "EOF while parsing an object");
    assert_eq!(at(r#"{"#).0, "EOF while parsing an object");
    // Duplicate keys are kept in a generic value (the schema reader rejects them).
    assert_eq!(
        parse(r#"{"a":1,"a":2}"#).unwrap(),
        Value::Object(vec![("a".into(), Value::Number("1")), ("a".into(), Value::Number("2"))])
    );
}

#[test]
fn empty_document_and_trailing_garbage() {
    assert_eq!(at(""), ("EOF while parsing a value".into(), 1, 0));
    assert_eq!(at(" \n\t "), ("EOF while parsing a value".into(), 2, 2));
    assert_eq!(err("").kind(), ErrorKind::Eof);
    assert_eq!(at("{} x"), ("trailing characters".into(), 1, 4));
    assert_eq!(at("{}\n\n  }"), ("trailing characters".into(), 3, 3));
    assert_eq!(err("{}}").kind(), ErrorKind::Syntax);
    assert!(parse("{} \r\n\t").is_ok());
    // A byte-order mark is the caller's to strip.
    assert_eq!(at("\u{feff}{}"), ("expected value".into(), 1, 1));
}

#[test]
fn lines_and_columns_count_bytes() {
    assert_eq!(at("[\n  \"é\" x]"), ("expected `,` or `]`".into(), 2, 8));
    assert_eq!(at("[1,\n\n2,]"), ("trailing comma".into(), 3, 3));
}

#[test]
fn depth_limit_is_128() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&ok).is_ok());
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert_eq!(at(&deep), ("recursion limit exceeded".into(), 1, 129));
    assert_eq!(err(&deep).kind(), ErrorKind::Depth);
    let objects = |n: usize| format!("{}1{}", r#"{"a":"#.repeat(n), "}".repeat(n));
    assert!(parse(&objects(128)).is_ok());
    assert_eq!(err(&objects(129)).kind(), ErrorKind::Depth);
    // Depth is nesting, not count: many siblings are fine.
    assert!(parse(&format!("[{}]", vec!["[[]]"; 1000].join(","))).is_ok());
    // No stack overflow on very deep input.
    assert_eq!(err(&"[".repeat(1_000_000)).kind(), ErrorKind::Depth);
    // serde_json's limit counts one level less: it accepts 127 levels and rejects 128.
    let n = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(serde_json::from_str::<serde_json::Value>(&n(127)).is_ok());
    assert!(serde_json::from_str::<serde_json::Value>(&n(128)).is_err());
}

#[test]
fn paths_read_outwards() {
    let e = Error::new(ErrorKind::Schema, "x", 0)
        .in_key("value")
        .in_index(17)
        .in_key("points")
        .in_index(2)
        .in_key("series");
    assert_eq!(e.path(), "series[2].points[17].value");
    assert_eq!(Error::new(ErrorKind::Schema, "x", 0).path(), "");
}

/// A generic value as serde_json's, for comparisons.
fn to_serde(v: &Value<'_>) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        Value::Null => J::Null,
        Value::Bool(b) => J::Bool(*b),
        Value::Number(t) => serde_json::from_str(t).unwrap(),
        Value::String(s) => J::String(s.to_string()),
        Value::Array(a) => J::Array(a.iter().map(to_serde).collect()),
        Value::Object(m) => J::Object(m.iter().map(|(k, v)| (k.to_string(), to_serde(v))).collect()),
    }
}

#[test]
fn every_bundled_file_reads_as_serde_json_reads_it() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let ours = to_serde(&parse(&text).unwrap());
        let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(ours, theirs, "{}", path.display());
        // And through the schema: the dataset serde_json writes back is the file, byte for byte.
        let ds = crate::data::read::dataset(&text).unwrap();
        let mut back = serde_json::to_string_pretty(&ds).unwrap();
        back.push('\n');
        let reparsed: serde_json::Value = serde_json::from_str(&back).unwrap();
        assert_eq!(reparsed, theirs, "{}", path.display());
        // Every value bit for bit as serde_json would give it.
        for (s, series) in ds.series.iter().enumerate() {
            for (i, p) in series.points.iter().enumerate() {
                let v = theirs["series"][s]["points"][i]["value"].as_f64().unwrap();
                assert_eq!(p.value.to_bits(), v.to_bits(), "{} {s} {i}", path.display());
            }
        }
        n += 1;
    }
    assert!(n >= 16, "{n} files");
}

/// A small differential fuzz: byte mutations of real documents are accepted or rejected as
/// serde_json accepts or rejects them, and accepted ones read to the same value.
#[test]
fn agrees_with_serde_json_on_mutated_documents() {
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/arms-cn-ru.json")).unwrap();
    let alphabet: &[&str] = &[
        "\"", "\\", "\\u", "\\ud800", "\\udc00", "{", "}", "[", "]", ",", ":", "-", "0", "1e", ".", "e+", " ", "\n",
        "\u{1}", "é", "null", "tru", "1e999", "01",
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    let mut agreed = (0, 0);
    for _ in 0..3000 {
        let mut s = seed.clone();
        for _ in 0..1 + next(3) {
            let mut i = next(s.len() + 1);
            while !s.is_char_boundary(i) {
                i -= 1;
            }
            match next(3) {
                0 => s.insert_str(i, alphabet[next(alphabet.len())]),
                1 => {
                    let mut j = (i + 1 + next(4)).min(s.len());
                    while !s.is_char_boundary(j) {
                        j -= 1;
                    }
                    s.replace_range(i..j, "");
                }
                _ => s.truncate(i),
            }
        }
        let ours = parse(&s);
        let theirs = serde_json::from_str::<serde_json::Value>(&s);
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => {
                assert_eq!(&to_serde(a), b, "{s}");
                agreed.0 += 1;
            }
            (Err(_), Err(_)) => agreed.1 += 1,
            _ => panic!("disagree on {s:?}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }
    assert!(agreed.0 > 100 && agreed.1 > 100, "{agreed:?}");
}
