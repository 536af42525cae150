//! Deserialising a file that failed to load again, watched: a wrapper
//! around serde_yaml's deserializer (as `serde_path_to_error` wraps one)
//! that keeps the key path it is at, and whose error type is our own
//! [`Fault`], so that serde's derive hands it its errors as data
//! (`unknown_field`, `missing_field`, `invalid_type`, …) instead of as
//! English text.
//!
//! serde_yaml must still see an error of its own type to put its line and
//! column on it: each layer of the wrapper that gives an error back to
//! serde_yaml stashes the [`Fault`] in a side slot and hands serde_yaml a
//! marker error, which it locates as it would have located the original. An
//! error of serde_yaml's own (its scanner's and parser's, the type errors
//! it builds from a YAML event) passes through unchanged, each layer
//! keeping it in a slot of its own type while our code carries a
//! [`Fault::Inner`]; the wrapper notes the key path it surfaced at, and
//! whether serde_yaml built it against one of our visitors' expectations.
//!
//! Only a file that failed to deserialise is read this way: a clean file is
//! deserialised once, unwatched.
//!
//! One unit: serde's `Deserializer`, `Visitor`, `SeqAccess`, `MapAccess`,
//! `EnumAccess` and `VariantAccess` are wrapped together, each handing the
//! next its wrapped counterpart; most of the length is their methods, each
//! forwarding to the one it wraps.

use std::cell::RefCell;
use std::fmt;

use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};

use super::Seg;
use super::rules::FoundKind;

/// What the marker error serde_yaml locates says.
const MARKER: &str = "\u{0}terbuka: the error is kept beside this one\u{0}";

/// A deserialising error, as serde hands it over.
#[derive(Debug, Clone)]
pub(crate) enum Fault {
    /// An error of the wrapped deserializer's own, kept by the layer it
    /// came from.
    Inner,
    /// A key the struct does not have; `expected` are the ones it has.
    UnknownField { field: String, expected: &'static [&'static str] },
    /// A required key left out.
    MissingField { field: &'static str },
    /// A key written twice.
    DuplicateField { field: &'static str },
    /// A value not among `expected`.
    UnknownVariant { variant: String, expected: &'static [&'static str] },
    /// A value of the wrong type.
    InvalidType { found: Found, expected: String },
    /// A value of the right type that is not allowed.
    InvalidValue { found: Found, expected: String },
    /// A list or map of the wrong length.
    InvalidLength { len: usize, expected: String },
    /// Anything else, in the words of the code that raised it (chrono's
    /// date errors, the model's own checks).
    Custom(String),
}

/// A value found where another was expected: serde's `Unexpected`, kept.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// Its kind.
    pub kind: FoundKind,
    /// serde's words for it (`string "tiga"`, `integer `5``).
    pub shown: String,
}

impl From<de::Unexpected<'_>> for Found {
    fn from(u: de::Unexpected<'_>) -> Self {
        use de::Unexpected as U;
        let kind = match u {
            U::Str(_) | U::Char(_) => FoundKind::Text,
            U::Signed(_) | U::Unsigned(_) => FoundKind::Integer,
            U::Float(_) => FoundKind::Float,
            U::Bool(_) => FoundKind::Bool,
            U::Unit | U::Option => FoundKind::Nothing,
            U::Seq => FoundKind::List,
            U::Map => FoundKind::Map,
            _ => FoundKind::Other,
        };
        Found { kind, shown: u.to_string() }
    }
}

/// serde's words for a list of names: "`a`", "`a` or `b`", "one of `a`,
/// `b`, `c`".
fn one_of(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [a] => format!("`{a}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => format!("one of {}", names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")),
    }
}

/// serde's own words for each error, as `de::Error`'s default methods
/// write them.
impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::Inner => f.write_str("an error of the YAML parser"),
            Fault::UnknownField { field, expected: [] } => write!(f, "unknown field `{field}`, there are no fields"),
            Fault::UnknownField { field, expected } => {
                write!(f, "unknown field `{field}`, expected {}", one_of(expected))
            }
            Fault::MissingField { field } => write!(f, "missing field `{field}`"),
            Fault::DuplicateField { field } => write!(f, "duplicate field `{field}`"),
            Fault::UnknownVariant { variant, expected: [] } => {
                write!(f, "unknown variant `{variant}`, there are no variants")
            }
            Fault::UnknownVariant { variant, expected } => {
                write!(f, "unknown variant `{variant}`, expected {}", one_of(expected))
            }
            Fault::InvalidType { found, expected } => write!(f, "invalid type: {}, expected {expected}", found.shown),
            Fault::InvalidValue { found, expected } => write!(f, "invalid value: {}, expected {expected}", found.shown),
            Fault::InvalidLength { len, expected } => write!(f, "invalid length {len}, expected {expected}"),
            Fault::Custom(text) => f.write_str(text),
        }
    }
}

impl std::error::Error for Fault {}

impl de::Error for Fault {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Fault::Custom(msg.to_string())
    }

    fn invalid_type(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Fault::InvalidType { found: unexp.into(), expected: exp.to_string() }
    }

    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Fault::InvalidValue { found: unexp.into(), expected: exp.to_string() }
    }

    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Self {
        Fault::InvalidLength { len, expected: exp.to_string() }
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Fault::UnknownVariant { variant: variant.to_owned(), expected }
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Fault::UnknownField { field: field.to_owned(), expected }
    }

    fn missing_field(field: &'static str) -> Self {
        Fault::MissingField { field }
    }

    fn duplicate_field(field: &'static str) -> Self {
        Fault::DuplicateField { field }
    }
}

/// Why a watched deserialisation failed.
#[derive(Debug)]
pub(crate) struct Failure {
    /// serde_yaml's error, located (the marker, when `fault` is set).
    pub error: Option<serde_yaml::Error>,
    /// The error as serde handed it over, when our code raised it.
    pub fault: Option<Fault>,
    /// The key path the error concerns (the value's, or the mapping's for
    /// a key that is unknown, missing or written twice).
    pub path: Vec<Seg>,
    /// What the visitor expected, when serde_yaml built a type error of its
    /// own against it (it asked the visitor what it expects).
    pub expected: Option<String>,
}

/// Deserialises `text` as a `T`, watched.
pub(crate) fn deserialize<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, Failure> {
    let t = Tracker::default();
    let slot = RefCell::new(None);
    let result = T::deserialize(Track { de: serde_yaml::Deserializer::from_str(text), slot: &slot, t: &t, key: None });
    match result {
        Ok(value) => Ok(value),
        Err(fault) => {
            let error = slot.into_inner();
            let marked = error.as_ref().is_some_and(|e| e.to_string().contains(MARKER));
            let (fault, path) = match (t.stash.into_inner(), fault) {
                (Some((fault, path)), _) if marked => (Some(fault), path),
                (_, Fault::Inner) => (None, t.surfaced.into_inner().unwrap_or_default()),
                (_, fault) => (Some(fault), t.path.into_inner()),
            };
            let expected = t.expected.into_inner().filter(|_| fault.is_none());
            Err(Failure { error, fault, path, expected })
        }
    }
}

/// What the layers share: where they are, and what went wrong.
#[derive(Default)]
struct Tracker {
    /// The key path of the value being read.
    path: RefCell<Vec<Seg>>,
    /// The fault handed to serde_yaml as the marker, and where.
    stash: RefCell<Option<(Fault, Vec<Seg>)>>,
    /// Where serde_yaml's own error first surfaced.
    surfaced: RefCell<Option<Vec<Seg>>>,
    /// What a visitor said it expects, when serde_yaml last asked (it asks
    /// to word a type error it builds itself).
    expected: RefCell<Option<String>>,
}

impl Tracker {
    /// `fault`, handed back to serde_yaml (or another deserializer) as its
    /// own error: the fault is stashed, the marker goes on.
    fn lower<E: de::Error>(&self, fault: Fault) -> E {
        *self.stash.borrow_mut() = Some((fault, self.path.borrow().clone()));
        E::custom(MARKER)
    }

    /// What a layer gives back: the inner error it kept, when one passed
    /// through our code, else `fault` lowered.
    fn give_back<E: de::Error>(&self, fault: Fault, slot: RefCell<Option<E>>) -> E {
        match (fault, slot.into_inner()) {
            (Fault::Inner, Some(inner)) => inner,
            (fault, _) => self.lower(fault),
        }
    }

    /// An inner error, kept in `slot` while our code carries
    /// [`Fault::Inner`].
    fn lift<E>(&self, error: E, slot: &RefCell<Option<E>>) -> Fault {
        let mut surfaced = self.surfaced.borrow_mut();
        if surfaced.is_none() {
            *surfaced = Some(self.path.borrow().clone());
        }
        *slot.borrow_mut() = Some(error);
        Fault::Inner
    }
}

/// The wrapped deserializer; `key` records the scalar it reads when it
/// reads a mapping's key.
struct Track<'a, D, E> {
    de: D,
    slot: &'a RefCell<Option<E>>,
    t: &'a Tracker,
    key: Option<&'a RefCell<Option<Seg>>>,
}

impl<'a, D, E> Track<'a, D, E> {
    fn wrap<V>(&self, v: V) -> Wrap<'a, V> {
        Wrap { v, t: self.t, key: self.key }
    }
}

macro_rules! forward {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Fault> {
            let (wrapped, t, slot) = (self.wrap(visitor), self.t, self.slot);
            self.de.$method(wrapped).map_err(|e| t.lift(e, slot))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Track<'_, D, D::Error> {
    type Error = Fault;

    forward! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64 deserialize_char deserialize_str deserialize_string deserialize_bytes
        deserialize_byte_buf deserialize_option deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier deserialize_ignored_any
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, Fault> {
        let (wrapped, t, slot) = (self.wrap(visitor), self.t, self.slot);
        self.de.deserialize_unit_struct(name, wrapped).map_err(|e| t.lift(e, slot))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, Fault> {
        let (wrapped, t, slot) = (self.wrap(visitor), self.t, self.slot);
        self.de.deserialize_newtype_struct(name, wrapped).map_err(|e| t.lift(e, slot))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Fault> {
        let (wrapped, t, slot) = (self.wrap(visitor), self.t, self.slot);
        self.de.deserialize_tuple(len, wrapped).map_err(|e| t.lift(e, slot))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Fault> {
        let (wrapped, t, slot) = (self.wrap(visitor), self.t, self.slot);
        self.de.deserialize_tuple_struct(name, len, wrapped).map_err(|e| t.lift(e, slot))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Fault> {
        let (wrapped, t, slot) = (self.wrap(visitor), self.t, self.slot);
        self.de.deserialize_struct(name, fields, wrapped).map_err(|e| t.lift(e, slot))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Fault> {
        let (wrapped, t, slot) = (self.wrap(visitor), self.t, self.slot);
        self.de.deserialize_enum(name, variants, wrapped).map_err(|e| t.lift(e, slot))
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// A visitor, wrapped: the values it is handed pass through, its errors go
/// back as the caller's, and the accesses it is handed are wrapped in turn.
struct Wrap<'a, V> {
    v: V,
    t: &'a Tracker,
    key: Option<&'a RefCell<Option<Seg>>>,
}

impl<V> Wrap<'_, V> {
    /// Records the scalar a mapping's key is.
    fn note(&self, seg: impl FnOnce() -> Seg) {
        if let Some(key) = self.key {
            *key.borrow_mut() = Some(seg());
        }
    }
}

macro_rules! scalar {
    ($($method:ident($ty:ty) $note:expr;)*) => {$(
        fn $method<E: de::Error>(self, value: $ty) -> Result<Self::Value, E> {
            let note: Option<fn(&$ty) -> Seg> = $note;
            if let Some(note) = note {
                self.note(|| note(&value));
            }
            let t = self.t;
            self.v.$method(value).map_err(|f| t.lower(f))
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // serde_yaml asks only to word a type error of its own.
        struct Expecting<'v, V>(&'v V);
        impl<'de, V: Visitor<'de>> fmt::Display for Expecting<'_, V> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.expecting(f)
            }
        }
        *self.t.expected.borrow_mut() = Some(Expecting(&self.v).to_string());
        self.v.expecting(f)
    }

    scalar! {
        visit_bool(bool) Some(|v| Seg::Key(v.to_string()));
        visit_i8(i8) Some(|v| Seg::Key(v.to_string()));
        visit_i16(i16) Some(|v| Seg::Key(v.to_string()));
        visit_i32(i32) Some(|v| Seg::Key(v.to_string()));
        visit_i64(i64) Some(|v| Seg::Key(v.to_string()));
        visit_i128(i128) Some(|v| Seg::Key(v.to_string()));
        visit_u8(u8) Some(|v| Seg::Key(v.to_string()));
        visit_u16(u16) Some(|v| Seg::Key(v.to_string()));
        visit_u32(u32) Some(|v| Seg::Key(v.to_string()));
        visit_u64(u64) Some(|v| Seg::Key(v.to_string()));
        visit_u128(u128) Some(|v| Seg::Key(v.to_string()));
        visit_f32(f32) Some(|v| Seg::Key(v.to_string()));
        visit_f64(f64) Some(|v| Seg::Key(v.to_string()));
        visit_char(char) Some(|v| Seg::Key(v.to_string()));
        visit_string(String) Some(|v| Seg::Key(v.clone()));
        visit_byte_buf(Vec<u8>) None;
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        self.note(|| Seg::Key(value.to_owned()));
        let t = self.t;
        self.v.visit_str(value).map_err(|f| t.lower(f))
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
        self.note(|| Seg::Key(value.to_owned()));
        let t = self.t;
        self.v.visit_borrowed_str(value).map_err(|f| t.lower(f))
    }

    fn visit_bytes<E: de::Error>(self, value: &[u8]) -> Result<Self::Value, E> {
        let t = self.t;
        self.v.visit_bytes(value).map_err(|f| t.lower(f))
    }

    fn visit_borrowed_bytes<E: de::Error>(self, value: &'de [u8]) -> Result<Self::Value, E> {
        let t = self.t;
        self.v.visit_borrowed_bytes(value).map_err(|f| t.lower(f))
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        let t = self.t;
        self.v.visit_none().map_err(|f| t.lower(f))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        let t = self.t;
        self.v.visit_unit().map_err(|f| t.lower(f))
    }

    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        let (t, slot) = (self.t, RefCell::new(None));
        match self.v.visit_some(Track { de, slot: &slot, t, key: None }) {
            Ok(value) => Ok(value),
            Err(fault) => Err(t.give_back(fault, slot)),
        }
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        let (t, slot) = (self.t, RefCell::new(None));
        match self.v.visit_newtype_struct(Track { de, slot: &slot, t, key: None }) {
            Ok(value) => Ok(value),
            Err(fault) => Err(t.give_back(fault, slot)),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let (t, slot) = (self.t, RefCell::new(None));
        match self.v.visit_seq(TrackSeq { seq, slot: &slot, t, index: 0 }) {
            Ok(value) => Ok(value),
            Err(fault) => Err(t.give_back(fault, slot)),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let (t, slot) = (self.t, RefCell::new(None));
        match self.v.visit_map(TrackMap { map, slot: &slot, t, key: RefCell::new(None) }) {
            Ok(value) => Ok(value),
            Err(fault) => Err(t.give_back(fault, slot)),
        }
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        let (t, slot) = (self.t, RefCell::new(None));
        match self.v.visit_enum(TrackEnum { data, slot: &slot, t }) {
            Ok(value) => Ok(value),
            Err(fault) => Err(t.give_back(fault, slot)),
        }
    }
}

/// A seed, wrapped: what it deserialises is read through [`Track`].
struct TrackSeed<'a, S> {
    seed: S,
    t: &'a Tracker,
    key: Option<&'a RefCell<Option<Seg>>>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for TrackSeed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<S::Value, D::Error> {
        let (t, slot) = (self.t, RefCell::new(None));
        match self.seed.deserialize(Track { de, slot: &slot, t, key: self.key }) {
            Ok(value) => Ok(value),
            Err(fault) => Err(t.give_back(fault, slot)),
        }
    }
}

/// A list, wrapped: each item's index is on the path while it is read.
struct TrackSeq<'a, A, E> {
    seq: A,
    slot: &'a RefCell<Option<E>>,
    t: &'a Tracker,
    index: usize,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for TrackSeq<'_, A, A::Error> {
    type Error = Fault;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Fault> {
        self.t.path.borrow_mut().push(Seg::Index(self.index));
        let result = self.seq.next_element_seed(TrackSeed { seed, t: self.t, key: None });
        let result = result.map_err(|e| self.t.lift(e, self.slot));
        self.t.path.borrow_mut().pop();
        self.index += 1;
        result
    }

    fn size_hint(&self) -> Option<usize> {
        self.seq.size_hint()
    }
}

/// A mapping, wrapped: each key is read as it is written, and is on the
/// path while its value is read.
struct TrackMap<'a, A, E> {
    map: A,
    slot: &'a RefCell<Option<E>>,
    t: &'a Tracker,
    key: RefCell<Option<Seg>>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for TrackMap<'_, A, A::Error> {
    type Error = Fault;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Fault> {
        *self.key.borrow_mut() = None;
        let key = &self.key;
        // The key's seed lives only for this call: it borrows `self.key`
        // through a reference that does not outlive it.
        let result = {
            let seed = TrackKey { seed, t: self.t, key };
            self.map.next_key_seed(seed)
        };
        result.map_err(|e| self.t.lift(e, self.slot))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Fault> {
        let seg = self.key.borrow_mut().take().unwrap_or_else(|| Seg::Key("?".to_owned()));
        self.t.path.borrow_mut().push(seg);
        let result = self.map.next_value_seed(TrackSeed { seed, t: self.t, key: None });
        let result = result.map_err(|e| self.t.lift(e, self.slot));
        self.t.path.borrow_mut().pop();
        result
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// A key's seed: [`TrackSeed`], recording the scalar the key is.
struct TrackKey<'a, 'k, S> {
    seed: S,
    t: &'a Tracker,
    key: &'k RefCell<Option<Seg>>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for TrackKey<'_, '_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<S::Value, D::Error> {
        let (t, slot) = (self.t, RefCell::new(None));
        match self.seed.deserialize(Track { de, slot: &slot, t, key: Some(self.key) }) {
            Ok(value) => Ok(value),
            Err(fault) => Err(t.give_back(fault, slot)),
        }
    }
}

/// An enum's access, wrapped.
struct TrackEnum<'a, A, E> {
    data: A,
    slot: &'a RefCell<Option<E>>,
    t: &'a Tracker,
}

impl<'a, 'de, A: EnumAccess<'de>> EnumAccess<'de> for TrackEnum<'a, A, A::Error> {
    type Error = Fault;
    type Variant = TrackVariant<'a, A::Variant, A::Error>;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self::Variant), Fault> {
        let (t, slot) = (self.t, self.slot);
        match self.data.variant_seed(TrackSeed { seed, t, key: None }) {
            Ok((value, variant)) => Ok((value, TrackVariant { variant, slot, t })),
            Err(e) => Err(t.lift(e, slot)),
        }
    }
}

/// A variant's access, wrapped.
struct TrackVariant<'a, A, E> {
    variant: A,
    slot: &'a RefCell<Option<E>>,
    t: &'a Tracker,
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for TrackVariant<'_, A, A::Error> {
    type Error = Fault;

    fn unit_variant(self) -> Result<(), Fault> {
        let (t, slot) = (self.t, self.slot);
        self.variant.unit_variant().map_err(|e| t.lift(e, slot))
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, Fault> {
        let (t, slot) = (self.t, self.slot);
        self.variant.newtype_variant_seed(TrackSeed { seed, t, key: None }).map_err(|e| t.lift(e, slot))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Fault> {
        let (t, slot) = (self.t, self.slot);
        let wrapped = Wrap { v: visitor, t, key: None };
        self.variant.tuple_variant(len, wrapped).map_err(|e| t.lift(e, slot))
    }

    fn struct_variant<V: Visitor<'de>>(self, fields: &'static [&'static str], visitor: V) -> Result<V::Value, Fault> {
        let (t, slot) = (self.t, self.slot);
        let wrapped = Wrap { v: visitor, t, key: None };
        self.variant.struct_variant(fields, wrapped).map_err(|e| t.lift(e, slot))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assessment, Institution};

    fn fail<T: for<'de> Deserialize<'de> + fmt::Debug>(text: &str) -> Failure {
        match deserialize::<T>(text) {
            Ok(value) => panic!("{value:?}"),
            Err(failure) => failure,
        }
    }

    fn shown(path: &[Seg]) -> String {
        crate::diag::path::display(path)
    }

    #[test]
    fn serde_s_errors_arrive_as_data_located_by_serde_yaml() {
        let f = fail::<Institution>("id: a\nname: A\nkind: public-service\nfocal-pont: x\n");
        match &f.fault {
            Some(Fault::UnknownField { field, expected }) => {
                assert_eq!(field, "focal-pont");
                assert!(expected.contains(&"focal-point"), "{expected:?}");
            }
            other => panic!("{other:?}"),
        }
        assert!(f.error.as_ref().and_then(|e| e.location()).is_some(), "{:?}", f.error);

        let f = fail::<Institution>("id: a\nname: A\n");
        assert!(matches!(f.fault, Some(Fault::MissingField { field: "kind" })), "{:?}", f.fault);
    }

    #[test]
    fn the_path_comes_from_the_wrapper() {
        let text = "institution: a\nperiod: p\npoints:\n  x:\n    level: 1\n    evidence:\n      - {file: a.pdf}\n      - {file: b.pdf, nama: c}\n";
        let f = fail::<Assessment>(text);
        assert!(matches!(&f.fault, Some(Fault::UnknownField { field, .. }) if field == "nama"), "{:?}", f.fault);
        assert_eq!(shown(&f.path), "points.x.evidence[1]");

        // serde_yaml's own type error: the path where it surfaced, and what
        // the visitor expected.
        let f = fail::<Assessment>("institution: a\nperiod: p\npoints:\n  x:\n    level: satu\n");
        assert!(f.fault.is_none(), "{:?}", f.fault);
        assert_eq!(shown(&f.path), "points.x.level");
        assert_eq!(f.expected.as_deref(), Some("u32"));
    }
}
