# verso's own messages, English (United States). Every id here must exist in every locale,
# with the same variables; `cargo test` checks it.

## Command line: about and help texts (about-<command>, help-<command>-<argument>)

about-verso = Translate and localize articles: segment, translate, check, and write them with the layout intact.
help-verso-ui_lang = The language of verso's own messages (BCP 47, e.g. es); defaults to LANG.
about-translate = Translate files and directories of articles into one or more languages.
help-translate-paths = Files (.md, .markdown, .txt) or directories, walked recursively.
help-translate-to = Target languages, comma-separated BCP 47 tags (es,ca).
help-translate-from = Source language (BCP 47); default from the configuration (en).
help-translate-engine = Translation engine: apertium, apy, deepl, google, libretranslate, openai, command, identity or pseudo, with translate.fallback from the configuration after it.
help-translate-out = Output directory; files go to DIR/<locale>/<relative path>.
help-translate-config = Configuration file; default ./verso.toml if present, else built-in defaults.
help-translate-report = Write a JSON report of the run to FILE.
help-translate-jobs = Segments in flight per engine at once.
help-translate-memory = Translation memory: a SQLite file or a postgres:// URL (else VERSO_MEMORY_URL, then the configuration; default .verso/memory.sqlite).
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
summary-engine-unfinished = The engine failed for { $failed ->
        [one] { $failed } segment
       *[other] { $failed } segments
    } and { $unsent ->
        [one] { $unsent } segment was
       *[other] { $unsent } segments were
    } not sent; what was translated is in the memory, and a rerun asks only for the rest.
summary-output = Output: { $dir }
progress-blocks = blocks
progress-wrote = { $locale }: wrote { $output } ({ $blocks ->
        [one] { $blocks } block
       *[other] { $blocks } blocks
    }: { $hits } from memory, { $calls } translated; { $issues ->
        [one] { $issues } issue
       *[other] { $issues } issues
    })
progress-failed-input = error: { $reason }
progress-failed = error: { $source } [{ $locale }]: { $reason }
engines-apertium = offline, rule-based; { $count } installed pairs in { $dir }: { $pairs }
engines-apertium-missing = offline, rule-based; not installed (apt-get install apertium apertium-eng-spa)
engines-identity = copies the source unchanged (checks the layout round trip)
engines-pseudo = pseudo-localization: accented, about 35 % longer, bracketed (tests layouts)

## Reading inputs

read-not-regular = not a regular file but a { $kind }; skipped (give a file)
read-io = { $path }: cannot read the file ({ $reason }). Check that it exists and is readable.
read-invalid-utf8 = { $path }:{ $line }: not valid UTF-8 (byte { $offset }). Convert the file to UTF-8, e.g. iconv -f WINDOWS-1252 -t UTF-8.
read-invalid-utf16 = { $path }:{ $line }: not valid UTF-16 at byte { $offset }, though the file starts like UTF-16. Save it as UTF-8 or UTF-16.
read-binary = { $path }: a binary file (it contains NUL bytes), not an article. Remove it from the batch.
read-empty = { $path }: the file is empty; there is nothing to translate.
read-unknown-format = { $path }: verso reads .md, .markdown and .txt files.
input-missing = { $path }: no such file or directory.
input-unsupported = { $path }: not an article file; verso reads { $extensions }.
input-collision = { $path }: skipped, it would overwrite the output of { $kept } (both are { $relative }). Translate them in separate runs or with different --out directories.
input-not-regular = { $path }: not a regular file but a { $kind }; skipped.
input-walk = { $path }: cannot read the directory ({ $reason }).
locale-invalid = "{ $tag }" is not a BCP 47 language tag; write e.g. es, es-ES, de-CH or ca-ES-valencia.

## Configuration and memory

config-read = { $path }: cannot read the configuration ({ $reason }).
config-invalid = { $path }:{ $line }: { $reason }. See config/verso.toml for the valid keys.
memory-error = translation memory { $path }: { $reason }. { $kind ->
        [server] Check the address (--memory, VERSO_MEMORY_URL or memory.url), that the database exists and that the server is up.
       *[file] Check the path, or pass --memory FILE.
    }

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
output-cannot-write = cannot write { $path }
output-write = cannot write { $path }: { $reason }
output-is-directory = it is a directory; give a file name
output-link-loop = its symbolic links go round in a loop
structure-lost = the engine lost the { $tag } { $source }; it was added back at the end of the block between ⟦ ⟧.
structure-duplicated = the engine repeated the { $tag } { $source }; the copy was removed.
structure-empty = the engine returned no text for this block.
structure-plural-added = { $category } is a plural form of the target language the source does not have: it was added with the text of the default form; write it for { $category }.

## Glossaries

glossary-error = { $path }{ $line ->
        [0] {""}
       *[other] :{ $line }
    }: { $reason }
glossary-unknown-format = not a glossary file: verso reads .toml, .tbx, .csv and .tsv
glossary-override = glossary: concept { $id } from { $replaced } is replaced by { $by }
help-translate-glossary = Glossary file (TOML, TBX, CSV, TSV); repeat to layer them, later files winning per concept.
help-translate-terms = What the glossary does: enforce (names written in their target form), check (only found and reported), off.
lint-invalid-locale = "{ $tag }" is not a BCP 47 language tag (write es-ES, not es_ES)
lint-empty-term = an empty term in { $locale }
lint-forbidden-own = "{ $term }" is both allowed and forbidden in { $locale }
lint-forbidden-other = "{ $term }" is forbidden here but is the preferred { $locale } term of { $other }
lint-duplicate-term = "{ $term }" is listed twice in { $locale }
lint-no-source-term = no { $locale } term: this concept can never be found in an article
lint-missing-preferred = no preferred term for { $locale }, a target language
lint-duplicate-concept = the same concept as { $other }
lint-ambiguous = "{ $term }" belongs to { $concepts }; give all but one of them context words
lint-finding = { $file }:{ $line }: { $severity }[{ $rule }] { $concept }: { $message }
lint-summary = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    } in { $concepts } concepts.
severity-error = error
severity-warning = warning

## verso glossary

about-glossary = Maintain glossaries: add, remove, show, list, search, lint, merge, import, export, suggest, coverage.
about-glossary-add = Add a concept to a TOML glossary (or replace the one with the same id), keeping the file's comments.
help-glossary-add-file = The TOML glossary to edit (created if missing).
help-glossary-add-id = Concept id; default: made from the first --term.
help-glossary-add-kind = person, organization, place, brand, publication, name, unit or term.
help-glossary-add-terms = Preferred term in a locale, as LOCALE=TEXT (en="Kyrylo Budanov"); repeatable.
help-glossary-add-admitted = Admitted variant, as LOCALE=TEXT; repeatable.
help-glossary-add-forbidden = Forbidden term, as LOCALE=TEXT; repeatable.
help-glossary-add-note = A note for translators.
help-glossary-add-context = A context word that tells this concept from a homonym; repeatable.
help-glossary-add-dnt = Do not translate: every locale keeps the source form unless it lists its own.
help-glossary-add-case_sensitive = Match with case (brands such as "blue News").
about-glossary-rm = Remove concepts from a TOML glossary, keeping the rest of the file as it is.
help-glossary-rm-file = The TOML glossary to edit.
help-glossary-rm-ids = Ids of the concepts to remove.
about-glossary-show = Show one concept as TOML, with the file and line it comes from.
help-glossary-show-id = The concept id.
help-glossary-show-glossary = Glossary file (TOML, TBX, CSV, TSV); repeat to layer; default: the configured ones.
help-glossary-show-config = Configuration file.
about-glossary-list = List the concepts: id, kind, source term, locales.
help-glossary-list-kind = Only concepts of this kind.
help-glossary-list-glossary = { help-glossary-show-glossary }
help-glossary-list-config = { help-glossary-show-config }
about-glossary-search = Find concepts by a term in any locale (or by id).
help-glossary-search-query = Text to look for (case and typography ignored).
help-glossary-search-kind = Only concepts of this kind.
help-glossary-search-glossary = { help-glossary-show-glossary }
help-glossary-search-config = { help-glossary-show-config }
about-glossary-lint = Check glossaries for errors and gaps; each finding names file and line.
help-glossary-lint-from = Source language (default from the configuration).
help-glossary-lint-to = Target languages that need preferred terms (default from the configuration).
help-glossary-lint-glossary = { help-glossary-show-glossary }
help-glossary-lint-config = { help-glossary-show-config }
about-glossary-merge = Merge glossaries into one TOML file; later files win per concept.
help-glossary-merge-files = Glossary files, in layering order.
help-glossary-merge-out = The merged TOML file to write.
about-glossary-import = Import a TBX, CSV or TSV file into a TOML glossary.
help-glossary-import-file = The file to import.
help-glossary-import-into = The TOML glossary to add the concepts to (created if missing).
help-glossary-import-from = Source language of a two-column file without header.
help-glossary-import-to = Target language of a two-column file without header.
help-glossary-import-kind = Kind of the imported concepts when the file gives none (default term).
about-glossary-export = Export glossaries as TBX v3, TBX v2, CSV, TSV or TOML.
help-glossary-export-format = tbx (v3, TBX-Basic), tbx2 (martif), csv, tsv or toml.
help-glossary-export-out = The file to write.
help-glossary-export-from = The source language recorded in TBX (default from the configuration).
help-glossary-export-glossary = { help-glossary-show-glossary }
help-glossary-export-config = { help-glossary-show-config }
about-glossary-suggest = Suggest glossary entries from articles: names, acronyms, quantities with units the glossary lacks.
help-glossary-suggest-paths = Articles: files or directories.
help-glossary-suggest-tsv = Print TSV to fill in and import (one column per language, then kind and note).
help-glossary-suggest-from = Language of the articles (default from the configuration).
help-glossary-suggest-to = Target language columns of the TSV (default from the configuration).
help-glossary-suggest-min_count = Only candidates seen at least N times.
help-glossary-suggest-glossary = Glossary whose concepts are not suggested again; repeatable.
help-glossary-suggest-config = { help-glossary-show-config }
about-glossary-coverage = Which concepts a batch uses, which it never uses, and which names have no entry.
help-glossary-coverage-paths = Articles: files or directories.
help-glossary-coverage-from = Language of the articles (default from the configuration).
help-glossary-coverage-glossary = { help-glossary-show-glossary }
help-glossary-coverage-config = { help-glossary-show-config }

glossary-bad-kind = unknown kind "{ $kind }"; use one of { $kinds }
glossary-none-given = no glossary: give --glossary FILE, or set glossary.files in the configuration
glossary-bad-term = "{ $spec }" is not LOCALE=TEXT (for example en="Radio Free Asia")
glossary-added = added { $id } to { $file }
glossary-replaced = replaced { $id } in { $file }
glossary-not-found = no concept with id { $id }
glossary-removed = removed { $count ->
        [one] { $count } concept
       *[other] { $count } concepts
    } from { $file }
glossary-listed = { $count } of { $total } concepts
glossary-merged = wrote { $count } concepts to { $file } ({ $overrides } overridden)
glossary-imported = imported { $count ->
        [one] { $count } concept
       *[other] { $count } concepts
    } into { $file } ({ $replaced } replaced)
glossary-exported = exported { $count } concepts to { $file } as { $format }
glossary-suggested = { $count ->
        [one] { $count } candidate
       *[other] { $count } candidates
    } from { $files ->
        [one] { $files } file
       *[other] { $files } files
    }
coverage-found = Concepts found ({ $count } of { $total }):
coverage-files = { $files ->
        [one] in { $files } file
       *[other] in { $files } files
    }
coverage-unused = Concepts not found ({ $count }):
coverage-missing = Names without an entry ({ $count }):

## Checks

check-date-form = { $written } is not how { $locale } writes this date; write { $expected }
check-date-changed = the date { $source } became { $written }; expected { $expected }
check-date-missing = the date { $source } is missing; expected { $expected }
check-calendar-changed = { $source } became { $written }
check-calendar-missing = { $source } is not in the translation
check-unit-convert = { $written } should be converted to { $unit } for { $locale }
check-unit-wrong = { $source } became { $written }: another unit
check-unit-lost = { $source }: the unit is lost or the quantity broken in { $written }
check-number-style = { $written } is not the { $locale } form; write { $expected }
check-number-reads-otherwise = { $written } reads as { $reads } in { $locale }; write { $expected }
check-number-changed = { $source } became { $written }
check-number-missing = { $source } is missing from the translation
check-time-missing = the time { $source } is not in the translation
check-number-added = { $written } is not in the source
check-term-forbidden = { $written } is forbidden for { $concept }; write { $expected }
check-name-altered = the name { $source } was translated or altered; write { $expected }
check-term-missing = { $source } should be translated as { $expected }
check-name-similar = the name { $source } became { $target }, a different name; if { $target } is how this language writes it, add it to the glossary
check-name-missing = the name { $source } is not in the translation in any recognizable form
check-name-rendered = { $name } is written { $here } here and { $there } in { $other }
check-untranslated = the block is not translated
check-unknown-word = the engine did not know "{ $word }" and left it untranslated
check-structure-kind = a { $source } became a { $target }
check-structure-lost = { $span } did not come through unchanged
check-structure-markup = the source has { $source } { $tag } spans here, the translation { $target }: markup was lost or written so that it no longer reads as markup
check-structure-missing-block = the block of source line { $line } has no translation
check-structure-extra-block = the block at line { $line } has no source
check-inconsistent-target = the same source is translated differently in { $other }
check-inconsistent-source = the same translation is used for a different source in { $other }
check-inconsistent-concept = { $concept } is written { $here } here and { $there } in { $other }
diagnostic-source = source: { $text }
diagnostic-fix = fix: { $text }
summary-findings = { $locale }: { $file }: { $rules }
summary-findings-total = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    } found by the checks.
help-translate-no_check = Do not check what is written.
help-translate-no_localize = Write the engine's text as it is: no numbers, amounts, dates or times in the target's forms, no fixes.
help-translate-fail_on = Exit non-zero when the checks find an error, a warning, or never (default from the configuration: never).
check-number-foreign = { $written } is not a { $locale } number; write { $expected }
about-check = Check existing translations against their sources: terms, names, numbers, units, dates, consistency.
help-check-source = The source file or directory.
help-check-target = The translated file, or a directory mirroring the source tree.
help-check-from = Source language (default from the configuration).
help-check-to = Target language (default: the first configured one).
help-check-glossary = Glossary file (TOML, TBX, CSV, TSV); repeat to layer them.
help-check-report = Write the findings as a JSON report to FILE.
help-check-fix = Write the target files as translate would: numbers, amounts, dates and times in the target's forms, and the safe fixes (forbidden terms, number and date forms).
help-check-fail_on = Exit non-zero on an error, a warning, or never (default: error).
help-check-config = Configuration file.
check-fixed = applied { $count ->
        [one] { $count } fix
       *[other] { $count } fixes
    } to { $file }
check-summary = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    } in { $files ->
        [one] { $files } file
       *[other] { $files } files
    }; { $fixed } fixed.

## Checks: punctuation and typography

check-inverted-marks = { $written } has no { $missing } to pair with
check-quote-spacing = a space inside the quotation mark { $mark }
check-doubled-word = "{ $word }" twice in a row
check-doubled-space = { $count } spaces in a row
check-initial-case = the source starts this sentence with a capital; write { $letter }
check-end-punctuation = the source ends with { $source }, the translation stops on a word: cut short, or its final mark lost
check-unbalanced = { $mark } is not paired: brackets and quotation marks open and close here as in the source
check-sentence-count = the source has { $source } sentences, the translation { $target }
check-french-spacing = French puts a no-break space before or inside { $mark }
check-french-no-break-space = the space at { $mark } can break the line; write a no-break space
check-house-quotes = { $mark } is not a quotation mark of this locale; write { $expected }
check-profile = profile: { $name }
check-profile-default = profile: default

## Rules, as `verso check --rules` lists them

rule-term-missing = a glossary concept has none of its allowed target forms
rule-term-forbidden = a forbidden form of a glossary concept is in the translation
rule-name-altered = a name was translated, altered, or changed into a similar-looking word
rule-name-missing = a name of the source is not in the translation in any recognizable form
rule-number-mismatch = a number, number word or time differs in value
rule-number-format = a number is right in value but not written the target locale's way
rule-unit-mismatch = a quantity's unit differs, is lost, or is not converted as configured
rule-date-mismatch = a date, month or weekday differs, is missing, or is not in the target's form
rule-untranslated = the block, or a word of it, was not translated
rule-inverted-marks = Spanish ¿ and ¡ paired with ? and !
rule-quote-spacing = no space right inside quotation marks
rule-doubled-word = no word twice in a row
rule-doubled-space = no two spaces in a row
rule-initial-case = a sentence starts with a capital where the source's does
rule-end-punctuation = the block ends with the source's final mark
rule-unbalanced = brackets and quotation marks are paired where the source's are
rule-sentence-count = the number of sentences differs by two or more
rule-french-spacing = French ; : ! ? and « » have their space
rule-french-no-break-space = that French space is a no-break one (house style)
rule-house-quotes = quotation marks are the target locale's (house style)
rule-structure = placeholders, links, code, list markers and blocks come through
rule-inconsistent = one source is translated one way across the batch
rules-header = { $rule } — { $default } — { $description }
rules-on = on
rules-off = off by default
help-check-rules = List the rules, whether they run by default, and what they check; then exit.
help-check-profile = The check profile to use (from [checks.profiles] in the configuration).
help-translate-profile = The check profile to use (from [checks.profiles] in the configuration).

## verso memory

about-memory = Exchange the translation memory as TMX 1.4b, and count what it holds.
help-memory-memory = Translation memory: a SQLite file or a postgres:// URL (else VERSO_MEMORY_URL, then the configuration; default .verso/memory.sqlite).
help-memory-config = Configuration file.
about-memory-import = Import a TMX file into the memory (human translations are stored as reviewed unless the file says approved).
help-memory-import-file = The TMX file.
help-memory-import-from = Only translations from this language, stored under this tag (en takes en-US too).
help-memory-import-to = Only translations into this language, stored under this tag.
help-memory-import-memory = { help-memory-memory }
help-memory-import-config = { help-memory-config }
about-memory-export = Export the whole memory as TMX 1.4b.
help-memory-export-file = The TMX file to write.
help-memory-export-memory = { help-memory-memory }
help-memory-export-config = { help-memory-config }
about-memory-stats = Count the memory's translations by language pair, origin and status.
help-memory-stats-memory = { help-memory-memory }
help-memory-stats-config = { help-memory-config }
memory-exported = exported { $count } translations to { $file }
memory-imported = imported { $count } translations from { $file } ({ $skipped } units without a source skipped)
memory-total = { $count } translations in the memory
tmx-error = { $file }:{ $line }: { $reason }

## Review page and terminal view

review-title = { $file } — { $source } → { $target }
review-source = Source ({ $lang })
review-target = Translation ({ $lang })
review-blocks = Blocks
review-errors = Errors
review-warnings = Warnings
review-status = { $status ->
        [machine] Machine
        [reviewed] Reviewed
        [approved] Approved
       *[none] Not in memory
    }
review-by-rule = Findings by rule:
review-glossary = Glossary:
review-legend-number = number
review-legend-quantity = quantity
review-legend-date = date
review-legend-error = error
review-legend-warning = warning
review-only-findings = Only blocks with findings
review-download = Download corrections
review-kind = { $kind ->
        [heading] Heading
        [headline] Headline
        [paragraph] Paragraph
        [list] List item
        [bullet] Bullet
        [quote] Quote
        [caption] Caption
        [credit] Credit
        [byline] Byline
        [dateline] Dateline
        [image] Image text
        [table] Table cell
        [footnote] Footnote
        [front] Front matter
       *[other] { $label }
    }
review-line = line { $line }
review-approve = Approve
review-no-translation = Not translated yet
review-severity = { $severity ->
        [err] error
       *[warn] warning
    }
review-fix = fix: { $fix }
review-localized = verso wrote { $written } where the engine wrote { $engine }
review-undo = Undo
review-edited-count = Edited:
review-approved-count = Approved:
review-nothing-to-export = Nothing to export yet: edit a translation or tick "Approve" first.
review-exported = Corrections saved as
review-index-title = Review: translated articles
review-index-file = Article
review-index-locale = Locale
review-terminal-header = { $file } ({ $source } → { $target }): { $blocks } blocks, { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }
review-written = review page: { $file }
review-index-written = review pages: { $file }

## Corrections

corrections-read = { $file }: cannot read the corrections file: { $reason }
corrections-format = { $file } is not a verso corrections file (it says "{ $found }"); download one from a review page.
corrections-blocks = { $file }: { $count ->
        [one] one block cannot be stored
       *[other] { $count } blocks cannot be stored
    }, so nothing from this file was. Fix the block in the review page and download again:
    { $problems }
corrections-block = block { $block } (line { $line }): { $reason }
corrections-key = its source does not match its key; the file was edited by hand or was made for another version of the article
corrections-status = status "{ $status }" is neither "reviewed" nor "approved"
corrections-empty = the translation is empty
code-missing = placeholder { $code } of the source is missing (click its chip in the source column to put it back)
code-doubled = placeholder { $code } is there twice
code-unknown = placeholder { $code } is not in the source
code-order = placeholder { $code } closes before it opens
help-translate-no_review = Do not write review pages.
help-translate-review_dir = Where review pages go (default: review inside the output directory).
xliff-error = { $file }:{ $line }: { $reason }. Nothing from this file was stored.
xliff-unit-error = { $file }:{ $line }: unit "{ $unit }": { $reason }. Nothing from this file was stored; fix the unit's inline codes in your CAT tool and export again.
import-language = { $file }: "{ $tag }" is not a language tag verso can use; the file must name its source and target languages.

## verso review, xliff, import

about-review = Shows an article and its translation side by side, with glossary hits and findings: in the terminal, or as an HTML page for corrections (--html).
help-review-source = The source article.
help-review-target = Its translation (by verso, a person or another tool).
help-review-from = Source language (default: from the configuration).
help-review-to = Target language (default: the output directory's locale, else the first configured target).
help-review-glossary = Glossary file (repeatable); use the one the translation was made with, so corrections reach the memory under the same keys.
help-review-terms = What the glossary did in the translation run: enforce, check or off.
help-review-html = Write a self-contained HTML review page to this file instead of printing.
help-review-only_issues = Show only blocks with findings.
help-review-width = Width of the terminal view in columns (default: the terminal's, or 120).
help-review-memory = Translation memory, for the blocks' review status (not created if missing).
help-review-config = Configuration file.
about-xliff = Exchanges articles with CAT tools as XLIFF 2.1 or 1.2.
help-xliff-memory = Translation memory: a SQLite file or a postgres:// URL (else VERSO_MEMORY_URL, then the configuration; default .verso/memory.sqlite).
help-xliff-config = Configuration file.
about-xliff-export = Writes one XLIFF file per article and locale with what the memory holds: a unit per block, a segment per sentence, inline codes, glossary and check notes.
help-xliff-export-paths = Articles or directories.
help-xliff-export-to = Target languages, comma-separated (default: from the configuration).
help-xliff-export-from = Source language (default: from the configuration).
help-xliff-export-out = Output directory (default: xliff inside the translate output directory); files go to <out>/<locale>/<path>.xlf.
help-xliff-export-xliff_version = XLIFF version: 2.1 (default) or 1.2.
help-xliff-export-glossary = Glossary file (repeatable), as in the translation run.
help-xliff-export-terms = What the glossary does: enforce, check or off.
help-xliff-export-memory = { help-xliff-memory }
help-xliff-export-config = { help-xliff-config }
about-xliff-import = Stores reviewed XLIFF (2.x or 1.2) in the memory: final units as approved, others as reviewed; a file with a broken inline code is refused whole.
help-xliff-import-files = The XLIFF files.
help-xliff-import-memory = { help-xliff-memory }
help-xliff-import-config = { help-xliff-config }
about-import = Stores reviewed work in the memory: corrections files from the review page, XLIFF or TMX (recognized by content). Each file is stored whole or not at all.
help-import-files = The files.
help-import-memory = Translation memory: a SQLite file or a postgres:// URL (else VERSO_MEMORY_URL, then the configuration; default .verso/memory.sqlite).
help-import-config = Configuration file.
xliff-written = wrote { $file } ({ $units } units, { $translated } with a translation)
xliff-note-concept = { $id } ({ $kind }): { $form }
imported = { $file }: stored { $approved } approved and { $reviewed } reviewed translations ({ $source } → { $target }); { $skipped } left out (no translation, or machine text unchanged){ $kept ->
        [0] {""}
       *[other] ; { $kept } kept the memory's approved or newer translation
    }
import-kept = { $file }: { $kept } kept the memory's approved or newer translation
import-unknown = { $file }: not a corrections file, XLIFF or TMX; nothing imported.

## XML readers (TBX, TMX, XLIFF)

xml-not-text = not UTF-8 or UTF-16 text; save the file as UTF-8
xml-bad-attribute = bad attribute: { $reason }
xml-not-well-formed = not well-formed XML: { $reason }
xml-unexpected-end = not well-formed XML: an end tag without its start tag
xml-bad-char-ref = bad character reference &{ $reference };
xml-undefined-entity = entity &{ $entity }; is not defined; verso reads no DTDs or external entities
xml-too-deep = elements nested more than { $depth } deep; verso reads at most { $depth } levels
xml-doctype = a DOCTYPE declaration; verso refuses DTDs and external entities (remove the <!DOCTYPE …> line)
xml-never-closed = not well-formed XML: <{ $element }> is never closed
xml-no-root = no root element
xml-wrong-root = the root element is <{ $found }>, not <{ $expected }>
tmx-version = TMX version "{ $version }" is not one verso reads (1.1 to 1.4b)
glossary-csv-unclosed-quote = a quoted field opens here and is never closed; add the closing quote (")
glossary-csv-term-lines = a term runs over { $lines } lines: a quote is probably missing on this row
xliff-version = XLIFF version "{ $version }" is not 1.2 or 2.x
xliff-code-missing = inline code { $code } of the source is missing from the target
xliff-code-doubled = inline code { $code } is doubled in the target
tmx-no-body = no <body> element
engine-fatal = { $engine } cannot go on: { $detail }. Translations finished so far are kept; fix the cause (key, permissions, quota) and run again.
engine-empty = the engine returned an empty translation
engine-no-result = the engine returned no result for it
engine-stopped = { $engine } had already stopped ({ $detail }); not sent
engine-no-key = { $engine } needs an API key: set the environment variable { $variable } (keys are never read from files).
engine-config = { $engine } is not configured right: { $detail }
engines-network = { $name ->
        [deepl] DeepL API (key from DEEPL_AUTH_KEY; [engines.deepl])
        [google] Google Cloud Translation v2 (key from GOOGLE_API_KEY; [engines.google])
        [libretranslate] LibreTranslate server ([engines.libretranslate])
        [openai] OpenAI-compatible chat: OpenAI, Ollama, vLLM, llama.cpp ([engines.openai])
        [apy] Apertium APy server ([engines.apy])
       *[command] a local program, JSON in and out ([engines.command])
    }
engines-probe-ok = reachable: { $detail }
engines-probe-reachable = reachable
engines-probe-failed = NOT usable: { $reason }
help-engines-probe = Check that each network engine is reachable and its key accepted (one cheap request each).
help-engines-names = Only these engines.
run-warning = warning: { $reason }

## Glossary readers

glossary-not-table = `{ $id }` must be a table ([{ $id }]), one concept per table
glossary-kind-string = kind must be a string
glossary-unknown-kind = unknown kind "{ $kind }"; use one of { $kinds }
glossary-unknown-key = unknown key `{ $key }` in concept `{ $id }`; expected { $expected }
glossary-unknown-locale-key = unknown key `{ $key }` in [{ $id }.{ $locale }]; expected preferred, admitted, forbidden
glossary-must-be-string = { $key } must be a string
glossary-must-be-bool = { $key } must be true or false
glossary-must-be-strings = { $key } must be a list of strings
glossary-term-shape = a term must be a string or {"{"} term = "…" {"}"}
glossary-list-shape = admitted and forbidden must be lists: ["…", "…"]
glossary-term-table = a term table needs term = "…"
glossary-unknown-term-type = unknown term type "{ $term_type }"; use fullForm, shortForm, acronym, abbreviation or variant
glossary-unknown-term-key = unknown key `{ $key }` in a term; expected term, type, pos, note
tbx-root = the root element is <{ $found }>, not <tbx> (TBX v3) or <martif> (TBX v2)
tbx-problem-at = ; line { $line }: { $problem }
tbx-more-problems = ; and { $count } more
tbx-no-body = no <text><body> element
tbx-header-text = text directly inside <{ $element }> in the header must be wrapped in <p>
tbx-admin-in-text = <admin> cannot be a direct child of <text>
tbx-admin-type = <admin> needs a type attribute
tbx-term-first = <term> must come first in <termSec>
tbx-one-term = a <termSec> holds exactly one <term>, this one has { $count }
tbx-one-descrip = a <descripGrp> holds one <descrip>
tbx-pos = partOfSpeech "{ $value }" is not one of { $allowed }
tbx-status = { $kind } "{ $value }" is not one of { $allowed }
tbx-source-admin = <admin type="source"> at concept level must be inside a <descripGrp> with its definition
tbx-term-definition = a definition cannot be given at term level
tbx-transac = <transac> type must be "transactionType", not "{ $kind }"
tbx-transac-note = <transacNote> type must be "responsibility", not "{ $kind }"
tbx-min-admin = <admin type="{ $kind }"> is not part of TBX-Min
tbx-min-xref = <xref> is not part of TBX-Min
tbx-needs-lang = <{ $element }> needs xml:lang
tbx-bad-lang = xml:lang="{ $tag }" is not a BCP 47 tag
tbx-verso-kind = unknown kind "{ $kind }" in verso note

## Network engines

http-status = HTTP { $status }: { $body }
http-unexpected-reply = HTTP { $status }: unexpected reply: { $reason }
http-count = { $sent } texts sent, { $back } came back
http-gave-up = gave up after { $attempts } attempts: { $detail }
http-no-text = the reply has no text for it (null or not a string)
http-empty-text = the reply is empty for a text with words
http-tags = came back with different tags: sent { $sent }, back { $back }
chat-not-json = the reply is not JSON: { $reason }
chat-no-translations = the reply has no translations object
chat-count = { $sent } segments sent, { $back } translations came back
command-cannot-run = cannot run { $program }: { $reason }
command-write = writing to { $program }: { $reason }
command-bad-reply = { $program } wrote no valid reply: { $reason }
command-exit = { $program } exited with { $status }: { $stderr }
command-timeout = { $program } gave no answer in { $seconds } s
command-probe = { $program } answers ({ $count } translations for none asked)
config-apy-format = format = "{ $format }" is not txt or html
config-deepl-formality = formality = "{ $formality }" is not one of { $allowed }
config-openai-model = model is empty
config-command-program = program is empty; set [engines.command] program = "…"
libretranslate-unexpected = unexpected translatedText: { $value }
probe-pairs = { $count } pairs: { $pairs }
probe-languages = { $count } languages
probe-usage = { $used } / { $limit } characters used
probe-models = { $count } models, { $model } { $available ->
        [yes] available
       *[no] not listed
    }
chain-skipped = { $engine } was not used for the rest of the run ({ $reason }); { $next } took over

about-serve = Serves the review pages from the memory to a desk of reviewers, who save and approve straight into it; also adds and revokes reviewers.
help-serve-paths = The source articles (files or directories).
help-serve-from = Source language (default: from the configuration).
help-serve-to = Target languages, comma-separated (default: the configured ones).
help-serve-listen = Address to listen on (default 127.0.0.1:8040, this machine only).
help-serve-glossary = Glossary file (repeatable), the one the translations were made with.
help-serve-terms = What the glossary did in the translation run: enforce, check or off.
help-serve-add_reviewer = Add a reviewer (or give one a new token) and print their link; nothing is served.
help-serve-role = The new reviewer's role: reviewer (saves) or approver (also approves).
help-serve-revoke = Revoke a reviewer's token; nothing is served.
help-serve-memory = The memory: a SQLite file or a postgres:// URL (default: VERSO_MEMORY_URL, then the configuration).
help-serve-config = Configuration file.
serve-reviewer-added = { $name } ({ $role }) can review at: { $link }
serve-reviewer-revoked = { $name } can no longer review.
serve-reviewer-unknown = there is no reviewer { $name } with a token to revoke.
serve-listening = Serving { $articles } articles at http://{ $address }/ (stop with Ctrl+C).
serve-not-loopback = warning: { $address } is reachable from other machines and verso serves plain HTTP: put it behind a reverse proxy with TLS (see the README).
review-save = Save to the memory
review-saved = Saved
review-conflict = Not saved: another reviewer saved this block first. Their text, from
review-refused = Not saved:
help-serve-max_saves_per_minute = Saves and approvals one reviewer may make in a minute (default 600); more get 429.
review-approve-clean = Approve all blocks without findings
help-translate-approved_only = Publish: write only the articles whose every block is approved, and list the others.
file-not-approved = not written: { $waiting } of { $blocks } blocks are not approved yet (--approved-only).
review-comment = Comment
review-history = History
review-revert = Put this text back
review-history-empty = No saves yet: the text is the engine's.
review-send-machine = Send back to machine
review-dismiss = Dismiss
review-dismiss-reason = Why is this finding a false alarm?
review-dismissed = Dismissed
review-approve-reason = This block still has an error. Why approve it as it is?
review-give-reason = Give a reason
review-article-status = { $status ->
        [approved] Approved
        [in-review] In review
       *[machine] Machine
    }
review-assignee = Assigned to
review-nobody = nobody
review-assign = Assign
review-filter-status = Status:
review-filter-rule = Rule:
review-filter-all = all
review-filter-comments = With comments
review-concepts = Glossary for this block
review-concepts-none = No glossary concept in this block.
review-concept-forbidden = not
review-keys = Keys: Ctrl+Enter save · Ctrl+Shift+Enter save and approve · Alt+↓ / Alt+↑ next / previous finding
review-index-status = Status
review-reply = Reply
shard-malformed = --shard { $given } is not K/N with 1 ≤ K ≤ N (for example --shard 2/4), nor auto.
shard-no-scheduler = --shard auto found no scheduler's index: set SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT (a Slurm array) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job), or give --shard K/N.
shard-no-count = --shard auto on a Kubernetes Indexed Job needs the number of shards: give --shards N (the job's completions) or set VERSO_SHARDS.
help-translate-shard = Translate only this worker's part of the batch: K/N (1 ≤ K ≤ N), or auto from the scheduler (Slurm array, Kubernetes Indexed Job). Files are split by a stable hash of their relative path.
help-translate-shards = With --shard auto on Kubernetes: the number of shards (the job's completions).
merge-empty = no report to merge: give the shards' reports (report.shard-K-of-N.json).
merge-mismatch = { $file } is not of the same batch: { $what }.
merge-twice = { $file } ({ $locale }) is in two of the reports: give each shard's report once, all of one split.
merge-written = merged { $reports } reports: { $files } files, { $issues } issues → { $file }
about-report = Works with run reports: merge the reports of a batch's shards into one.
about-report-merge = Merge the shards' reports of one batch into one report (and one review index), running the batch rules over the whole batch.
help-report-merge-reports = The shards' reports (report.shard-K-of-N.json).
help-report-merge-out = Where the merged report goes (default: report.json beside the first).
help-report-merge-config = Configuration file (the check profile's severities for the batch rules).
about-memory-copy = Copy a memory into another, a SQLite file and a PostgreSQL server either way (postgres://…), keeping engines, origins, statuses, times and the review desk's work; what the other holds already is kept.
help-memory-copy-from = The memory to copy: a file or a postgres:// URL.
help-memory-copy-to = The memory to copy into (created if needed): a file or a postgres:// URL.
help-memory-copy-memory = { help-memory-memory }
help-memory-copy-config = { help-memory-config }
memory-copied = { $added } rows copied, { $there } already there, into { $to }
