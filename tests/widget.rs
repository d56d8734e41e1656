//! Browser tests of the widget's components, in headless Chromium (wasm-bindgen-test).

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use gazette::browser::FetchError;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn cards_render_with_badges_links_and_pictures() {
    let (f, asked) = fetcher(vec![Ok(SAMPLE.into())]);
    let root = mount(f);
    until("cards", || !headlines(&root).is_empty()).await;
    assert_eq!(asked.borrow().as_slice(), ["memory://articles.json"]);
    assert_eq!(
        headlines(&root),
        [
            "Regulators publish stablecoin reserve rules",
            "An on-chain résumé pilot starts",
            "Exchange restructuring plan filed",
            "Alliance forms for metaverse standards"
        ]
    );
    let first = &all(&root, "article")[0];
    let link = first.query_selector("h3 a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://news.example/a")
    );
    let badge = first.query_selector(".gz-badge").unwrap().unwrap();
    assert_eq!(text(&badge), "Policy & Regulation");
    assert!(badge.class_name().contains("gz-swatch-"));
    let time = first.query_selector("time").unwrap().unwrap();
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2025-02-10T09:00:00Z")
    );
    assert!(text(&time).contains("2025"), "{}", text(&time));
    let relative = text(&first.query_selector(".gz-relative").unwrap().unwrap());
    assert!(
        relative.contains("ago") || relative.contains("last"),
        "{relative}"
    );
    let img = first.query_selector("img").unwrap().unwrap();
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(img.get_attribute("alt").as_deref(), Some("A bar chart"));
    assert_eq!(
        text(&first.query_selector(".gz-byline").unwrap().unwrap()),
        "By Zoë Lindqvist"
    );

    // The javascript: link never becomes a link.
    let second = &all(&root, "article")[1];
    assert!(second.query_selector("a").unwrap().is_none());
    assert!(all(&root, "a")
        .iter()
        .all(|a| a.get_attribute("href").unwrap().starts_with("https://")));
}

/// The widgets drawn in the test page so far.
fn widgets_in_page() -> u32 {
    let doc = web_sys::window().unwrap().document().unwrap();
    doc.query_selector_all(".gazette").unwrap().length()
}

#[wasm_bindgen_test]
async fn the_stories_are_asked_for_before_the_widget_is_first_drawn() {
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let log = seen.clone();
    let f = gazette::Fetcher::new(move |_url: String| {
        log.borrow_mut().push(widgets_in_page());
        async { Ok(SAMPLE.to_string()) }
    });
    let before = widgets_in_page();
    let root = mount(f);
    until("cards", || !headlines(&root).is_empty()).await;
    assert_eq!(widgets_in_page(), before + 1);
    // One request, made while the widget was not yet in the page.
    assert_eq!(*seen.borrow(), [before]);
}

#[wasm_bindgen_test]
async fn the_widget_says_how_many_stories_it_could_not_show() {
    let root = mount_sample().await;
    let notice = root.query_selector(".gz-notice").unwrap().unwrap();
    assert!(
        text(&notice).starts_with("1 of the 5 stories"),
        "{}",
        text(&notice)
    );
    // Announced: it arrives in a live region that was in the page before it.
    let live = notice.closest("[aria-live]").unwrap().unwrap();
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));
    assert!(live.closest("[role=alert]").unwrap().is_none());
    until("the count", || status(&root) == "4 stories").await;
}

#[wasm_bindgen_test]
async fn typing_filters_ignoring_accents_and_announces_the_count() {
    let root = mount_sample().await;
    let search = input_labelled(&root, "Search stories");
    assert_eq!(search.type_(), "search");
    type_into(&search, "RESUME");
    until("one card", || headlines(&root).len() == 1).await;
    assert_eq!(headlines(&root), ["An on-chain résumé pilot starts"]);
    until("the count", || status(&root) == "1 story matches").await;
    type_into(&search, "zoe stablecoins");
    until("author and tag match", || {
        headlines(&root) == ["Regulators publish stablecoin reserve rules"]
    })
    .await;
    type_into(&search, "nothing like this");
    until("empty state", || {
        root.query_selector(".gz-empty").unwrap().is_some()
    })
    .await;
    until("the count", || status(&root) == "No stories match").await;
    button(&root, "Clear all filters").click();
    until("all back", || headlines(&root).len() == 4).await;
    // (The box may be written in a render of its own.)
    until("the search box empty", || search.value().is_empty()).await;
}

#[wasm_bindgen_test]
async fn a_category_chip_toggles_and_keeps_other_counts() {
    let root = mount_sample().await;
    let chip = button(&root, "Policy & Regulation");
    assert_eq!(chip.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(
        chip.get_attribute("aria-label").as_deref(),
        Some("Policy & Regulation, 2 stories")
    );
    chip.click();
    until("two cards", || headlines(&root).len() == 2).await;
    let chip = button(&root, "Policy & Regulation");
    assert_eq!(chip.get_attribute("aria-pressed").as_deref(), Some("true"));
    let other = button(&root, "Technology");
    assert_eq!(
        other.get_attribute("aria-label").as_deref(),
        Some("Technology, 1 story"),
        "other counts stay"
    );
    assert_eq!(
        button(&root, "All")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("false")
    );
    button(&root, "Technology").click();
    until("three cards", || headlines(&root).len() == 3).await;
    button(&root, "All").click();
    until("all cards", || headlines(&root).len() == 4).await;
    assert_eq!(
        button(&root, "Policy & Regulation")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn bad_json_shows_a_message_and_retry_loads_again() {
    let (f, asked) = fetcher(vec![Ok("{\"articles\": [".into()), Ok(SAMPLE.into())]);
    let root = mount(f);
    let alert = alert_text(&root).await;
    assert!(alert.contains("The news could not be read"), "{alert}");
    assert!(alert.contains("not valid JSON"), "{alert}");
    assert!(headlines(&root).is_empty());
    button(&root, "Retry").click();
    until("cards after retry", || headlines(&root).len() == 4).await;
    assert_eq!(asked.borrow().len(), 2);
    assert!(root.query_selector("[role=alert]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn server_and_network_errors_say_what_happened() {
    let (f, _) = fetcher(vec![Err(FetchError::Http {
        status: 404,
        status_text: "Not Found".into(),
    })]);
    let root = mount(f);
    let alert = alert_text(&root).await;
    assert!(
        alert.contains("The server answered 404 Not Found."),
        "{alert}"
    );
    // Over HTTP/2 there is no reason phrase: the usual one is given, or none (no stray space).
    for (status, said) in [(404, "404 Not Found."), (418, "418.")] {
        let (f, _) = fetcher(vec![Err(FetchError::Http {
            status,
            status_text: String::new(),
        })]);
        let root = mount(f);
        let alert = alert_text(&root).await;
        assert!(
            alert.contains(&format!("The server answered {said}")),
            "{alert}"
        );
    }

    let (f, _) = fetcher(vec![Err(FetchError::Network("Failed to fetch".into()))]);
    let root = mount(f);
    let alert = alert_text(&root).await;
    assert!(alert.contains("Check your connection"), "{alert}");
}

#[wasm_bindgen_test]
async fn hostile_text_is_shown_as_text_never_as_markup() {
    let doc = r#"{"articles": [{"id": "x", "category": "<img src=x onerror=alert(1)>",
        "title": "<script>alert(1)</script>Breaking", "summary": "<img src=x onerror=alert(2)> & more",
        "published": "2025-01-01T00:00:00Z", "authors": ["<b>Mallory</b>"]}]}"#;
    let (f, _) = fetcher(vec![Ok(doc.into())]);
    let root = mount(f);
    until("card", || headlines(&root).len() == 1).await;
    assert!(all(&root, "script").is_empty());
    assert!(
        all(&root, "img").is_empty(),
        "no element comes from feed text"
    );
    assert!(all(&root, "b").is_empty());
    assert_eq!(
        text(&all(&root, ".gz-badge")[0]),
        "<img src=x onerror=alert(1)>"
    );
}

#[wasm_bindgen_test]
async fn show_more_adds_a_page_of_cards() {
    let items: Vec<String> = (0..30)
        .map(|i| format!(r#"{{"id": "s{i}", "title": "Story {i}", "category": "Markets", "published": "2024-01-{:02}T00:00:00Z"}}"#, i % 28 + 1))
        .collect();
    let doc = format!(r#"{{"articles": [{}]}}"#, items.join(","));
    let (f, _) = fetcher(vec![Ok(doc)]);
    let root = mount(f);
    until("first page", || headlines(&root).len() == 24).await;
    until("the count", || status(&root) == "30 stories").await;
    button(&root, "Show more stories").click();
    until("second page", || headlines(&root).len() == 30).await;
    assert!(all(&root, "button")
        .iter()
        .all(|b| text(b) != "Show more stories"));
}

#[wasm_bindgen_test]
async fn matched_words_are_marked_in_headlines_as_nodes() {
    let root = mount_sample().await;
    type_into(&input_labelled(&root, "Search stories"), "resume");
    until("one card", || headlines(&root).len() == 1).await;
    let marks: Vec<String> = all(&root, "article h3 mark").iter().map(text).collect();
    assert_eq!(marks, ["résumé"]);
    assert_eq!(
        headlines(&root),
        ["An on-chain résumé pilot starts"],
        "the text is whole"
    );
}

#[wasm_bindgen_test]
async fn a_story_found_by_its_author_or_tag_shows_the_match_there() {
    let root = mount_sample().await;
    let search = input_labelled(&root, "Search stories");
    type_into(&search, "zoe");
    let marks = |selector: &str| -> Vec<String> { all(&root, selector).iter().map(text).collect() };
    until("the author marked", || marks(".gz-byline mark") == ["Zoë"]).await;
    assert_eq!(headlines(&root).len(), 1);
    assert!(marks("article h3 mark").is_empty());
    type_into(&search, "stablecoins ");
    until("the tag marked", || {
        marks(".gz-tag mark") == ["stablecoins"]
    })
    .await;
    assert!(marks(".gz-byline mark").is_empty(), "the author no longer");
}

#[wasm_bindgen_test]
async fn an_excerpt_is_taken_around_a_match_deep_in_a_long_summary() {
    let filler = "Background paragraph words that say nothing in particular here. ".repeat(8);
    let doc = format!(
        r#"{{"articles": [{{"id": "deep", "title": "Council budget", "category": "Local",
            "published": "2025-01-01T00:00:00Z", "summary": "{filler} The lighthouse repairs are finally funded."}}]}}"#
    );
    let (f, _) = fetcher(vec![Ok(doc)]);
    let root = mount(f);
    until("card", || headlines(&root).len() == 1).await;
    type_into(&input_labelled(&root, "Search stories"), "lighthouse");
    until("mark", || !all(&root, ".gz-excerpt mark").is_empty()).await;
    let excerpt = text(&all(&root, ".gz-excerpt")[0]);
    assert!(excerpt.starts_with('…'), "{excerpt}");
    assert!(excerpt.contains("lighthouse repairs"), "{excerpt}");
}

#[wasm_bindgen_test]
async fn author_and_year_facets_narrow_the_list_and_keep_other_counts() {
    let (f, _) = fetcher(vec![Ok(SAMPLE.into())]);
    let root = mount(f);
    until("cards", || headlines(&root).len() == 4).await;
    // The facets are built when the reader opens "More filters".
    assert!(all(&root, "fieldset").is_empty(), "no facets while closed");
    let summary: web_sys::HtmlElement =
        wasm_bindgen::JsCast::dyn_into(all(&root, ".gz-more-filters > summary")[0].clone())
            .unwrap();
    summary.click();
    until("the facets", || !all(&root, "fieldset").is_empty()).await;
    let details: web_sys::HtmlDetailsElement =
        wasm_bindgen::JsCast::dyn_into(all(&root, ".gz-more-filters")[0].clone()).unwrap();
    assert!(details.open(), "the panel is open");
    let author = all(&root, "fieldset")
        .into_iter()
        .find(|fs| text(fs).starts_with("Authors"))
        .expect("an Authors group");
    let boxes = all(&author, "input[type=checkbox]");
    assert_eq!(boxes.len(), 1, "one author in the sample");
    // The count shows "1", and the box is named "Zoë Lind, 1 story" (no stray space before
    // the comma).
    let count = &all(&author, ".gz-count")[0];
    assert_eq!(text(count), "1");
    assert_eq!(count.get_attribute("aria-hidden").as_deref(), Some("true"));
    let name = boxes[0].get_attribute("aria-label").unwrap_or_default();
    assert!(
        name.ends_with(", 1 story") && !name.contains(" ,"),
        "{name}"
    );
    let zoe: web_sys::HtmlElement = wasm_bindgen::JsCast::dyn_into(boxes[0].clone()).unwrap();
    zoe.click();
    until("one card", || headlines(&root).len() == 1).await;
    assert_eq!(
        headlines(&root),
        ["Regulators publish stablecoin reserve rules"]
    );
    // The year group still counts every year under the other filters (the author's only story is from 2025).
    let years = all(&root, "fieldset")
        .into_iter()
        .find(|fs| text(fs).starts_with("Year"))
        .unwrap();
    let year_text = text(&years);
    assert!(
        year_text.contains("2025") && year_text.contains("2023"),
        "{year_text}"
    );
    zoe.click();
    until("all back", || headlines(&root).len() == 4).await;
}

#[wasm_bindgen_test]
async fn a_quoted_phrase_only_matches_words_side_by_side() {
    let (f, _) = fetcher(vec![Ok(SAMPLE.into())]);
    let root = mount(f);
    until("cards", || headlines(&root).len() == 4).await;
    let search = input_labelled(&root, "Search stories");
    type_into(&search, "\"restructuring plan\"");
    until("one card", || headlines(&root).len() == 1).await;
    type_into(&search, "\"plan restructuring\"");
    until("empty", || {
        root.query_selector(".gz-empty").unwrap().is_some()
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_document_over_the_size_limit_is_refused_with_a_message() {
    let story = r#"{"id": "s", "title": "Padding story", "category": "X", "published": "2024-01-01T00:00:00Z", "summary": "PADDING"}"#;
    let big = format!(
        r#"{{"articles": [{}]}}"#,
        vec![story.replace("PADDING", &"x".repeat(1_000)); 1_500].join(",")
    );
    let (f, _) = fetcher(vec![Ok(big)]);
    let root = mount_with(f, |p| p.max_mb = 1);
    until("the message", || {
        text(&root).contains("The news file is too large (more than 1.6 MB; the limit is 1 MB).")
    })
    .await;
    assert!(headlines(&root).is_empty());
    // The limit is the site's to raise, not the publisher's fault.
    assert!(text(&root).contains("raise max-mb"), "{}", text(&root));
}

#[wasm_bindgen_test]
async fn two_widgets_of_one_feed_are_two_landmarks_apart() {
    let (f, _) = fetcher(vec![Ok(SAMPLE.into())]);
    let first = mount_with(f, |p| p.heading = Some("Twin desk".into()));
    let (f, _) = fetcher(vec![Ok(SAMPLE.into())]);
    let second = mount_with(f, |p| p.heading = Some("Twin desk".into()));
    until("cards", || {
        !headlines(&first).is_empty() && !headlines(&second).is_empty()
    })
    .await;
    let name = |root: &web_sys::Element| {
        let search = root.query_selector("form[role=search]").unwrap().unwrap();
        (
            text(&all(root, "h2")[0]),
            search.get_attribute("aria-label").unwrap(),
        )
    };
    assert_eq!(
        name(&first),
        ("Twin desk".into(), "Search Twin desk".into())
    );
    assert_eq!(
        name(&second),
        ("Twin desk (2)".into(), "Search Twin desk (2)".into())
    );
    // The number is read out only: the visible heading is the same.
    let hidden = second
        .query_selector("h2 .gz-visually-hidden")
        .unwrap()
        .unwrap();
    assert_eq!(text(&hidden), " (2)");
}

#[wasm_bindgen_test]
async fn merged_feeds_in_different_languages_mark_their_shared_words_as_of_no_one_language() {
    let feed = |language: &str, category: &str| {
        format!(
            r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "{category} desk", "language": "{language}",
            "items": [{{"id": "{category}", "title": "A story of {category}", "tags": ["{category}"],
            "date_published": "2024-01-01T00:00:00Z"}}]}}"#
        )
    };
    let (f, _) = fetcher(vec![Ok(feed("ar", "Souk")), Ok(feed("en", "Harbour"))]);
    let root = mount_with(f, |p| p.src = "memory://ar.json memory://en.json".into());
    until("cards", || headlines(&root).len() == 2).await;
    let chip_names = all(&root, ".gz-chip bdi");
    assert_eq!(chip_names.len(), 2);
    for name in chip_names {
        assert_eq!(name.get_attribute("lang").as_deref(), Some(""));
        assert_eq!(name.get_attribute("dir").as_deref(), Some("auto"));
    }
    // Each story still speaks its own feed's language.
    let langs: Vec<_> = all(&root, ".gz-headline")
        .iter()
        .map(|h| h.get_attribute("lang").unwrap_or_default())
        .collect();
    assert_eq!(langs, ["ar", "en"]);
    // Dates are marked with the language they come out in, the reader's own here.
    let time = root.query_selector("time").unwrap().unwrap();
    assert!(!time.get_attribute("lang").unwrap_or_default().is_empty());
}

#[wasm_bindgen_test]
async fn the_stories_before_a_document_breaks_off_still_show_with_a_notice() {
    let cut = r#"{"version": "https://jsonfeed.org/version/1.1", "items": [
        {"id": "1", "title": "First whole story", "date_published": "2024-01-03T00:00:00Z"},
        {"id": "2", "title": "Second whole story", "date_published": "2024-01-02T00:00:00Z"},
        {"id": "3", "title": "Cut in the midd"#;
    let (f, _) = fetcher(vec![Ok(cut.into())]);
    let root = mount(f);
    until("cards", || headlines(&root).len() == 2).await;
    assert_eq!(
        headlines(&root),
        ["First whole story", "Second whole story"]
    );
    let notice = text(&root.query_selector(".gz-notice").unwrap().unwrap());
    assert!(notice.contains("could not be read to its end"), "{notice}");
    assert!(notice.contains("not valid JSON"), "{notice}");
    assert!(root.query_selector("[role=alert]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn of_merged_sources_one_that_breaks_off_keeps_the_stories_before_the_break() {
    let whole = r#"{"title": "Whole", "articles": [
        {"id": "w", "title": "From the whole one", "published": "2024-01-04T00:00:00Z"}]}"#;
    let cut = r#"{"title": "Cut", "articles": [
        {"id": "c1", "title": "Before the break", "published": "2024-01-03T00:00:00Z"},
        {"id": "c2", "title": "In the bre"#;
    let (f, _) = fetcher(vec![Ok(whole.into()), Ok(cut.into())]);
    let root = mount_with(f, |p| {
        p.src = "memory://whole.json memory://cut.json".into()
    });
    until("cards", || headlines(&root).len() == 2).await;
    assert_eq!(headlines(&root), ["From the whole one", "Before the break"]);
    let notice = text(&root.query_selector(".gz-notice").unwrap().unwrap());
    assert!(notice.contains("memory://cut.json"), "{notice}");
    assert!(notice.contains("could not be read to its end"), "{notice}");
    assert!(notice.contains("not valid JSON"), "{notice}");
}

#[wasm_bindgen_test]
async fn a_document_that_breaks_after_its_stories_keeps_its_title() {
    // Small enough to be read in one step, before any preview: the title comes from the reader.
    let broken = r#"{"title": "Comma desk", "articles": [
        {"id": "1", "title": "Only story", "published": "2024-01-03T00:00:00Z"}],}"#;
    let (f, _) = fetcher(vec![Ok(broken.into())]);
    let root = mount(f);
    until("cards", || headlines(&root).len() == 1).await;
    let title = text(&root.query_selector(".gz-title").unwrap().unwrap());
    assert_eq!(title, "Comma desk");
    // The fault is after the list: no story is missing, and the notice says so.
    let notice = text(&root.query_selector(".gz-notice").unwrap().unwrap());
    assert!(
        notice.contains("has a fault after its last story; all its stories are shown"),
        "{notice}"
    );
    assert!(notice.contains("not valid JSON"), "{notice}");
}

#[wasm_bindgen_test]
async fn a_french_widget_speaks_french_and_writes_its_numbers_the_french_way() {
    let (f, _) = fetcher(vec![Ok(SAMPLE.into())]);
    let root = mount_with(f, |p| p.words = &gazette_core::words::FRENCH);
    until("cards", || !headlines(&root).is_empty()).await;
    let section = root.query_selector("section").unwrap().unwrap();
    assert_eq!(section.get_attribute("lang").as_deref(), Some("fr"));
    until("the count", || status(&root) == "4 articles").await;
    let notice = text(&root.query_selector(".gz-notice").unwrap().unwrap());
    assert!(
        notice.starts_with("1 article sur 5 n’a pas pu être affiché"),
        "{notice}"
    );
    let chips = root.query_selector("[role=group]").unwrap().unwrap();
    assert_eq!(
        chips.get_attribute("aria-label").as_deref(),
        Some("Rubriques")
    );
    let all_chip = button(&root, "Toutes");
    assert_eq!(
        all_chip.get_attribute("aria-label").as_deref(),
        Some("Toutes, 4 articles")
    );
    let search = input_labelled(&root, "Rechercher des articles");
    type_into(&search, "RESUME");
    until("the count", || status(&root) == "1 article correspond").await;
    type_into(&search, "nothing like this");
    until("the count", || {
        status(&root) == "Aucun article ne correspond"
    })
    .await;
    button(&root, "Effacer tous les filtres").click();
    until("all back", || headlines(&root).len() == 4).await;
    // The byline's list is joined in French too.
    let bylines: Vec<String> = all(&root, ".gz-byline").iter().map(text).collect();
    assert!(bylines.iter().all(|b| b.starts_with("Par ")), "{bylines:?}");
    assert!(!bylines.iter().any(|b| b.contains(" and ")), "{bylines:?}");
}

#[wasm_bindgen_test]
async fn a_german_widget_explains_a_failed_load_in_german() {
    let (f, _) = fetcher(vec![Err(FetchError::Http {
        status: 404,
        status_text: String::new(),
    })]);
    let root = mount_with(f, |p| p.words = &gazette_core::words::GERMAN);
    let alert = alert_text(&root).await;
    assert!(
        alert.contains("Die Nachrichten konnten nicht geladen werden"),
        "{alert}"
    );
    // The reason phrase is English: the number stands alone.
    assert!(alert.contains("Der Server antwortete mit 404."), "{alert}");
    button(&root, "Erneut versuchen");
}

#[wasm_bindgen_test]
fn a_widget_speaks_its_locale_else_the_page_s_language_else_english() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let words_of = |outer_lang: Option<&str>, locale: Option<&str>, in_shadow: bool| {
        let outer = doc.create_element("div").unwrap();
        if let Some(l) = outer_lang {
            outer.set_attribute("lang", l).unwrap();
        }
        let el = doc.create_element("div").unwrap();
        el.set_attribute("data-gazette", "").unwrap();
        if let Some(l) = locale {
            el.set_attribute("data-locale", l).unwrap();
        }
        doc.body().unwrap().append_child(&outer).unwrap();
        if in_shadow {
            let init = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
            let shadow = outer.attach_shadow(&init).unwrap();
            shadow.append_child(&el).unwrap();
        } else {
            outer.append_child(&el).unwrap();
        }
        let props = gazette::config::props_for(&el, 0, Default::default());
        outer.remove();
        (props.words.lang, props.locale.to_string())
    };
    let reader = web_sys::window().unwrap().navigator().language().unwrap();
    assert!(
        reader.starts_with("en"),
        "the test browser reads English: {reader}"
    );
    // Words and dates in the page's language.
    assert_eq!(words_of(Some("de-AT"), None, false), ("de", "de-AT".into()));
    assert_eq!(words_of(Some("es"), None, true), ("es", "es".into()));
    // The locale wins over the page.
    assert_eq!(
        words_of(Some("de"), Some("fr-CA"), false),
        ("fr", "fr-CA".into())
    );
    // A locale the widget has no words for: dates in it, words in English.
    assert_eq!(words_of(Some("de"), Some("ja"), false), ("en", "ja".into()));
    // A malformed locale counts as none: the page's language.
    assert_eq!(
        words_of(Some("de"), Some("not a tag!"), false),
        ("de", "de".into())
    );
    // On a page in the reader's language, dates keep the reader's own form.
    assert_eq!(words_of(Some("en-AU"), None, false), ("en", String::new()));
    assert_eq!(words_of(Some("pt-BR"), None, false), ("en", "pt-BR".into()));
    // A page written `fr_FR` (some templates' form) is a French page too.
    assert_eq!(words_of(Some("fr_FR"), None, false), ("fr", "fr-FR".into()));
    assert_eq!(words_of(Some("en_GB"), None, false), ("en", String::new()));
}

#[wasm_bindgen_test]
async fn stories_without_a_category_are_under_the_widget_s_word_for_other() {
    let doc = r#"{"articles": [
        {"id": "a", "title": "Sans rubrique", "url": "https://example.com/a", "published": "2026-01-02T10:00:00Z"},
        {"id": "b", "title": "Avec rubrique", "url": "https://example.com/b", "published": "2026-01-01T10:00:00Z", "category": "Sport"}
    ]}"#;
    let (f, _) = fetcher(vec![Ok(doc.into())]);
    let root = mount_with(f, |p| p.words = &gazette_core::words::GERMAN);
    until("cards", || headlines(&root).len() == 2).await;
    let badges: Vec<String> = all(&root, ".gz-badge").iter().map(text).collect();
    assert_eq!(badges, ["Sonstiges", "Sport"]);
    button(&root, "Sonstiges");
}

/// A widget of fifteen categories ("C0" has 15 stories, "C1" 14… "C14" one), with "C14" on.
async fn fifteen_categories_with_the_rarest_on() -> web_sys::Element {
    let stories: Vec<String> = (0..15)
        .flat_map(|c| {
            (0..15 - c).map(move |n| {
                format!(
                    r#"{{"id": "s{c}-{n}", "title": "Story {c} {n}", "url": "https://example.com/{c}/{n}", "published": "2026-01-01T10:00:00Z", "category": "C{c}"}}"#
                )
            })
        })
        .collect();
    let doc = format!(r#"{{"articles": [{}]}}"#, stories.join(","));
    let (f, _) = fetcher(vec![Ok(doc)]);
    let root = mount_with(f, |p| p.categories = vec!["C14".into()]);
    until("cards", || !headlines(&root).is_empty()).await;
    root
}

#[wasm_bindgen_test]
async fn many_categories_show_the_most_frequent_and_the_rest_behind_a_button() {
    let root = fifteen_categories_with_the_rarest_on().await;
    let chips = || -> Vec<String> { all(&root, ".gz-chip bdi").iter().map(text).collect() };
    // The ten most frequent, and the one that is on.
    let shown = chips();
    assert_eq!(shown.len(), 11, "{shown:?}");
    assert_eq!(shown[0], "C0");
    assert_eq!(shown[10], "C14");
    let more = button(&root, "4 more categories");
    assert_eq!(
        more.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    more.click();
    until("all chips", || chips().len() == 15).await;
    let fewer = button(&root, "Fewer categories");
    assert_eq!(
        fewer.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    // The button is not one of the chips the arrow keys move between.
    assert!(!fewer.class_list().contains("gz-chip"));
    fewer.click();
    until("fewer chips", || chips().len() == 11).await;
}

#[wasm_bindgen_test]
async fn a_folded_away_chip_turned_off_keeps_the_focus() {
    let root = fifteen_categories_with_the_rarest_on().await;
    let chip = button(&root, "C14");
    chip.focus().unwrap();
    chip.click();
    until("turned off", || {
        button(&root, "C14")
            .get_attribute("aria-pressed")
            .as_deref()
            == Some("false")
    })
    .await;
    // Shown while it has the focus, though it is no longer on and not among the ten.
    assert_eq!(
        focused()
            .and_then(|f| f.text_content())
            .as_deref()
            .map(|t| t.starts_with("C14")),
        Some(true)
    );
}

#[wasm_bindgen_test]
fn a_story_rewritten_in_place_keeps_its_place_in_the_history() {
    use gazette::browser::{story_came_with_address, story_depth, write_page_params, HistoryMode};
    let history = web_sys::window().unwrap().history().unwrap();
    let address = web_sys::window().unwrap().location().href().unwrap();
    let story = |id: &str, page: &str| vec![("story", id.to_string()), ("page", page.to_string())];
    // Widget "one" opens a story, then widget "two" does.
    write_page_params("one", &story("a", "1"), HistoryMode::Push);
    write_page_params("two", &story("b", "1"), HistoryMode::Push);
    // One's list grows behind its story (a scroll that came as it opened): the entry is
    // rewritten, and must still say that one's story has entries of another widget above it.
    write_page_params("one", &story("a", "2"), HistoryMode::Replace);
    let (one_depth, one_from_address, two_depth) = (
        story_depth("one"),
        story_came_with_address("one"),
        story_depth("two"),
    );
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address))
        .unwrap();
    // One closes into a new entry (going back would close two's story); two goes back one.
    assert_eq!((one_depth, one_from_address, two_depth), (0, false, 1));
}

#[wasm_bindgen_test]
fn a_search_typed_in_another_widget_is_kept_when_a_story_closes() {
    use gazette::browser::{story_depth, write_page_params, HistoryMode};
    let history = web_sys::window().unwrap().history().unwrap();
    let address = web_sys::window().unwrap().location().href().unwrap();
    // Widget "two" opens a story; then widget "one" loads more stories, and later the reader
    // types a search in it: both rewrite the entry of two's story.
    write_page_params("two", &[("story", "b".to_string())], HistoryMode::Push);
    write_page_params("one", &[("page", "2".to_string())], HistoryMode::Replace);
    let after_more = story_depth("two");
    write_page_params("one", &[("q", "harbour".to_string())], HistoryMode::Replace);
    let after_search = story_depth("two");
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address))
        .unwrap();
    // More stories do not stop two going back to its list; going back past the search would
    // take it away, so two's story then closes into a new entry.
    assert_eq!((after_more, after_search), (1, 0));
}
