//! "More to Read": the stories most related to one story.
//!
//! A story's relatives are scored by what they share with it: its category
//! ([`SAME_CATEGORY`]), each of its tags (up to [`PER_TAG`]), and each significant word of its
//! headline and summary (up to [`PER_WORD`]; not the function words of [`STOP_WORDS`]), a tag
//! or word counting for more the rarer it is in the set (scaled by its inverse document
//! frequency). Words found in more than [`COMMON_SHARE`] of the
//! stories (and at least 20) say nothing about a story and are ignored. Ties go to the newer story. The story
//! itself is never its own relative.
//!
//! The words are looked up in the search index, so the cost is a pass or two over the set plus
//! the postings of the story's rarer words: well under a millisecond for 10,000 stories.

use crate::filter::Catalog;
use crate::order;
use crate::search::tokens::tokens;

/// Score of sharing the story's category.
pub const SAME_CATEGORY: f32 = 3.0;
/// Score of a shared tag found in only one other story; commoner tags count for less, as words
/// do, and a tag on more than [`COMMON_SHARE`] of the stories (such as "news") for nothing. In
/// sets of more than 16 stories a tag shared with one other story outranks a shared category.
pub const PER_TAG: f32 = 4.0;
/// Score of a shared word found in only one other story; commoner words count for less, in
/// proportion to their inverse document frequency. Two rare words count for less than a
/// shared category; three count for more.
pub const PER_WORD: f32 = 1.5;
/// Words in more than this share of the stories are ignored.
pub const COMMON_SHARE: f32 = 0.05;
/// In small sets a word is ignored only when it is in more than this many stories.
const MIN_COMMON: f32 = 20.0;
/// Words that relate nothing (folded, of three letters or more): the commonest function words
/// of English, French, German and Spanish, whose share of a small set is no guide; not those
/// that are also words of news in another of them ("war", "mit", "uber", "may", "die", "son").
const STOP_WORDS: &str = concat!(
    "aber about after again against all als also amid among and any are auch auf aus aux avec ",
    "avoir because been before bei being between both but can ces cette comme como could ",
    "cuando dans das dass del dem der des desde donde during each ein eine einem einer eines ",
    "entre esa ese esta estas este estos ete etre fait few for from fue haben had has hasta ",
    "have hay her hers him his how ihr ils into ist its just las les leur leurs los mais mas ",
    "might more most must muy nach nicht noch nor not nous oder off only ont onto other our ",
    "out over para pas per pero plus por pour que qui quoi said same sans say says ser ses ",
    "she should sich sie since sind sobre some sont sous such sur sus tambien than that the ",
    "their them then there these they this those through too tous tout una unas und under une ",
    "uno unos unter until upon very via vom von vous was werden were what when where which ",
    "while who whom whose why wie wir wird with within without would yet you your zum zur"
);
/// Words of fewer characters are ignored (unless written in a script without spaces, whose
/// tokens are two-character bigrams).
const MIN_WORD_CHARS: usize = 3;

impl Catalog {
    /// Up to `limit` stories related to story `story`, most related first (ties: newest first).
    /// Stories that share nothing with it are not included; an unknown story has none.
    pub fn related(&self, story: usize, limit: usize) -> Vec<usize> {
        let Some(a) = self.articles().get(story) else {
            return Vec::new();
        };
        let n = self.len();
        let mut score = vec![0f32; n];
        // Words: each distinct significant word of the headline and the summary, once.
        let mut all = tokens(&a.title);
        if let Some(s) = &a.summary {
            all.extend(tokens(s));
        }
        let mut words: Vec<order::Named<'_>> = all.iter().map(|w| (w.as_str(), 0)).collect();
        order::sort_names(&mut words);
        words.dedup_by_key(|w| w.0);
        let common = ((n as f32) * COMMON_SHARE).max(MIN_COMMON) as usize;
        for &(w, _) in &words {
            let short = w.chars().count() < MIN_WORD_CHARS
                && !w.chars().any(crate::text::is_unspaced_script);
            if short || STOP_WORDS.split(' ').any(|s| s == w) {
                continue;
            }
            let docs = self.index().postings(w);
            if docs.len() < 2 || docs.len() > common {
                continue;
            }
            let idf = PER_WORD * ((n as f32) / (docs.len() as f32)).ln() / (n as f32).ln();
            for &d in docs {
                score[d as usize] += idf;
            }
        }
        // Tags: how many stories have each of the story's tags (a pass over the set if it has any).
        let tags = self.tag_numbers(story);
        let mut tag_docs = vec![0usize; tags.len()];
        if !tags.is_empty() {
            for d in 0..n {
                for t in self.tag_numbers(d) {
                    if let Some(i) = tags.iter().position(|x| x == t) {
                        tag_docs[i] += 1;
                    }
                }
            }
        }
        let tag_score: Vec<f32> = tag_docs
            .iter()
            .map(|&docs| match docs {
                _ if docs > common || n < 2 => 0.0,
                _ => PER_TAG * ((n as f32) / (docs.max(1) as f32)).ln() / (n as f32).ln(),
            })
            .collect();
        // Category and tags: a second pass.
        let category = self.category_number(story);
        for (d, s) in score.iter_mut().enumerate() {
            if self.category_number(d) == category {
                *s += SAME_CATEGORY;
            }
            if tags.is_empty() {
                continue;
            }
            for t in self.tag_numbers(d) {
                if let Some(i) = tags.iter().position(|x| x == t) {
                    *s += tag_score[i];
                }
            }
        }
        score[story] = 0.0;
        // Highest score first, then newest first.
        let mut found: Vec<order::Keyed> = (0..n)
            .filter(|&d| score[d] > 0.0)
            .map(|d| {
                let key = u64::from(!order::of_f32(score[d])) << 32 | u64::from(self.date_rank(d));
                (key, d as u32)
            })
            .collect();
        order::keep_smallest(&mut found, limit);
        order::sort(&mut found);
        found.into_iter().map(|(_, d)| d as usize).collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::date::Timestamp;
    use crate::filter::Catalog;
    use crate::model::Article;

    fn story(id: &str, title: &str, category: &str, tags: &[&str], day: i64) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            url: None,
            external_url: None,
            category: category.into(),
            published: Timestamp(day * 86_400),
            summary: None,
            content_text: None,
            content_html: None,
            image: None,
            authors: vec![],
            tags: tags.iter().map(|t| t.to_string()).collect(),
            language: None,
        }
    }

    fn filler(i: usize) -> Article {
        story(
            &format!("f{i}"),
            &format!("Bulletin {i}"),
            "Misc",
            &[],
            i as i64,
        )
    }

    fn ids(c: &Catalog, of: usize, limit: usize) -> Vec<&str> {
        c.related(of, limit)
            .into_iter()
            .map(|i| c.articles()[i].id.as_str())
            .collect()
    }

    #[test]
    fn shared_tags_outrank_a_shared_category_and_words_break_the_rest() {
        let mut v = vec![
            story(
                "me",
                "Glacier retreat speeds up in the Alps",
                "Climate",
                &["glaciers"],
                10,
            ),
            story("tag", "Ice fields of Patagonia", "World", &["glaciers"], 1),
            story("cat", "Heat records in Spain", "Climate", &[], 2),
            story("word", "Alps rail tunnel opens", "Travel", &[], 3),
            story("both", "Alps glacier melt", "Climate", &[], 4),
        ];
        v.extend((0..40).map(filler));
        let c = Catalog::new(v);
        assert_eq!(ids(&c, 0, 4), ["both", "tag", "cat", "word"]);
    }

    #[test]
    fn never_itself_ties_newest_first_and_limited() {
        let mut v = vec![story("me", "Budget vote", "Politics", &[], 5)];
        v.extend((0..6).map(|i| story(&format!("p{i}"), "Senate", "Politics", &[], i)));
        let c = Catalog::new(v);
        assert_eq!(ids(&c, 0, 3), ["p5", "p4", "p3"]);
        assert!(!c.related(0, 100).contains(&0));
        assert!(c.related(99, 3).is_empty());
    }

    #[test]
    fn function_words_and_a_tag_on_every_story_say_nothing() {
        let mut v = vec![
            story(
                "me",
                "Restaking yields shrink, analysts warn those being paid",
                "DeFi",
                &["news", "staking"],
                9,
            ),
            story(
                "off",
                "Analysts warn that kits are being sold",
                "Security",
                &["news"],
                8,
            ),
            story(
                "none",
                "Why those were being sold",
                "Security",
                &["news"],
                7,
            ),
            story("same", "Lending rates slide", "DeFi", &["news"], 1),
        ];
        v.extend((0..40).map(|i| {
            story(
                &format!("f{i}"),
                &format!("Bulletin {i}"),
                "Misc",
                &["news"],
                0,
            )
        }));
        // "news" on all but one story still says nothing.
        v.push(story("untagged", "Bulletin", "Misc", &[], 0));
        let c = Catalog::new(v);
        // Two rare words ("analysts", "warn") count for less than the category; "that", "are",
        // "being" and the tag "news" for nothing.
        assert_eq!(ids(&c, 0, 5), ["same", "off"]);
    }

    #[test]
    fn common_words_say_nothing() {
        // "news" is in every story: it relates nothing to anything.
        let mut v: Vec<Article> = (0..50)
            .map(|i| {
                story(
                    &format!("s{i}"),
                    &format!("News item {i}"),
                    &format!("C{i}"),
                    &[],
                    i,
                )
            })
            .collect();
        v.push(story("me", "News roundup", "Solo", &[], 99));
        let c = Catalog::new(v);
        assert!(c.related(50, 5).is_empty());
    }
}
