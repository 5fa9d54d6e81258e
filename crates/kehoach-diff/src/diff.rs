//! Plan diff: items aligned by content, not by number.
