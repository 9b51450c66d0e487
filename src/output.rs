//! Writing outputs: whole or not at all, and never over something that is not ours.
//!
//! A regular file is written to a temporary file beside it and renamed over it, so a reader (or
//! a publishing job) never sees a half-written article, even if verso is killed mid-write. What
//! the user names may be something else, and is treated as what it is:
//! - `-` is standard output;
//! - a symbolic link is written through: the file it points to is replaced and the link stays
//!   (renaming over the link would turn it into a regular file — as root, `--report
//!   /dev/stdout` replaced the system's link);
//! - a device, FIFO or socket is opened and written in place (there is nothing to rename);
//! - a directory is an error.
//!
//! New files get the usual permissions (0666 less the umask); a replaced file keeps its own.
//! Temporaries are named `.verso-<pid>-<random>.tmp`. A kill can leave one behind: the first
//! write into a directory removes those whose process is gone ([`remove_stale_temporaries`]
//! does the same for a whole tree), and never those of a live run writing the same tree.

use std::collections::HashSet;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

const TEMP_PREFIX: &str = ".verso-";
const TEMP_SUFFIX: &str = ".tmp";
/// Symbolic links followed before giving up (the kernel's own limit is 40).
const MAX_LINKS: usize = 40;
/// A temporary this old is stale even if a process with its pid runs (pids are reused).
const STALE_AFTER: Duration = Duration::from_secs(24 * 3600);

/// Directories already cleaned of stale temporaries by this process.
static CLEANED: Mutex<Option<HashSet<PathBuf>>> = Mutex::new(None);

/// Writes `contents` to `path` (`-`: standard output), creating parent directories; see the
/// module documentation for links, devices and permissions.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    if path == Path::new("-") {
        let mut out = std::io::stdout().lock();
        out.write_all(contents)?;
        return out.flush();
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let target = resolve_links(path)?;
    match std::fs::metadata(&target) {
        Ok(meta) if meta.is_dir() => Err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            crate::i18n::render(&crate::msg!("output-is-directory")),
        )),
        Ok(meta) if !meta.is_file() => {
            // A device or FIFO: written in place, never replaced.
            let mut file = std::fs::OpenOptions::new().write(true).open(&target)?;
            file.write_all(contents)?;
            file.flush()
        }
        Ok(meta) => replace(&target, contents, Some(meta.permissions())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => replace(&target, contents, None),
        Err(e) => Err(e),
    }
}

/// The path a write to `path` must go to: `path` itself, or the file its chain of symbolic
/// links ends at (which may not exist yet). `/proc` links such as `/dev/stdout` resolve to no
/// path at all; they are returned as given and opened by the kernel.
fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let Ok(meta) = std::fs::symlink_metadata(&current) else {
            return Ok(current);
        };
        if !meta.file_type().is_symlink() {
            return Ok(current);
        }
        match std::fs::metadata(&current) {
            // The chain ends at something that exists: the kernel knows where.
            Ok(end) if end.is_file() || end.is_dir() => return std::fs::canonicalize(&current),
            Ok(_) => return Ok(current), // a device or FIFO behind a link: open it as given
            Err(_) => {
                // A dangling link: follow its text to the file it names.
                let next = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
        }
    }
    Err(std::io::Error::other(crate::i18n::render(&crate::msg!(
        "output-link-loop"
    ))))
}

/// Replaces (or creates) the regular file `path` through a temporary beside it.
fn replace(
    path: &Path,
    contents: &[u8],
    keep: Option<std::fs::Permissions>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    clean_once(dir);
    // 0666 is reduced by the umask when the file is created, like any file a program makes.
    let kept = keep.is_some();
    let mode = keep.unwrap_or_else(|| std::fs::Permissions::from_mode(0o666));
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .suffix(TEMP_SUFFIX)
        .permissions(mode.clone())
        .tempfile_in(dir)?;
    if kept {
        // The umask applied at creation; a replaced file keeps exactly its own mode.
        tmp.as_file().set_permissions(mode)?;
    }
    tmp.write_all(contents)?;
    tmp.as_file().sync_data()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Removes stale temporaries from `dir` the first time this process writes there.
fn clean_once(dir: &Path) {
    if first_time(dir) {
        remove_stale_in(dir);
    }
}

/// Records that this process has cleaned `dir`; whether it had not before.
fn first_time(dir: &Path) -> bool {
    CLEANED
        .lock()
        .map(|mut set| {
            set.get_or_insert_with(HashSet::new)
                .insert(dir.to_path_buf())
        })
        .unwrap_or(false)
}

/// Whether a temporary's name says a process that no longer runs made it (or it is old).
fn is_stale(name: &str, path: &Path) -> bool {
    let Some(middle) = name
        .strip_prefix(TEMP_PREFIX)
        .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
    else {
        return false;
    };
    let old = std::fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age > STALE_AFTER);
    // Names of earlier versions carry no pid: stale.
    let Some(pid) = middle
        .split_once('-')
        .and_then(|(pid, _)| pid.parse::<i32>().ok())
    else {
        return true;
    };
    if pid == std::process::id() as i32 {
        return old;
    }
    old || !process_runs(pid)
}

/// Whether a process with this pid exists (signal 0 checks without sending anything).
fn process_runs(pid: i32) -> bool {
    if pid <= 0 {
        return false;
    }
    // SAFETY: kill with signal 0 sends nothing; it only asks whether the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

fn remove_stale_in(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| is_stale(&e.file_name().to_string_lossy(), &e.path()))
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// Removes the temporaries killed runs left anywhere under `dir`; returns how many.
pub fn remove_stale_temporaries(dir: &Path) -> usize {
    if !dir.is_dir() {
        return 0;
    }
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir())
        // Recorded, so that the first write into each is not a second listing of it.
        .map(|e| {
            first_time(e.path());
            remove_stale_in(e.path())
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::FileTypeExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).expect("meta").permissions().mode() & 0o777
    }

    #[test]
    fn writes_through_a_temporary_and_cleans_leftovers_of_dead_runs_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("es/a/b.md");
        write_atomic(&target, b"hola").expect("write");
        assert_eq!(std::fs::read(&target).expect("read"), b"hola");
        write_atomic(&target, b"adios").expect("overwrite");
        assert_eq!(std::fs::read(&target).expect("read"), b"adios");
        let old_style = dir.path().join("es/.verso-abc.tmp");
        let dead = dir.path().join("es/a/.verso-999999999-xyz.tmp");
        let alive = dir
            .path()
            .join(format!("es/.verso-{}-xyz.tmp", std::process::id()));
        let parent = dir.path().join("es/.verso-1-xyz.tmp"); // init always runs
        for f in [&old_style, &dead, &alive, &parent] {
            std::fs::write(f, "half").expect("write");
        }
        assert_eq!(remove_stale_temporaries(dir.path()), 2);
        assert!(!old_style.exists() && !dead.exists());
        assert!(
            alive.exists() && parent.exists(),
            "a live run's temporary stays"
        );
        assert!(target.exists());
    }

    #[test]
    fn the_first_write_into_a_directory_removes_what_a_killed_run_left_there() {
        let dir = tempfile::tempdir().expect("tempdir");
        let left = dir.path().join(".verso-999999998-abc.tmp");
        std::fs::write(&left, "half").expect("write");
        write_atomic(&dir.path().join("index.html"), b"x").expect("write");
        assert!(!left.exists());
    }

    #[test]
    fn links_are_written_through_and_stay_links() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("real.json");
        std::fs::write(&real, "old").expect("write");
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("real.json", &link).expect("link");
        write_atomic(&link, b"new").expect("write");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).expect("read"), b"new");
        // A dangling link: the file it names is created.
        let dangling = dir.path().join("dangling.json");
        std::os::unix::fs::symlink("sub/made.json", &dangling).expect("link");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        write_atomic(&dangling, b"made").expect("write");
        assert_eq!(
            std::fs::read(dir.path().join("sub/made.json")).expect("read"),
            b"made"
        );
        assert!(
            std::fs::symlink_metadata(&dangling)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        // A loop is an error, not a hang.
        let a = dir.path().join("loop-a");
        std::os::unix::fs::symlink("loop-b", &a).expect("link");
        std::os::unix::fs::symlink("loop-a", dir.path().join("loop-b")).expect("link");
        assert!(write_atomic(&a, b"x").is_err());
    }

    #[test]
    fn devices_and_fifos_are_written_in_place_never_replaced() {
        write_atomic(Path::new("/dev/null"), b"nothing").expect("write");
        assert!(
            std::fs::metadata("/dev/null")
                .expect("meta")
                .file_type()
                .is_char_device()
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("pipe");
        let c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).expect("path");
        // SAFETY: mkfifo with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(&fifo).expect("read fifo"))
        };
        write_atomic(&fifo, b"through the pipe").expect("write");
        assert_eq!(reader.join().expect("reader"), b"through the pipe");
        assert!(
            std::fs::metadata(&fifo)
                .expect("meta")
                .file_type()
                .is_fifo()
        );
        assert!(write_atomic(dir.path(), b"x").is_err(), "a directory");
    }

    #[test]
    fn new_files_get_the_umask_and_replaced_files_keep_their_mode() {
        let dir = tempfile::tempdir().expect("tempdir");
        // SAFETY: umask only reads and sets this process's mask; set back at once.
        let umask = unsafe {
            let m = libc::umask(0o022);
            libc::umask(m);
            m
        };
        let new = dir.path().join("new.md");
        write_atomic(&new, b"x").expect("write");
        assert_eq!(mode(&new), 0o666 & !(umask as u32));
        std::fs::set_permissions(&new, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        write_atomic(&new, b"y").expect("write");
        assert_eq!(mode(&new), 0o640);
    }
}
