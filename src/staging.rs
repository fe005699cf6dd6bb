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

/// The folder `target` is in (`.` for a bare file name).
fn folder_of(target: &Path) -> &Path {
    match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Removes the private files that commands killed half-way left in the folder of `target` (with
/// SQLite's `-wal` and `-shm` beside them): those of a process that is gone, whatever file they
/// were for — a journal, an export, a backup, a report. They may hold what that command was
/// writing (notes about people, a person since forgotten), which must not linger unseen: every
/// command that writes a file in a folder clears them. Only files of this user are touched.
/// Where the system cannot tell whether a process runs (no `/proc`), nothing is removed.
/// Returns the files removed.
pub fn remove_stale(target: &Path) -> Vec<PathBuf> {
    staged_in(folder_of(target))
        .into_iter()
        .filter(|(_, running)| !running)
        .filter_map(|(path, _)| std::fs::remove_file(&path).ok().map(|()| path))
        .collect()
}

/// The private files of commands still running in the folder of `target`: a backup or an export
/// being written, which may hold what the journal held when it started.
pub fn in_progress(target: &Path) -> Vec<PathBuf> {
    staged_in(folder_of(target))
        .into_iter()
        .filter(|(_, running)| *running)
        .map(|(path, _)| path)
        .collect()
}

/// This user's private files in `folder` (see [`owner`]), each with whether the process that
/// writes it still runs; none where that cannot be told (no `/proc`).
fn staged_in(folder: &Path) -> Vec<(PathBuf, bool)> {
    use std::os::unix::fs::MetadataExt;
    let proc = Path::new("/proc");
    let Ok(me) = std::fs::metadata(proc.join("self")) else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let Some(pid) = owner(&entry.file_name().to_string_lossy()) else {
            continue;
        };
        // Not followed if a link: the link itself is what is looked at, and removed.
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        if !meta.is_file() || meta.uid() != me.uid() {
            continue;
        }
        let running = proc.join(pid.to_string()).exists();
        found.push((entry.path(), running));
    }
    found.sort();
    found
}

/// The process id in a private file's name, `.NAME.PID-NANOS.new`, or in its `-wal`, `-shm` or
/// `-journal`; `None` for any other name.
fn owner(file: &str) -> Option<u32> {
    let rest = file.strip_prefix('.')?;
    let rest = ["-wal", "-shm", "-journal"]
        .iter()
        .find_map(|suffix| rest.strip_suffix(suffix))
        .unwrap_or(rest);
    let (name, stamp) = rest.strip_suffix(".new")?.rsplit_once('.')?;
    let (pid, nanos) = stamp.split_once('-')?;
    if name.is_empty() || nanos.is_empty() || !nanos.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_private_file_is_told_by_its_process_id() {
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
            (".other.db.4242-123.new", Some(4242)),
            (".export.json.17-5.new-journal", Some(17)),
            ("..4242-123.new", None),
            (".4242-123.new", None),
            (".journal.db.bak", None),
        ] {
            assert_eq!(owner(file), pid, "{file}");
        }
    }

    #[test]
    fn only_the_files_of_a_process_that_is_gone_are_removed() {
        let dir = std::env::temp_dir().join(format!("netjournal-stale-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("journal.db");
        // A process id above the kernel's maximum (4,194,304) is never running.
        let gone = [
            ".journal.db.4999999-1.new",
            ".journal.db.4999999-1.new-wal",
            ".export.json.4999999-1.new",
        ];
        let mine = format!(".journal.db.{}-2.new", std::process::id());
        let others = ["journal.db", ".journal.db.bak", ".notes.4999999.new"];
        for file in gone.iter().chain(&others).chain([&mine.as_str()]) {
            std::fs::write(dir.join(file), "x").unwrap();
        }
        assert_eq!(in_progress(&target), [dir.join(&mine)]);
        let removed = remove_stale(&target);
        let mut expected: Vec<PathBuf> = gone.iter().map(|file| dir.join(file)).collect();
        expected.sort();
        assert_eq!(removed, expected);
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
