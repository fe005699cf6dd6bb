//! A file written beside its destination, owner-only (0600) from its first byte, and moved
//! into place only once complete: an export or a backup that fails half-way leaves no
//! half-written file, and never spoils one that was there.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::messages::Message;
use crate::messages::Msg;
use crate::staging;

/// A file being written at a private name beside `target`.
#[derive(Debug)]
pub struct Staged {
    staging: PathBuf,
    /// The file asked for, as the user named it (for messages).
    target: PathBuf,
    /// Where it is put: `target`, or the file a link there points to (see [`destination`]).
    destination: PathBuf,
    done: bool,
}

/// What can go wrong when putting the file in place. `Display` is for a developer; the user
/// reads [`Error::message`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{} exists", .0.display())]
    Exists(PathBuf),
    #[error("writing {}", path.display())]
    Io { path: PathBuf, source: io::Error },
    /// A link another user made: not written through.
    #[error("{} is another user's link", .0.display())]
    ForeignLink(PathBuf),
}

impl Error {
    /// What went wrong, for the user.
    pub fn message(&self) -> Message {
        match self {
            Error::Exists(path) => {
                Message::keyed(Msg::FileExists, &[("path", &path.display().to_string())])
            }
            Error::Io { path, source } => Message::new(Msg::CannotWriteFile)
                .with("path", path.display().to_string())
                .with("why", source),
            Error::ForeignLink(path) => {
                Message::keyed(Msg::ForeignLink, &[("path", &path.display().to_string())])
            }
        }
    }
}

impl From<Error> for crate::error::CliError {
    /// A file that cannot be put in place is a failure (exit 1), said with its name.
    fn from(error: Error) -> crate::error::CliError {
        crate::error::CliError::failure(error.message()).caused_by(error)
    }
}

impl Staged {
    /// Creates the private file beside `target` (readable and writable by its owner only),
    /// and returns it open for writing.
    pub fn create(target: &Path) -> Result<(Staged, File), Error> {
        let destination = destination(target)?;
        staging::remove_stale(&destination);
        let staging = staging::path(&destination);
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&staging)
            .map_err(|source| Error::Io {
                path: target.to_path_buf(),
                source,
            })?;
        Ok((
            Staged {
                staging,
                target: target.to_path_buf(),
                destination,
                done: false,
            },
            file,
        ))
    }

    /// A failure to write the file, said of the file asked for (not the private one).
    pub fn cannot_write(&self, source: io::Error) -> Error {
        Error::Io {
            path: self.target.clone(),
            source,
        }
    }

    /// The private file's path, for a program that opens it by name (SQLite).
    pub fn path(&self) -> &Path {
        &self.staging
    }

    /// Moves the complete file into place. With `replace`, a file already at the target is
    /// replaced (at once: a reader sees the old file or the new one, never a mix); without,
    /// it is kept and [`Error::Exists`] returned.
    pub fn finish(mut self, replace: bool) -> Result<(), Error> {
        let io_error = |source| Error::Io {
            path: self.target.clone(),
            source,
        };
        if replace {
            std::fs::rename(&self.staging, &self.destination).map_err(io_error)?;
        } else {
            // A link fails when the target exists, even one created a moment ago by another
            // program: checking first and renaming after could overwrite it.
            match std::fs::hard_link(&self.staging, &self.destination) {
                Ok(()) => {}
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                    return Err(Error::Exists(self.target.clone()));
                }
                Err(error) => return Err(io_error(error)),
            }
            let _ = std::fs::remove_file(&self.staging);
        }
        self.done = true;
        Ok(())
    }
}

impl Drop for Staged {
    /// A file never finished is removed, with what SQLite may have left beside it.
    fn drop(&mut self) {
        if !self.done {
            for suffix in ["", "-journal", "-wal", "-shm"] {
                let _ = std::fs::remove_file(staging::sidecar(&self.staging, suffix));
            }
        }
    }
}

/// A writer that keeps the first error its destination gave: the error can then name the file,
/// whichever serializer (JSON, CSV) wrapped it on its way up.
#[derive(Debug)]
pub struct Watched<W> {
    inner: W,
    failed: Option<io::Error>,
}

impl<W: Write> Watched<W> {
    pub fn new(inner: W) -> Watched<W> {
        Watched {
            inner,
            failed: None,
        }
    }

    /// The destination, and the first error it gave if it gave one.
    pub fn into_parts(self) -> (W, Option<io::Error>) {
        (self.inner, self.failed)
    }

    fn note(&mut self, error: &io::Error) {
        if self.failed.is_none() {
            self.failed = Some(match error.raw_os_error() {
                Some(code) => io::Error::from_raw_os_error(code),
                None => io::Error::new(error.kind(), error.to_string()),
            });
        }
    }
}

impl<W: Write> Write for Watched<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).inspect_err(|error| self.note(error))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().inspect_err(|error| self.note(error))
    }
}

/// Where a file asked for at `target` is put: `target` itself, or, when it is a symbolic link
/// (or a chain of them), the file the link points to, existing or not — the link stays, and
/// leads to the new file, where renaming over it would replace the link with a file. A link
/// made by another user is not followed (it could lead anywhere the user may write, such as a
/// link planted in a shared folder): it is refused.
fn destination(target: &Path) -> Result<PathBuf, Error> {
    use std::os::unix::fs::MetadataExt;
    let me = std::fs::metadata("/proc/self").map(|meta| meta.uid()).ok();
    let mut path = target.to_path_buf();
    // As many as the system follows (Linux: 40), so that a loop ends.
    for _ in 0..40 {
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            return Ok(path);
        };
        if !meta.file_type().is_symlink() {
            return Ok(path);
        }
        if me.is_some_and(|me| me != meta.uid() && meta.uid() != 0) {
            return Err(Error::ForeignLink(path));
        }
        let next = std::fs::read_link(&path).map_err(|source| Error::Io {
            path: target.to_path_buf(),
            source,
        })?;
        path = match path.parent() {
            Some(folder) => folder.join(next),
            None => next,
        };
    }
    Err(Error::Io {
        path: target.to_path_buf(),
        source: io::Error::from_raw_os_error(40),
    })
}

/// Whether `a` and `b` are the same existing file (through links or different spellings).
pub fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn a_finished_file_is_owner_only_and_an_unfinished_one_is_gone() {
        let dir = std::env::temp_dir().join(format!("netjournal-staged-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let target = dir.join("out.json");
        let _ = std::fs::remove_file(&target);

        let (staged, mut file) = Staged::create(&target).unwrap();
        file.write_all(b"{}").unwrap();
        staged.finish(false).unwrap();
        let mode = std::fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);

        let (staged, _file) = Staged::create(&target).unwrap();
        assert!(matches!(staged.finish(false), Err(Error::Exists(_))));
        let (staged, _file) = Staged::create(&target).unwrap();
        let staging = staged.path().to_path_buf();
        drop(staged);
        assert!(!staging.exists());
        assert_eq!(std::fs::read(&target).unwrap(), b"{}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A destination that takes `room` bytes, then says the disk is full.
    struct Disk {
        room: usize,
    }

    impl Write for Disk {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.room == 0 {
                return Err(io::Error::from_raw_os_error(28));
            }
            let n = buf.len().min(self.room);
            self.room -= n;
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_watched_writer_keeps_the_destinations_error_through_a_serializer() {
        let mut out = Watched::new(Disk { room: 10 });
        let written = serde_json::to_writer(&mut out, &vec!["a long enough value"; 4]);
        assert!(written.is_err());
        let (_, failed) = out.into_parts();
        let failed = failed.expect("the disk's refusal");
        assert_eq!(failed.kind(), io::ErrorKind::StorageFull);
        assert_eq!(failed.raw_os_error(), Some(28));

        let mut out = Watched::new(Disk { room: 100 });
        serde_json::to_writer(&mut out, &["short"]).unwrap();
        assert!(out.into_parts().1.is_none());
    }
}
