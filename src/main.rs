#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    postlint::cli::main()
}
