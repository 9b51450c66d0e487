//! Reading the files a user names: regular files only.
//!
//! A FIFO blocks a reader until someone writes to it, a device such as `/dev/zero` never ends,
//! and a socket cannot be read at all. Given as an article, a glossary or an import, each would
//! hang or exhaust the batch, so anything that is not a regular file (after following links)
//! is refused at once with an error naming what it is; the caller reports it with the path and
//! goes on with the other files.

use std::io::Read;
use std::os::unix::fs::FileTypeExt;
use std::path::Path;

/// What a path is, when it is not a regular file (`None` for a regular file).
pub fn not_regular(path: &Path) -> std::io::Result<Option<&'static str>> {
    let t = std::fs::metadata(path)?.file_type();
    Ok(if t.is_file() {
        None
    } else if t.is_dir() {
        Some("directory")
    } else if t.is_fifo() {
        Some("FIFO")
    } else if t.is_socket() {
        Some("socket")
    } else if t.is_char_device() || t.is_block_device() {
        Some("device")
    } else {
        Some("special file")
    })
}

fn refuse(path: &Path) -> std::io::Result<()> {
    match not_regular(path)? {
        None => Ok(()),
        Some(kind) => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            crate::i18n::render(&crate::msg!("read-not-regular", kind = kind)),
        )),
    }
}

/// The bytes of a regular file.
pub fn bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    refuse(path)?;
    std::fs::read(path)
}

/// The text of a regular file (UTF-8).
pub fn text(path: &Path) -> std::io::Result<String> {
    refuse(path)?;
    std::fs::read_to_string(path)
}

/// The first `n` bytes of a regular file.
pub fn head(path: &Path, n: u64) -> std::io::Result<Vec<u8>> {
    refuse(path)?;
    let mut out = Vec::new();
    std::fs::File::open(path)?.take(n).read_to_end(&mut out)?;
    Ok(out)
}

/// When a file was last changed (seconds since the epoch): when the work in it was done, for
/// files that do not say (0 when the system cannot tell).
pub fn modified(path: &Path) -> i64 {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fifos_and_devices_are_refused_without_blocking() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("pipe.md");
        let c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).expect("path");
        // SAFETY: mkfifo with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = bytes(&fifo).expect_err("a FIFO");
        assert!(e.to_string().contains("FIFO"), "{e}");
        assert!(text(Path::new("/dev/zero")).is_err());
        assert!(head(dir.path(), 10).is_err());
        let file = dir.path().join("a.md");
        std::fs::write(&file, "hello").expect("write");
        assert_eq!(head(&file, 2).expect("head"), b"he");
    }
}
