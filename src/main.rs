//! The `netjournal` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    netjournal::cli::main()
}
