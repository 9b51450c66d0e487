//! Splitting a batch between workers: `--shard K/N` (K from 1, as Playwright and Jest count),
//! or `--shard auto` from the scheduler's environment (a Kubernetes Indexed Job's
//! `JOB_COMPLETION_INDEX`, a Slurm array's `SLURM_ARRAY_TASK_ID`).
//!
//! An input belongs to the shard its relative path hashes to (BLAKE3, path separators as
//! `/`): the same on every machine and in every run, whatever order the files are listed in,
//! and every file in exactly one shard. Relative paths, not absolute ones, so workers that
//! mount the articles at different places still agree.

use std::path::Path;

use crate::i18n::{Localized, Message};
use crate::msg;

/// One worker's part of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based index.
    pub index: u32,
    /// How many shards.
    pub count: u32,
}

/// A `--shard` that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::i18n::describe(self))]
pub enum ShardError {
    /// Not `K/N` with 1 ≤ K ≤ N.
    Malformed {
        /// What was given.
        given: String,
    },
    /// `auto` found no scheduler's index.
    NoScheduler,
    /// `auto` on Kubernetes without the count.
    NoCount,
}

impl Localized for ShardError {
    fn message(&self) -> Message {
        match self {
            ShardError::Malformed { given } => msg!("shard-malformed", given = given.as_str()),
            ShardError::NoScheduler => msg!("shard-no-scheduler"),
            ShardError::NoCount => msg!("shard-no-count"),
        }
    }
}

impl Shard {
    /// Reads `K/N` or `auto`; `auto` reads the environment through `env` (Slurm's array
    /// variables, or Kubernetes' completion index with the count from `count` or
    /// `VERSO_SHARDS`).
    pub fn parse(
        spec: &str,
        count: Option<u32>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Shard, ShardError> {
        if spec == "auto" {
            return Shard::from_scheduler(count, env);
        }
        Shard::k_of_n(spec)
    }

    /// Reads `K/N`.
    fn k_of_n(spec: &str) -> Result<Shard, ShardError> {
        let malformed = || ShardError::Malformed {
            given: spec.to_string(),
        };
        let (k, n) = spec.split_once('/').ok_or_else(malformed)?;
        let (index, count) = (
            k.trim().parse::<u32>().map_err(|_| malformed())?,
            n.trim().parse::<u32>().map_err(|_| malformed())?,
        );
        if index == 0 || index > count {
            return Err(malformed());
        }
        Ok(Shard { index, count })
    }

    fn from_scheduler(
        count: Option<u32>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Shard, ShardError> {
        let number = |name: &str| env(name).and_then(|v| v.trim().parse::<u32>().ok());
        // Slurm numbers array tasks from whatever `--array` starts at (0-3, 1-4, 10-13).
        if let (Some(id), Some(n)) = (
            number("SLURM_ARRAY_TASK_ID"),
            number("SLURM_ARRAY_TASK_COUNT"),
        ) {
            let min = number("SLURM_ARRAY_TASK_MIN").unwrap_or(0);
            let index = id.checked_sub(min).ok_or(ShardError::NoScheduler)? + 1;
            return Shard::k_of_n(&format!("{index}/{}", count.unwrap_or(n)));
        }
        if let Some(index) = number("JOB_COMPLETION_INDEX") {
            let n = count
                .or_else(|| number("VERSO_SHARDS"))
                .ok_or(ShardError::NoCount)?;
            return Shard::k_of_n(&format!("{}/{n}", index + 1));
        }
        Err(ShardError::NoScheduler)
    }

    /// Whether the input at `relative` (its path under the directory it was found in) is
    /// this shard's.
    pub fn holds(&self, relative: &Path) -> bool {
        shard_of(relative, self.count) == self.index
    }

    /// `shard-K-of-N`, for the files a shard writes beside the others'.
    pub fn label(&self) -> String {
        format!("shard-{}-of-{}", self.index, self.count)
    }
}

/// The 1-based shard of `relative` among `count`.
pub fn shard_of(relative: &Path, count: u32) -> u32 {
    let key = relative.to_string_lossy().replace('\\', "/");
    let hash = blake3::hash(key.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&hash.as_bytes()[..8]);
    let n = u64::from(count.max(1));
    // The remainder is below `count`, a u32.
    u32::try_from(u64::from_le_bytes(first) % n).unwrap_or(0) + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn no_env(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn k_of_n_is_read_and_checked() {
        assert_eq!(
            Shard::parse("2/4", None, no_env),
            Ok(Shard { index: 2, count: 4 })
        );
        for bad in ["0/4", "5/4", "2", "a/b", "2/0", ""] {
            assert!(
                matches!(
                    Shard::parse(bad, None, no_env),
                    Err(ShardError::Malformed { .. })
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn auto_reads_slurm_and_kubernetes() {
        let slurm: HashMap<&str, &str> = [
            ("SLURM_ARRAY_TASK_ID", "12"),
            ("SLURM_ARRAY_TASK_COUNT", "4"),
            ("SLURM_ARRAY_TASK_MIN", "10"),
        ]
        .into();
        let env = |k: &str| slurm.get(k).map(|v| v.to_string());
        assert_eq!(
            Shard::parse("auto", None, env),
            Ok(Shard { index: 3, count: 4 })
        );
        let k8s: HashMap<&str, &str> = [("JOB_COMPLETION_INDEX", "0")].into();
        let env = |k: &str| k8s.get(k).map(|v| v.to_string());
        assert_eq!(Shard::parse("auto", None, env), Err(ShardError::NoCount));
        assert_eq!(
            Shard::parse("auto", Some(8), env),
            Ok(Shard { index: 1, count: 8 })
        );
        assert_eq!(
            Shard::parse("auto", None, no_env),
            Err(ShardError::NoScheduler)
        );
    }

    #[test]
    fn every_path_is_in_exactly_one_shard_and_the_split_is_even() {
        let shards: Vec<Shard> = (1..=4).map(|index| Shard { index, count: 4 }).collect();
        let mut sizes = [0usize; 4];
        for i in 0..2000 {
            let path = format!("desk/2026/{i:04}-article.md");
            let holders: Vec<u32> = shards
                .iter()
                .filter(|s| s.holds(Path::new(&path)))
                .map(|s| s.index)
                .collect();
            assert_eq!(holders.len(), 1, "{path}: {holders:?}");
            sizes[(holders[0] - 1) as usize] += 1;
        }
        assert!(sizes.iter().all(|&n| (400..600).contains(&n)), "{sizes:?}");
        // Windows separators hash as `/`: the same file, the same shard.
        assert_eq!(
            shard_of(Path::new("a\\b.md"), 7),
            shard_of(Path::new("a/b.md"), 7)
        );
    }
}
