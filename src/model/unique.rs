//! Maps that refuse a key written twice. serde's own `BTreeMap` keeps the
//! last value silently, so without these a duplicated point id would only
//! be caught by the location index — and `load` builds that index only when
//! a file has a problem (see `load::parse_text`).

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

/// How a map refuses a key written twice: "duplicate field `key`", worded
/// as serde words a struct's (a key can be any text, and serde's
/// `duplicate_field` takes only a name known when the program is built),
/// so that `load` reports both alike.
pub const DUPLICATE_KEY: &str = "duplicate field";

struct UniqueVisitor<K, V>(PhantomData<(K, V)>);

impl<'de, K, V> Visitor<'de> for UniqueVisitor<K, V>
where
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    type Value = BTreeMap<K, V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        while let Some(key) = map.next_key::<K>()? {
            if out.contains_key(&key) {
                return Err(de::Error::custom(format_args!("{DUPLICATE_KEY} `{key}`")));
            }
            let value = map.next_value()?;
            out.insert(key, value);
        }
        Ok(out)
    }
}

/// A map in which no key is written twice.
pub(crate) fn map<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    deserializer.deserialize_map(UniqueVisitor(PhantomData))
}

/// A map of maps, in neither of which a key is written twice.
pub(crate) fn nested<'de, D, K, K2, V>(deserializer: D) -> Result<BTreeMap<K, BTreeMap<K2, V>>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    K2: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    struct Inner<K2, V>(BTreeMap<K2, V>);
    impl<'de, K2, V> Deserialize<'de> for Inner<K2, V>
    where
        K2: Deserialize<'de> + Ord + fmt::Display,
        V: Deserialize<'de>,
    {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            map(deserializer).map(Inner)
        }
    }
    let outer: BTreeMap<K, Inner<K2, V>> = map(deserializer)?;
    Ok(outer.into_iter().map(|(k, Inner(v))| (k, v)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Doc {
        #[serde(deserialize_with = "map")]
        flat: BTreeMap<String, u32>,
        #[serde(deserialize_with = "nested", default)]
        deep: BTreeMap<String, BTreeMap<String, u32>>,
    }

    #[test]
    fn a_key_written_twice_is_an_error_at_any_depth() {
        let ok: Doc = serde_yaml::from_str("flat: {a: 1, b: 2}\ndeep: {x: {a: 1}, y: {a: 2}}\n").unwrap();
        assert_eq!(ok.flat.len(), 2);
        assert_eq!(ok.deep["y"]["a"], 2);
        let flat = serde_yaml::from_str::<Doc>("flat: {a: 1, a: 2}\n").unwrap_err();
        assert!(flat.to_string().starts_with("flat: duplicate field `a`"), "{flat}");
        let deep = serde_yaml::from_str::<Doc>("flat: {}\ndeep: {x: {a: 1, a: 2}}\n").unwrap_err();
        assert!(deep.to_string().contains("duplicate field `a`"), "{deep}");
        let outer = serde_yaml::from_str::<Doc>("flat: {}\ndeep: {x: {}, x: {}}\n").unwrap_err();
        assert!(outer.to_string().contains("duplicate field `x`"), "{outer}");
    }
}
