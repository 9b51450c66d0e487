//! verso's own UI text: every locale has every message, with the same variables, and every
//! message id the code uses exists.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use fluent_syntax::parser::parse;

type Catalog = BTreeMap<String, BTreeSet<String>>;

fn collect_vars<S: AsRef<str>>(pattern: &ast::Pattern<S>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expr(expression, vars);
        }
    }
}

fn collect_expr<S: AsRef<str>>(expr: &ast::Expression<S>, vars: &mut BTreeSet<String>) {
    match expr {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, vars);
            for v in variants {
                collect_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(inline) => collect_inline(inline, vars),
    }
}

fn collect_inline<S: AsRef<str>>(inline: &ast::InlineExpression<S>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.as_ref().to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            vars.insert(format!("msg:{}", id.name.as_ref()));
        }
        ast::InlineExpression::Placeable { expression } => collect_expr(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                collect_inline(a, vars);
            }
        }
        _ => {}
    }
}

fn catalog(tag: &str, source: &str) -> Catalog {
    let resource = parse(source)
        .unwrap_or_else(|(_, errors)| panic!("locales/{tag}/verso.ftl does not parse: {errors:?}"));
    let mut out = Catalog::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(value) = &m.value {
                collect_vars(value, &mut vars);
            }
            out.insert(m.id.name.to_string(), vars);
        }
    }
    out
}

#[test]
fn every_locale_has_every_message_with_the_same_variables() {
    let locales = verso::i18n::LOCALES;
    assert!(locales.len() >= 2, "at least one UI locale besides en-US");
    let (base_tag, base_src) = locales[0];
    let base = catalog(base_tag, base_src);
    for (tag, src) in &locales[1..] {
        let other = catalog(tag, src);
        let missing: Vec<&String> = base.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<&String> = other.keys().filter(|k| !base.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{tag} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{tag} has ids {base_tag} lacks: {extra:?}"
        );
        for (id, vars) in &base {
            assert_eq!(&other[id], vars, "{tag}: message {id} uses other variables");
        }
    }
}

#[test]
fn every_message_id_in_the_code_exists() {
    let base = catalog(verso::i18n::LOCALES[0].0, verso::i18n::LOCALES[0].1);
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut used = BTreeSet::new();
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.expect("walk");
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("read");
        let mut rest = text.as_str();
        while let Some(at) = rest.find("msg!(") {
            rest = &rest[at + 5..];
            let Some(open) = rest.trim_start().strip_prefix('"') else {
                continue;
            };
            if let Some(close) = open.find('"') {
                used.insert(open[..close].to_string());
            }
        }
    }
    used.remove("$id"); // the macro's own definition
    assert!(
        used.len() > 20,
        "found only {} ids; is the scan broken?",
        used.len()
    );
    let missing: Vec<&String> = used.iter().filter(|id| !base.contains_key(*id)).collect();
    assert!(
        missing.is_empty(),
        "ids used in code but missing: {missing:?}"
    );
}
