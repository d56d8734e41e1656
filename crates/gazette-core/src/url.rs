//! Links: only `http` and `https` addresses ever become links or image sources.
//!
//! Feeds hold absolute links, links relative to the feed's address (images bundled beside an
//! article set), and sometimes hostile ones (`javascript:`, `data:`). This module decides which
//! are safe and resolves relative ones against the document's address. It is deliberately small:
//! a full WHATWG URL parser (the `url` crate and its IDNA tables) would cost more wasm than the
//! whole core, and the browser re-parses every address we hand it anyway.

/// True if `s` is an absolute `http:` or `https:` address with a host.
pub fn is_http_url(s: &str) -> bool {
    split_scheme(s).is_some_and(|(scheme, rest)| {
        (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
            && rest.starts_with("//")
            && rest[2..]
                .chars()
                .next()
                .is_some_and(|c| !matches!(c, '/' | '?' | '#') && !c.is_whitespace())
            && host_is_plausible(&rest[2..])
    })
}

/// Square brackets in the host only around an IPv6 address (`[2001:db8::1]:8080`), so that
/// `http://[bad` is not taken for a link.
fn host_is_plausible(after_slashes: &str) -> bool {
    let (authority, _) = split_authority(after_slashes);
    let host = authority.rsplit('@').next().unwrap_or(authority);
    match host.strip_prefix('[') {
        Some(inner) => inner.split_once(']').is_some_and(|(ip, port)| {
            !ip.is_empty()
                && ip
                    .chars()
                    .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
                && (port.is_empty()
                    || port
                        .strip_prefix(':')
                        .is_some_and(|p| p.chars().all(|c| c.is_ascii_digit())))
        }),
        None => !host.contains(['[', ']']),
    }
}

/// What follows `scheme://`, as its authority (user, host, port) and the rest (path, query,
/// fragment).
fn split_authority(after_slashes: &str) -> (&str, &str) {
    let end = after_slashes
        .find(['/', '?', '#'])
        .unwrap_or(after_slashes.len());
    after_slashes.split_at(end)
}

fn split_scheme(s: &str) -> Option<(&str, &str)> {
    let colon = s.find(':')?;
    let scheme = &s[..colon];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    (first_ok && rest_ok).then(|| (scheme, &s[colon + 1..]))
}

/// An http(s) address as a page, for telling whether two addresses name the same one: without
/// its scheme, fragment, trailing slash, `utm_…` parameters and the case of its host
/// (`https://Example.com/a/?utm_source=x#top` and `http://example.com/a` are one page).
/// `None` for anything else.
pub fn page_key(url: &str) -> Option<String> {
    let (scheme, rest) = split_scheme(url.trim())?;
    let after = rest.strip_prefix("//")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let (authority, rest) = split_authority(after);
    let rest = rest.split('#').next().unwrap_or_default();
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut key = authority.to_ascii_lowercase();
    key.push_str(path.trim_end_matches('/'));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("utm_"))
        .collect();
    if !kept.is_empty() {
        key.push('?');
        key.push_str(&kept.join("&"));
    }
    Some(key)
}

/// Why an address was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlProblem {
    /// It names a scheme other than http(s), such as `javascript:` or `data:`.
    UnsafeScheme(String),
    /// It is relative and there is no absolute http(s) address to resolve it against.
    Unresolvable,
    /// It has characters no address may hold (spaces, control characters, angle brackets).
    Malformed,
}

impl std::fmt::Display for UrlProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UrlProblem::UnsafeScheme(s) => write!(f, "a “{s}:” address is not allowed"),
            UrlProblem::Unresolvable => {
                f.write_str("a relative address with nothing to resolve it against")
            }
            UrlProblem::Malformed => f.write_str("a malformed address"),
        }
    }
}

/// Resolves `reference` against `base` and returns it if the result is an http(s) address.
///
/// Handles absolute addresses, scheme-relative (`//host/x`), root-relative (`/x`), and
/// path-relative (`images/x.svg`, `../x`, `?q`, `#f`) references, with dot segments removed.
pub fn resolve(base: Option<&str>, reference: &str) -> Result<String, UrlProblem> {
    let r = reference.trim();
    let scheme = split_scheme(r).map(|(s, _)| s);
    if let Some(s) =
        scheme.filter(|s| !s.eq_ignore_ascii_case("http") && !s.eq_ignore_ascii_case("https"))
    {
        return Err(UrlProblem::UnsafeScheme(s.to_ascii_lowercase()));
    }
    if r.is_empty()
        || r.chars()
            .any(|c| c.is_control() || c == ' ' || c == '<' || c == '>' || c == '"')
    {
        return Err(UrlProblem::Malformed);
    }
    if scheme.is_some() {
        return if is_http_url(r) {
            Ok(r.to_string())
        } else {
            Err(UrlProblem::Malformed)
        };
    }
    let base = base
        .filter(|b| is_http_url(b))
        .ok_or(UrlProblem::Unresolvable)?;
    let (scheme, after_scheme) = split_scheme(base).ok_or(UrlProblem::Unresolvable)?;
    if let Some(rest) = r.strip_prefix("//") {
        let out = format!("{scheme}://{rest}");
        return if is_http_url(&out) {
            Ok(out)
        } else {
            Err(UrlProblem::Malformed)
        };
    }
    // after_scheme = "//authority/path?query#fragment"
    let (authority, base_rest) = split_authority(&after_scheme[2..]);
    let base_no_frag = base_rest.split('#').next().unwrap_or("");
    let (base_path, base_query) = match base_no_frag.find('?') {
        Some(q) => (&base_no_frag[..q], &base_no_frag[q..]),
        None => (base_no_frag, ""),
    };
    let prefix = format!("{scheme}://{authority}");
    if r.starts_with('#') {
        return Ok(format!("{prefix}{base_path}{base_query}{r}"));
    }
    if r.starts_with('?') {
        return Ok(format!("{prefix}{base_path}{r}"));
    }
    let (ref_path, ref_tail) = match r.find(['?', '#']) {
        Some(i) => (&r[..i], &r[i..]),
        None => (r, ""),
    };
    let merged = if ref_path.starts_with('/') {
        ref_path.to_string()
    } else {
        let dir = base_path.rfind('/').map_or("/", |i| &base_path[..=i]);
        format!("{dir}{ref_path}")
    };
    Ok(format!(
        "{prefix}{}{ref_tail}",
        remove_dot_segments(&merged)
    ))
}

fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len() - 1;
    for (i, seg) in segments.iter().enumerate() {
        match *seg {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://news.example/feeds/set.json?v=2#top";

    #[test]
    fn only_http_and_https_are_links() {
        assert!(is_http_url("https://example.com"));
        assert!(is_http_url("HTTP://example.com/a?b#c"));
        assert!(!is_http_url("javascript:alert(1)"));
        assert!(!is_http_url("JaVaScRiPt:alert(1)"));
        assert!(!is_http_url("data:text/html,<script>"));
        assert!(!is_http_url("https:///nohost"));
        assert!(!is_http_url("https:example.com"));
        assert!(!is_http_url("/relative"));
        assert!(!is_http_url(""));
    }

    #[test]
    fn one_page_written_several_ways_has_one_key() {
        let key = page_key("https://news.example/2026/harbour");
        assert_eq!(key.as_deref(), Some("news.example/2026/harbour"));
        for same in [
            "http://news.example/2026/harbour/",
            "HTTPS://News.Example/2026/harbour#comments",
            " https://news.example/2026/harbour?utm_source=rss&utm_medium=feed ",
        ] {
            assert_eq!(page_key(same), key, "{same}");
        }
        for other in [
            "https://news.example/2026/harbour-2",
            "https://news.example/2026/Harbour",
            "https://news.example/2026/harbour?page=2",
            "https://other.example/2026/harbour",
        ] {
            assert_ne!(page_key(other), key, "{other}");
        }
        assert_eq!(page_key("ftp://news.example/a"), None);
        assert_eq!(page_key("harbour"), None);
    }

    #[test]
    fn relative_references_resolve_against_the_document() {
        let r = |s| resolve(Some(BASE), s);
        assert_eq!(
            r("images/a.svg").unwrap(),
            "https://news.example/feeds/images/a.svg"
        );
        assert_eq!(
            r("./images/a.svg").unwrap(),
            "https://news.example/feeds/images/a.svg"
        );
        assert_eq!(r("../b.png").unwrap(), "https://news.example/b.png");
        assert_eq!(r("../../../c.png").unwrap(), "https://news.example/c.png");
        assert_eq!(r("/root.png").unwrap(), "https://news.example/root.png");
        assert_eq!(
            r("//cdn.example/x.png").unwrap(),
            "https://cdn.example/x.png"
        );
        assert_eq!(
            r("?page=2").unwrap(),
            "https://news.example/feeds/set.json?page=2"
        );
        assert_eq!(
            r("#s1").unwrap(),
            "https://news.example/feeds/set.json?v=2#s1"
        );
        assert_eq!(
            r("a/./b/../c?x#y").unwrap(),
            "https://news.example/feeds/a/c?x#y"
        );
        assert_eq!(
            resolve(Some("http://h.example"), "x.png").unwrap(),
            "http://h.example/x.png"
        );
        assert_eq!(
            r("https://other.example/p").unwrap(),
            "https://other.example/p"
        );
    }

    #[test]
    fn hostile_and_broken_references_are_refused() {
        let r = |s| resolve(Some(BASE), s);
        assert_eq!(
            r("javascript:alert(1)"),
            Err(UrlProblem::UnsafeScheme("javascript".into()))
        );
        assert_eq!(
            r(" JAVASCRIPT:alert(1)"),
            Err(UrlProblem::UnsafeScheme("javascript".into()))
        );
        assert_eq!(
            r("data:image/png;base64,xx"),
            Err(UrlProblem::UnsafeScheme("data".into()))
        );
        assert_eq!(
            r("vbscript:x"),
            Err(UrlProblem::UnsafeScheme("vbscript".into()))
        );
        assert_eq!(r("java\tscript:alert(1)"), Err(UrlProblem::Malformed));
        assert_eq!(r("https://exa mple.com"), Err(UrlProblem::Malformed));
        assert_eq!(r("https:/x"), Err(UrlProblem::Malformed));
        assert_eq!(r("http://[bad"), Err(UrlProblem::Malformed));
        assert_eq!(r("http://ex]ample.com/"), Err(UrlProblem::Malformed));
        assert_eq!(r("//[::1"), Err(UrlProblem::Malformed));
        assert_eq!(
            r("http://[2001:db8::1]:8080/x"),
            Ok("http://[2001:db8::1]:8080/x".into())
        );
        assert_eq!(
            r("https://user@[::1]/a?b=[1]"),
            Ok("https://user@[::1]/a?b=[1]".into())
        );
        assert_eq!(r(""), Err(UrlProblem::Malformed));
        assert_eq!(resolve(None, "images/a.svg"), Err(UrlProblem::Unresolvable));
        assert_eq!(
            resolve(Some("file:///x"), "a"),
            Err(UrlProblem::Unresolvable)
        );
    }
}
