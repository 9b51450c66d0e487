//! Severities per rule: the defaults, `[checks.rules.<id>]`, and named profiles.
//!
//! A sports desk may not care about end punctuation in headlines, a legal desk wants the house
//! quotation marks as errors. Each desk names a profile in the configuration and picks it with
//! `[checks] profile` or `--profile`; the report and the review page say which one ran, so a
//! clean report under a lax profile is not mistaken for a clean report.
//!
//! Resolution, later wins: each rule's default (on, or off for house-style rules), then
//! `[checks] disable`, then `[checks.rules]`, then the chosen profile's rules.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::{CheckConfig, Finding, Rule, rules};
use crate::report::Severity;

/// What a rule does under a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Every finding of the rule is an error.
    Error,
    /// Every finding of the rule is a warning.
    Warning,
    /// The rule does not run.
    Off,
}

/// `[checks.rules.<id>]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSetting {
    /// `error`, `warning` or `off`.
    pub severity: Level,
}

/// `[checks.profiles.<name>]`: a desk's or a project's severities.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Profile {
    /// Severities per rule id, over `[checks.rules]`.
    pub rules: BTreeMap<String, RuleSetting>,
}

/// A configuration that names what does not exist.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProfileError {
    /// A rule id nobody defines.
    #[error("unknown rule {id:?} in {place}; rules: {known}")]
    UnknownRule {
        /// The id written.
        id: String,
        /// Where (`[checks.rules]`, a profile).
        place: String,
        /// Every rule id.
        known: String,
    },
    /// A profile the configuration does not define.
    #[error("unknown check profile {name:?}; profiles: {known}")]
    UnknownProfile {
        /// The name asked for.
        name: String,
        /// The profiles defined.
        known: String,
    },
}

/// The resolved severities of a run.
#[derive(Debug, Clone, Default)]
pub struct Levels {
    set: HashMap<&'static str, Level>,
    /// The profile in use, if any.
    pub profile: Option<String>,
}

impl Levels {
    /// Resolves `config`, refusing unknown rule ids and profiles.
    pub fn resolve(config: &CheckConfig) -> Result<Levels, ProfileError> {
        Levels::build(config, true)
    }

    /// Like [`Levels::resolve`], passing over unknown rule ids and an unknown profile (the
    /// configuration was validated when it was loaded; this is for library users who build
    /// one by hand).
    pub fn resolve_lenient(config: &CheckConfig) -> Levels {
        Levels::build(config, false).unwrap_or_default()
    }

    /// The one resolution; `strict` makes an unknown name an error instead of passing it over.
    fn build(config: &CheckConfig, strict: bool) -> Result<Levels, ProfileError> {
        let all = rules::all();
        // The rule called `id`: `Ok(None)` for an unknown one when not strict.
        let find = |id: &str, place: &str| match all.iter().find(|r| r.id() == id) {
            Some(r) => Ok(Some(r.id())),
            None if !strict => Ok(None),
            None => Err(ProfileError::UnknownRule {
                id: id.to_string(),
                place: place.to_string(),
                known: all.iter().map(|r| r.id()).collect::<Vec<_>>().join(", "),
            }),
        };
        let mut set = HashMap::new();
        for id in &config.disable {
            set.extend(find(id, "[checks] disable")?.map(|id| (id, Level::Off)));
        }
        for (id, s) in &config.rules {
            set.extend(find(id, "[checks.rules]")?.map(|id| (id, s.severity)));
        }
        for (name, profile) in &config.profiles {
            for id in profile.rules.keys() {
                find(id, &format!("[checks.profiles.{name}]"))?;
            }
        }
        let mut profile = None;
        if let Some(name) = &config.profile {
            match config.profiles.get(name) {
                Some(p) => {
                    for (id, s) in &p.rules {
                        set.extend(find(id, name)?.map(|id| (id, s.severity)));
                    }
                    profile = Some(name.clone());
                }
                None if !strict => {}
                None => {
                    return Err(ProfileError::UnknownProfile {
                        name: name.clone(),
                        known: config
                            .profiles
                            .keys()
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", "),
                    });
                }
            }
        }
        Ok(Levels { set, profile })
    }

    /// What the configuration says of `rule`, if anything.
    fn level(&self, rule: Rule) -> Option<Level> {
        self.set.get(rule.id()).copied()
    }

    /// Whether `rule` runs.
    pub fn runs(&self, rule: Rule) -> bool {
        match self.level(rule) {
            Some(Level::Off) => false,
            Some(_) => true,
            None => rule.on_by_default(),
        }
    }

    /// A finding with its configured severity, or `None` when its rule does not run.
    pub fn settle_one(&self, mut f: Finding) -> Option<Finding> {
        match self.level(f.rule) {
            Some(Level::Error) => f.severity = Severity::Error,
            Some(Level::Warning) => f.severity = Severity::Warning,
            Some(Level::Off) => return None,
            None if !f.rule.on_by_default() => return None,
            None => {}
        }
        Some(f)
    }

    /// [`Levels::settle_one`] over a list.
    pub fn settle(&self, findings: &mut Vec<Finding>) {
        *findings = std::mem::take(findings)
            .into_iter()
            .filter_map(|f| self.settle_one(f))
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Span;

    fn config(toml_text: &str) -> CheckConfig {
        toml::from_str(toml_text).expect("parses")
    }

    fn finding(rule: Rule) -> Finding {
        Finding {
            rule,
            severity: Severity::Warning,
            block: 0,
            source: None,
            target: Some(Span::of("x", 0..1)),
            message: crate::msg!("check-untranslated"),
            fix: None,
        }
    }

    #[test]
    fn rules_profiles_and_defaults_resolve_in_order() {
        let c = config(
            r#"
            profile = "legal"
            disable = ["untranslated"]
            [rules.number-format]
            severity = "warning"
            [rules.doubled-space]
            severity = "off"
            [profiles.legal.rules.house-quotes]
            severity = "error"
            [profiles.legal.rules.number-format]
            severity = "error"
            "#,
        );
        let levels = Levels::resolve(&c).expect("resolves");
        assert_eq!(levels.profile.as_deref(), Some("legal"));
        assert!(!levels.runs(Rule::UNTRANSLATED), "disable");
        assert!(!levels.runs(Rule::DOUBLED_SPACE), "[checks.rules]");
        assert!(levels.runs(Rule::HOUSE_QUOTES), "the profile turns it on");
        assert!(levels.runs(Rule::NAME_MISSING), "default on");
        let mut found = vec![
            finding(Rule::NUMBER_FORMAT),
            finding(Rule::DOUBLED_SPACE),
            finding(Rule::HOUSE_QUOTES),
            finding(Rule::NAME_MISSING),
        ];
        levels.settle(&mut found);
        let got: Vec<(&str, Severity)> = found.iter().map(|f| (f.rule.id(), f.severity)).collect();
        assert_eq!(
            got,
            [
                ("number-format", Severity::Error),
                ("house-quotes", Severity::Error),
                ("name-missing", Severity::Warning),
            ]
        );
        // Without the profile: house style is off, number-format a warning.
        let plain = Levels::resolve(&CheckConfig {
            profile: None,
            ..c.clone()
        })
        .expect("resolves");
        assert!(!plain.runs(Rule::HOUSE_QUOTES));
        let mut one = vec![finding(Rule::NUMBER_FORMAT)];
        one[0].severity = Severity::Error;
        plain.settle(&mut one);
        assert_eq!(one[0].severity, Severity::Warning);
    }

    #[test]
    fn a_hand_built_configuration_keeps_what_it_can() {
        let c = config(
            "profile = \"gone\"\ndisable = [\"no-such-rule\", \"untranslated\"]\n[rules.doubled-space]\nseverity = \"error\"\n",
        );
        assert!(Levels::resolve(&c).is_err());
        let levels = Levels::resolve_lenient(&c);
        assert!(!levels.runs(Rule::UNTRANSLATED), "a known id still counts");
        assert_eq!(
            levels
                .settle_one(finding(Rule::DOUBLED_SPACE))
                .map(|f| f.severity),
            Some(Severity::Error)
        );
        assert_eq!(levels.profile, None, "an unknown profile is passed over");
    }

    #[test]
    fn unknown_rules_and_profiles_are_refused_by_name() {
        let e = Levels::resolve(&config("[rules.dubled-word]\nseverity = \"off\"\n"))
            .expect_err("unknown rule");
        let text = e.to_string();
        assert!(
            text.contains("dubled-word") && text.contains("doubled-word"),
            "{text}"
        );
        let e = Levels::resolve(&config("profile = \"sport\"\n[profiles.sports]\n"))
            .expect_err("unknown profile");
        assert!(e.to_string().contains("sports"), "{e}");
        assert!(
            toml::from_str::<CheckConfig>("[rules.untranslated]\nseverity = \"loud\"\n").is_err(),
            "a severity is error, warning or off"
        );
    }
}
