//! Dense in-memory indices for database ids, laid out so that serial ids stay cache-friendly.
//!
//! Reports, indicators and campaigns are named by serial database ids, and new ones arrive in
//! roughly increasing order. A hash table of millions of ids costs a cache miss per lookup at any
//! size past the caches, which is what made the per-report cost grow with the number of stored
//! reports. Two layouts avoid that:
//!
//! * [`IdIndex`] maps ids to dense indices through direct-mapped pages of 1,024 slots: the ids a
//!   new report touches (itself, its new campaign) sit next to the previous ones.
//! * [`DenseStore`] goes one step further for indicators, which are looked up many times: the
//!   value lives in the page slot of its id, and the id itself is the index, so looking up an
//!   indicator costs one cache miss instead of two.
//!
//! Ids that would make the pages too sparse (negative, huge or scattered ids) spill into a hash
//! map, so memory stays bounded whatever ids the caller uses.

use std::collections::HashMap;

const PAGE_BITS: u32 = 10;
const PAGE: usize = 1 << PAGE_BITS;
const EMPTY: u32 = u32::MAX;
/// Pages are only used for ids below this (a directory of at most 4M entries, 16 MiB).
const MAX_DIRECT: i64 = 1 << 32;
/// Direct storage may use this many bytes per stored id (plus the allowance below) before new ids
/// spill to the hash map, which costs about that much per entry.
const BYTES_PER_ID: usize = 32;
const ALLOWANCE: usize = 1 << 20;

/// Map from an id to a dense index (`u32` below `u32::MAX`).
#[derive(Clone, Debug)]
pub(crate) struct IdIndex {
    /// Page number -> position in `pages`, or `EMPTY`.
    directory: Vec<u32>,
    pages: Vec<[u32; PAGE]>,
    spill: HashMap<i64, u32, ahash::RandomState>,
    len: usize,
}

impl IdIndex {
    pub(crate) fn new(hasher: ahash::RandomState) -> Self {
        Self {
            directory: Vec::new(),
            pages: Vec::new(),
            spill: HashMap::with_hasher(hasher),
            len: 0,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    fn page_of(id: i64) -> Option<(usize, usize)> {
        if (0..MAX_DIRECT).contains(&id) {
            Some(((id >> PAGE_BITS) as usize, (id as usize) & (PAGE - 1)))
        } else {
            None
        }
    }

    pub(crate) fn get(&self, id: i64) -> Option<u32> {
        if let Some((p, off)) = Self::page_of(id)
            && let Some(&slot) = self.directory.get(p)
            && slot != EMPTY
        {
            let v = self.pages[slot as usize][off];
            if v != EMPTY {
                return Some(v);
            }
        }
        if self.spill.is_empty() {
            None
        } else {
            self.spill.get(&id).copied()
        }
    }

    pub(crate) fn contains(&self, id: i64) -> bool {
        self.get(id).is_some()
    }

    /// Inserts an id known to be absent.
    pub(crate) fn insert(&mut self, id: i64, value: u32) {
        self.len += 1;
        if let Some((p, off)) = Self::page_of(id)
            && let Some(slot) = self.page_for(p)
        {
            self.pages[slot][off] = value;
            return;
        }
        self.spill.insert(id, value);
    }

    pub(crate) fn remove(&mut self, id: i64) {
        if let Some((p, off)) = Self::page_of(id)
            && let Some(&slot) = self.directory.get(p)
            && slot != EMPTY
            && self.pages[slot as usize][off] != EMPTY
        {
            self.pages[slot as usize][off] = EMPTY;
            self.len -= 1;
            return;
        }
        if self.spill.remove(&id).is_some() {
            self.len -= 1;
        }
    }

    /// The page for page number `p`, allocated if the memory budget allows.
    fn page_for(&mut self, p: usize) -> Option<usize> {
        if let Some(&slot) = self.directory.get(p)
            && slot != EMPTY
        {
            return Some(slot as usize);
        }
        let directory = self.directory.len().max(p + 1) * 4;
        let pages = (self.pages.len() + 1) * PAGE * 4;
        if directory + pages > self.len * BYTES_PER_ID + ALLOWANCE {
            return None;
        }
        if self.directory.len() <= p {
            self.directory.resize(p + 1, EMPTY);
        }
        let slot = self.pages.len();
        self.pages.push([EMPTY; PAGE]);
        self.directory[p] = slot as u32;
        Some(slot)
    }
}

/// Indices at or above this are spilled entries; below it, an index is the id itself.
pub(crate) const SPILL_BASE: u32 = 1 << 31;
/// Spilled entries stop here, below the marks the correlator uses (`u32::MAX - 16` and up).
const SPILL_LIMIT: usize = (u32::MAX - 16 - SPILL_BASE) as usize;

/// Values keyed by database id, stored in the page slot of their id where the ids are dense
/// enough, and addressed by a `u32` index: the id itself, or `SPILL_BASE + k` for the k-th
/// spilled id.
#[derive(Clone, Debug)]
pub(crate) struct DenseStore<T> {
    /// Page number -> position in `pages`, or `EMPTY`.
    directory: Vec<u32>,
    pages: Vec<Page<T>>,
    spill: Vec<T>,
    spill_ext: Vec<i64>,
    spill_index: HashMap<i64, u32, ahash::RandomState>,
    len: usize,
    /// Bytes of one value, for the memory budget.
    value_bytes: usize,
}

#[derive(Clone, Debug)]
struct Page<T> {
    present: [u64; PAGE / 64],
    values: Box<[T]>,
}

impl<T: Default + Clone> DenseStore<T> {
    pub(crate) fn new(hasher: ahash::RandomState) -> Self {
        Self {
            directory: Vec::new(),
            pages: Vec::new(),
            spill: Vec::new(),
            spill_ext: Vec::new(),
            spill_index: HashMap::with_hasher(hasher),
            len: 0,
            value_bytes: std::mem::size_of::<T>().max(1),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The index of an id, if present.
    pub(crate) fn index_of(&self, id: i64) -> Option<u32> {
        if (0..i64::from(SPILL_BASE)).contains(&id) {
            let (p, off) = ((id >> PAGE_BITS) as usize, (id as usize) & (PAGE - 1));
            if let Some(&slot) = self.directory.get(p)
                && slot != EMPTY
                && self.pages[slot as usize].present[off / 64] & (1 << (off % 64)) != 0
            {
                return Some(id as u32);
            }
        }
        if self.spill_index.is_empty() {
            None
        } else {
            self.spill_index.get(&id).copied()
        }
    }

    /// Inserts an absent id with a default value and returns its index; `None` once the spill
    /// space is exhausted (billions of scattered ids).
    pub(crate) fn insert(&mut self, id: i64) -> Option<u32> {
        if (0..i64::from(SPILL_BASE)).contains(&id) {
            let (p, off) = ((id >> PAGE_BITS) as usize, (id as usize) & (PAGE - 1));
            if let Some(slot) = self.page_for(p) {
                self.pages[slot].present[off / 64] |= 1 << (off % 64);
                self.len += 1;
                return Some(id as u32);
            }
        }
        if self.spill.len() >= SPILL_LIMIT {
            return None;
        }
        let i = SPILL_BASE + self.spill.len() as u32;
        self.spill.push(T::default());
        self.spill_ext.push(id);
        self.spill_index.insert(id, i);
        self.len += 1;
        Some(i)
    }

    /// The id of an index.
    pub(crate) fn id_of(&self, i: u32) -> i64 {
        if i < SPILL_BASE {
            i64::from(i)
        } else {
            self.spill_ext
                .get((i - SPILL_BASE) as usize)
                .copied()
                .unwrap_or(-1)
        }
    }

    /// Every index present: direct ones in id order, then spilled ones in insertion order.
    pub(crate) fn indices(&self) -> impl Iterator<Item = u32> + '_ {
        let direct = self
            .directory
            .iter()
            .enumerate()
            .filter(|&(_, &slot)| slot != EMPTY)
            .flat_map(move |(p, &slot)| {
                let present = self.pages[slot as usize].present;
                (0..PAGE)
                    .filter(move |off| present[off / 64] & (1 << (off % 64)) != 0)
                    .map(move |off| (p * PAGE + off) as u32)
            });
        direct.chain((0..self.spill.len() as u32).map(|k| SPILL_BASE + k))
    }

    /// Room for `additional` spilled values (direct pages are allocated whole as needed).
    pub(crate) fn reserve_spill(&mut self, additional: usize) {
        if !self.spill.is_empty() {
            self.spill.reserve(additional);
        }
    }

    fn page_for(&mut self, p: usize) -> Option<usize> {
        if let Some(&slot) = self.directory.get(p)
            && slot != EMPTY
        {
            return Some(slot as usize);
        }
        // Pages may hold at most twice the values present (plus an allowance), so scattered
        // ids cannot make memory explode.
        let directory = self.directory.len().max(p + 1) * 4;
        let pages = (self.pages.len() + 1) * PAGE * self.value_bytes;
        if directory + pages > 2 * (self.len + 1) * self.value_bytes + 4 * ALLOWANCE {
            return None;
        }
        if self.directory.len() <= p {
            self.directory.resize(p + 1, EMPTY);
        }
        let slot = self.pages.len();
        self.pages.push(Page {
            present: [0; PAGE / 64],
            values: vec![T::default(); PAGE].into_boxed_slice(),
        });
        self.directory[p] = slot as u32;
        Some(slot)
    }
}

impl<T> std::ops::Index<usize> for DenseStore<T> {
    type Output = T;

    fn index(&self, i: usize) -> &T {
        if i < SPILL_BASE as usize {
            &self.pages[self.directory[i >> PAGE_BITS] as usize].values[i & (PAGE - 1)]
        } else {
            &self.spill[i - SPILL_BASE as usize]
        }
    }
}

impl<T> std::ops::IndexMut<usize> for DenseStore<T> {
    fn index_mut(&mut self, i: usize) -> &mut T {
        if i < SPILL_BASE as usize {
            &mut self.pages[self.directory[i >> PAGE_BITS] as usize].values[i & (PAGE - 1)]
        } else {
            &mut self.spill[i - SPILL_BASE as usize]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> IdIndex {
        IdIndex::new(ahash::RandomState::with_seeds(1, 2, 3, 4))
    }

    #[test]
    fn serial_negative_and_huge_ids_round_trip() {
        let mut ix = index();
        let ids: Vec<i64> = (1..5000)
            .chain([0, -1, i64::MIN, i64::MAX, 1 << 40, (1 << 32) - 1])
            .collect();
        for (k, &id) in ids.iter().enumerate() {
            assert_eq!(ix.get(id), None);
            ix.insert(id, k as u32);
        }
        assert_eq!(ix.len(), ids.len());
        for (k, &id) in ids.iter().enumerate() {
            assert_eq!(ix.get(id), Some(k as u32), "{id}");
        }
        assert_eq!(ix.get(5000), None);
        ix.remove(17);
        ix.remove(i64::MIN);
        ix.remove(999_999); // absent: no effect
        assert_eq!(ix.get(17), None);
        assert_eq!(ix.get(i64::MIN), None);
        assert_eq!(ix.len(), ids.len() - 2);
        ix.insert(17, 7);
        assert_eq!(ix.get(17), Some(7));
    }

    #[test]
    fn scattered_ids_spill_instead_of_allocating_pages() {
        let mut ix = index();
        // One id per page over the whole direct range would be 4 KiB per id in pages.
        let n = 20_000i64;
        for k in 0..n {
            ix.insert(k * ((1 << 32) / n), k as u32);
        }
        let direct = ix.directory.len() * 4 + ix.pages.len() * PAGE * 4;
        assert!(direct <= n as usize * BYTES_PER_ID + ALLOWANCE, "{direct}");
        assert!(!ix.spill.is_empty());
        for k in 0..n {
            assert_eq!(ix.get(k * ((1 << 32) / n)), Some(k as u32));
        }
    }

    #[test]
    fn dense_store_keys_by_id_and_spills_the_rest() {
        let mut st: DenseStore<u64> = DenseStore::new(ahash::RandomState::with_seeds(1, 2, 3, 4));
        let ids: Vec<i64> = (5..3000)
            .chain([
                -7,
                i64::MAX,
                1 << 40,
                i64::from(SPILL_BASE),
                i64::from(SPILL_BASE) - 1,
            ])
            .collect();
        for &id in &ids {
            assert_eq!(st.index_of(id), None);
            let i = st.insert(id).expect("room");
            st[i as usize] = id as u64 ^ 0xff;
        }
        assert_eq!(st.len(), ids.len());
        for &id in &ids {
            let i = st.index_of(id).expect("present");
            assert_eq!(st.id_of(i), id);
            assert_eq!(st[i as usize], id as u64 ^ 0xff);
        }
        // Serial ids are their own index.
        assert_eq!(st.index_of(1234), Some(1234));
        assert!(st.index_of(-7).is_some_and(|i| i >= SPILL_BASE));
        assert_eq!(st.index_of(4), None);
        let mut all: Vec<i64> = st.indices().map(|i| st.id_of(i)).collect();
        all.sort_unstable();
        let mut want = ids.clone();
        want.sort_unstable();
        assert_eq!(all, want);
    }

    #[test]
    fn dense_store_memory_stays_bounded_for_scattered_ids() {
        let mut st: DenseStore<[u64; 4]> =
            DenseStore::new(ahash::RandomState::with_seeds(1, 2, 3, 4));
        let n = 5_000i64;
        for k in 0..n {
            let id = k * (i64::from(SPILL_BASE) / n);
            let i = st.insert(id).expect("room");
            assert_eq!(st.id_of(i), id);
        }
        let direct = st.directory.len() * 4 + st.pages.len() * PAGE * 32;
        assert!(
            direct <= 2 * (n as usize + 1) * 32 + 4 * ALLOWANCE,
            "{direct}"
        );
        assert!(!st.spill.is_empty());
    }
}
