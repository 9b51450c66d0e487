//! What several subcommands resolve the same way: the glossary layers, reader options, the
//! memory file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use verso::config::Config;
use verso::format::ReadOptions;
use verso::glossary::{self, Glossary, LoadOptions};
use verso::i18n;
use verso::memory::Memory;
use verso::msg;

/// The glossary from `--glossary` files, or the configured ones; reports overridden concepts.
pub fn glossary(
    flags: &[PathBuf],
    config: &Config,
    from: &str,
    to: &str,
) -> anyhow::Result<Option<Arc<Glossary>>> {
    let files = if flags.is_empty() {
        config.glossary.files.clone()
    } else {
        flags.to_vec()
    };
    if files.is_empty() {
        return Ok(None);
    }
    let options = LoadOptions {
        pair: Some((from.to_string(), to.to_string())),
        ..LoadOptions::default()
    };
    let (glossary, overrides) = glossary::load_layered(&files, &options)?;
    for o in &overrides {
        note!(
            "{}",
            i18n::render(&msg!(
                "glossary-override",
                id = &o.id,
                replaced = format!("{}:{}", o.replaced.file.display(), o.replaced.line),
                by = format!("{}:{}", o.by.file.display(), o.by.line)
            ))
        );
    }
    Ok(Some(Arc::new(glossary)))
}

/// Writes an output the user named (`-`: standard output; links, devices and FIFOs as
/// [`output::write_atomic`] treats them), the error naming the file.
pub fn write(path: &Path, contents: &[u8]) -> anyhow::Result<()> {
    use anyhow::Context;
    verso::output::write_atomic(path, contents)
        .with_context(|| i18n::render(&msg!("output-cannot-write", path = path)))
}

/// The readers' options from the configuration, for a batch from `source` (the language of
/// `--from`, which overrides the configuration's).
pub fn read_options(config: &Config, source: &str) -> ReadOptions {
    ReadOptions {
        source_language: Some(source.to_string()),
        ..config.read_options()
    }
}

/// The memory: `--memory` (a file or a `postgres://` URL), else `VERSO_MEMORY_URL`, else the
/// configuration's `memory.url`, else its `memory.path`.
pub fn memory_address(flag: Option<&Path>, config: &Config) -> String {
    if let Some(flag) = flag {
        return flag.to_string_lossy().into_owned();
    }
    std::env::var("VERSO_MEMORY_URL")
        .ok()
        .filter(|u| !u.is_empty())
        .or_else(|| config.memory.url.clone())
        .unwrap_or_else(|| config.memory.path.to_string_lossy().into_owned())
}

/// The memory file from `--memory` or the configuration (a URL stays as it is).
pub fn memory_path(flag: Option<&Path>, config: &Config) -> PathBuf {
    PathBuf::from(memory_address(flag, config))
}

/// Opens the memory (creating it, or its schema on a PostgreSQL server).
pub fn open_memory(flag: Option<&Path>, config: &Config) -> anyhow::Result<Memory> {
    Ok(Memory::open_at(&memory_address(flag, config))?)
}

/// The target locales: `--to es,de`, else the configuration's; at least one.
pub fn targets(
    flag: Option<&str>,
    config: &Config,
) -> anyhow::Result<Vec<unic_langid::LanguageIdentifier>> {
    let targets = match flag {
        Some(list) => verso::locale::parse_list(list)?,
        None => config
            .translate
            .to
            .iter()
            .map(|t| verso::locale::parse(t))
            .collect::<Result<Vec<_>, _>>()?,
    };
    anyhow::ensure!(!targets.is_empty(), i18n::render(&msg!("cli-no-targets")));
    Ok(targets)
}

/// The first configured target locale, for commands that take one.
pub fn default_target(config: &Config) -> anyhow::Result<String> {
    config
        .translate
        .to
        .first()
        .cloned()
        .ok_or_else(|| anyhow::anyhow!(i18n::render(&msg!("cli-no-targets"))))
}

/// `--profile NAME` over the configuration's `[checks] profile`; an unknown name (or rule in
/// the profile) is an error that names the profiles there are.
pub fn choose_profile(config: &mut Config, flag: Option<&str>) -> anyhow::Result<()> {
    if let Some(name) = flag {
        config.checks.profile = Some(name.to_string());
    }
    verso::check::profile::Levels::resolve(&config.checks)?;
    Ok(())
}
