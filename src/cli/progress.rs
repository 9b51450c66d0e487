//! Progress on the terminal: a bar when stderr is a terminal, plain lines otherwise (logs and
//! CI read lines, not bars). Failures are always printed, as they happen.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};
use verso::i18n;
use verso::msg;
use verso::pipeline::Progress;
use verso::report::{Failure, FileReport};

pub struct Console {
    bar: Option<ProgressBar>,
}

impl Console {
    pub fn new() -> Console {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(0);
            let style =
                ProgressStyle::with_template("{spinner} [{bar:40}] {pos}/{len} {msg} {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> ");
            bar.set_style(style);
            bar
        });
        Console { bar }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    fn line(&self, text: String) {
        match &self.bar {
            Some(bar) => bar.println(text),
            None => note!("{text}"),
        }
    }
}

impl Progress for Console {
    fn planned(&self, _locale: &str, blocks: u64) {
        if let Some(bar) = &self.bar {
            bar.inc_length(blocks);
            bar.set_message(i18n::render(&msg!("progress-blocks")));
        }
    }

    fn advance(&self, blocks: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(blocks);
        }
    }

    fn wrote(&self, file: &FileReport) {
        if self.bar.is_some() {
            return;
        }
        let out = file
            .output
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        self.line(i18n::render(&msg!(
            "progress-wrote",
            locale = &file.locale,
            output = out,
            blocks = file.blocks,
            hits = file.memory_hits,
            calls = file.engine_calls,
            issues = file.issues.len()
        )));
    }

    fn failed(&self, failure: &Failure) {
        // An input that could not be read is named by its message already.
        let text = match &failure.locale {
            None => i18n::render(&msg!("progress-failed-input", reason = &failure.message)),
            Some(locale) => i18n::render(&msg!(
                "progress-failed",
                source = &failure.source,
                locale = locale,
                reason = &failure.message
            )),
        };
        self.line(text);
    }
}
