//! `postlint server`: the language server, over standard input and output.

pub fn run() -> u8 {
    crate::server::run()
}
