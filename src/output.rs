//! Writing outputs atomically: a temporary file in the target directory, then a rename.
//!
//! A reader (or a publishing job) never sees a half-written article, even if verso is killed
//! mid-write. A kill can leave a temporary file behind; they are named `.verso-*.tmp` and
//! removed by the next run ([`remove_stale_temporaries`]).

use std::io::Write;
use std::path::Path;

const TEMP_PREFIX: &str = ".verso-";
const TEMP_SUFFIX: &str = ".tmp";

/// Writes `contents` to `path` atomically, creating parent directories.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_data()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Removes temporaries a killed run left under `dir`; returns how many.
pub fn remove_stale_temporaries(dir: &Path) -> usize {
    if !dir.is_dir() {
        return 0;
    }
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            e.file_type().is_file() && name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_through_a_temporary_and_cleans_leftovers() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("es/a/b.md");
        write_atomic(&target, b"hola").expect("write");
        assert_eq!(std::fs::read(&target).expect("read"), b"hola");
        write_atomic(&target, b"adios").expect("overwrite");
        assert_eq!(std::fs::read(&target).expect("read"), b"adios");
        let leftover = dir.path().join("es/.verso-abc.tmp");
        std::fs::write(&leftover, "half").expect("write");
        assert_eq!(remove_stale_temporaries(dir.path()), 1);
        assert!(!leftover.exists());
        assert!(target.exists());
    }
}
