//! The `apy` engine against a real Apertium APy server, started by the test on loopback.

mod common;

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{root, verso};

/// APy on a free loopback port; killed when dropped.
struct Apy {
    child: Child,
    url: String,
    /// One server at a time: a port found free can be taken by the other test's server
    /// before this one binds it, and this test would then talk to a server killed under it.
    _turn: std::sync::MutexGuard<'static, ()>,
}

static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl Apy {
    fn start() -> Apy {
        let turn = ONE_AT_A_TIME
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        assert!(
            std::path::Path::new("/usr/bin/apertium-apy").is_file(),
            "these tests need APy: apt-get install apertium-apy (scripts/setup.sh --test does)"
        );
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let child = Command::new("/usr/bin/python3")
            .arg(root().join("tests/support/apy_loopback.py"))
            .args(["-p", &port.to_string(), "/usr/share/apertium/modes"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("APy starts");
        // Killed on drop from here on, even if it never answers.
        let apy = Apy {
            child,
            url: format!("http://127.0.0.1:{port}"),
            _turn: turn,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let ok = std::net::TcpStream::connect(("127.0.0.1", port)).is_ok();
            if ok {
                break;
            }
            assert!(Instant::now() < deadline, "APy did not come up");
            std::thread::sleep(Duration::from_millis(200));
        }
        apy
    }
}

impl Drop for Apy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn apy_translates_articles_with_markup_and_names_and_refuses_a_missing_pair() {
    common::require_apertium();
    let apy = Apy::start();
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(dir.path().join("articles")).expect("mkdir");
    std::fs::write(
        dir.path().join("articles/a.md"),
        "# The soldiers moved north\n\nThe **army** said in a [report](https://x.example/r) that \
         Radio Free Asia counted 40 trucks near `Sector 7`.\n",
    )
    .expect("article");
    std::fs::write(
        dir.path().join("glossary.toml"),
        "[rfa]\nkind = \"publication\"\ndnt = true\n[rfa.en]\npreferred = \"Radio Free Asia\"\n",
    )
    .expect("glossary");
    for format in ["txt", "html"] {
        std::fs::write(
            dir.path().join("verso.toml"),
            format!(
                "[engines.apy]\nurl = \"{}\"\nformat = \"{format}\"\n",
                apy.url
            ),
        )
        .expect("config");
        let out = verso()
            .current_dir(dir.path())
            .args([
                "translate",
                "articles",
                "--to",
                "es",
                "--engine",
                "apy",
                "--out",
                format,
                "--memory",
                "mem.sqlite",
                "--glossary",
                "glossary.toml",
                "--no-review",
            ])
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{format}: {stderr}");
        let written =
            std::fs::read_to_string(dir.path().join(format).join("es/a.md")).expect("output");
        assert!(written.contains("soldados"), "{format}: {written}");
        assert!(
            written.contains("](https://x.example/r)"),
            "{format}: {written}"
        );
        assert!(
            written.contains("`Sector 7`") && written.contains("Radio Free Asia"),
            "{format}: {written}"
        );
        assert!(written.contains("**"), "{format}: bold kept: {written}");
        // The words inside markup come back inside it, not mangled (in txt mode Apertium read
        // `army</g>` as text and answered `g</de ejército>`).
        assert!(
            written.contains("**ejército**") && written.contains("[informe](https://x.example/r)"),
            "{format}: {written}"
        );
        assert!(!written.contains("⟦"), "{format}: nothing lost: {written}");
    }

    let out = verso()
        .current_dir(dir.path())
        .args([
            "translate",
            "articles",
            "--to",
            "de",
            "--engine",
            "apy",
            "--out",
            "de",
            "--memory",
            "mem.sqlite",
        ])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("eng|deu") && stderr.contains("eng|spa"),
        "names the pair and what is installed: {stderr}"
    );
    assert!(!dir.path().join("de").exists(), "nothing written");
}

/// APy silently truncates a request beyond about 40 KB: a longer paragraph must be cut into
/// requests that fit and come back whole.
#[test]
fn a_paragraph_longer_than_apy_accepts_comes_back_whole() {
    common::require_apertium();
    let apy = Apy::start();
    let dir = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(dir.path().join("articles")).expect("mkdir");
    let paragraph: Vec<String> = (1..=1000)
        .map(|i| format!("The soldiers moved {i} trucks to the northern border."))
        .collect();
    let paragraph = paragraph.join(" ");
    assert!(paragraph.len() > 40_000, "longer than APy takes");
    std::fs::write(
        dir.path().join("articles/long.md"),
        format!("{paragraph}\n"),
    )
    .expect("article");
    std::fs::write(
        dir.path().join("verso.toml"),
        format!("[engines.apy]\nurl = \"{}\"\n", apy.url),
    )
    .expect("config");
    let out = common::translate(
        dir.path(),
        std::path::Path::new("articles"),
        &["--engine", "apy", "--no-review", "--no-check"],
    )
    .output()
    .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(dir.path().join("out/es/long.md")).expect("output");
    assert_eq!(
        written.matches("soldados").count(),
        1000,
        "every sentence translated"
    );
    assert!(
        written.contains(" 1000 ") && written.trim_end().ends_with('.'),
        "{}",
        &written[written.len() - 200..]
    );
}
