//! A throwaway PostgreSQL cluster for the tests that need one: Debian's server binaries
//! (`/usr/lib/postgresql/*/bin`), a cluster in a temporary directory on a free loopback port,
//! stopped and removed when dropped. As root, the cluster is run as the `postgres` user
//! (PostgreSQL refuses to run as root). A test that needs it and cannot start it fails with
//! the reason: it never skips.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Command;

/// A running cluster.
pub struct Cluster {
    bin: PathBuf,
    dir: tempfile::TempDir,
    /// Its address, with a database of its own.
    pub url: String,
    root: bool,
}

fn server_bin() -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| d.flatten().map(|e| e.path().join("bin")).collect())
        .unwrap_or_default();
    found.retain(|b| b.join("initdb").is_file());
    found.sort();
    found.pop().unwrap_or_else(|| {
        panic!(
            "PostgreSQL's server is not installed (no /usr/lib/postgresql/*/bin/initdb): \
             the PostgreSQL memory's tests need Debian's postgresql package \
             (scripts/setup.sh --test installs it)"
        )
    })
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .map(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .and_then(|l| l.split_whitespace().nth(1).map(|u| u == "0"))
                .unwrap_or(false)
        })
        .unwrap_or(false)
}

impl Cluster {
    /// Creates and starts a cluster.
    pub fn start() -> Cluster {
        let bin = server_bin();
        let dir = tempfile::tempdir().expect("tmp");
        let root = is_root();
        if root {
            let ok = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path())
                .status()
                .expect("chown runs");
            assert!(ok.success(), "chown of the cluster's directory to postgres");
        }
        let data = dir.path().join("data");
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let cluster = Cluster {
            bin,
            dir,
            url: format!("postgres://verso@127.0.0.1:{port}/verso?sslmode=disable"),
            root,
        };
        cluster.run(
            "initdb",
            &[
                "-D",
                &data.display().to_string(),
                "-A",
                "trust",
                "-U",
                "verso",
                "--no-sync",
            ],
        );
        let log = cluster.dir.path().join("log");
        cluster.run(
            "pg_ctl",
            &[
                "-D",
                &data.display().to_string(),
                "-l",
                &log.display().to_string(),
                "-w",
                "-o",
                &format!(
                    "-p {port} -c listen_addresses=127.0.0.1 -k {} -c fsync=off",
                    cluster.dir.path().display()
                ),
                "start",
            ],
        );
        cluster.run(
            "createdb",
            &[
                "-h",
                "127.0.0.1",
                "-p",
                &port.to_string(),
                "-U",
                "verso",
                "verso",
            ],
        );
        cluster
    }

    fn run(&self, program: &str, args: &[&str]) {
        let path = self.bin.join(program);
        let out = if self.root {
            Command::new("runuser")
                .args(["-u", "postgres", "--"])
                .arg(&path)
                .args(args)
                .current_dir(self.dir.path())
                .output()
        } else {
            Command::new(&path)
                .args(args)
                .current_dir(self.dir.path())
                .output()
        }
        .unwrap_or_else(|e| panic!("{} cannot run: {e}", path.display()));
        assert!(
            out.status.success(),
            "{program} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// A fresh database on the cluster, for one test.
    pub fn database(&self, name: &str) -> String {
        let port = self
            .url
            .split(':')
            .nth(2)
            .and_then(|p| p.split('/').next())
            .expect("port")
            .to_string();
        self.run(
            "createdb",
            &["-h", "127.0.0.1", "-p", &port, "-U", "verso", name],
        );
        self.url_of(name)
    }

    /// Runs `statement` with `psql` on the database at `url`; its rows, one a line.
    pub fn sql(&self, url: &str, statement: &str) -> String {
        let out = Command::new(self.bin.join("psql"))
            .arg(url)
            .args(["-qAtc", statement])
            .output()
            .expect("psql runs");
        assert!(
            out.status.success(),
            "psql: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The address of database `name` on the cluster.
    pub fn url_of(&self, name: &str) -> String {
        self.url.replace("/verso?", &format!("/{name}?"))
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.dir.path().join("data");
        let path = self.bin.join("pg_ctl");
        let args = ["-D", &data.display().to_string(), "-m", "immediate", "stop"];
        let _ = if self.root {
            Command::new("runuser")
                .args(["-u", "postgres", "--"])
                .arg(&path)
                .args(args)
                .output()
        } else {
            Command::new(&path).args(args).output()
        };
    }
}
