//! `build-data [--raw data/raw] [--out data] [--check]`: regenerate (or verify) the bundled datasets.
//! Native only: on wasm32 (as `wasm-pack test` compiles every target) it is an empty program.

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::path::PathBuf;
    use std::process::ExitCode;

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let mut raw = PathBuf::from("data/raw");
        let mut out = PathBuf::from("data");
        let mut check = false;
        let mut i = 0;
        while i < args.len() {
            match args[i].as_str() {
                "--raw" if i + 1 < args.len() => {
                    raw = PathBuf::from(&args[i + 1]);
                    i += 1;
                }
                "--out" if i + 1 < args.len() => {
                    out = PathBuf::from(&args[i + 1]);
                    i += 1;
                }
                "--check" => check = true,
                other => {
                    eprintln!(
                        "build-data: unknown argument {other:?}\nusage: build-data [--raw DIR] [--out DIR] [--check]"
                    );
                    return ExitCode::from(2);
                }
            }
            i += 1;
        }
        let datasets = match dragonbear::pipeline::build_all(&raw) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("build-data: {e}");
                return ExitCode::FAILURE;
            }
        };
        if check {
            let problems = dragonbear::pipeline::check(&out, &datasets);
            if problems.is_empty() {
                println!("build-data --check: {} datasets in {} are up to date", datasets.len(), out.display());
                ExitCode::SUCCESS
            } else {
                eprintln!(
                    "build-data --check: {} is stale; run `cargo run --release --bin build-data -- --raw {} --out {}`",
                    out.display(),
                    raw.display(),
                    out.display()
                );
                for p in problems {
                    eprintln!("  {p}");
                }
                ExitCode::FAILURE
            }
        } else {
            match dragonbear::pipeline::write(&out, &datasets) {
                Ok(()) => {
                    for d in &datasets {
                        println!("{:<28} {:>6} points  {}", d.id, d.point_count(), d.title);
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("build-data: {e}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
