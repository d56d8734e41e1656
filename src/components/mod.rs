//! Thin components: each renders its props and reports what the reader did through callbacks.
//! None holds state of its own or talks to the browser beyond formatting through `browser`.

pub mod article_view;
pub mod category_chips;
pub mod date_range;
pub mod dateline;
pub mod empty_state;
pub mod error_panel;
pub mod facet_group;
pub mod highlighted;
pub mod labelled_select;
pub mod result_status;
pub mod rich_text;
pub mod search_box;
pub mod story_card;
pub mod story_list;

pub use article_view::ArticleView;
pub use category_chips::CategoryChips;
pub use date_range::DateRange;
pub use empty_state::EmptyState;
pub use error_panel::ErrorPanel;
pub use facet_group::FacetGroup;
pub use labelled_select::LabelledSelect;
pub use result_status::ResultStatus;
pub use search_box::SearchBox;
pub use story_card::StoryCard;
pub use story_list::StoryList;
