#!/usr/bin/env bash
# Installs what verso needs on a Debian or Ubuntu machine, skipping what is already there:
# a C compiler (SQLite is built in), Rust 1.91 or newer (through rustup when cargo is missing
# or older), and the offline engine: Apertium with the English–Spanish pair.
#
# With --test, also what the test suite drives: the Apertium APy server (the apy engine's
# tests), PostgreSQL's server (the shared memory's tests start throwaway clusters of their
# own; nothing is started here), headless Chromium with chromedriver (the review page's
# browser tests) and Translate
# Toolkit, sacrebleu, markdown-it-py, html5lib, fluent.syntax and PyYAML from PyPI in a virtualenv under
# ~/.cache/verso/pytools (the independent readers of verso's XLIFF, TMX,
# Markdown, HTML and Fluent).
set -euo pipefail

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

tests=false
[ "${1:-}" = "--test" ] && tests=true

missing=()
command -v cc >/dev/null 2>&1 || missing+=(build-essential)
command -v apertium >/dev/null 2>&1 || missing+=(apertium)
[ -f /usr/share/apertium/modes/eng-spa.mode ] || missing+=(apertium-eng-spa)
# Rust 1.91 or newer (Cargo.toml's rust-version); the scripts put ~/.cargo/bin first, so that
# is the cargo looked at. An older cargo (a distribution's package) is passed over for rustup's.
min_rust=1.91
rust_ok() {
    local cargo ver
    cargo=$(PATH="$HOME/.cargo/bin:$PATH" command -v cargo) || return 1
    ver=$("$cargo" --version | awk '{print $2}')
    [ "$(printf '%s\n%s\n' "$min_rust" "$ver" | sort -V | head -n1)" = "$min_rust" ]
}
if ! rust_ok && [ ! -x "$HOME/.cargo/bin/rustup" ]; then
    command -v curl >/dev/null 2>&1 || missing+=(curl ca-certificates)
fi
if $tests; then
    [ -x /usr/bin/apertium-apy ] || missing+=(apertium-apy)
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
    # The PostgreSQL memory's tests start throwaway clusters with the server's own binaries.
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "verso setup: installing ${missing[*]}" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! rust_ok; then
    if [ -x "$HOME/.cargo/bin/rustup" ]; then
        echo "verso setup: updating Rust to the stable release (verso needs $min_rust or newer)" >&2
        "$HOME/.cargo/bin/rustup" toolchain install stable --profile minimal >&2
        "$HOME/.cargo/bin/rustup" default stable >&2
    else
        echo "verso setup: installing Rust with rustup (verso needs $min_rust or newer)" >&2
        curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal >&2
    fi
fi

if $tests; then
    venv="$HOME/.cache/verso/pytools"
    if ! "$venv/bin/python3" -c 'import translate.storage.xliff2' >/dev/null 2>&1; then
        echo "verso setup: installing Translate Toolkit in $venv" >&2
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check 'translate-toolkit==3.20.4'
    fi
    if ! "$venv/bin/python3" -c 'import sacrebleu, markdown_it, mdit_py_plugins, html5lib, fluent.syntax, yaml' >/dev/null 2>&1; then
        echo "verso setup: installing sacrebleu, markdown-it-py, html5lib, fluent.syntax and PyYAML in $venv" >&2
        "$venv/bin/pip" install --quiet --disable-pip-version-check 'sacrebleu==2.5.1' \
            'markdown-it-py==3.0.0' 'mdit-py-plugins==0.4.2' 'html5lib==1.1' \
            'fluent.syntax==0.19.0' 'PyYAML==6.0.2'
    fi
fi
