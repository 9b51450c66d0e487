//! Which Apertium pairs are installed, and which one serves a BCP 47 language pair.
//!
//! Pairs are discovered from the mode files (`/usr/share/apertium/modes/eng-spa.mode`), the
//! same source `apertium -l` reads. BCP 47 language subtags map to Apertium's ISO 639-3 codes
//! through the ISO 639 tables of the `isolang` crate (en→eng, es→spa, ca→cat, gl→glg, nb→nob);
//! a region or variant picks a variant mode when one exists (pt-BR → `por_BR`, ca-ES-valencia
//! → `cat_valencia`), and falls back to the plain language otherwise (es-ES → `spa`).

use std::path::{Path, PathBuf};

use unic_langid::LanguageIdentifier;

/// One installed translation direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mode {
    /// The mode name, e.g. `eng-spa` or `spa-eng_US`.
    pub name: String,
    /// The source code, e.g. `eng`.
    pub source: String,
    /// The target code with its variant, e.g. `eng_US`.
    pub target: String,
    /// The mode file.
    pub path: PathBuf,
}

/// Lists the modes in a directory, sorted by name. A missing directory lists nothing.
pub fn discover(dir: &Path) -> Vec<Mode> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut modes: Vec<Mode> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let path = e.path();
            let name = path
                .file_name()?
                .to_str()?
                .strip_suffix(".mode")?
                .to_string();
            // Debug and intermediate modes have more dashes (eng-spa-tagger): skip them.
            let (source, target) = name.split_once('-')?;
            if target.contains('-') || source.is_empty() || target.is_empty() {
                return None;
            }
            Some(Mode {
                source: source.to_string(),
                target: target.to_string(),
                name,
                path,
            })
        })
        .collect();
    modes.sort_by(|a, b| a.name.cmp(&b.name));
    modes
}

/// Apertium's code for a language subtag: ISO 639-3 (`en` → `eng`).
pub fn apertium_code(lang: &LanguageIdentifier) -> String {
    let subtag = lang.language.as_str();
    let by_639_1 = if subtag.len() == 2 {
        isolang::Language::from_639_1(subtag).map(|l| l.to_639_3().to_string())
    } else {
        None
    };
    by_639_1.unwrap_or_else(|| subtag.to_string())
}

/// Candidate codes for a tag, most specific first: `por_BR`, then `por`.
fn candidates(lang: &LanguageIdentifier) -> Vec<String> {
    let base = apertium_code(lang);
    let mut out = Vec::new();
    for variant in lang.variants() {
        out.push(format!("{base}_{}", variant.as_str()));
    }
    if let Some(region) = lang.region {
        out.push(format!("{base}_{}", region.as_str()));
    }
    out.push(base);
    out
}

/// The mode that serves a pair, if installed.
pub fn find<'m>(
    modes: &'m [Mode],
    source: &LanguageIdentifier,
    target: &LanguageIdentifier,
) -> Option<&'m Mode> {
    let sources = candidates(source);
    let targets = candidates(target);
    for t in &targets {
        for s in &sources {
            if let Some(m) = modes.iter().find(|m| &m.source == s && &m.target == t) {
                return Some(m);
            }
        }
    }
    None
}

/// The Debian packages that could hold a pair (Apertium packages name the pair in either
/// order, e.g. `apertium-eng-spa` serves both directions).
pub fn package_hint(source: &LanguageIdentifier, target: &LanguageIdentifier) -> String {
    let s = apertium_code(source);
    let t = apertium_code(target);
    format!("apertium-{s}-{t} or apertium-{t}-{s} (apt-cache search apertium-{s})")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> LanguageIdentifier {
        s.parse().expect("valid tag")
    }

    fn modes(names: &[&str]) -> Vec<Mode> {
        names
            .iter()
            .map(|n| {
                let (s, t) = n.split_once('-').expect("pair");
                Mode {
                    name: n.to_string(),
                    source: s.into(),
                    target: t.into(),
                    path: PathBuf::from(format!("/m/{n}.mode")),
                }
            })
            .collect()
    }

    #[test]
    fn bcp47_maps_to_apertium_codes() {
        assert_eq!(apertium_code(&tag("en")), "eng");
        assert_eq!(apertium_code(&tag("es-ES")), "spa");
        assert_eq!(apertium_code(&tag("ca")), "cat");
        assert_eq!(apertium_code(&tag("gl")), "glg");
        assert_eq!(apertium_code(&tag("nb")), "nob");
        assert_eq!(apertium_code(&tag("ast")), "ast");
    }

    #[test]
    fn variants_and_regions_pick_variant_modes_then_fall_back() {
        let m = modes(&[
            "eng-spa",
            "spa-eng",
            "spa-eng_US",
            "eng-cat_valencia",
            "eng-cat",
        ]);
        let name = |s: &str, t: &str| find(&m, &tag(s), &tag(t)).map(|m| m.name.clone());
        assert_eq!(name("en", "es-ES").as_deref(), Some("eng-spa"));
        assert_eq!(name("es", "en-US").as_deref(), Some("spa-eng_US"));
        assert_eq!(name("es", "en-GB").as_deref(), Some("spa-eng"));
        assert_eq!(
            name("en", "ca-ES-valencia").as_deref(),
            Some("eng-cat_valencia")
        );
        assert_eq!(name("en", "ca").as_deref(), Some("eng-cat"));
        assert_eq!(name("en", "de"), None);
    }
}
