# verso's own messages, English (United States). Every id here must exist in every locale,
# with the same variables; `cargo test` checks it.

## Command line: about and help texts (about-<command>, help-<command>-<argument>)

about-verso = Translate and localize articles: segment, translate, check, and write them with the layout intact.
help-verso-ui_lang = The language of verso's own messages (BCP 47, e.g. es); defaults to LANG.
about-translate = Translate files and directories of articles into one or more languages.
help-translate-paths = Files (.md, .markdown, .txt) or directories, walked recursively.
help-translate-to = Target languages, comma-separated BCP 47 tags (es,ca).
help-translate-from = Source language (BCP 47); default from the configuration (en).
help-translate-engine = Translation engine: apertium, identity or pseudo.
help-translate-out = Output directory; files go to DIR/<locale>/<relative path>.
help-translate-config = Configuration file; default ./verso.toml if present, else built-in defaults.
help-translate-report = Write a JSON report of the run to FILE.
help-translate-jobs = Segments in flight per engine at once.
help-translate-memory = Translation memory (SQLite file); default .verso/memory.sqlite.
help-translate-ui_lang = { help-verso-ui_lang }
about-segment = Show the blocks a file is cut into, with kind, byte range and line.
help-segment-file = The file to segment.
help-segment-json = Print JSON instead of a table.
help-segment-config = Configuration file (front-matter keys to translate).
help-segment-ui_lang = { help-verso-ui_lang }
about-engines = List the translation engines and, for Apertium, the installed language pairs.
help-engines-config = Configuration file (where Apertium's modes are).
help-engines-ui_lang = { help-verso-ui_lang }

## Command line: results

cli-error = error: { $reason }
cli-no-targets = No target language: give --to, or set translate.to in the configuration.
summary = { $files ->
        [one] { $files } file
       *[other] { $files } files
    }, { $blocks ->
        [one] { $blocks } block
       *[other] { $blocks } blocks
    }: { $hits } from memory, { $calls ->
        [one] { $calls } engine call
       *[other] { $calls } engine calls
    }; { $outputs } written, { $issues ->
        [one] { $issues } issue
       *[other] { $issues } issues
    }, { $failures ->
        [one] { $failures } failure
       *[other] { $failures } failures
    } in { $seconds } s.
summary-output = Output: { $dir }
progress-blocks = blocks
progress-wrote = { $locale }: wrote { $output } ({ $blocks } blocks: { $hits } from memory, { $calls } translated; { $issues } issues)
progress-failed = error: { $source } [{ $locale }]: { $reason }
engines-apertium = offline, rule-based; { $count } installed pairs in { $dir }: { $pairs }
engines-apertium-missing = offline, rule-based; not installed (apt-get install apertium apertium-eng-spa)
engines-identity = copies the source unchanged (checks the layout round trip)
engines-pseudo = pseudo-localization: accented, about 35 % longer, bracketed (tests layouts)

## Reading inputs

read-io = { $path }: cannot read the file ({ $reason }). Check that it exists and is readable.
read-invalid-utf8 = { $path }:{ $line }: not valid UTF-8 (byte { $offset }). Convert the file to UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8.
read-binary = { $path }: a binary file (it contains NUL bytes), not an article. Remove it from the batch.
read-empty = { $path }: the file is empty; there is nothing to translate.
read-unknown-format = { $path }: verso reads .md, .markdown and .txt files.
input-missing = { $path }: no such file or directory.
input-unsupported = { $path }: not an article file; verso reads { $extensions }.
input-collision = { $path }: skipped, it would overwrite the output of { $kept } (both are { $relative }). Translate them in separate runs or with different --out directories.
input-walk = { $path }: cannot read the directory ({ $reason }).
locale-invalid = "{ $tag }" is not a BCP 47 language tag; write e.g. es, es-ES, de-CH or ca-ES-valencia.

## Configuration and memory

config-read = { $path }: cannot read the configuration ({ $reason }).
config-invalid = { $path }:{ $line }: { $reason }. See config/verso.toml for the valid keys.
memory-error = translation memory { $path }: { $reason }. Check the path, or pass --memory FILE.

## Engines

engine-unknown = no engine named "{ $name }"; run verso engines to list them.
engine-not-installed = { $engine } is not installed. Install it with: { $install }
engine-pair-missing = { $engine } has no { $pair } pair (installed: { $installed }). Install it with: { $install }
engine-timeout = { $engine } gave no answer within { $seconds } s; it was restarted and the paragraph skipped.
engine-failed = { $engine } failed: { $detail }

## Translating and writing

block-failed = block { $block } (line { $line }): { $reason }
file-not-written = not written: { $reason }{ $more ->
        [0] {""}
        [one] {" "}(and { $more } more block)
       *[other] {" "}(and { $more } more blocks)
    }. Finished paragraphs are in the memory; run again to complete it.
output-write = cannot write { $path }: { $reason }
structure-lost = the engine lost the { $tag } { $source }; it was added back at the end of the block between ⟦ ⟧.
structure-duplicated = the engine repeated the { $tag } { $source }; the copy was removed.
structure-empty = the engine returned no text for this block.

## Glossaries

glossary-error = { $path }{ $line ->
        [0] {""}
       *[other] :{ $line }
    }: { $reason }
glossary-unknown-format = not a glossary file: verso reads .toml, .tbx, .csv and .tsv
glossary-override = glossary: concept { $id } from { $replaced } is replaced by { $by }
help-translate-glossary = Glossary file (TOML, TBX, CSV, TSV); repeat to layer them, later files winning per concept.
help-translate-terms = What the glossary does: enforce (names written in their target form), check (only found and reported), off.
