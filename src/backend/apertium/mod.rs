//! The `apertium` engine: rule-based, offline, the default.
//!
//! One long-lived pipeline per language pair ([`pipeline`]), fed the stream format
//! ([`stream`]); pairs discovered from the installed modes ([`modes`]).

pub mod modes;
pub mod pipeline;
pub mod stream;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;

use super::{Engine, EngineError, LanguagePair, Translation};
use crate::config::ApertiumConfig;
use crate::segment::Segment;
use pipeline::{Pipeline, PipelineError};

/// The Apertium engine.
pub struct Apertium {
    modes_dir: PathBuf,
    timeout: Duration,
    pipelines: Mutex<HashMap<String, Arc<Pipeline>>>,
}

impl Apertium {
    /// An engine reading modes from the configured directory.
    pub fn new(config: &ApertiumConfig) -> Apertium {
        Apertium {
            modes_dir: config.modes_dir.clone(),
            timeout: Duration::from_secs(config.timeout_seconds.max(1)),
            pipelines: Mutex::new(HashMap::new()),
        }
    }

    /// The installed modes.
    pub fn installed(&self) -> Vec<modes::Mode> {
        modes::discover(&self.modes_dir)
    }

    fn mode_for(&self, pair: &LanguagePair) -> Result<modes::Mode, EngineError> {
        if which("apertium-wblank-mode").is_none() || which("lt-proc").is_none() {
            return Err(EngineError::NotInstalled {
                engine: "apertium".into(),
                install: format!(
                    "apt-get install apertium {}",
                    modes::package_hint(&pair.source, &pair.target)
                        .split(' ')
                        .next()
                        .unwrap_or("apertium-eng-spa")
                ),
            });
        }
        let installed = self.installed();
        modes::find(&installed, &pair.source, &pair.target)
            .cloned()
            .ok_or_else(|| EngineError::PairMissing {
                engine: "apertium".into(),
                pair: pair.to_string(),
                installed: if installed.is_empty() {
                    "-".into()
                } else {
                    installed
                        .iter()
                        .map(|m| m.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                },
                install: format!(
                    "apt-get install {}",
                    modes::package_hint(&pair.source, &pair.target)
                ),
            })
    }

    fn pipeline_for(&self, mode: &modes::Mode) -> Result<Arc<Pipeline>, EngineError> {
        let mut pipelines = self
            .pipelines
            .lock()
            .map_err(|_| failed("pipeline table poisoned"))?;
        if let Some(p) = pipelines.get(&mode.name) {
            return Ok(Arc::clone(p));
        }
        let command = mode_command(mode)?;
        // `-g` keeps unknown-word marks (`*word`) so the checks can see them; the tagger
        // option stays empty.
        let p = Arc::new(Pipeline::start(
            command,
            vec!["-g".into(), String::new()],
            self.timeout,
        ));
        pipelines.insert(mode.name.clone(), Arc::clone(&p));
        Ok(p)
    }
}

fn failed(detail: &str) -> EngineError {
    EngineError::Failed {
        engine: "apertium".into(),
        detail: detail.to_string(),
    }
}

/// The mode's pipeline as a null-framed shell command (`apertium-wblank-mode -z`). Running the
/// pipeline directly, rather than `apertium -z`, is what makes it answer request by request.
fn mode_command(mode: &modes::Mode) -> Result<String, EngineError> {
    let out = std::process::Command::new("apertium-wblank-mode")
        .arg("-z")
        .arg(&mode.path)
        .output()
        .map_err(|e| failed(&format!("apertium-wblank-mode: {e}")))?;
    if !out.status.success() {
        return Err(failed(&String::from_utf8_lossy(&out.stderr)));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Finds a program on PATH.
pub fn which(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(program))
            .find(|p| p.is_file())
    })
}

#[async_trait]
impl Engine for Apertium {
    fn name(&self) -> &'static str {
        "apertium"
    }

    fn prepare(&self, pair: &LanguagePair) -> Result<(), EngineError> {
        self.mode_for(pair).map(|_| ())
    }

    fn fingerprint(&self, pair: &LanguagePair) -> String {
        match self.mode_for(pair) {
            Ok(mode) => format!("apertium/{}{STREAM_VERSION}", mode.name),
            Err(_) => format!("apertium/{pair}{STREAM_VERSION}"),
        }
    }

    async fn translate(
        &self,
        pair: &LanguagePair,
        segments: &[Segment],
    ) -> Result<Vec<Result<Translation, EngineError>>, EngineError> {
        let mode = self.mode_for(pair)?;
        let pipeline = self.pipeline_for(&mode)?;
        let seconds = self.timeout.as_secs();
        // Names go as stand-in proper nouns first; a segment where one did not come back
        // exactly once, or came back out of the quotes it was in, is sent again with opaque
        // tokens, then with superblanks (which always come back where they were, but are
        // invisible to the grammar).
        let mut results: Vec<Option<Result<Translation, EngineError>>> = vec![None; segments.len()];
        let mut todo: Vec<usize> = (0..segments.len()).collect();
        for encoding in [
            NameEncoding::StandIn,
            NameEncoding::Opaque,
            NameEncoding::Superblank,
        ] {
            let requests = todo.iter().map(|&i| {
                let pipeline = Arc::clone(&pipeline);
                let segment = &segments[i];
                let names = name_words(segment, encoding);
                async move {
                    let raw = pipeline.translate(stream::deformat(segment, &names)).await;
                    let result = match raw {
                        Ok(raw) => Ok(stream::reformat(&raw, &segment.text(), &names)),
                        Err(PipelineError::Timeout) => Err(EngineError::Timeout {
                            engine: "apertium".into(),
                            seconds,
                        }),
                        Err(PipelineError::Failed(detail)) => Err(failed(&detail)),
                    };
                    (i, result)
                }
            });
            let mut again = Vec::new();
            for (i, result) in futures::future::join_all(requests).await {
                // A name the grammar moved out of its quotes is as good as lost.
                let moved = |reply: &stream::Reply| {
                    !segments[i]
                        .names_moved_out_of_quotes(&reply.segment)
                        .is_empty()
                };
                match result {
                    Ok(reply)
                        if (!reply.lost_names.is_empty() || moved(&reply))
                            && encoding != NameEncoding::Superblank =>
                    {
                        again.push(i);
                    }
                    // The grammar can drop every word of a fragment (a lone "will" after a
                    // placeholder). Apertium answers the same every time, so failing would
                    // leave the file unwritable: the source comes back instead, and the checks
                    // report the block untranslated.
                    Ok(reply) if segments[i].has_text() && !reply.segment.has_text() => {
                        results[i] = Some(Ok(Translation {
                            segment: segments[i].clone(),
                            unknown_words: reply.unknown,
                            origin: None,
                        }));
                    }
                    Ok(reply) => {
                        results[i] = Some(Ok(Translation {
                            segment: reply.segment,
                            unknown_words: reply.unknown,
                            origin: None,
                        }));
                    }
                    Err(e) => results[i] = Some(Err(e)),
                }
            }
            todo = again;
            if todo.is_empty() {
                break;
            }
        }
        Ok(results
            .into_iter()
            .map(|r| r.unwrap_or_else(|| Err(failed("no reply"))))
            .collect())
    }
}

/// Part of the fingerprint that changes when verso's encoding of the stream changes what
/// Apertium gives back, so translations stored before are made again (Apertium costs nothing):
/// "" for the first encoding, "/s2" since dotted numbers ("24.1.2025") go as superblanks,
/// "/s3" since pairs around punctuation or an atom go as superblanks and the ids of nested
/// pairs are read (translations stored before lost those pairs).
const STREAM_VERSION: &str = "/s3";

/// How names are written into Apertium's stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameEncoding {
    /// A proper noun the dictionaries know and leave alone: the grammar treats it as a name,
    /// so articles, prepositions and possessives come out right ("el informe de Google").
    StandIn,
    /// An unknown token: kept, but the grammar around it suffers.
    Opaque,
    /// A superblank: always kept, invisible to the grammar.
    Superblank,
}

/// Proper nouns that eng→spa leaves unchanged and unmarked as subject, object, after a
/// preposition and as a possessive (measured; see the project notes). Others may differ for
/// other pairs, which is why every stand-in is verified on the way back.
const STAND_INS: &[&str] = &[
    "Google",
    "Microsoft",
    "Linux",
    "Nokia",
    "Nike",
    "Siemens",
    "Boeing",
    "Airbus",
    "Twitter",
    "Facebook",
    "Spotify",
    "Ericsson",
];

fn name_words(segment: &Segment, encoding: NameEncoding) -> stream::NameWords {
    let ids: Vec<u32> = segment
        .pieces
        .iter()
        .filter_map(|p| match p {
            crate::segment::Piece::Name(id) => Some(*id),
            _ => None,
        })
        .collect();
    let text = segment.text().to_lowercase();
    match encoding {
        NameEncoding::StandIn => {
            let mut free = STAND_INS
                .iter()
                .filter(|w| !text.contains(&w.to_lowercase()));
            ids.into_iter()
                .map(|id| {
                    let word = free.next().map_or_else(|| opaque(id), |w| w.to_string());
                    (id, word)
                })
                .collect()
        }
        NameEncoding::Opaque => ids.into_iter().map(|id| (id, opaque(id))).collect(),
        NameEncoding::Superblank => stream::NameWords::new(),
    }
}

fn opaque(id: u32) -> String {
    format!("XQZ{id}")
}
