//! `terbuka validate`: the sample is clean, and every rule's message is
//! located and rendered in full.
