//! Browser tests of the article view and "More to Read", in headless Chromium.

#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use gazette::components::story_card::OpenMode;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Stories with bodies (HTML with hostile parts, and plain text), one without, and relatives.
const DESK: &str = r#"{"title": "Harbour desk", "articles": [
  {"id": "ferry", "title": "Night ferry returns to the harbour", "url": "https://news.example/ferry",
   "category": "Transport", "published": "2025-03-02T08:00:00Z", "tags": ["ferries"],
   "summary": "The overnight crossing is back after two years.", "authors": ["Ana Ruiz"],
   "image": {"url": "https://news.example/ferry.jpg", "alt": "A ferry at dusk", "credit": "Photo: Harbour desk"},
   "content_html": "<p onclick=\"alert(1)\">The crossing <em>returns</em> in May.</p><script>window.pwned = 1</script><h2>Timetable</h2><ul><li>Departs 22:00</li><li>Arrives 06:30</li></ul><p><a href=\"javascript:alert(1)\">bad link</a> and <a href=\"/fares\">fares</a></p><img src=\"data:image/png;base64,AAAA\" alt=\"x\"><iframe src=\"https://evil.example/\"></iframe>"},
  {"id": "timetable", "title": "Ferry timetable changes for summer", "url": "https://news.example/timetable",
   "category": "Transport", "published": "2025-02-20T08:00:00Z", "tags": ["ferries"],
   "content_text": "First paragraph of the timetable story.\n\n## Summer sailings\n\nSecond paragraph."},
  {"id": "bridge", "title": "Bridge repairs close one lane", "url": "https://news.example/bridge",
   "category": "Transport", "published": "2025-02-10T08:00:00Z"},
  {"id": "concert", "title": "Harbour concert sells out", "url": "https://news.example/concert",
   "category": "Culture", "published": "2025-02-01T08:00:00Z"}
]}"#;

fn the_view(root: &web_sys::Element) -> Option<web_sys::Element> {
    root.query_selector(".gz-article").unwrap()
}

#[wasm_bindgen_test]
async fn a_story_with_a_body_opens_inside_with_its_safe_content_and_relatives() {
    let (f, _) = fetcher(vec![Ok(DESK.into())]);
    let root = mount(f);
    until("cards", || headlines(&root).len() == 4).await;
    link(&root, "Night ferry returns").click();
    until("the view", || the_view(&root).is_some()).await;
    let view = the_view(&root).unwrap();

    let title = view.query_selector("h3").unwrap().unwrap();
    assert_eq!(text(&title), "Night ferry returns to the harbour");
    // Other tests' widgets share the page and may take focus between turns; wait for it.
    until("focus on the headline", || {
        focused().as_ref() == Some(&title)
    })
    .await;
    // The focus reads the headline out: the live region does not say it a second time.
    assert_eq!(status_once_shown(&root, "").await, "");
    assert_eq!(
        text(&view.query_selector(".gz-byline").unwrap().unwrap()),
        "By Ana Ruiz"
    );
    let hero = view.query_selector(".gz-hero img").unwrap().unwrap();
    assert_eq!(
        hero.get_attribute("alt").as_deref(),
        Some("A ferry at dusk")
    );
    assert!(text(&view).contains("Photo: Harbour desk"));
    assert!(text(&view).contains("1 min read"));

    // The body: allowed structure kept, hostile parts gone, harmless text kept.
    let body = view.query_selector(".gz-article-body").unwrap().unwrap();
    assert_eq!(
        text(&body.query_selector("em").unwrap().unwrap()),
        "returns"
    );
    assert_eq!(
        text(&body.query_selector("h4").unwrap().unwrap()),
        "Timetable"
    );
    assert_eq!(all(&body, "li").len(), 2);
    assert!(all(&root, "script, iframe").is_empty());
    assert!(all(&body, "img").is_empty(), "the data: image is dropped");
    assert!(all(&body, "[onclick]").is_empty());
    let hrefs: Vec<_> = all(&body, "a")
        .iter()
        .map(|a| a.get_attribute("href"))
        .collect();
    assert_eq!(
        hrefs,
        [None, Some("https://news.example/fares".to_string())]
    );
    assert_eq!(
        all(&body, "a")[1].get_attribute("rel").as_deref(),
        Some("noopener noreferrer nofollow")
    );
    assert!(
        text(&body).contains("bad link"),
        "a bad link keeps its text"
    );
    assert!(
        js_sys::Reflect::get(&web_sys::window().unwrap(), &"pwned".into())
            .unwrap()
            .is_undefined()
    );

    // More to Read: same category and tag first, then same category, then a shared word
    // ("harbour"); never the story itself.
    let rail: Vec<String> = all(&view, ".gz-rail h4").iter().map(headline).collect();
    assert_eq!(
        rail,
        [
            "Ferry timetable changes for summer",
            "Bridge repairs close one lane",
            "Harbour concert sells out"
        ]
    );
    assert!(
        all(&root, ".gz-browse[hidden]").len() == 1,
        "the list is hidden, not gone"
    );
}

#[wasm_bindgen_test]
async fn esc_closes_the_view_and_focus_returns_to_the_card() {
    let (f, _) = fetcher(vec![Ok(DESK.into())]);
    let root = mount(f);
    until("cards", || headlines(&root).len() == 4).await;
    link(&root, "Ferry timetable").click();
    until("the view", || the_view(&root).is_some()).await;
    let body = text(&the_view(&root).unwrap());
    assert!(body.contains("First paragraph of the timetable story."));
    assert_eq!(
        all(&root, ".gz-article-body p").len(),
        2,
        "paragraphs from blank lines"
    );

    let heading = the_view(&root)
        .unwrap()
        .query_selector("h3")
        .unwrap()
        .unwrap();
    until("focus on the headline", || {
        focused().as_ref() == Some(&heading)
    })
    .await;
    press(&heading, "Escape");
    until("the list", || the_view(&root).is_none()).await;
    let card_link = root
        .query_selector("[data-story=\"1\"] .gz-headline a")
        .unwrap()
        .unwrap();
    until("focus on the card", || {
        focused().as_ref() == Some(&card_link)
    })
    .await;
    assert_eq!(status_once_shown(&root, "4 stories").await, "4 stories");
}

#[wasm_bindgen_test]
async fn a_related_story_opens_in_place_and_view_all_returns_to_the_filtered_list() {
    let (f, _) = fetcher(vec![Ok(DESK.into())]);
    let root = mount(f);
    until("cards", || headlines(&root).len() == 4).await;
    type_into(&input_labelled(&root, "Search stories"), "ferry");
    until("two matches", || status(&root) == "2 stories match").await;
    link(&root, "Night ferry returns").click();
    until("the view", || the_view(&root).is_some()).await;
    all(&the_view(&root).unwrap(), ".gz-rail a")[0]
        .dyn_ref::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    until("the related story", || {
        the_view(&root).is_some_and(|v| {
            v.query_selector("h3")
                .ok()
                .flatten()
                .is_some_and(|h| text(&h) == "Ferry timetable changes for summer")
        })
    })
    .await;
    // Its plain text in paragraphs, with its marked section as a heading under the headline.
    let body = the_view(&root)
        .unwrap()
        .query_selector(".gz-article-body")
        .unwrap()
        .unwrap();
    let blocks: Vec<String> = all(&body, "p, h4")
        .iter()
        .map(|e| format!("{}: {}", e.tag_name(), text(e)))
        .collect();
    assert_eq!(
        blocks,
        [
            "P: First paragraph of the timetable story.",
            "H4: Summer sailings",
            "P: Second paragraph."
        ]
    );
    link(&root, "View All").click();
    until("the list", || the_view(&root).is_none()).await;
    assert_eq!(
        status_once_shown(&root, "2 stories match").await,
        "2 stories match",
        "the search is as it was, and said at once"
    );
    assert_eq!(input_labelled(&root, "Search stories").value(), "ferry");
}

#[wasm_bindgen_test]
async fn a_story_without_a_body_links_to_the_publisher_and_link_mode_always_does() {
    let (f, _) = fetcher(vec![Ok(DESK.into())]);
    let root = mount_with(f, |p| p.url_key = Some("t".into()));
    until("cards", || headlines(&root).len() == 4).await;
    assert_eq!(
        link(&root, "Bridge repairs")
            .get_attribute("href")
            .as_deref(),
        Some("https://news.example/bridge")
    );
    let inside = link(&root, "Night ferry").get_attribute("href").unwrap();
    assert!(
        inside.contains("?t.story=ferry"),
        "a link to this page with the story open: {inside}"
    );

    let (f, _) = fetcher(vec![Ok(DESK.into())]);
    let root = mount_with(f, |p| p.open = OpenMode::Link);
    until("cards", || headlines(&root).len() == 4).await;
    assert_eq!(
        link(&root, "Night ferry").get_attribute("href").as_deref(),
        Some("https://news.example/ferry")
    );
}

#[wasm_bindgen_test]
async fn rail_only_mode_shows_just_more_to_read_for_one_story() {
    let (f, _) = fetcher(vec![Ok(DESK.into())]);
    let root = mount_with(f, |p| {
        p.related_to = Some("https://news.example/ferry".into());
        p.related = 2;
        p.view_all = Some("/news/".into());
    });
    until("the rail", || !all(&root, "article").is_empty()).await;
    assert_eq!(
        text(&root.query_selector("h2").unwrap().unwrap()),
        "More to Read"
    );
    assert_eq!(
        headlines(&root),
        [
            "Ferry timetable changes for summer",
            "Bridge repairs close one lane"
        ]
    );
    assert!(all(&root, "input, button").is_empty(), "no list controls");
    assert_eq!(
        link(&root, "View All").get_attribute("href").as_deref(),
        Some("/news/")
    );
}

#[wasm_bindgen_test]
async fn a_hero_picture_the_body_repeats_is_shown_once() {
    // The feed's picture is the body's first one, at another size.
    let desk = r#"{"title": "Desk", "articles": [
      {"id": "pier", "title": "Pier reopens after repairs", "url": "https://news.example/pier",
       "category": "Harbour", "published": "2025-03-02T08:00:00Z",
       "image": {"url": "https://img.example/pier.jpg?w=150", "alt": ""},
       "content_html": "<p>The pier is open again.</p><img src=\"https://img.example/pier.jpg?w=1200\" alt=\"The pier at noon\">"}
    ]}"#;
    let (f, _) = fetcher(vec![Ok(desk.into())]);
    let root = mount(f);
    until("cards", || headlines(&root).len() == 1).await;
    link(&root, "Pier reopens").click();
    until("the view", || the_view(&root).is_some()).await;
    let view = the_view(&root).unwrap();
    assert!(view.query_selector(".gz-hero").unwrap().is_none());
    let pictures = all(&view, "img");
    assert_eq!(pictures.len(), 1);
    assert_eq!(
        pictures[0].get_attribute("alt").as_deref(),
        Some("The pier at noon")
    );
}

#[wasm_bindgen_test]
async fn pictures_that_failed_before_the_body_was_watched_are_left_out_with_what_held_only_them() {
    // A body drawn anew while its story stays open (stories still arriving): its pictures may
    // fail before it is watched again, so no error event comes for them.
    let doc = web_sys::window().unwrap().document().unwrap();
    let body = doc.create_element("div").unwrap();
    let dead = "data:image/png;base64,AAAA";
    body.set_inner_html(&format!(
        r#"<p>Before.</p>
        <figure id="fig"><img src="{dead}" alt="A"><figcaption>Photo: agency</figcaption></figure>
        <figure id="quote"><img src="{dead}" alt="B"><blockquote>Words beside it.</blockquote></figure>
        <p id="words">Running <img id="inline" src="{dead}" alt="C"> text.</p>
        <p id="linked"><a href="https://news.example/"><img src="{dead}" alt=""></a></p>"#
    ));
    doc.body().unwrap().append_child(&body).unwrap();
    let pictures = all(&body, "img");
    until("the pictures have failed", || {
        pictures
            .iter()
            .filter_map(|i| i.dyn_ref::<web_sys::HtmlImageElement>())
            .all(|i| i.complete())
    })
    .await;
    let _watch = gazette::browser::leave_out_failed_pictures(&body);
    let left_out = |id: &str| {
        body.query_selector(&format!("#{id}"))
            .unwrap()
            .unwrap()
            .has_attribute("data-gz-failed")
    };
    // A figure goes with its caption; one with a quote stays; a picture in running text goes
    // alone; a link and paragraph around only a picture go with it.
    assert!(left_out("fig"));
    assert!(!left_out("quote"));
    assert_eq!(all(&body, "#quote [data-gz-failed]").len(), 1);
    assert!(left_out("inline") && !left_out("words"));
    assert!(left_out("linked"));
    assert_eq!(all(&body, "[data-gz-failed]").len(), 7);
    body.remove();
}
