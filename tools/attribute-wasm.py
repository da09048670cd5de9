#!/usr/bin/env python3
"""Where the wasm's bytes go, by crate and layer: raw bytes and the gzip -9 size of each group's
function bodies compressed together (the data section alone), from a wasm that keeps its function
names. What `make test-wasm-code`'s budget and bench's bytes_per_chart are made of.

A names build (same profile, symbols kept), then this script:
  CARGO_TARGET_DIR=/work/target-names CARGO_PROFILE_RELEASE_STRIP=false \
    cargo build --release --lib --target wasm32-unknown-unknown
  wasm-bindgen --keep-debug --target web --out-dir /tmp/names \
    /work/target-names/wasm32-unknown-unknown/release/dragonbear.wasm
  wasm-opt -g --strip-dwarf -Oz --converge --one-caller-inline-max-function-size=20 \
    --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int \
    /tmp/names/dragonbear_bg.wasm -o /tmp/names/named.wasm
  python3 tools/attribute-wasm.py /tmp/names/named.wasm
Groups are matched on the demangled name, first rule first; a generic instantiated for a schema
type counts where its outermost crate is (e.g. serde_path_to_error's wrapper of a derived visitor).
"""
import sys, gzip, re, collections
b = open(sys.argv[1], 'rb').read()
def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i
assert b[:4] == b'\0asm'
i = 8; secs = []
while i < len(b):
    sid = b[i]; i += 1; n, i = leb(b, i); secs.append((sid, i, n)); i += n
nimports = 0; bodies = []; names = {}; datas = []
for sid, off, n in secs:
    j = off
    if sid == 2:
        cnt, j = leb(b, j)
        for _ in range(cnt):
            for _ in range(2):
                l, j = leb(b, j); j += l
            kind = b[j]; j += 1
            if kind == 0: _, j = leb(b, j); nimports += 1
            elif kind == 1: j += 1; fl = b[j]; j += 1; _, j = leb(b, j); j = leb(b, j)[1] if fl & 1 else j
            elif kind == 2: fl = b[j]; j += 1; _, j = leb(b, j); j = leb(b, j)[1] if fl & 1 else j
            elif kind == 3: j += 2
    elif sid == 10:
        cnt, j = leb(b, j)
        for k in range(cnt):
            l, j = leb(b, j); bodies.append((nimports + k, b[j:j+l])); j += l
    elif sid == 11:
        datas.append(b[off:off+n])
    elif sid == 0:
        l, j = leb(b, j); nm = b[j:j+l].decode(); j += l
        if nm == 'name':
            while j < off + n:
                sub = b[j]; j += 1; sl, j = leb(b, j); end = j + sl
                if sub == 1:
                    c, j = leb(b, j)
                    for _ in range(c):
                        idx, j = leb(b, j); l, j = leb(b, j); names[idx] = b[j:j+l].decode('utf8', 'replace'); j += l
                j = end
RULES = [
  ('serde-wasm-bindgen', r'serde_wasm_bindgen'),
  ('serde_path_to_error (wrappers of every schema visitor)', r'serde_path_to_error'),
  ('serde derives: schema types (Dataset/Series/Point/Source/Event; points/de)', r'dragonbear::data::(schema|de|points)'),
  ('serde_json (incl. zmij float printing)', r'serde_json|zmij'),
  ('serde_core (value/de helpers, generic)', r'serde_core|serde::'),
  ('plotters-canvas / plotters-backend', r'plotters'),
  ('wasm-bindgen / js-sys / web-sys + exports', r'wasm_bindgen|js_sys|web_sys|__wbg|__wbindgen|wbg|^handle_|^mount$|^charts$|^warm$|^version$|^memoryBytes$|^start$'),
  ('core float print/parse (flt2dec, dec2flt) + fmt', r'flt2dec|dec2flt|core(\[\w+\])?::fmt|core(\[\w+\])?::num'),
  ('dlmalloc (allocator)', r'dlmalloc|__rust_alloc|__rdl|__rg'),
  ('alloc generics (Vec/String/BTreeMap/Rc monomorphs)', r'alloc(\[\w+\])?::|hashbrown'),
  ('compiler_builtins / libm', r'compiler_builtins|libm|__multi3|__powidf2'),
  ('dragonbear::chart (chart kinds)', r'dragonbear::chart'),
  ('dragonbear::render', r'dragonbear::render'),
  ('dragonbear::model', r'dragonbear::model'),
  ('dragonbear::interact', r'dragonbear::interact'),
  ('dragonbear::web', r'dragonbear::web'),
  ('dragonbear::data (validate, registry, period)', r'dragonbear::data'),
  ('dragonbear other (error, facade)', r'dragonbear'),
  ('core/std other (iter, slice, str, unicode, panics, panic hook)', r'core|std|console_error_panic_hook|<'),
]
groups = collections.defaultdict(list)
for idx, body in bodies:
    nm = names.get(idx, f'func{idx}')
    for g, rx in RULES:
        if re.search(rx, nm): groups[g].append(body); break
    else: groups['unnamed/other'].append(body)
rows = [(g, sum(map(len, bs)), len(gzip.compress(b''.join(bs), 9)), len(bs)) for g, bs in groups.items()]
d = b''.join(datas)
rows.append(('data section (all .rodata: strings, tables, datasets)', len(d), len(gzip.compress(d, 9)), 1))
rows.sort(key=lambda r: -r[2])
tot = sum(r[1] for r in rows); totg = sum(r[2] for r in rows)
print(f'| group | functions | raw bytes | gzip -9 (group alone) |\n|---|---|---|---|')
for g, raw, gz, nf in rows: print(f'| {g} | {nf} | {raw:,} | {gz/1024:.1f} KB |')
print(f'| sum of groups | | {tot:,} | {totg/1024:.1f} KB |')
print('whole file gzip', len(gzip.compress(b, 9)))
