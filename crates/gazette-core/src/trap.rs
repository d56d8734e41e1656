//! Telling the widget's own WebAssembly failing from another program's, by the error's stack.
//!
//! The release build stops at once on a panic, and the browser reports a `RuntimeError` whose
//! first WebAssembly frame is where the program stopped. The widget learns the name stack traces
//! give its module from an error made inside it ([`module_of`]) and compares ([`is_ours`]).

/// Where the WebAssembly frame `frame` is from: the module's address (V8's `at URL:wasm-function[…]`
/// or `at name (URL:wasm-function[…])`, Firefox's and Safari's `name@URL:wasm-function[…]`),
/// V8's `wasm://wasm/…` for a module made from bytes, or Firefox's `URL line N >
/// WebAssembly.instantiate`. `None` for anything without `://`, such as Safari's `<?>`, which
/// would match any module's frames.
pub fn module_of(frame: &str) -> Option<&str> {
    let end = frame.find(":wasm-function[")?;
    let head = frame[..end].trim_start();
    let location = match head.strip_prefix("at ") {
        Some(v8) => v8.rfind(" (").map_or(v8, |i| &v8[i + 2..]),
        None => head.split_once('@').map_or(head, |(_, at)| at),
    };
    location.contains("://").then_some(location)
}

/// The module of the first WebAssembly frame of `stack`, an error's `stack` text.
pub fn first_module(stack: &str) -> Option<&str> {
    stack.lines().find_map(module_of)
}

/// Whether the error whose stack is `stack` stopped in the widget's module: its first
/// WebAssembly frame is `ours` (as [`module_of`] read it), or names `gazette_bg.wasm`.
pub fn is_ours(stack: &str, ours: Option<&str>) -> bool {
    let Some(frame) = stack.lines().find(|l| l.contains(":wasm-function[")) else {
        return false;
    };
    frame.contains("gazette_bg.wasm") || ours.is_some_and(|m| module_of(frame) == Some(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_module_is_read_from_each_browser_s_frames() {
        let cases = [
            (
                "    at http://h/gazette_bg.wasm:wasm-function[12]:0x34",
                Some("http://h/gazette_bg.wasm"),
            ),
            (
                "    at wasm://wasm/00348dbe:wasm-function[1599]:0xb6ece",
                Some("wasm://wasm/00348dbe"),
            ),
            (
                "    at name (http://h/x.wasm:wasm-function[1]:0x2)",
                Some("http://h/x.wasm"),
            ),
            (
                "    at https://cdn.example/npm/gazette@1.2.0/gazette_bg.wasm:wasm-function[3]:0x9",
                Some("https://cdn.example/npm/gazette@1.2.0/gazette_bg.wasm"),
            ),
            (
                "name@http://h/gazette_bg.wasm:wasm-function[1]:0x2",
                Some("http://h/gazette_bg.wasm"),
            ),
            (
                "f@http://h/gazette.js line 1 > WebAssembly.instantiate:wasm-function[1]:0x2",
                Some("http://h/gazette.js line 1 > WebAssembly.instantiate"),
            ),
            ("run@<?>:wasm-function[1]", None),
            ("    at <anonymous>:wasm-function[1]:0x2", None),
            (
                "    at eval (eval at evaluate (:370:30), <anonymous>:3:11)",
                None,
            ),
        ];
        for (frame, module) in cases {
            assert_eq!(module_of(frame), module, "{frame}");
        }
    }

    #[test]
    fn only_a_stop_in_the_widget_s_module_is_the_widget_s() {
        let ours = "RuntimeError: unreachable\n    at wasm://wasm/00348dbe:wasm-function[1599]:0xb6ece\n    at eval (x.js:3:11)";
        let other = "RuntimeError: unreachable\n    at wasm://wasm/9a0b1c2d:wasm-function[0]:0x1f\n    at ours (wasm://wasm/00348dbe:wasm-function[7]:0x9)";
        let module = first_module(ours);
        assert_eq!(module, Some("wasm://wasm/00348dbe"));
        assert!(is_ours(ours, module));
        assert!(!is_ours(other, module), "the first frame decides");
        assert!(!is_ours(ours, None));
        let named =
            "RuntimeError: unreachable\n    at http://h/gazette_bg.wasm:wasm-function[4]:0x1";
        assert!(is_ours(named, None), "the file's own name is enough");
        let safari = "run@<?>:wasm-function[1]";
        assert!(!is_ours(safari, first_module(safari)));
        assert!(!is_ours(
            "TypeError: x is undefined\n    at y (z.js:1:2)",
            module
        ));
    }
}
