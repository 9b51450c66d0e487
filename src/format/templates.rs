//! Template tags inside Markdown text, so they travel as placeholders and are never translated.
//!
//! Static site generators put code in articles: Hugo shortcodes (`{{< ref "x.md" >}}`,
//! `{{% notice tip %}}`), Liquid and Jinja tags (`{% include footer.html %}`, `{{ page.title }}`).
//! To a Markdown parser they are text, and an engine would translate them ("{{% ñöţîçé %}}") and
//! break the site. A tag is an opening `{{<`, `{{%`, `{%` or `{{` and the nearest matching close
//! on the same line; the text between a paired shortcode's tags is still translated.

use std::ops::Range;

/// The longest tag looked for: a close farther away is not this tag's.
const LONGEST: usize = 1024;

/// Openings and their closes, longest opening first.
const DELIMITERS: &[(&str, &str)] = &[("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}"), ("{{", "}}")];

/// Byte ranges of template tags in `text`, in order, not overlapping.
pub fn find(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find('{').map(|a| a + from) {
        let rest = &text[at..];
        let tag = DELIMITERS.iter().find_map(|(open, close)| {
            let inner = rest.strip_prefix(open)?;
            let window = &inner[..inner.floor_char_boundary(LONGEST)];
            let line = &window[..window.find('\n').unwrap_or(window.len())];
            line.find(close).map(|end| open.len() + end + close.len())
        });
        match tag {
            Some(len) => {
                found.push(at..at + len);
                from = at + len;
            }
            None => from = at + 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> Vec<&str> {
        find(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn shortcodes_liquid_and_jinja_tags() {
        assert_eq!(
            tags("Use {{< ref \"docs/a.md\" >}} and {{% notice tip %}}tip{{% /notice %}} here."),
            vec![
                "{{< ref \"docs/a.md\" >}}",
                "{{% notice tip %}}",
                "{{% /notice %}}"
            ]
        );
        assert_eq!(
            tags("Liquid {% include f.html %} and {{ page.title }}."),
            vec!["{% include f.html %}", "{{ page.title }}"]
        );
    }

    #[test]
    fn braces_that_are_not_tags_stay_text() {
        assert!(tags("A set {a, b} and {{ unclosed").is_empty());
        assert!(tags("{{ spans\nlines }}").is_empty());
        let long = format!("{{{{ {} }}}}", "x".repeat(2000));
        assert!(tags(&long).is_empty());
        assert_eq!(tags(&"{".repeat(10_000)).len(), 0);
    }
}
