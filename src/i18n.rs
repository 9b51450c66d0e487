//! verso's own user-facing text, through Fluent.
//!
//! Every message the CLI prints and every error's `Display` goes through [`render`], so a
//! reviewer reads verso in their language. The `.ftl` files are compiled in, so the binary works
//! from any directory. The UI language is chosen once per process ([`init`]): `--ui-lang`, then
//! `LC_ALL`, `LC_MESSAGES`, `LANG`, negotiated against the shipped locales with `en-US` last.
//! Numbers are formatted with ICU4X for the UI locale (Fluent alone would print `12000` in
//! German), and Unicode isolation marks are off because the output is plain text, not HTML.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use icu::decimal::DecimalFormatter;
use icu::decimal::input::Decimal;
use unic_langid::LanguageIdentifier;

/// The shipped UI locales and their Fluent sources; the first is the fallback.
pub const LOCALES: &[(&str, &str)] = &[
    ("en-US", include_str!("../locales/en-US/verso.ftl")),
    ("es", include_str!("../locales/es/verso.ftl")),
];

/// A message to show: a Fluent id and its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    /// The Fluent message id, e.g. `read-invalid-utf8`.
    pub id: &'static str,
    /// Named arguments, in the order given.
    pub args: Vec<(&'static str, Arg)>,
}

/// One argument of a [`Message`].
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text, shown as is.
    Str(String),
    /// An integer, formatted for the UI locale and usable in plural selectors.
    Int(i64),
    /// A decimal, shown with one fraction digit.
    Float(f64),
}

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Str(v.to_string())
    }
}
impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Str(v)
    }
}
impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::Str(v.clone())
    }
}
impl From<&Path> for Arg {
    fn from(v: &Path) -> Self {
        Arg::Str(v.display().to_string())
    }
}
impl From<&PathBuf> for Arg {
    fn from(v: &PathBuf) -> Self {
        Arg::Str(v.display().to_string())
    }
}
impl From<PathBuf> for Arg {
    fn from(v: PathBuf) -> Self {
        Arg::Str(v.display().to_string())
    }
}
impl From<usize> for Arg {
    fn from(v: usize) -> Self {
        Arg::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<u64> for Arg {
    fn from(v: u64) -> Self {
        Arg::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<u32> for Arg {
    fn from(v: u32) -> Self {
        Arg::Int(i64::from(v))
    }
}
impl From<i64> for Arg {
    fn from(v: i64) -> Self {
        Arg::Int(v)
    }
}
impl From<f64> for Arg {
    fn from(v: f64) -> Self {
        Arg::Float(v)
    }
}

/// Builds a [`Message`]: `msg!("read-empty", path = &p)`.
///
/// Always use this macro (not a bare `Message`) so the locale test can find every id in use.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::i18n::Message {
            id: $id,
            args: vec![$((stringify!($k), $crate::i18n::Arg::from($v))),*],
        }
    };
}

/// Something that can describe itself to the user as a Fluent message (errors, findings).
pub trait Localized {
    /// The message that describes `self`.
    fn message(&self) -> Message;
}

struct Localizer {
    lang: LanguageIdentifier,
    bundles: Vec<FluentBundle<FluentResource>>,
}

static LOCALIZER: OnceLock<Localizer> = OnceLock::new();
static DECIMAL: OnceLock<Option<DecimalFormatter>> = OnceLock::new();

/// Chooses the UI language once for this process and returns it.
///
/// `requested` is `--ui-lang`; without it the POSIX locale variables decide. Later calls
/// return the first choice.
pub fn init(requested: Option<&str>) -> LanguageIdentifier {
    LOCALIZER
        .get_or_init(|| build(requested.map(str::to_string).or_else(env_locale)))
        .lang
        .clone()
}

/// The UI language in use (initializing from the environment when [`init`] was not called).
pub fn ui_lang() -> LanguageIdentifier {
    localizer().lang.clone()
}

fn localizer() -> &'static Localizer {
    LOCALIZER.get_or_init(|| build(env_locale()))
}

/// Reads `LC_ALL`, `LC_MESSAGES`, `LANG` as POSIX does, turning `es_ES.UTF-8` into `es-ES`.
fn env_locale() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .map(|v| posix_to_bcp47(&v))
}

/// `es_ES.UTF-8@euro` → `es-ES`; `C` and `POSIX` → `en-US`.
pub fn posix_to_bcp47(v: &str) -> String {
    let base = v.split(['.', '@']).next().unwrap_or("");
    if base.is_empty() || base == "C" || base == "POSIX" {
        "en-US".to_string()
    } else {
        base.replace('_', "-")
    }
}

fn build(requested: Option<String>) -> Localizer {
    let available: Vec<LanguageIdentifier> = LOCALES
        .iter()
        .filter_map(|(tag, _)| tag.parse().ok())
        .collect();
    let default: LanguageIdentifier = LOCALES[0].0.parse().unwrap_or_default();
    let requested: Vec<LanguageIdentifier> =
        requested.and_then(|r| r.parse().ok()).into_iter().collect();
    let chosen: Vec<LanguageIdentifier> = fluent_langneg::negotiate_languages(
        &requested,
        &available,
        Some(&default),
        fluent_langneg::NegotiationStrategy::Filtering,
    )
    .into_iter()
    .cloned()
    .collect();
    let lang = chosen.first().cloned().unwrap_or(default);
    let _ = DECIMAL.set(decimal_formatter(&lang));
    let bundles = chosen.iter().filter_map(bundle_for).collect();
    Localizer { lang, bundles }
}

fn decimal_formatter(lang: &LanguageIdentifier) -> Option<DecimalFormatter> {
    let locale = icu::locale::Locale::try_from_str(&lang.to_string()).ok()?;
    DecimalFormatter::try_new((&locale).into(), Default::default()).ok()
}

fn bundle_for(lang: &LanguageIdentifier) -> Option<FluentBundle<FluentResource>> {
    let wanted = lang.to_string();
    let (_, source) = LOCALES.iter().find(|(tag, _)| *tag == wanted)?;
    // The sources are compiled in and checked by the locale test; a parse error here would be
    // a build defect, so fall back to what did parse rather than fail at run time.
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut bundle = FluentBundle::new_concurrent(vec![lang.clone()]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(format_number));
    let _ = bundle.add_resource(resource);
    Some(bundle)
}

/// Formats Fluent numbers with ICU4X for the UI locale (grouping separators and all).
fn format_number(
    value: &FluentValue,
    _: &intl_memoizer::concurrent::IntlLangMemoizer,
) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let formatter = DECIMAL.get()?.as_ref()?;
    let text = if n.value.fract() == 0.0 && n.value.abs() < 9.0e15 {
        format!("{}", n.value as i64)
    } else {
        format!("{:.1}", n.value)
    };
    let decimal: Decimal = text.parse().ok()?;
    Some(formatter.format(&decimal).to_string())
}

/// Renders a message in the UI language, falling back along the negotiated chain to `en-US`.
/// An id missing everywhere renders as the id itself, so nothing is silently dropped.
pub fn render(message: &Message) -> String {
    let mut args = FluentArgs::new();
    for (k, v) in &message.args {
        match v {
            Arg::Str(s) => args.set(*k, FluentValue::from(s.as_str())),
            Arg::Int(i) => args.set(*k, FluentValue::from(*i)),
            Arg::Float(f) => args.set(*k, FluentValue::from(*f)),
        }
    }
    for bundle in &localizer().bundles {
        let Some(pattern) = bundle.get_message(message.id).and_then(|m| m.value()) else {
            continue;
        };
        let args = without_doubled_stops(pattern, message, args);
        let mut errors = Vec::new();
        return bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned();
    }
    message.id.to_string()
}

/// The arguments with the full stop of a sentence-like value dropped where the message puts
/// its own right after it: `"{ $reason }. Run again."` with a reason that ends in "." would
/// otherwise read "… quota.. Run again."
fn without_doubled_stops<'a>(
    pattern: &fluent_syntax::ast::Pattern<&str>,
    message: &'a Message,
    mut args: FluentArgs<'a>,
) -> FluentArgs<'a> {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    for pair in pattern.elements.windows(2) {
        let (
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            },
            PatternElement::TextElement { value },
        ) = (&pair[0], &pair[1])
        else {
            continue;
        };
        if !value.starts_with('.') {
            continue;
        }
        let Some((name, Arg::Str(text))) = message.args.iter().find(|(k, _)| *k == id.name) else {
            continue;
        };
        if let Some(trimmed) = text.strip_suffix('.').filter(|t| !t.ends_with('.')) {
            args.set(*name, FluentValue::from(trimmed));
        }
    }
    args
}

/// Renders a message by an id built at run time (the CLI's help texts); `None` when no
/// shipped locale has it.
pub fn render_id(id: &str) -> Option<String> {
    for bundle in &localizer().bundles {
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        return Some(
            bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned(),
        );
    }
    None
}

/// Renders anything [`Localized`].
pub fn describe(item: &dyn Localized) -> String {
    render(&item.message())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_that_ends_a_sentence_does_not_double_the_full_stop() {
        init(Some("en-US"));
        let text = render(&crate::msg!(
            "engine-fatal",
            engine = "deepl",
            detail = "HTTP 456: Quota exceeded."
        ));
        assert!(text.contains("Quota exceeded. Translations"), "{text}");
        assert!(!text.contains(".."), "{text}");
        // An ellipsis stays as written.
        let text = render(&crate::msg!(
            "engine-fatal",
            engine = "deepl",
            detail = "HTTP 503: wait..."
        ));
        assert!(text.contains("wait...."), "{text}");
    }

    #[test]
    fn posix_locale_names_become_bcp47() {
        assert_eq!(posix_to_bcp47("es_ES.UTF-8"), "es-ES");
        assert_eq!(posix_to_bcp47("de_CH.UTF-8@euro"), "de-CH");
        assert_eq!(posix_to_bcp47("C"), "en-US");
        assert_eq!(posix_to_bcp47("C.UTF-8"), "en-US");
    }
}
