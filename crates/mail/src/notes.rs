//! The list of things that were cut or could not be read, said once each and bounded, because a
//! hostile message can make the same problem happen a million times.

use std::collections::HashSet;

/// At most this many distinct notes; an analyst reads them, a list of thousands helps nobody.
const MAX_NOTES: usize = 100;

#[derive(Debug, Default)]
pub(crate) struct Notes {
    list: Vec<String>,
    seen: HashSet<String>,
    dropped: usize,
}

impl Notes {
    pub(crate) fn add(&mut self, note: impl Into<String>) {
        let note = note.into();
        if self.seen.contains(&note) {
            return;
        }
        if self.list.len() >= MAX_NOTES {
            self.dropped += 1;
            return;
        }
        self.seen.insert(note.clone());
        self.list.push(note);
    }

    pub(crate) fn into_vec(mut self) -> Vec<String> {
        if self.dropped > 0 {
            self.list
                .push(format!("{} further notes were left out", self.dropped));
        }
        self.list
    }
}

/// A size limit as a person would say it ("64 KiB", "2 MiB").
pub(crate) fn size_in_words(bytes: usize) -> String {
    const KIB: usize = 1024;
    const MIB: usize = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_words() {
        assert_eq!(size_in_words(64 * 1024), "64 KiB");
        assert_eq!(size_in_words(2 * 1024 * 1024), "2 MiB");
        assert_eq!(size_in_words(1000), "1000 bytes");
    }

    #[test]
    fn a_note_is_said_once_and_the_list_is_bounded() {
        let mut notes = Notes::default();
        notes.add("a");
        notes.add("a");
        for i in 0..MAX_NOTES + 5 {
            notes.add(format!("n{i}"));
        }
        let list = notes.into_vec();
        assert_eq!(list.len(), MAX_NOTES + 1);
        assert_eq!(list[0], "a");
        assert_eq!(list[MAX_NOTES], "6 further notes were left out");
    }
}
