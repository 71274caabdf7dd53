//! Writes a made-up catalogue of N entries into a folder, for timing a large directory:
//! `cargo run --release --example sample_catalogue -- 50000 /tmp/cat50k`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(n), Some(dir)) = (args.next(), args.next()) else {
        eprintln!("usage: sample_catalogue ENTRIES FOLDER");
        return ExitCode::from(2);
    };
    let Ok(n) = n.parse::<usize>() else {
        eprintln!("ENTRIES must be a number, e.g. 50000; got {n}");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    match frontdesk::catalogue::sample::write_dir(n, &dir) {
        Ok(()) => {
            println!("wrote {n} entries to {}", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "cannot write the sample catalogue to {}: {e}",
                dir.display()
            );
            ExitCode::FAILURE
        }
    }
}
