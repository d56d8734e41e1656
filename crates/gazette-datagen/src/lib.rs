//! The text shaping the benchmark generator applies to HuffPost rows, shared with
//! `gazette-cli`'s JSON lines reader so that both turn a row into the same story.

pub mod text;
