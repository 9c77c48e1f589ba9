//! Interning strings to small integer ids, with garbage collection.
//!
//! Used by the grapheme pool (multi-codepoint clusters in cells) and the
//! hyperlink table (OSC 8 targets in cell attributes). Ids are reused after
//! a collection frees them, so a collection may only run when every id in
//! use is known to the caller (see [`Interner::retain`]).

use std::collections::HashMap;

/// A string-to-id table with a free list.
#[derive(Debug, Clone)]
pub struct Interner {
    map: HashMap<Box<str>, u32>,
    entries: Vec<Option<Box<str>>>,
    free: Vec<u32>,
    max: u32,
    /// Bumped by every collection that freed an id.
    epoch: u32,
}

impl Interner {
    /// An empty table handing out ids `first..=max`; ids below `first` are
    /// never used (so 0 can mean "none").
    pub fn new(first: u32, max: u32) -> Interner {
        Interner {
            map: HashMap::new(),
            entries: vec![None; first as usize],
            free: Vec::new(),
            max,
            epoch: 0,
        }
    }

    /// The id of `s`, adding it when new; `None` when the table is full.
    pub fn intern(&mut self, s: &str) -> Option<u32> {
        if let Some(&id) = self.map.get(s) {
            return Some(id);
        }
        let id = match self.free.pop() {
            Some(id) => id,
            None => {
                let id = u32::try_from(self.entries.len()).ok()?;
                if id > self.max {
                    return None;
                }
                self.entries.push(None);
                id
            }
        };
        let boxed: Box<str> = s.into();
        self.entries[id as usize] = Some(boxed.clone());
        self.map.insert(boxed, id);
        Some(id)
    }

    /// The string of an id, if in use.
    #[inline]
    pub fn get(&self, id: u32) -> Option<&str> {
        self.entries.get(id as usize)?.as_deref()
    }

    /// Number of ids in use.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when no id is in use.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Counter bumped whenever a collection frees ids; holders of cached ids
    /// must drop their cache when it changes.
    pub fn epoch(&self) -> u32 {
        self.epoch
    }

    /// Frees every id for which `live` is false.
    ///
    /// `live` is indexed by id and must have been filled from every place
    /// that can hold an id.
    pub fn retain(&mut self, live: &[bool]) {
        let mut freed = false;
        for (id, entry) in self.entries.iter_mut().enumerate() {
            if entry.is_some() && !live.get(id).copied().unwrap_or(false) {
                if let Some(s) = entry.take() {
                    self.map.remove(&s);
                }
                self.free.push(id as u32);
                freed = true;
            }
        }
        if freed {
            self.epoch = self.epoch.wrapping_add(1);
        }
    }

    /// One past the highest id ever handed out (the size for a `live` mask).
    pub fn capacity(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_is_stable_and_bounded() {
        let mut t = Interner::new(1, 3);
        assert_eq!(t.intern("a"), Some(1));
        assert_eq!(t.intern("b"), Some(2));
        assert_eq!(t.intern("a"), Some(1));
        assert_eq!(t.intern("c"), Some(3));
        assert_eq!(t.intern("d"), None);
        assert_eq!(t.get(2), Some("b"));
        assert_eq!(t.get(0), None);
        assert_eq!(t.get(99), None);
    }

    #[test]
    fn retain_frees_and_reuses() {
        let mut t = Interner::new(1, 100);
        t.intern("a");
        t.intern("b");
        t.intern("c");
        let mut live = vec![false; t.capacity()];
        live[2] = true;
        let e = t.epoch();
        t.retain(&live);
        assert_ne!(t.epoch(), e);
        assert_eq!(t.len(), 1);
        assert_eq!(t.get(1), None);
        assert_eq!(t.get(2), Some("b"));
        let id = t.intern("z").unwrap();
        assert!(id == 1 || id == 3);
        assert_eq!(t.intern("b"), Some(2));
        let e = t.epoch();
        t.retain(&[false, true, true, true]);
        assert_eq!(t.epoch(), e, "nothing freed, epoch unchanged");
    }
}
