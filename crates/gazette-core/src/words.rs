//! The widget's own words (labels, counts, notices, error messages) in the languages it speaks:
//! English, French, German and Spanish. A widget speaks the language of its `locale`, else of the
//! page around it, else English ([`Words::for_tag`]). The feed's words are the feed's and are
//! never translated.
//!
//! A text may hold places `{0}`, `{1}`… that [`fill`] replaces; a [`Plural`] has a form for one
//! and a form for more, in which `{0}` is the number, written the language's way
//! ([`Words::number`]).

use crate::filter::{DatePreset, SortOrder};

/// A text that changes with a number: `{0}` is the number.
#[derive(Debug, PartialEq, Eq)]
pub struct Plural {
    /// For one (and, in French, for none).
    pub one: &'static str,
    /// For any other number.
    pub other: &'static str,
}

/// Declares [`Words`] from one list of its texts, with [`Words::entries`] for the tests.
macro_rules! words {
    ($( $(#[doc = $doc:literal])* $name:ident: $ty:ty, )*) => {
        /// The widget's words in one language. Each language's are one `static`, so two are
        /// equal when they are the same one (compared by address, not text by text).
        #[derive(Debug)]
        pub struct Words {
            /// The language's BCP 47 tag.
            pub lang: &'static str,
            /// What separates groups of three digits ("," in English).
            group: &'static str,
            /// The fewest digits before the first separator: 1 in English (1,000), 2 in Spanish (1000,
            /// 10.000).
            min_grouping: u32,
            /// No stories takes the form for one ("0 article" in French).
            zero_is_one: bool,
            $( $(#[doc = $doc])* pub $name: $ty, )*
        }

        impl Words {
            /// Every text by its name, with the forms of a plural or list apart.
            pub fn entries(&self) -> Vec<(&'static str, Vec<&'static str>)> {
                vec![ $( (stringify!($name), Texts::texts(&self.$name)), )* ]
            }
        }
    };
}

impl PartialEq for Words {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Words {}

trait Texts {
    fn texts(&self) -> Vec<&'static str>;
}

impl Texts for &'static str {
    fn texts(&self) -> Vec<&'static str> {
        vec![self]
    }
}

impl Texts for Plural {
    fn texts(&self) -> Vec<&'static str> {
        vec![self.one, self.other]
    }
}

impl<const N: usize> Texts for [&'static str; N] {
    fn texts(&self) -> Vec<&'static str> {
        self.to_vec()
    }
}

words! {
    /// The heading when neither the host nor the feed gives one.
    latest_stories: &'static str,
    /// The related stories' heading.
    more_to_read: &'static str,
    /// Back to the full list, from the rail.
    view_all: &'static str,
    /// Back to the list, above an open story.
    back_to_all: &'static str,
    /// The search box's label.
    search_label: &'static str,
    /// The search box's placeholder.
    search_placeholder: &'static str,
    /// The search landmark's name: {0} is the widget's heading.
    search_landmark: &'static str,
    /// The category chips' group.
    categories: &'static str,
    /// The chip that selects every category.
    all: &'static str,
    /// The button that shows {0} more categories.
    more_categories: Plural,
    /// The button that shows only the most frequent again.
    fewer_categories: &'static str,
    /// The date window's label.
    published: &'static str,
    /// The order's label.
    sort: &'static str,
    /// The panel of further filters.
    more_filters: &'static str,
    /// The panel with {0} of its filters set.
    more_filters_on: Plural,
    /// The year facet.
    year: &'static str,
    /// The author facet.
    authors: &'static str,
    /// The tag facet, and a story's tags.
    tags: &'static str,
    /// The custom range.
    published_between: &'static str,
    /// Its first day.
    from: &'static str,
    /// Its last day.
    to: &'static str,
    /// A range that ends before it starts.
    days_reversed: &'static str,
    /// A facet that lists only its most frequent values.
    most_frequent: &'static str,
    /// The date windows, in the order of [`DatePreset::ALL`].
    date_presets: [&'static str; 5],
    /// The orders, in the order of [`SortOrder::ALL`].
    sort_orders: [&'static str; 3],
    /// A story without a date (and the year facet's value for them).
    undated: &'static str,
    /// The category of stories that have none (`load::FALLBACK_CATEGORY`).
    other: &'static str,
    /// The byline: {0} is the list of authors.
    by: &'static str,
    /// Announced before an open story's headline.
    story: &'static str,
    /// Reading time: {0} minutes.
    min_read: Plural,
    /// The publisher's page: {0} is its host.
    read_original: &'static str,
    /// The page a story is about (a link blog's linked article): {0} is its host.
    read_linked: &'static str,
    /// After a link that opens a new tab.
    new_tab: &'static str,
    /// After a story's link that leaves the widget for the publisher's page.
    elsewhere: &'static str,
    /// At the end of a story too long to show whole.
    story_cut: &'static str,
    /// The count when the search box holds no letter or digit to search for: {0} the count
    /// ("51 stories"), {1} what the box holds.
    unsearchable: &'static str,
    /// While the stories load.
    loading: &'static str,
    /// While a large feed is read, above its first stories.
    reading_all: &'static str,
    /// The set has no stories.
    no_stories: &'static str,
    /// The filters match none.
    no_match: &'static str,
    /// A number of stories.
    stories: Plural,
    /// A number of stories that match.
    matches: Plural,
    /// {0} stories found so far, while older ones are read.
    so_far: &'static str,
    /// {0} stories; {1} of {2} parts of an archive read.
    reading_older: &'static str,
    /// Under the list: {0} stories shown of {1}.
    showing: Plural,
    /// Under the list of an archive still loading: {0} shown.
    showing_pending: &'static str,
    /// The button that shows the next page.
    show_more: &'static str,
    /// The empty list under a search and filters.
    no_match_long: &'static str,
    /// The empty list under a search alone.
    no_match_search: &'static str,
    /// The empty list under filters alone.
    no_match_filters: &'static str,
    /// Clears them.
    clear_all: &'static str,
    /// The empty feed.
    feed_empty: &'static str,
    /// Rail-only mode with nothing related.
    nothing_related: &'static str,
    /// Tries a failed load again.
    retry: &'static str,
    /// The widget's program failed (a trap): every widget on the page shows this instead.
    crashed: &'static str,
    /// A link's story that is not in the feed.
    story_missing: &'static str,
    /// The one document broke off: {0} its address, {1} why.
    partly_read: &'static str,
    /// A document has a fault after its last story: {0} its address, {1} what.
    read_after_stories: &'static str,
    /// One of several documents failed: {0} its address, {1} why.
    source_failed: &'static str,
    /// Older parts of an archive failed: {0} their file names, {1} why the first did.
    older_failed: &'static str,
    /// {0} of the {1} stories of the one feed left out.
    skipped_in_feed: Plural,
    /// {0} of the {1} stories of several feeds left out.
    skipped_in_feeds: Plural,
    /// The error panel's title: no address given.
    no_source_title: &'static str,
    /// The error panel's title: the request failed.
    fetch_title: &'static str,
    /// The error panel's title: the document is unusable.
    read_title: &'static str,
    /// What to do: no address given.
    no_source_advice: &'static str,
    /// What to do: no answer, or the browser may not read it.
    network_advice: &'static str,
    /// What to do: the server failed (5xx).
    server_advice: &'static str,
    /// What to do: another HTTP error.
    http_advice: &'static str,
    /// What to do: the server stopped sending.
    stalled_advice: &'static str,
    /// What to do: not a web address.
    bad_address_advice: &'static str,
    /// What to do: not a feed.
    not_a_feed_advice: &'static str,
    /// What to do: the document is broken.
    document_advice: &'static str,
    /// What to do: the document is larger than the widget reads (its max-mb attribute).
    too_large_advice: &'static str,
    /// What happened: no address given.
    no_address: &'static str,
    /// What happened: {0} is what the browser said.
    network_failed: &'static str,
    /// What happened: nothing for {0} seconds.
    stalled: &'static str,
    /// What happened: the connection broke off; {0} is what the browser said.
    broke_off: &'static str,
    /// What happened: {0} is not a web address.
    bad_address: &'static str,
    /// What happened: {0} is the status and its reason.
    server_answered: &'static str,
}

/// English, the widget's first language.
pub static ENGLISH: Words = Words {
    lang: "en",
    group: ",",
    min_grouping: 1,
    zero_is_one: false,
    latest_stories: "Latest stories",
    more_to_read: "More to Read",
    view_all: "View All",
    back_to_all: "← Back to all stories",
    search_label: "Search stories",
    search_placeholder: "Headline, author, tag…",
    search_landmark: "Search {0}",
    categories: "Categories",
    all: "All",
    more_categories: Plural { one: "{0} more category", other: "{0} more categories" },
    fewer_categories: "Fewer categories",
    published: "Published",
    sort: "Sort",
    more_filters: "More filters",
    more_filters_on: Plural { one: "More filters ({0} on)", other: "More filters ({0} on)" },
    year: "Year",
    authors: "Authors",
    tags: "Tags",
    published_between: "Published between",
    from: "From",
    to: "To",
    days_reversed: "The first day is after the last: no story can match.",
    most_frequent: "The most frequent; search finds the others.",
    date_presets: ["Any time", "Past 24 hours", "Past week", "Past month", "Past year"],
    sort_orders: ["Best match", "Newest first", "Oldest first"],
    undated: "Undated",
    other: "Other",
    by: "By {0}",
    story: "Story: ",
    min_read: Plural { one: "{0} min read", other: "{0} min read" },
    read_original: "Read the original on {0}",
    read_linked: "Read the linked article on {0}",
    new_tab: " (opens in a new tab)",
    elsewhere: " (on the publisher’s site)",
    story_cut: "The rest of this story is too long to show here.",
    unsearchable: "{0}: “{1}” has no letters or digits to search for",
    loading: "Loading stories…",
    reading_all: "Reading the stories; the newest will show when all have arrived.",
    no_stories: "No stories.",
    no_match: "No stories match",
    stories: Plural { one: "{0} story", other: "{0} stories" },
    matches: Plural { one: "{0} story matches", other: "{0} stories match" },
    so_far: "{0} so far",
    reading_older: "{0}; reading older stories ({1} of {2} parts)…",
    showing: Plural { one: "Showing {0} of {1}", other: "Showing {0} of {1}" },
    showing_pending: "Showing {0}; older stories load as you go",
    show_more: "Show more stories",
    no_match_long: "No stories match your search and filters.",
    no_match_search: "No stories match your search.",
    no_match_filters: "No stories match these filters.",
    clear_all: "Clear all filters",
    feed_empty: "This feed has no stories to show.",
    nothing_related: "There is nothing related to this story in the feed.",
    retry: "Retry",
    crashed: "Sorry, the news widget stopped working because of an error in its program. Reload the page to try again.",
    story_missing: "The story in this link is not in the feed any more. Here are the latest stories.",
    partly_read: "Some stories may be missing: {0} could not be read to its end. {1}",
    read_after_stories: "{0} has a fault after its last story; all its stories are shown. {1}",
    source_failed: "Some stories are missing: {0} could not be loaded. {1}",
    older_failed: "Some older stories are missing: {0} could not be loaded. {1}",
    skipped_in_feed: Plural {
        one: "{0} of the {1} stories in this feed could not be shown because of errors in the feed. Details are in the browser console.",
        other: "{0} of the {1} stories in this feed could not be shown because of errors in the feed. Details are in the browser console.",
    },
    skipped_in_feeds: Plural {
        one: "{0} of the {1} stories in these feeds could not be shown because of errors in them. Details are in the browser console.",
        other: "{0} of the {1} stories in these feeds could not be shown because of errors in them. Details are in the browser console.",
    },
    no_source_title: "No news source is set",
    fetch_title: "The news could not be loaded",
    read_title: "The news could not be read",
    no_source_advice: "Give the widget a src attribute (data-src on a data-gazette element) with the address of an RSS, Atom or JSON Feed, or of an article set.",
    network_advice: "Check your connection and try again. If it keeps failing, the feed's server may not allow this site to read it.",
    server_advice: "The feed's server had a problem. Try again in a moment.",
    http_advice: "The feed's address may be wrong or the feed may have moved.",
    stalled_advice: "The feed's server stopped answering. Try again in a moment.",
    bad_address_advice: "Give the widget the web address (http or https) of an RSS, Atom or JSON Feed, or of an article set.",
    not_a_feed_advice: "Check the address: it should lead to the feed itself (RSS, Atom, JSON Feed or an article set), not to a page that links to it.",
    document_advice: "The feed's publisher needs to fix the file. You can try again later.",
    too_large_advice: "The widget reads files up to the size its max-mb attribute sets: raise max-mb, or use a shorter feed or a sharded archive.",
    no_address: "This widget has no feed address.",
    network_failed: "The news file could not be fetched: the server could not be reached, or it does not let this site read the file (the browser said: {0}).",
    stalled: "The server stopped sending the news file: nothing arrived for {0} seconds.",
    broke_off: "The connection broke off while the news file was coming (the browser said: {0}).",
    bad_address: "“{0}” is not a web address.",
    server_answered: "The server answered {0}.",
};

/// French.
pub static FRENCH: Words = Words {
    lang: "fr",
    group: "\u{202F}",
    min_grouping: 1,
    zero_is_one: true,
    latest_stories: "Derniers articles",
    more_to_read: "À lire aussi",
    view_all: "Tout voir",
    back_to_all: "← Retour à tous les articles",
    search_label: "Rechercher des articles",
    search_placeholder: "Titre, auteur, mot-clé…",
    search_landmark: "Rechercher dans {0}",
    categories: "Rubriques",
    all: "Toutes",
    more_categories: Plural { one: "{0} autre rubrique", other: "{0} autres rubriques" },
    fewer_categories: "Moins de rubriques",
    published: "Publication",
    sort: "Tri",
    more_filters: "Plus de filtres",
    more_filters_on: Plural { one: "Plus de filtres ({0} actif)", other: "Plus de filtres ({0} actifs)" },
    year: "Année",
    authors: "Auteurs",
    tags: "Mots-clés",
    published_between: "Publié entre",
    from: "Du",
    to: "Au",
    days_reversed: "La date de début est postérieure à la date de fin\u{a0}: aucun article ne peut correspondre.",
    most_frequent: "Les plus fréquents\u{202F}; la recherche trouve les autres.",
    date_presets: ["Toutes les dates", "Dernières 24 heures", "Dernière semaine", "Dernier mois", "Dernière année"],
    sort_orders: ["Pertinence", "Plus récents d’abord", "Plus anciens d’abord"],
    undated: "Sans date",
    other: "Autres",
    by: "Par {0}",
    story: "Article\u{a0}: ",
    min_read: Plural { one: "{0} min de lecture", other: "{0} min de lecture" },
    read_original: "Lire l’original sur {0}",
    read_linked: "Lire l’article cité sur {0}",
    new_tab: " (s’ouvre dans un nouvel onglet)",
    elsewhere: " (sur le site de l’éditeur)",
    story_cut: "La suite de cet article est trop longue pour être affichée ici.",
    unsearchable: "{0}\u{a0}: «\u{a0}{1}\u{a0}» ne contient ni lettre ni chiffre à chercher",
    loading: "Chargement des articles…",
    reading_all: "Lecture des articles\u{202F}; les plus récents s’afficheront quand tous seront arrivés.",
    no_stories: "Aucun article.",
    no_match: "Aucun article ne correspond",
    stories: Plural { one: "{0} article", other: "{0} articles" },
    matches: Plural { one: "{0} article correspond", other: "{0} articles correspondent" },
    so_far: "{0} pour l’instant",
    reading_older: "{0}\u{202F}; lecture des articles plus anciens (partie {1} sur {2})…",
    showing: Plural { one: "{0} article affiché sur {1}", other: "{0} articles affichés sur {1}" },
    showing_pending: "Affichage de {0}\u{202F}; les articles plus anciens se chargent au fil de la lecture",
    show_more: "Afficher plus d’articles",
    no_match_long: "Aucun article ne correspond à votre recherche et à vos filtres.",
    no_match_search: "Aucun article ne correspond à votre recherche.",
    no_match_filters: "Aucun article ne correspond à ces filtres.",
    clear_all: "Effacer tous les filtres",
    feed_empty: "Ce flux n’a aucun article à afficher.",
    nothing_related: "Le flux ne contient rien en rapport avec cet article.",
    retry: "Réessayer",
    crashed: "Désolé, le widget d’actualités s’est arrêté à cause d’une erreur dans son programme. Rechargez la page pour réessayer.",
    story_missing: "L’article de ce lien n’est plus dans le flux. Voici les derniers articles.",
    partly_read: "Des articles manquent peut-être\u{a0}: {0} n’a pas pu être lu jusqu’au bout. {1}",
    read_after_stories: "{0} comporte une erreur après son dernier article\u{a0}; tous ses articles sont affichés. {1}",
    source_failed: "Des articles manquent\u{a0}: {0} n’a pas pu être chargé. {1}",
    older_failed: "Des articles plus anciens manquent\u{a0}: impossible de charger {0}. {1}",
    skipped_in_feed: Plural {
        one: "{0} article sur {1} n’a pas pu être affiché à cause d’erreurs dans le flux. Les détails sont dans la console du navigateur.",
        other: "{0} articles sur {1} n’ont pas pu être affichés à cause d’erreurs dans le flux. Les détails sont dans la console du navigateur.",
    },
    skipped_in_feeds: Plural {
        one: "{0} article sur {1} n’a pas pu être affiché à cause d’erreurs dans ces flux. Les détails sont dans la console du navigateur.",
        other: "{0} articles sur {1} n’ont pas pu être affichés à cause d’erreurs dans ces flux. Les détails sont dans la console du navigateur.",
    },
    no_source_title: "Aucune source d’actualités n’est indiquée",
    fetch_title: "Les actualités n’ont pas pu être chargées",
    read_title: "Les actualités n’ont pas pu être lues",
    no_source_advice: "Donnez au widget un attribut src (data-src sur un élément data-gazette) avec l’adresse d’un flux RSS, Atom ou JSON Feed, ou d’un ensemble d’articles.",
    network_advice: "Vérifiez votre connexion et réessayez. Si l’échec persiste, le serveur du flux n’autorise peut-être pas ce site à le lire.",
    server_advice: "Le serveur du flux a rencontré un problème. Réessayez dans un instant.",
    http_advice: "L’adresse du flux est peut-être erronée, ou le flux a changé d’adresse.",
    stalled_advice: "Le serveur du flux ne répond plus. Réessayez dans un instant.",
    bad_address_advice: "Donnez au widget l’adresse web (http ou https) d’un flux RSS, Atom ou JSON Feed, ou d’un ensemble d’articles.",
    not_a_feed_advice: "Vérifiez l’adresse\u{a0}: elle doit mener au flux lui-même (RSS, Atom, JSON Feed ou ensemble d’articles), pas à une page qui y renvoie.",
    document_advice: "L’éditeur du flux doit corriger le fichier. Vous pouvez réessayer plus tard.",
    too_large_advice: "Le widget lit les fichiers jusqu’à la taille fixée par son attribut max-mb\u{202F}: augmentez max-mb, ou utilisez un flux plus court ou une archive découpée.",
    no_address: "Ce widget n’a pas d’adresse de flux.",
    network_failed: "Le fichier d’actualités n’a pas pu être récupéré\u{a0}: le serveur est injoignable, ou il ne permet pas à ce site de lire le fichier (message du navigateur\u{a0}: {0}).",
    stalled: "Le serveur a cessé d’envoyer le fichier d’actualités\u{a0}: rien n’est arrivé pendant {0}\u{a0}secondes.",
    broke_off: "La connexion a été coupée pendant l’envoi du fichier d’actualités (message du navigateur\u{a0}: {0}).",
    bad_address: "«\u{a0}{0}\u{a0}» n’est pas une adresse web.",
    server_answered: "Le serveur a répondu {0}.",
};

/// German.
pub static GERMAN: Words = Words {
    lang: "de",
    group: ".",
    min_grouping: 1,
    zero_is_one: false,
    latest_stories: "Neueste Artikel",
    more_to_read: "Mehr zum Thema",
    view_all: "Alle anzeigen",
    back_to_all: "← Zurück zu allen Artikeln",
    search_label: "Artikel durchsuchen",
    search_placeholder: "Titel, Autor, Schlagwort…",
    search_landmark: "{0} durchsuchen",
    categories: "Rubriken",
    all: "Alle",
    more_categories: Plural { one: "{0} weitere Rubrik", other: "{0} weitere Rubriken" },
    fewer_categories: "Weniger Rubriken",
    published: "Veröffentlicht",
    sort: "Sortierung",
    more_filters: "Weitere Filter",
    more_filters_on: Plural { one: "Weitere Filter ({0} aktiv)", other: "Weitere Filter ({0} aktiv)" },
    year: "Jahr",
    authors: "Autoren",
    tags: "Schlagwörter",
    published_between: "Veröffentlicht zwischen",
    from: "Von",
    to: "Bis",
    days_reversed: "Das Startdatum liegt nach dem Enddatum – dazu passt kein Artikel.",
    most_frequent: "Die häufigsten; die Suche findet auch die übrigen.",
    date_presets: ["Beliebiger Zeitraum", "Letzte 24 Stunden", "Letzte Woche", "Letzter Monat", "Letztes Jahr"],
    sort_orders: ["Beste Treffer", "Neueste zuerst", "Älteste zuerst"],
    undated: "Ohne Datum",
    other: "Sonstiges",
    by: "Von {0}",
    story: "Artikel: ",
    min_read: Plural { one: "{0} Min. Lesezeit", other: "{0} Min. Lesezeit" },
    read_original: "Original auf {0} lesen",
    read_linked: "Verlinkten Artikel auf {0} lesen",
    new_tab: " (öffnet in neuem Tab)",
    elsewhere: " (auf der Website des Verlags)",
    story_cut: "Der Rest dieses Artikels ist zu lang, um ihn hier anzuzeigen.",
    unsearchable: "{0}: „{1}“ enthält keine Buchstaben oder Ziffern zum Suchen",
    loading: "Artikel werden geladen…",
    reading_all: "Die Artikel werden eingelesen; die neuesten erscheinen, sobald alle angekommen sind.",
    no_stories: "Keine Artikel.",
    no_match: "Keine passenden Artikel",
    stories: Plural { one: "{0} Artikel", other: "{0} Artikel" },
    matches: Plural { one: "{0} Artikel passt", other: "{0} Artikel passen" },
    so_far: "{0} bisher",
    reading_older: "{0}; ältere Artikel werden geladen (Teil {1} von {2})…",
    showing: Plural { one: "{0} von {1} angezeigt", other: "{0} von {1} angezeigt" },
    showing_pending: "{0} angezeigt; ältere Artikel werden beim Weiterlesen geladen",
    show_more: "Mehr Artikel anzeigen",
    no_match_long: "Keine Artikel passen zu Ihrer Suche und Ihren Filtern.",
    no_match_search: "Keine Artikel passen zu Ihrer Suche.",
    no_match_filters: "Keine Artikel passen zu diesen Filtern.",
    clear_all: "Alle Filter zurücksetzen",
    feed_empty: "Dieser Feed enthält keine Artikel.",
    nothing_related: "Im Feed gibt es nichts, was mit diesem Artikel zusammenhängt.",
    retry: "Erneut versuchen",
    crashed: "Das Nachrichten-Widget funktioniert wegen eines Fehlers in seinem Programm nicht mehr. Laden Sie die Seite neu, um es noch einmal zu versuchen.",
    story_missing: "Der Artikel dieses Links ist nicht mehr im Feed. Hier sind die neuesten Artikel.",
    partly_read: "Möglicherweise fehlen Artikel: {0} konnte nicht bis zum Ende gelesen werden. {1}",
    read_after_stories: "{0} hat nach dem letzten Artikel einen Fehler; alle Artikel werden angezeigt. {1}",
    source_failed: "Es fehlen Artikel: {0} konnte nicht geladen werden. {1}",
    older_failed: "Ältere Artikel fehlen: Laden von {0} fehlgeschlagen. {1}",
    skipped_in_feed: Plural {
        one: "{0} der {1} Artikel in diesem Feed konnte wegen Fehlern im Feed nicht angezeigt werden. Details stehen in der Konsole des Browsers.",
        other: "{0} der {1} Artikel in diesem Feed konnten wegen Fehlern im Feed nicht angezeigt werden. Details stehen in der Konsole des Browsers.",
    },
    skipped_in_feeds: Plural {
        one: "{0} der {1} Artikel in diesen Feeds konnte wegen Fehlern darin nicht angezeigt werden. Details stehen in der Konsole des Browsers.",
        other: "{0} der {1} Artikel in diesen Feeds konnten wegen Fehlern darin nicht angezeigt werden. Details stehen in der Konsole des Browsers.",
    },
    no_source_title: "Keine Nachrichtenquelle angegeben",
    fetch_title: "Die Nachrichten konnten nicht geladen werden",
    read_title: "Die Nachrichten konnten nicht gelesen werden",
    no_source_advice: "Geben Sie dem Widget ein src-Attribut (data-src bei einem data-gazette-Element) mit der Adresse eines RSS-, Atom- oder JSON-Feeds oder eines Artikelsatzes.",
    network_advice: "Prüfen Sie Ihre Verbindung und versuchen Sie es erneut. Schlägt es weiter fehl, erlaubt der Server des Feeds dieser Website vielleicht nicht, ihn zu lesen.",
    server_advice: "Der Server des Feeds hatte ein Problem. Versuchen Sie es gleich noch einmal.",
    http_advice: "Die Adresse des Feeds ist vielleicht falsch, oder der Feed ist umgezogen.",
    stalled_advice: "Der Server des Feeds antwortet nicht mehr. Versuchen Sie es gleich noch einmal.",
    bad_address_advice: "Geben Sie dem Widget die Webadresse (http oder https) eines RSS-, Atom- oder JSON-Feeds oder eines Artikelsatzes.",
    not_a_feed_advice: "Prüfen Sie die Adresse: Sie muss zum Feed selbst führen (RSS, Atom, JSON Feed oder Artikelsatz), nicht zu einer Seite, die auf ihn verweist.",
    document_advice: "Der Herausgeber des Feeds muss die Datei korrigieren. Sie können es später erneut versuchen.",
    too_large_advice: "Das Widget liest Dateien bis zu der Größe, die sein Attribut max-mb festlegt: Erhöhen Sie max-mb oder verwenden Sie einen kürzeren Feed oder ein aufgeteiltes Archiv.",
    no_address: "Dieses Widget hat keine Feed-Adresse.",
    network_failed: "Die Nachrichtendatei konnte nicht abgerufen werden: Der Server war nicht erreichbar oder erlaubt dieser Website nicht, die Datei zu lesen (Meldung des Browsers: {0}).",
    stalled: "Der Server hat aufgehört, die Nachrichtendatei zu senden: {0} Sekunden lang kam nichts an.",
    broke_off: "Die Verbindung brach ab, während die Nachrichtendatei ankam (der Browser meldete: {0}).",
    bad_address: "„{0}“ ist keine Webadresse.",
    server_answered: "Der Server antwortete mit {0}.",
};

/// Spanish.
pub static SPANISH: Words = Words {
    lang: "es",
    group: ".",
    min_grouping: 2,
    zero_is_one: false,
    latest_stories: "Últimas noticias",
    more_to_read: "Noticias relacionadas",
    view_all: "Ver todas las noticias",
    back_to_all: "← Volver a todas las noticias",
    search_label: "Buscar noticias",
    search_placeholder: "Titular, autor, etiqueta…",
    search_landmark: "Buscar en {0}",
    categories: "Secciones",
    all: "Todas",
    more_categories: Plural { one: "{0} sección más", other: "{0} secciones más" },
    fewer_categories: "Menos secciones",
    published: "Publicación",
    sort: "Orden",
    more_filters: "Más filtros",
    more_filters_on: Plural { one: "Más filtros ({0} activo)", other: "Más filtros ({0} activos)" },
    year: "Año",
    authors: "Autores",
    tags: "Etiquetas",
    published_between: "Publicado entre",
    from: "Desde",
    to: "Hasta",
    days_reversed: "La fecha de inicio es posterior a la de fin: ninguna noticia puede coincidir.",
    most_frequent: "Solo se muestran los valores más frecuentes; la búsqueda encuentra el resto.",
    date_presets: ["Cualquier fecha", "Últimas 24 horas", "Última semana", "Último mes", "Último año"],
    sort_orders: ["Más relevantes", "Más recientes primero", "Más antiguas primero"],
    undated: "Sin fecha",
    other: "Otros",
    by: "Por {0}",
    story: "Noticia: ",
    min_read: Plural { one: "{0} min de lectura", other: "{0} min de lectura" },
    read_original: "Leer el original en {0}",
    read_linked: "Leer el artículo enlazado en {0}",
    new_tab: " (se abre en una pestaña nueva)",
    elsewhere: " (en el sitio del medio)",
    story_cut: "El resto de esta noticia es demasiado largo para mostrarlo aquí.",
    unsearchable: "{0}: «{1}» no tiene letras ni cifras que buscar",
    loading: "Cargando noticias…",
    reading_all: "Procesando las noticias; las más recientes aparecerán cuando hayan llegado todas.",
    no_stories: "No hay noticias.",
    no_match: "Ninguna noticia coincide",
    stories: Plural { one: "{0} noticia", other: "{0} noticias" },
    matches: Plural { one: "{0} noticia coincide", other: "{0} noticias coinciden" },
    so_far: "{0} por ahora",
    reading_older: "{0}; cargando noticias más antiguas (parte {1} de {2})…",
    showing: Plural { one: "Mostrando {0} de {1}", other: "Mostrando {0} de {1}" },
    showing_pending: "Mostrando {0}; las noticias más antiguas se cargan a medida que avanza",
    show_more: "Mostrar más noticias",
    no_match_long: "Ninguna noticia coincide con su búsqueda y sus filtros.",
    no_match_search: "Ninguna noticia coincide con su búsqueda.",
    no_match_filters: "Ninguna noticia coincide con estos filtros.",
    clear_all: "Quitar todos los filtros",
    feed_empty: "Este feed no tiene noticias que mostrar.",
    nothing_related: "No hay nada relacionado con esta noticia en el feed.",
    retry: "Reintentar",
    crashed: "Lo sentimos: el widget de noticias dejó de funcionar por un error en su programa. Vuelva a cargar la página para intentarlo de nuevo.",
    story_missing: "La noticia de este enlace ya no está en el feed. Estas son las últimas noticias.",
    partly_read: "Puede que falten noticias: {0} no se pudo leer hasta el final. {1}",
    read_after_stories: "{0} tiene un error después de su última noticia; se muestran todas sus noticias. {1}",
    source_failed: "Faltan noticias: {0} no se pudo cargar. {1}",
    older_failed: "Faltan noticias más antiguas: error al cargar {0}. {1}",
    skipped_in_feed: Plural {
        one: "{0} de las {1} noticias de este feed no se pudo mostrar por errores en el feed. Los detalles están en la consola del navegador.",
        other: "{0} de las {1} noticias de este feed no se pudieron mostrar por errores en el feed. Los detalles están en la consola del navegador.",
    },
    skipped_in_feeds: Plural {
        one: "{0} de las {1} noticias de estos feeds no se pudo mostrar por errores en ellos. Los detalles están en la consola del navegador.",
        other: "{0} de las {1} noticias de estos feeds no se pudieron mostrar por errores en ellos. Los detalles están en la consola del navegador.",
    },
    no_source_title: "No se ha indicado ninguna fuente de noticias",
    fetch_title: "No se pudieron cargar las noticias",
    read_title: "No se pudieron leer las noticias",
    no_source_advice: "Dé al widget un atributo src (data-src en un elemento data-gazette) con la dirección de un feed RSS, Atom o JSON Feed, o de un conjunto de artículos.",
    network_advice: "Compruebe su conexión y vuelva a intentarlo. Si sigue fallando, puede que el servidor del feed no permita que este sitio lo lea.",
    server_advice: "El servidor del feed tuvo un problema. Vuelva a intentarlo en un momento.",
    http_advice: "Puede que la dirección del feed sea incorrecta o que el feed se haya trasladado.",
    stalled_advice: "El servidor del feed dejó de responder. Vuelva a intentarlo en un momento.",
    bad_address_advice: "Dé al widget la dirección web (http o https) de un feed RSS, Atom o JSON Feed, o de un conjunto de artículos.",
    not_a_feed_advice: "Compruebe la dirección: debe llevar al feed en sí (RSS, Atom, JSON Feed o conjunto de artículos), no a una página que enlace a él.",
    document_advice: "El editor del feed tiene que corregir el archivo. Puede volver a intentarlo más tarde.",
    too_large_advice: "El widget lee archivos hasta el tamaño que fija su atributo max-mb: aumente max-mb o use un feed más corto o un archivo dividido.",
    no_address: "Este widget no tiene dirección de feed.",
    network_failed: "No se pudo obtener el archivo de noticias: no se pudo contactar con el servidor, o este no permite que este sitio lea el archivo (el navegador dijo: {0}).",
    stalled: "El servidor dejó de enviar el archivo de noticias: no llegó nada durante {0} segundos.",
    broke_off: "La conexión se cortó mientras llegaba el archivo de noticias (el navegador dijo: {0}).",
    bad_address: "«{0}» no es una dirección web.",
    server_answered: "El servidor respondió {0}.",
};

/// Every language the widget speaks, English first. (The loader, `static/embed.js`, has its own
/// few words for its placeholder and failure panel in `LOADER_WORDS`: a new language goes there
/// too.)
pub static LANGUAGES: [&Words; 4] = [&ENGLISH, &FRENCH, &GERMAN, &SPANISH];

impl Words {
    /// The words for a BCP 47 tag (`fr`, `de-AT`, `es_MX`), by its language alone; English for
    /// an empty tag or a language the widget does not speak.
    pub fn for_tag(tag: &str) -> &'static Words {
        Self::speaks(tag).unwrap_or(&ENGLISH)
    }

    /// The words for a tag's language, if the widget speaks it.
    pub fn speaks(tag: &str) -> Option<&'static Words> {
        let language = tag.trim().split(['-', '_']).next().unwrap_or_default();
        LANGUAGES
            .iter()
            .copied()
            .find(|w| w.lang.eq_ignore_ascii_case(language))
    }

    /// `n` written the language's way: 12,345 in English, 12 345 in French, 1000 in Spanish.
    pub fn number(&self, n: usize) -> String {
        let digits = n.to_string();
        if n < 10usize.pow(2 + self.min_grouping) {
            return digits;
        }
        let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(self.group);
            }
            out.push(c);
        }
        out
    }

    /// The form of `p` for `n`, with `{0}` the number and `{1}`… `rest`.
    pub fn count(&self, p: &Plural, n: usize, rest: &[&str]) -> String {
        let one = n == 1 || (n == 0 && self.zero_is_one);
        let number = self.number(n);
        let mut args = vec![number.as_str()];
        args.extend_from_slice(rest);
        fill(if one { p.one } else { p.other }, &args)
    }

    /// "1 story", "12 stories".
    pub fn stories(&self, n: usize) -> String {
        self.count(&self.stories, n, &[])
    }

    /// A date window's name.
    pub fn date_preset(&self, p: DatePreset) -> &'static str {
        let i = DatePreset::ALL.iter().position(|&q| q == p).unwrap_or(0);
        self.date_presets[i]
    }

    /// An order's name.
    pub fn sort_order(&self, o: SortOrder) -> &'static str {
        let i = SortOrder::ALL.iter().position(|&q| q == o).unwrap_or(0);
        self.sort_orders[i]
    }
}

/// A piece of a text with places: words as they are, or place `{i}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Place(usize),
}

/// The pieces of `template`, in order, for a place that is filled with more than text (a
/// passage marked with its own language). A `{` that starts no place is text.
pub fn pieces(template: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = template;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let b = rest.as_bytes();
        if b[0] == b'{' && b.len() >= 3 && b[1].is_ascii_digit() && b[2] == b'}' {
            rest = &rest[3..];
            return Some(Piece::Place(usize::from(b[1] - b'0')));
        }
        // Up to the next place (a `{` at the start that opens none is taken as text).
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let end = rest[first..].find('{').map_or(rest.len(), |k| k + first);
        let (text, after) = rest.split_at(end);
        rest = after;
        Some(Piece::Text(text))
    })
}

/// `template` with each `{i}` replaced by `args[i]`; a place with no argument is left as it is.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out =
        String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    for piece in pieces(template) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Place(i) => match args.get(i) {
                Some(a) => out.push_str(a),
                None => {
                    out.push('{');
                    out.push_str(&i.to_string());
                    out.push('}');
                }
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The places (`{0}`…) a text holds.
    fn places(text: &str) -> BTreeSet<String> {
        (0..10)
            .map(|i| format!("{{{i}}}"))
            .filter(|p| text.contains(p.as_str()))
            .collect()
    }

    #[test]
    fn every_language_has_every_text_with_the_same_places_as_english() {
        let english = ENGLISH.entries();
        for words in LANGUAGES {
            let entries = words.entries();
            assert_eq!(entries.len(), english.len());
            for ((name, texts), (_, english_texts)) in entries.iter().zip(&english) {
                for (text, english_text) in texts.iter().zip(english_texts) {
                    assert!(!text.trim().is_empty(), "{}: {name} is empty", words.lang);
                    assert_eq!(
                        places(text),
                        places(english_text),
                        "{}: {name} = {text:?}",
                        words.lang
                    );
                    assert!(
                        !text.contains("  "),
                        "{}: {name} has a double space",
                        words.lang
                    );
                }
            }
        }
    }

    #[test]
    fn translations_are_not_left_in_english() {
        for words in &LANGUAGES[1..] {
            let same: Vec<_> = words
                .entries()
                .into_iter()
                .zip(ENGLISH.entries())
                .filter(|((_, t), (_, e))| t == e)
                .map(|((name, _), _)| name)
                .collect();
            assert!(
                same.is_empty(),
                "{}: {same:?} are the English text",
                words.lang
            );
        }
    }

    #[test]
    fn a_tag_picks_its_language_and_anything_else_english() {
        assert_eq!(Words::for_tag("fr").lang, "fr");
        assert_eq!(Words::for_tag("fr-CA").lang, "fr");
        assert_eq!(Words::for_tag("DE_at").lang, "de");
        assert_eq!(Words::for_tag(" es-419 ").lang, "es");
        assert_eq!(Words::for_tag("").lang, "en");
        assert_eq!(Words::for_tag("ja").lang, "en");
        assert_eq!(Words::for_tag("fry").lang, "en");
        assert!(Words::speaks("it").is_none());
        assert!(Words::speaks("en-GB").is_some());
    }

    #[test]
    fn numbers_are_grouped_the_language_s_way() {
        assert_eq!(ENGLISH.number(999), "999");
        assert_eq!(ENGLISH.number(1_000), "1,000");
        assert_eq!(ENGLISH.number(200_000), "200,000");
        assert_eq!(ENGLISH.number(1_234_567), "1,234,567");
        assert_eq!(FRENCH.number(12_345), "12\u{202F}345");
        assert_eq!(GERMAN.number(12_345), "12.345");
        assert_eq!(SPANISH.number(1_000), "1000");
        assert_eq!(SPANISH.number(9_999), "9999");
        assert_eq!(SPANISH.number(10_000), "10.000");
    }

    #[test]
    fn plurals_take_the_form_for_their_number() {
        assert_eq!(ENGLISH.stories(0), "0 stories");
        assert_eq!(ENGLISH.stories(1), "1 story");
        assert_eq!(ENGLISH.stories(12_000), "12,000 stories");
        assert_eq!(FRENCH.stories(0), "0 article");
        assert_eq!(FRENCH.stories(2), "2 articles");
        assert_eq!(
            SPANISH.count(&SPANISH.matches, 1, &[]),
            "1 noticia coincide"
        );
        assert_eq!(
            ENGLISH.count(&ENGLISH.skipped_in_feed, 2, &["10"]),
            "2 of the 10 stories in this feed could not be shown because of errors in the feed. Details are in the browser console."
        );
    }

    #[test]
    fn a_template_comes_apart_into_text_and_places() {
        use Piece::*;
        let all = |t| pieces(t).collect::<Vec<_>>();
        assert_eq!(all("By {0}"), [Text("By "), Place(0)]);
        assert_eq!(
            all("{0} of {1}."),
            [Place(0), Text(" of "), Place(1), Text(".")]
        );
        assert_eq!(all("{x} {"), [Text("{x} "), Text("{")]);
        assert_eq!(all("«{0}»"), [Text("«"), Place(0), Text("»")]);
        assert_eq!(all(""), []);
    }

    proptest::proptest! {
        #[test]
        fn any_template_comes_apart_and_back_together(t in "[{}0-9a-zé«» ]{0,24}") {
            let back: String = pieces(&t)
                .map(|p| match p {
                    Piece::Text(x) => x.to_string(),
                    Piece::Place(i) => format!("{{{i}}}"),
                })
                .collect();
            proptest::prop_assert_eq!(&back, &t);
            proptest::prop_assert_eq!(fill(&t, &[]), t);
        }
    }

    #[test]
    fn fill_replaces_places_and_leaves_the_rest() {
        assert_eq!(fill("{0} of {1}", &["a", "b"]), "a of b");
        assert_eq!(fill("{1}{0}", &["a", "b"]), "ba");
        assert_eq!(fill("{2} {x} {", &["a"]), "{2} {x} {");
        assert_eq!(fill("«{0}»", &["é"]), "«é»");
    }

    #[test]
    fn presets_and_orders_have_names() {
        assert_eq!(ENGLISH.date_preset(DatePreset::PastWeek), "Past week");
        assert_eq!(GERMAN.sort_order(SortOrder::Oldest), "Älteste zuerst");
    }
}
