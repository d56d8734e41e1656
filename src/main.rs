//! The entry point Trunk builds: mounts every widget on the page.

fn main() {
    gazette::start();
}
