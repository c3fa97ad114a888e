//! The portal's house rule, checked on its sources: every module lives in
//! a layer, and a layer names only the layers below it.
//!
//! ```text
//! words ← services ← state ← components ← pages ← programs
//! workers (protocol a leaf) ← services
//! ```
//!
//! `services/` draws nothing (no `html!`, no hooks); no circle of imports
//! runs through the portal's modules. The sources are read as text: a
//! module path is `crate::…` or `zz_web::…` (with `use` groups opened),
//! or `super::…` from where it stands.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first; a module may name its own layer and those
/// before it.
const LAYERS: [&str; 7] = ["words", "workers", "services", "state", "components", "pages", "programs"];

/// Modules that may name anything: the crate root (its `mod` lines and
/// re-exports).
const ROOT: &str = "";

/// What a `services/` file must not contain: it draws nothing and holds no
/// hook.
const NOT_IN_SERVICES: [&str; 4] = ["html!", "#[hook]", "#[component]", "use_state"];

/// What only `services/` may touch: the browser's storage.
const ONLY_IN_SERVICES: [&str; 4] = ["gloo::storage", "LocalStorage", "SessionStorage", "indexed_db"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a source file: `services/audit.rs` →
/// `services::audit`, `pages/mod.rs` → `pages`, `lib.rs` → the root.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|l| l == "mod" || l == "lib") {
        parts.pop();
    }
    parts.join("::")
}

/// Drops `//` comments (doc comments name modules in prose) and string
/// literals' contents are left: paths do not appear in them here.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            // `//` inside a string (a URL) is rare here; a path after it on
            // the same line is not a dependency anyway.
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn ident_at(s: &[u8], mut i: usize) -> (String, usize) {
    let start = i;
    while i < s.len() && (s[i].is_ascii_alphanumeric() || s[i] == b'_') {
        i += 1;
    }
    (String::from_utf8_lossy(&s[start..i]).into_owned(), i)
}

/// Reads the path after `crate::` at `i` (opening `{a, b::c}` groups);
/// each path is given as its segments.
fn paths_at(s: &[u8], i: usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) -> usize {
    let mut i = i;
    let mut path = prefix;
    loop {
        while i < s.len() && s[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < s.len() && s[i] == b'{' {
            i += 1;
            loop {
                while i < s.len() && (s[i].is_ascii_whitespace() || s[i] == b',') {
                    i += 1;
                }
                if i >= s.len() || s[i] == b'}' {
                    return i + 1;
                }
                i = paths_at(s, i, path.clone(), out);
            }
        }
        let (id, next) = ident_at(s, i);
        if id.is_empty() {
            out.push(path);
            return i;
        }
        path.push(id);
        i = next;
        if s.get(i..i + 2) == Some(b"::") {
            i += 2;
        } else {
            out.push(path);
            return i;
        }
    }
}

/// Every module path a source names.
fn named(module: &str, code: &str) -> Vec<Vec<String>> {
    let s = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let word_start = i == 0 || !(s[i - 1].is_ascii_alphanumeric() || s[i - 1] == b'_' || s[i - 1] == b':');
        let rest = &s[i..];
        let (prefix, skip) = if !word_start {
            (None, 1)
        } else if rest.starts_with(b"crate::") {
            (Some(Vec::new()), 7)
        } else if rest.starts_with(b"zz_web::") {
            (Some(Vec::new()), 8)
        } else if rest.starts_with(b"super::") {
            let mut parent: Vec<String> = module.split("::").filter(|p| !p.is_empty()).map(str::to_owned).collect();
            let mut j = i;
            while s[j..].starts_with(b"super::") {
                parent.pop();
                j += 7;
            }
            (Some(parent), j - i)
        } else {
            (None, 1)
        };
        match prefix {
            Some(p) => i = paths_at(s, i + skip, p, &mut out).max(i + skip),
            None => i += skip,
        }
    }
    out
}

/// The longest known module that `path` starts with.
fn resolve(path: &[String], modules: &BTreeSet<String>) -> Option<String> {
    (1..=path.len()).rev().map(|n| path[..n].join("::")).find(|m| modules.contains(m))
}

fn layer_of(module: &str) -> Option<usize> {
    let top = module.split("::").next()?;
    LAYERS.iter().position(|l| *l == top)
}

/// A circle of imports among `graph`'s modules, if any (its modules in
/// order).
fn circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(m.to_owned(), 1);
        stack.push(m.to_owned());
        for n in graph.get(m).into_iter().flatten() {
            match state.get(n.as_str()).copied().unwrap_or(0) {
                0 => {
                    if let Some(c) = visit(n, graph, state, stack) {
                        return Some(c);
                    }
                }
                1 => {
                    let at = stack.iter().position(|s| s == n).unwrap_or(0);
                    let mut c = stack[at..].to_vec();
                    c.push(n.clone());
                    return Some(c);
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(m.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for m in graph.keys() {
        if state.get(m.as_str()).copied().unwrap_or(0) == 0 {
            let mut stack = Vec::new();
            if let Some(c) = visit(m, graph, &mut state, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

/// What is wrong with the sources under `src`, one line each.
fn breaches(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    sources(src, &mut files);
    let files: Vec<(String, PathBuf)> = files
        .into_iter()
        .filter(|f| !f.starts_with(src.join("bin")) && !f.ends_with("main.rs"))
        .map(|f| (module_of(src, &f), f))
        .collect();
    let modules: BTreeSet<String> = files.iter().map(|(m, _)| m.clone()).collect();
    let mut wrong = Vec::new();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, file) in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let code = code_of(&text);
        let here = layer_of(module);
        if module != ROOT && here.is_none() {
            wrong.push(format!("{module}: not in a layer ({})", LAYERS.join(", ")));
        }
        if here == layer_of("services") {
            for bad in NOT_IN_SERVICES.iter().filter(|b| code.contains(*b)) {
                wrong.push(format!("{module}: services draw nothing and hold no hook, but it has `{bad}`"));
            }
        }
        if here.is_some() && here != layer_of("services") {
            for bad in ONLY_IN_SERVICES.iter().filter(|b| code.contains(*b)) {
                wrong.push(format!("{module}: only services touch storage, but it has `{bad}`"));
            }
        }
        let mut deps = BTreeSet::new();
        for path in named(module, &code) {
            let Some(dep) = resolve(&path, &modules) else { continue };
            if dep == *module || dep == ROOT || module.starts_with(&format!("{dep}::")) {
                // Itself, the crate root's re-exports, or its own parent
                // folder (a `mod.rs` that only declares).
                continue;
            }
            deps.insert(dep);
        }
        if module != ROOT {
            for dep in &deps {
                let (Some(h), Some(d)) = (here, layer_of(dep)) else { continue };
                if d > h {
                    wrong.push(format!("{module}: a {} module names {dep} (a layer above it)", LAYERS[h]));
                }
                if dep.starts_with("workers::") && module.starts_with("workers::protocol") {
                    wrong.push(format!("{module}: the worker protocol is a leaf, but it names {dep}"));
                }
            }
        }
        graph.insert(module.clone(), deps);
    }
    graph.remove(ROOT);
    if let Some(c) = circle(&graph) {
        wrong.push(format!("an import circle: {}", c.join(" → ")));
    }
    wrong
}

#[test]
fn the_portal_keeps_its_layers() {
    // ZZ_WEB_SRC checks another tree (an older layout, say).
    let src =
        std::env::var_os("ZZ_WEB_SRC").map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), PathBuf::from);
    let wrong = breaches(&src);
    assert!(wrong.is_empty(), "the portal's layers are broken:\n{}", wrong.join("\n"));
}

/// The checker itself: a circle and a service that names a page are found.
#[test]
fn breaches_are_found() {
    let dir = std::env::temp_dir().join(format!("zz-layers-{}", std::process::id()));
    let write = |p: &str, text: &str| {
        let f = dir.join(p);
        std::fs::create_dir_all(f.parent().unwrap()).unwrap();
        std::fs::write(f, text).unwrap();
    };
    write("lib.rs", "pub mod services; pub mod pages;");
    write("services/mod.rs", "pub mod a; pub mod b;");
    write("services/a.rs", "use crate::services::b::thing;\nuse crate::{pages::other::Other, words};");
    write("services/b.rs", "fn f() { super::a::g(); html! {} }");
    write("pages/mod.rs", "pub mod home; pub mod other;");
    write("pages/other.rs", "fn f() { gloo::storage::LocalStorage::get::<String>(\"k\"); }");
    write("pages/home.rs", "use crate::services::{a, b::x};");
    write("flat.rs", "");
    let wrong = breaches(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    let has = |s: &str| wrong.iter().any(|w| w.contains(s));
    assert!(has("services::a: a services module names pages::other"), "{wrong:?}");
    assert!(has("services::b: services draw nothing"), "{wrong:?}");
    assert!(has("an import circle: services::a → services::b → services::a"), "{wrong:?}");
    assert!(has("flat: not in a layer"), "{wrong:?}");
    assert!(has("pages::other: only services touch storage, but it has `gloo::storage`"), "{wrong:?}");
    assert!(!has("pages::home: a pages"), "{wrong:?}");
    assert_eq!(wrong.len(), 6, "{wrong:?}");
}
