//! The closing summary of findings: per file, each rule with its count.

use std::collections::BTreeMap;

use verso::i18n;
use verso::msg;
use verso::report::Report;

/// Prints "es: out/es/a.md: number-format ×3, date-mismatch ×1" per file with findings.
pub fn by_file_and_rule(report: &Report) {
    for file in &report.files {
        if file.issues.is_empty() {
            continue;
        }
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for issue in &file.issues {
            *counts.entry(issue.rule.as_str()).or_default() += 1;
        }
        let rules: Vec<String> = counts.iter().map(|(r, n)| format!("{r} ×{n}")).collect();
        let path = file.output.as_ref().unwrap_or(&file.source);
        note!(
            "{}",
            i18n::render(&msg!(
                "summary-findings",
                locale = &file.locale,
                file = path,
                rules = rules.join(", ")
            ))
        );
    }
    let (errors, warnings) = report.issue_counts();
    if errors + warnings > 0 {
        note!(
            "{}",
            i18n::render(&msg!(
                "summary-findings-total",
                errors = errors,
                warnings = warnings
            ))
        );
    }
}
