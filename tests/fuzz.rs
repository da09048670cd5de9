#![cfg(not(target_arch = "wasm32"))]
//! A deterministic structure-aware fuzzer over the native pipeline: parse → validate → build every
//! chart kind that makes sense → draw to SVG → hit-test, tooltip, anchor, legend, hover layer
//! (`tests/hostile/pipeline.rs`). cargo-fuzz needs a nightly toolchain; this harness runs on
//! stable with no extra dependency (a xorshift generator), so it runs in `make test` too.
//!
//! Inputs, drawn from a seeded generator:
//! - the bundled datasets (`data/*.json`), cut down to a few series and points, then mutated as
//!   JSON trees (values replaced by hostile numbers and strings, keys removed or added, arrays
//!   shuffled, duplicated, emptied or nested);
//! - the same, serialised and then mutated as bytes (flips, inserts, deletions, truncation);
//! - random JSON with the schema's field names, and deep nesting.
//!
//! Environment: `FUZZ_EXECS` (default 2000, a few seconds in debug), `FUZZ_SEED` (default fixed),
//! `FUZZ_THREADS` (default 1), `FUZZ_SLOW_MS` (an input taking more CPU time than this plus 1 ms per 10
//! bytes of input fails the run; default 3000 debug / 500 release). Long run: `make fuzz` (10,000,000
//! executions), i.e. `CARGO_TARGET_DIR=target/fuzz CARGO_PROFILE_RELEASE_OPT_LEVEL=3
//! CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_PANIC=unwind CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
//! FUZZ_EXECS=10000000 FUZZ_THREADS=$(nproc) nice -n 19 cargo test --release --test fuzz -- --nocapture`.
//! The release profile is the wasm's (size-optimised, `panic = "abort"`), with which a plain
//! `cargo test --release` of this cdylib+rlib crate can fail to link; the overrides make the run
//! fast, let panics be caught, and keep it out of `target/release`.
//! A panicking or slow input is written to `target/fuzz-found/` and printed; keep it as a
//! regression file in `tests/hostile/` with its expectation in `tests/hostile/expect.json`.

#[path = "hostile/pipeline.rs"]
mod pipeline;

use serde_json::{Map, Value};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// CPU time of the calling thread: "slow" must mean much work, not a starved low-priority
/// thread (the long run is `nice -n 19` on a shared machine). Wall time off Linux.
#[cfg(target_os = "linux")]
fn thread_time() -> Duration {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_gettime writes one timespec (two 64-bit fields on 64-bit Linux) to `t`.
    let r = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) };
    if r != 0 {
        return Duration::ZERO;
    }
    Duration::new(t.sec as u64, t.nsec as u32)
}

#[cfg(not(target_os = "linux"))]
fn thread_time() -> Duration {
    use std::sync::OnceLock;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// xorshift64*: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const KEYS: &[&str] = &[
    "id",
    "title",
    "domain",
    "unit",
    "frequency",
    "description",
    "notes",
    "sources",
    "series",
    "events",
    "publisher",
    "url",
    "repository",
    "path",
    "commit",
    "licence",
    "coverage",
    "retrieved",
    "label",
    "points",
    "period",
    "value",
    "source",
    "note",
    "date",
    "short",
    "colour",
];

const STRINGS: &[&str] = &[
    "",
    " ",
    "a",
    "s",
    "2000",
    "2000-01",
    "2000-01-01",
    "2000-02-29",
    "2001-02-29",
    "2000-13",
    "0999",
    "3000",
    "2999-12-31",
    "1000",
    "20x0",
    "2000-1-1",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e999",
    "economic",
    "military",
    "diplomatic",
    "usd_bn",
    "share",
    "percent",
    "vote",
    "tier",
    "count",
    "ideal_point",
    "annual",
    "monthly",
    "daily",
    "session",
    "records",
    "<img src=x onerror=window.__pwned=1>",
    "<script>window.__pwned=1</script>",
    "javascript:alert(1)",
    "https://example.org/",
    "\u{202E}evil\u{202C} שלום عربي",
    "👩‍👩‍👧‍👦🐻🐉",
    "\u{0}\u{1}\u{7f}\u{fffd}",
    "é́́́́́́́́́́́́é",
    "ééééééééééééééééééé",
    "a\nb\tc",
    "{\"id\":1}",
];

fn number(rng: &mut Rng) -> Value {
    let f: f64 = match rng.below(16) {
        0 => 0.0,
        1 => -0.0,
        2 => 1e308,
        3 => -1e308,
        4 => 5e-324,
        5 => 1e15,
        6 => 1e15 + 1.0,
        7 => -1.0,
        8 => 1.0,
        9 => 100.0,
        10 => 100.000_001,
        11 => 2.0,
        12 => f64::MAX,
        13 => (rng.next() % 2000) as f64 - 1000.0,
        14 => (rng.next() as f64) / (u64::MAX as f64),
        _ => f64::from_bits(rng.next()),
    };
    match serde_json::Number::from_f64(f) {
        Some(n) => Value::Number(n),
        None => Value::Number(((rng.next() as i64) >> rng.below(64)).into()),
    }
}

fn string(rng: &mut Rng) -> Value {
    match rng.below(10) {
        0 => Value::String("x".repeat(1990 + rng.below(20))),
        1 => Value::String(format!("{}-{:02}-{:02}", 990 + rng.below(2100), rng.below(14), rng.below(33))),
        _ => Value::String(rng.pick(STRINGS).to_string()),
    }
}

fn scalar(rng: &mut Rng) -> Value {
    match rng.below(8) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(50)),
        2 | 3 => number(rng),
        _ => string(rng),
    }
}

/// Random JSON with the schema's keys (depth-bounded).
fn random_value(rng: &mut Rng, depth: usize) -> Value {
    if depth == 0 || rng.chance(40) {
        return scalar(rng);
    }
    if rng.chance(50) {
        Value::Array((0..rng.below(5)).map(|_| random_value(rng, depth - 1)).collect())
    } else {
        let mut m = Map::new();
        for _ in 0..rng.below(7) {
            m.insert(rng.pick(KEYS).to_string(), random_value(rng, depth - 1));
        }
        Value::Object(m)
    }
}

/// Number of nodes; [`nth`] is node `k` in pre-order.
fn count(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count).sum(),
        Value::Object(o) => o.values().map(count).sum(),
        _ => 0,
    }
}

fn nth<'a>(v: &'a mut Value, k: &mut usize) -> Option<&'a mut Value> {
    if *k == 0 {
        return Some(v);
    }
    *k -= 1;
    match v {
        Value::Array(a) => a.iter_mut().find_map(|c| nth(c, k)),
        Value::Object(o) => o.values_mut().find_map(|c| nth(c, k)),
        _ => None,
    }
}

fn node<'a>(v: &'a mut Value, rng: &mut Rng) -> &'a mut Value {
    let mut k = rng.below(count(v));
    nth(v, &mut k).expect("k < count")
}

/// One tree mutation.
fn mutate_tree(v: &mut Value, rng: &mut Rng) {
    let n = node(v, rng);
    match rng.below(12) {
        0 | 1 => *n = scalar(rng),
        2 => *n = random_value(rng, 3),
        3 => {
            if let Value::Object(o) = n {
                if !o.is_empty() {
                    let k = o.keys().nth(rng.below(o.len())).cloned().unwrap_or_default();
                    o.remove(&k);
                }
            }
        }
        4 => {
            if let Value::Object(o) = n {
                o.insert(rng.pick(KEYS).to_string(), scalar(rng));
            }
        }
        5 => {
            if let Value::Array(a) = n {
                if !a.is_empty() {
                    let i = rng.below(a.len());
                    let c = a[i].clone();
                    a.insert(rng.below(a.len() + 1), c);
                }
            }
        }
        6 => {
            if let Value::Array(a) = n {
                if !a.is_empty() {
                    a.remove(rng.below(a.len()));
                }
            }
        }
        7 => {
            if let Value::Array(a) = n {
                if a.len() > 1 {
                    let (i, j) = (rng.below(a.len()), rng.below(a.len()));
                    a.swap(i, j);
                }
            }
        }
        8 => {
            if let Value::Array(a) = n {
                a.clear();
            }
        }
        9 => *n = Value::Array(vec![n.take()]),
        10 => {
            // Shift a period or a value a little.
            match n {
                Value::String(s) if s.is_char_boundary(4) && s.len() >= 4 => {
                    let y: i32 = s[..4].parse().unwrap_or(2000);
                    let y = y + rng.below(5) as i32 - 2;
                    s.replace_range(..4, &format!("{y:04}"));
                }
                Value::Number(x) => {
                    let f = x.as_f64().unwrap_or(0.0) * (rng.below(5) as f64 - 2.0);
                    *n = serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number);
                }
                _ => *n = string(rng),
            }
        }
        _ => {
            // Copy a sibling subtree of the whole document over this one (duplicates ids).
            let c = n.clone();
            let m = node(v, rng);
            *m = c;
        }
    }
}

fn mutate_bytes(s: &str, rng: &mut Rng) -> String {
    let mut b = s.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        if b.is_empty() {
            break;
        }
        let i = rng.below(b.len());
        match rng.below(6) {
            0 => b[i] ^= 1 << rng.below(8),
            1 => b.insert(i, *rng.pick(b"{}[]\",:0-.e9\\ \n")),
            2 => {
                b.remove(i);
            }
            3 => b.truncate(i),
            4 => {
                let j = (i + rng.below(32)).min(b.len());
                let chunk = b[i..j].to_vec();
                let k = rng.below(b.len());
                b.splice(k..k, chunk);
            }
            _ => b[i] = rng.below(256) as u8,
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

/// A bundled dataset cut to at most 3 series of at most 12 consecutive points, 3 events, 2 notes.
fn shrink(v: &Value, rng: &mut Rng) -> Value {
    let mut v = v.clone();
    if let Some(o) = v.as_object_mut() {
        if let Some(Value::Array(series)) = o.get_mut("series") {
            let start = rng.below(series.len());
            let keep = 1 + rng.below(3);
            let picked: Vec<Value> = series.iter().cycle().skip(start).take(keep.min(series.len())).cloned().collect();
            *series = picked;
            for s in series.iter_mut() {
                if let Some(Value::Array(p)) = s.get_mut("points") {
                    let n = p.len();
                    let from = rng.below(n);
                    let len = 1 + rng.below(12);
                    *p = p[from..(from + len).min(n)].to_vec();
                }
            }
        }
        for (k, max) in [("events", 3), ("notes", 2)] {
            if let Some(Value::Array(a)) = o.get_mut(k) {
                a.truncate(max);
            }
        }
    }
    // A third of the inputs give their series as columns (the schema's compact form).
    if rng.chance(33) {
        if let Some(Value::Array(series)) = v.get_mut("series") {
            for s in series.iter_mut().filter_map(Value::as_object_mut) {
                let Some(Value::Array(points)) = s.remove("points") else { continue };
                let col =
                    |k: &str| Value::Array(points.iter().map(|p| p.get(k).cloned().unwrap_or(Value::Null)).collect());
                let mut c = serde_json::Map::new();
                for k in ["period", "value", "source", "label", "note"] {
                    c.insert(k.into(), col(k));
                }
                if rng.chance(50) {
                    c.insert(
                        "source".into(),
                        points.first().and_then(|p| p.get("source")).cloned().unwrap_or(Value::Null),
                    );
                }
                s.insert("columns".into(), Value::Object(c));
            }
        }
    }
    v
}

fn seeds() -> Vec<Value> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("data/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    names.iter().map(|p| serde_json::from_str(&std::fs::read_to_string(p).expect("read")).expect("JSON")).collect()
}

/// One generated input.
fn generate(seeds: &[Value], rng: &mut Rng) -> String {
    if rng.below(500) == 0 {
        // A whole bundled dataset, lightly mutated (slow to draw, so rare).
        let mut v = rng.pick(seeds).clone();
        if rng.chance(50) {
            mutate_tree(&mut v, rng);
        }
        return v.to_string();
    }
    match rng.below(100) {
        0 => {
            let mut v = rng.pick(seeds).clone();
            if rng.chance(50) {
                mutate_tree(&mut v, rng);
            }
            v.to_string()
        }
        1..=3 => {
            let depth = 100 + rng.below(200);
            let open = if rng.chance(50) { "[" } else { "{\"series\":" };
            let mut s = open.repeat(depth);
            if rng.chance(50) {
                s.push_str(&"]".repeat(depth));
            }
            s
        }
        4..=9 => random_value(rng, 6).to_string(),
        10..=29 => {
            let v = shrink(rng.pick(seeds), rng);
            mutate_bytes(&v.to_string(), rng)
        }
        _ => {
            let mut v = shrink(rng.pick(seeds), rng);
            let n = if rng.chance(30) { 0 } else { 1 + rng.below(4) };
            for _ in 0..n {
                mutate_tree(&mut v, rng);
            }
            if rng.chance(5) {
                serde_json::to_string_pretty(&v).unwrap_or_default()
            } else {
                v.to_string()
            }
        }
    }
}

const SIZES: &[(f64, f64)] = &[
    (800.0, 480.0),
    (360.0, 400.0),
    (1.0, 1.0),
    (0.0, 0.0),
    (120.0, 4000.0),
    (4000.0, 120.0),
    (640.0, 360.0),
    (200.0, 160.0),
];

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.replace('_', "").parse().ok()).unwrap_or(default)
}

#[test]
fn fuzz_parse_validate_build_render_hit() {
    let execs = env("FUZZ_EXECS", 2_000);
    let seed = env("FUZZ_SEED", 0xD7A6_0B3A);
    let threads = env("FUZZ_THREADS", 1).clamp(1, 64);
    let slow = Duration::from_millis(env("FUZZ_SLOW_MS", if cfg!(debug_assertions) { 3_000 } else { 500 }));
    let seeds = Arc::new(seeds());
    let done = Arc::new(AtomicU64::new(0));
    let valid = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let found: Arc<Mutex<Vec<String>>> = Arc::default();
    let slowest: Arc<Mutex<(Duration, usize)>> = Arc::default();
    let out_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/target/fuzz-found");
    let started = Instant::now();
    let quiet = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        // Panics are caught and reported below, with the input; print them briefly.
        eprintln!("fuzz: panic: {info}");
    }));
    let per_thread = execs.div_ceil(threads);
    let workers: Vec<_> = (0..threads)
        .map(|t| {
            let (seeds, done, valid, stop, found, slowest) =
                (seeds.clone(), done.clone(), valid.clone(), stop.clone(), found.clone(), slowest.clone());
            std::thread::spawn(move || {
                let mut rng = Rng::new(seed ^ (t + 1).wrapping_mul(0x1000_0000_01B3));
                let mut last_report = Instant::now();
                for i in 0..per_thread {
                    if stop.load(Ordering::Relaxed) || t * per_thread + i >= execs {
                        break;
                    }
                    let input = generate(&seeds, &mut rng);
                    let size = SIZES[rng.below(SIZES.len())];
                    let all_kinds = rng.chance(50);
                    let t0 = thread_time();
                    let r = panic::catch_unwind(AssertUnwindSafe(|| pipeline::run(&input, &[size], 6, 4, all_kinds)));
                    let took = thread_time().saturating_sub(t0);
                    let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                    {
                        let mut s = slowest.lock().unwrap_or_else(|e| e.into_inner());
                        if took > s.0 {
                            *s = (took, input.len());
                        }
                    }
                    let problem = match &r {
                        Err(_) => Some("panic"),
                        // Allowance grows with the input (a whole bundled dataset drawn as five
                        // kinds takes a while); a blowup on a small input still stands out.
                        Ok(_) if took > slow + Duration::from_millis(input.len() as u64 / 10) => Some("slow"),
                        Ok(o) => {
                            if o.result.is_ok() {
                                valid.fetch_add(1, Ordering::Relaxed);
                            }
                            None
                        }
                    };
                    if let Some(kind) = problem {
                        let _ = std::fs::create_dir_all(out_dir);
                        let path = format!("{out_dir}/{kind}-{t}-{i}.json");
                        let _ = std::fs::write(&path, &input);
                        eprintln!("fuzz: {kind} ({} ms, {} bytes) → {path}", took.as_millis(), input.len());
                        let mut f = found.lock().unwrap_or_else(|e| e.into_inner());
                        f.push(path);
                        if f.len() >= 20 {
                            stop.store(true, Ordering::Relaxed);
                        }
                    }
                    if t == 0 && last_report.elapsed() > Duration::from_secs(60) {
                        last_report = Instant::now();
                        let secs = started.elapsed().as_secs_f64();
                        eprintln!("fuzz: {n} executions in {secs:.0} s ({:.0}/s)", n as f64 / secs);
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("worker");
    }
    panic::set_hook(quiet);
    let secs = started.elapsed().as_secs_f64();
    let n = done.load(Ordering::Relaxed);
    let (slow_t, slow_len) = *slowest.lock().unwrap_or_else(|e| e.into_inner());
    let found = found.lock().unwrap_or_else(|e| e.into_inner()).clone();
    println!(
        "fuzz: {n} executions ({} valid datasets drawn) in {secs:.1} s ({:.0}/s), {threads} thread(s), seed {seed:#x}; \
         slowest {} ms ({slow_len} bytes); {} problem(s)",
        valid.load(Ordering::Relaxed),
        n as f64 / secs,
        slow_t.as_millis(),
        found.len()
    );
    assert!(found.is_empty(), "fuzz found problems, inputs kept in:\n{}", found.join("\n"));
}
