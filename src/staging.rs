//! Private files written beside their destination, then moved or linked into place once whole:
//! a new journal, an export, a backup, a report. They are named `.NAME.PID-NANOS.new`, so that
//! no two commands share one and a program killed half-way can be told by its process id.

use std::path::{Path, PathBuf};

/// A name beside `target` that no other command uses: `.NAME.PID-NANOS.new`.
pub fn path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    target.with_file_name(format!(".{name}.{}-{nanos}.new", std::process::id()))
}

/// `file-wal`, `file-shm`: SQLite's files beside `file`.
pub fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Removes the private files for `target` that a command killed half-way left behind (with
/// SQLite's `-wal` and `-shm` beside them): those of a process that is gone. They may hold
/// what that command was writing (notes about people), which must not linger unseen. Where
/// the system cannot tell whether a process runs (no `/proc`), nothing is removed.
pub fn remove_stale(target: &Path) {
    let Some(name) = target.file_name() else {
        return;
    };
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let prefix = format!(".{}.", name.to_string_lossy());
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = owner(&file.to_string_lossy(), &prefix) else {
            continue;
        };
        if !proc.join(pid.to_string()).exists() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a private file's name, `PREFIXPID-NANOS.new`, or in its `-wal`/`-shm`.
fn owner(file: &str, prefix: &str) -> Option<u32> {
    let rest = file.strip_prefix(prefix)?;
    let rest = ["-wal", "-shm", "-journal"]
        .iter()
        .find_map(|suffix| rest.strip_suffix(suffix))
        .unwrap_or(rest);
    let (pid, nanos) = rest.strip_suffix(".new")?.split_once('-')?;
    if nanos.is_empty() || !nanos.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_private_file_is_told_by_its_process_id() {
        let prefix = ".journal.db.";
        for (file, pid) in [
            (".journal.db.4242-123456789.new", Some(4242)),
            (".journal.db.4242-123456789.new-wal", Some(4242)),
            (".journal.db.4242-123456789.new-shm", Some(4242)),
            (".journal.db.4242-123456789.new-journal", Some(4242)),
            (".journal.db.4242-0.new", Some(4242)),
            ("journal.db", None),
            ("journal.db-wal", None),
            (".journal.db.4242-123.old", None),
            (".journal.db.x-123.new", None),
            (".journal.db.4242-.new", None),
            (".journal.db.4242.new", None),
            (".other.db.4242-123.new", None),
            (".journal.db.bak", None),
        ] {
            assert_eq!(owner(file, prefix), pid, "{file}");
        }
    }

    #[test]
    fn only_the_files_of_a_process_that_is_gone_are_removed() {
        let dir = std::env::temp_dir().join(format!("netjournal-stale-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("journal.db");
        // A process id above the kernel's maximum (4,194,304) is never running.
        let gone = [".journal.db.4999999-1.new", ".journal.db.4999999-1.new-wal"];
        let mine = format!(".journal.db.{}-2.new", std::process::id());
        let others = [
            "journal.db",
            ".journal.db.bak",
            ".export.json.4999999-1.new",
        ];
        for file in gone.iter().chain(&others).chain([&mine.as_str()]) {
            std::fs::write(dir.join(file), "x").unwrap();
        }
        remove_stale(&target);
        let mut left: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut expected: Vec<String> = others.iter().map(|s| s.to_string()).collect();
        expected.push(mine);
        expected.sort();
        assert_eq!(left, expected);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
