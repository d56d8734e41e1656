//! The command line as a user runs it: files and stdout agree, bad arguments fail with a message.

use std::path::PathBuf;
use std::process::{Command, Output};

fn datagen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazette-datagen"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn temp_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("gazette-datagen-{}-{name}", std::process::id()))
}

#[test]
fn file_and_stdout_hold_the_same_bytes() {
    let path = temp_path("out.json");
    let to_file = datagen(&[
        "--count",
        "200",
        "--seed",
        "9",
        "--out",
        path.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&to_file.stderr);
    assert!(to_file.status.success(), "{stderr}");
    assert!(stderr.contains("wrote 200 stories"), "{stderr}");
    if stderr.contains("notice:") {
        eprintln!("NOTE: the shared source is absent; the fallback was used:\n{stderr}");
    }
    let written = std::fs::read(&path).expect("the output file");
    let _ = std::fs::remove_file(&path);
    let to_stdout = datagen(&["--count=200", "--seed=9", "--out", "-"]);
    assert!(to_stdout.status.success());
    assert_eq!(written, to_stdout.stdout);
    assert!(!temp_path("out.json.partial").exists());
}

#[test]
fn bad_arguments_fail_with_a_message() {
    let out = datagen(&["--count", "lots"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--count expects a number"));

    let out = datagen(&["--count", "5", "--source", "/nonexistent/x.jsonl.gz"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not exist"));
    assert!(out.stdout.is_empty());

    let out = datagen(&["--count", "5", "--out", "/nonexistent-dir/x.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot create"));
}

#[test]
fn a_source_with_only_bad_lines_is_an_error_not_a_panic() {
    let path = temp_path("bad.jsonl");
    std::fs::write(&path, "{\"headline\": 1}\nnot json\n\u{0}\n").expect("write");
    let out = datagen(&["--count", "5", "--source", path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("no usable stories (3 malformed)"),
        "{stderr}"
    );
}
