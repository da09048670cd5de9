//! How the schema types read themselves through serde, on every deserializer (serde_json for JSON
//! text, serde-wasm-bindgen for JavaScript objects), beyond what `#[derive(Deserialize)]` gives:
//!
//! - a struct is read only from a map (`{…}`): serde's derive also takes a sequence in field order,
//!   which would make `["2000", 1, "s"]` a point; [`MapOnly`] asks the deserializer for a map, so
//!   anything else is `invalid type: sequence, expected struct Dataset`;
//! - a series' `points` list and `columns` object are read straight into [`Points`]' columns (no
//!   list of point objects on the way), and series on the same periods share one period column.

use super::points::{Builder, Periods, Points, SourceIds};
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::rc::Rc;

/// A type that reads itself from a map (its derived, `remote = "Self"` reader).
pub(super) trait FromMap<'de>: Sized {
    const NAME: &'static str;
    fn from_map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// Reads `T` from a map only (see the module doc).
pub(super) fn map_only<'de, T: FromMap<'de>, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    struct MapOnly<T>(PhantomData<T>);
    impl<'de, T: FromMap<'de>> Visitor<'de> for MapOnly<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "struct {}", T::NAME)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::from_map(map)
        }
    }
    d.deserialize_map(MapOnly(PhantomData))
}

/// `Deserialize` (map only) and `Serialize` for types whose derives are `remote = "Self"`.
macro_rules! map_only_impls {
    ($($t:ident),* $(,)?) => {$(
        impl<'de> $crate::data::de::FromMap<'de> for $t {
            const NAME: &'static str = stringify!($t);
            fn from_map<A: serde::de::MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
                $t::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::data::de::map_only(d)
            }
        }
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $t::serialize(self, s)
            }
        }
    )*};
}
pub(super) use map_only_impls;

/// A string, borrowed from the input where it has no escapes.
struct Text<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// `text` as a shared id: the same `Rc` as `before` when equal (neighbouring points mostly name
/// the same source).
fn shared(text: &str, before: Option<&Rc<str>>) -> Rc<str> {
    match before {
        Some(b) if **b == *text => b.clone(),
        _ => Rc::from(text),
    }
}

/// One point of a `points` list, as written.
#[derive(serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields, rename = "Point")]
struct PointDoc<'a> {
    #[serde(borrow)]
    period: Cow<'a, str>,
    value: f64,
    #[serde(borrow)]
    source: Cow<'a, str>,
    label: Option<String>,
    note: Option<String>,
}

impl<'de> FromMap<'de> for PointDoc<'de> {
    const NAME: &'static str = "Point";
    fn from_map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        PointDoc::deserialize(MapAccessDeserializer::new(map))
    }
}

impl<'de> Deserialize<'de> for PointDoc<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        map_only(d)
    }
}

/// A `points` list, read into columns.
impl<'de> Deserialize<'de> for Points {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Points;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Points, A::Error> {
                let mut b = Builder::default();
                let mut last: Option<Rc<str>> = None;
                while let Some(p) = seq.next_element::<PointDoc>()? {
                    let source = shared(&p.source, last.as_ref());
                    last = Some(source.clone());
                    b.push(&p.period, p.value, source, p.label, p.note);
                }
                Ok(b.finish())
            }
        }
        d.deserialize_seq(V)
    }
}

/// A period column: one buffer of texts.
impl<'de> Deserialize<'de> for Periods {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Periods;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Periods, A::Error> {
                let mut column = Periods::default();
                while let Some(Text(p)) = seq.next_element()? {
                    column.push(&p);
                }
                Ok(column)
            }
        }
        d.deserialize_seq(V)
    }
}

/// A source column: one id for every point, or one per point.
impl<'de> Deserialize<'de> for SourceIds {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SourceIds;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a sequence of strings")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<SourceIds, E> {
                Ok(SourceIds::One(Rc::from(v)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<SourceIds, A::Error> {
                let mut out: Vec<Rc<str>> = Vec::new();
                while let Some(Text(s)) = seq.next_element()? {
                    out.push(shared(&s, out.last()));
                }
                Ok(SourceIds::Each(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A series' points as columns (the compact form): `period`, `value` and `source` (one id for
/// every point, or one per point), optionally `label` and `note` (`null` where a point has none).
#[derive(serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub(super) struct Columns {
    period: Periods,
    value: Vec<f64>,
    source: SourceIds,
    label: Option<Vec<Option<String>>>,
    note: Option<Vec<Option<String>>>,
}

impl<'de> FromMap<'de> for Columns {
    const NAME: &'static str = "Columns";
    fn from_map<A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        Columns::deserialize(MapAccessDeserializer::new(map))
    }
}

impl<'de> Deserialize<'de> for Columns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        map_only(d)
    }
}

impl Columns {
    /// The points, or which column is not as long as `value`.
    pub(super) fn into_points(self) -> Result<Points, String> {
        let n = self.value.len();
        Points::from_columns(Rc::new(self.period), self.value, self.source, self.label, self.note)
            .map_err(|r| r.message(n))
    }
}
