#!/usr/bin/env python3
"""Writes the hand-made part of the hostile corpus (tests/hostile/*.json) and its manifest
(expect.json). Run from the repository root: `python3 tests/hostile/make-corpus.py`.
Files kept from fuzz runs (fuzz-*.json) and their manifest entries are preserved. Large inputs
(10^6 points, 50 MB, 100,000-character labels) are not files: the manifest names them `gen:…`,
and tests/hostile.rs and tests/e2e/hostile.test.mjs generate them at test time."""
import copy, json, os

DIR = os.path.dirname(os.path.abspath(__file__))
SRC = {"id": "s", "title": "S", "publisher": "P", "licence": "CC0", "coverage": "all", "retrieved": "2026-11"}


def base(**over):
    d = {"id": "hostile", "title": "Hostile test", "domain": "economic", "unit": "usd_bn", "frequency": "annual",
         "description": "A dataset from the hostile corpus.", "sources": [copy.deepcopy(SRC)],
         "series": [{"id": "a", "label": "A", "points": [
             {"period": "2000", "value": 1, "source": "s"}, {"period": "2001", "value": 2, "source": "s"},
             {"period": "2002", "value": 1.5, "source": "s"}]}]}
    d.update(over)
    return d


def with_points(points, **over):
    d = base(**over)
    d["series"][0]["points"] = points
    return d


def pt(period, value, source="s", **kw):
    p = {"period": period, "value": value, "source": source}
    p.update(kw)
    return p


cases = {}  # name -> (text, expectation)


def add(name, doc, expect):
    text = doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False)
    cases[name] = (text, expect)


def err(s):
    return {"error": s}


OK = {"render": True}
good = json.dumps(base(), ensure_ascii=False)

# --- not JSON, truncated JSON -------------------------------------------------------------
add("json-not-json", "hello, world", err("expected value at line 1 column 1"))
add("json-empty", "", err("EOF while parsing a value at line 1 column 0 — the document ends too early"))
add("json-whitespace", "  \n\t ", err("the document ends too early: it is empty or truncated"))
add("json-truncated-half", good[: len(good) // 2], err("the document ends too early: it is empty or truncated"))
add("json-truncated-in-string", good[: good.index('"Hostile') + 5], err("EOF while parsing a string"))
add("json-truncated-last-brace", good[:-1], err("EOF while parsing an object"))
add("json-trailing-garbage", good + " x", err("trailing characters at line 1 column"))
add("json-trailing-comma", good[:-1] + ",}", err("trailing comma at line 1"))
add("json-single-quotes", good.replace('"', "'"), err("key must be a string at line 1 column 2"))
add("json-comment", "// a comment\n" + good, err("expected value at line 1 column 1"))
add("json-bom", "\ufeff" + good, OK)
add("json-raw-control-char", good.replace("Hostile test", "Hostile\u0001test"),
    err("control character (\\u0000-\\u001F) found while parsing a string"))
add("json-top-level-null", "null", err("invalid type: null, expected struct Dataset"))
add("json-top-level-number", "42", err("invalid type: integer `42`, expected struct Dataset"))
add("json-top-level-string", '"dataset"', err('invalid type: string "dataset", expected struct Dataset'))
add("json-top-level-empty-array", "[]", err("invalid type: sequence, expected struct Dataset at line 1 column 0"))
add("json-duplicate-key", good.replace('{"id": "hostile",', '{"id": "hostile", "id": "again",', 1),
    err("duplicate field `id`"))
add("json-lone-surrogate", good.replace("Hostile test", "Hostile \\ud800 test"),
    err("title: unexpected end of hex escape at line 1 column 43"))

# --- wrong types ------------------------------------------------------------------------------
add("type-value-string-nan", with_points([pt("2000", "NaN")]),
    err('series[0].points[0].value: invalid type: string "NaN", expected f64 at line 1 column'))
add("type-value-string-infinity", with_points([pt("2000", "Infinity")]), err('invalid type: string "Infinity", expected f64'))
add("type-value-1e999", good.replace('"value": 2,', '"value": 1e999,'),
    err("number out of range at line 1 column"))
add("type-value-minus-1e999", good.replace('"value": 2,', '"value": -1e999,'),
    err("a number is too large to be a finite 64-bit float"))
add("type-value-bare-nan", good.replace('"value": 2,', '"value": NaN,'), err("expected value at line 1 column"))
add("type-value-null", with_points([pt("2000", None)]), err("invalid type: null, expected f64"))
add("type-value-bool", with_points([pt("2000", True)]), err("invalid type: boolean `true`, expected f64"))
add("type-value-array", with_points([pt("2000", [1])]), err("invalid type: sequence, expected f64"))
add("type-period-number", with_points([pt(2000, 1)]), err("invalid type: integer `2000`, expected a string"))
add("type-series-object", base(series={"a": 1}), err("invalid type: map, expected a sequence"))
add("type-points-string", base(series=[{"id": "a", "label": "A", "points": "2000=1"}]),
    err('invalid type: string "2000=1", expected a sequence'))
add("type-domain-unknown", base(domain="cultural"), err("unknown variant `cultural`, expected one of `economic`"))
add("type-unit-unknown", base(unit="rubles"), err("unknown variant `rubles`"))
add("type-frequency-unknown", base(frequency="hourly"), err("unknown variant `hourly`"))
add("type-id-not-kebab", base(id="Hostile Test"),
    err("the id must be kebab-case (a-z, 0-9, '-'), 1–64 characters"))
add("type-id-html", base(id="<img src=x onerror=window.__pwned=1>"), err("the id must be kebab-case"))

# --- missing and unknown fields ---------------------------------------------------------------
for f in ["title", "sources", "series", "unit", "description"]:
    d = base()
    del d[f]
    add(f"missing-{f}", d, err(f"missing field `{f}`"))
add("missing-point-source", with_points([{"period": "2000", "value": 1}]), err("missing field `source`"))
add("missing-point-value", with_points([{"period": "2000", "source": "s"}]), err("series[0].points[0]: missing field `value`"))
add("unknown-field-top", base(colour="red"), err("unknown field `colour`, expected one of `id`, `title`"))
add("unknown-field-point", with_points([pt("2000", 1, color="red")]), err("series[0].points[0]: unknown field `color`"))
d = base()
d["sources"][0]["homepage"] = "https://example.org/"
add("unknown-field-source", d, err("unknown field `homepage`"))
add("empty-sources", base(sources=[]), err('dataset "hostile": no sources: every point must name one'))
add("empty-series-list", base(series=[]), err('dataset "hostile": no series'))
add("empty-title", base(title="   "), err('dataset "hostile": the title is empty'))

# --- series and periods -----------------------------------------------------------------------
add("series-empty", with_points([]), err('series "a": the series is empty (no points)'))
add("series-one-point", with_points([pt("2000", 1)]), OK)
add("periods-unsorted", with_points([pt("2001", 1), pt("2000", 2)]),
    err('point 2 (period "2000"): periods are not sorted: 2000 comes after 2001'))
add("periods-duplicate", with_points([pt("2000", 1), pt("2000", 2)]), err('point 2 (period "2000"): duplicate period'))
add("period-not-a-date", with_points([pt("yesterday", 1)]),
    err('point 1 (period "yesterday"): the period is not a date (YYYY, YYYY-MM or YYYY-MM-DD)'))
add("period-feb-29-non-leap", with_points([pt("2001-02-29", 1)], frequency="daily"),
    err('(period "2001-02-29"): the period is not a date'))
add("period-year-999", with_points([pt("0999", 1)]), err('(period "0999"): the period is not a date'))
add("period-wrong-precision", with_points([pt("2000", 1)], frequency="monthly"),
    err("a monthly dataset needs periods of the form YYYY-MM"))
add("period-gap-renders-a-gap", with_points([pt("1990", 1), pt("1991", 2), pt("2020", 3)]), OK)
d = base()
d["series"].append(copy.deepcopy(d["series"][0]))
add("series-duplicate-id", d, err('series "a": this series id appears twice'))
d = base()
d["sources"].append(copy.deepcopy(SRC))
add("source-duplicate-id", d, err('source id "s" appears twice'))
add("source-unknown-id", with_points([pt("2000", 1, source="nope")]),
    err('point 1 (period "2000"): unknown source id "nope"'))
add("event-unknown-source", base(events=[{"date": "2000-05-01", "label": "E", "source": "nope"}]),
    err('event 1 ("E"): unknown source id "nope"'))
add("event-bad-date", base(events=[{"date": "2000-05", "label": "E", "source": "s"}]),
    err('event 1 ("E"): the date is not YYYY-MM-DD'))
add("records-without-label", with_points([pt("2000", 1)], frequency="records"),
    err("a records dataset needs a label on every point"))

# --- numbers ----------------------------------------------------------------------------------
add("value-1e308", with_points([pt("2000", 1e308)]), err("the value 1e308 is out of range (|value| ≤ 1e15)"))
add("value-minus-1e308", with_points([pt("2000", -1e308)]), err("the value -1e308 is out of range"))
add("value-1e15-limit", with_points([pt("2000", 1e15), pt("2001", -1e15)], unit="ideal_point"), OK)
add("value-denormal", with_points([pt("2000", 5e-324), pt("2001", 0)]), OK)
add("value-all-equal", with_points([pt("2000", 7), pt("2001", 7), pt("2002", 7)]), OK)
add("value-all-zero-share", with_points([pt("2000", 0), pt("2001", -0.0)], unit="share"), OK)
add("share-negative", with_points([pt("2000", -0.2)], unit="share"),
    err('point 1 (period "2000"): negative value -0.2 for unit share'))
add("share-above-one", with_points([pt("2000", 1.5)], unit="share"), err("value 1.5 is above 100 % for unit share"))
add("percent-above-100", with_points([pt("2000", 100.5)], unit="percent"), err("value 100.5 is above 100 % for unit percent"))
d = with_points([pt("2000", -0.3)])
d["series"][0]["unit"] = "share"
add("share-negative-series-unit", d, err("negative value -0.3 for unit share"))
add("count-negative", with_points([pt("2000", -1)], unit="count"), err("negative value -1 for unit count"))
add("ideal-point-negative", with_points([pt("2000", -2.5), pt("2001", 1.25)], unit="ideal_point"), OK)

# --- labels: markup, scripts, direction, emoji, length ----------------------------------------
IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=1</script>"
d = base()
d["series"][0]["label"] = IMG
add("label-html-img", d, OK)
d = base(title=SCRIPT + " title", description=IMG)
d["series"][0]["label"] = SCRIPT
add("label-script", d, OK)
d = base()
d["sources"][0].update(publisher=IMG, title=SCRIPT, coverage="<b>bold</b>", licence="<iframe src=x>")
add("label-html-in-source", d, OK)
add("label-html-event", base(events=[{"date": "2001-06-01", "label": IMG, "short": SCRIPT, "source": "s"}]), OK)
d = base(notes=[IMG, SCRIPT])
d["series"][0]["points"][1]["note"] = IMG
add("label-html-notes", d, OK)
d = base()
d["sources"][0]["url"] = "javascript:window.__pwned=1"
add("source-url-javascript", d, OK)
d = base()
d["sources"][0].update(repository="<img src=x onerror=window.__pwned=1>", path="a/b.csv", commit="éééééééééééééééééé")
add("source-commit-multibyte", d, OK)
d = base(title="العلاقات الصينية الروسية \u202eevil\u202c", description="שלום עולם")
d["series"][0]["label"] = "\u202eRTL override\u202c روسيا"
add("label-rtl", d, OK)
d = base(title="🐻🐉 China–Russia 👩‍👩‍👧‍👦 🇨🇳🇷🇺")
d["series"][0]["label"] = "🐉 dragon 🏳️‍🌈 é́́́"
add("label-emoji", d, OK)
d = base()
d["series"][0]["label"] = "x" * 2000
add("label-2000-chars", d, OK)
d = base()
d["series"][0]["label"] = "y" * 2001
add("label-2001-chars", d, err('series "a": the label is 2001 characters long (limit 2000)'))
d = base(title="a\u0000b\u0007c\u001bd\ufffe\u2028e")
add("label-control-chars", d, OK)
d = with_points([pt("2000", 1, label=IMG), pt("2000", 0, label=SCRIPT), pt("2001", -1, label="\u202eRTL"),
                 pt("2003", 2, label="🐻")], frequency="records", unit="vote", domain="diplomatic")
d["series"].append({"id": "b", "label": IMG, "points": [pt("2000", 1, label="x"), pt("2002", 2, label="y")]})
add("records-html-labels", d, OK)
d = base()
d["sources"][0]["url"] = "https://example.org/" + "u" * 2000
add("source-url-too-long", d, err('source "s" url is 2020 characters long (limit 2000)'))

# --- nesting ------------------------------------------------------------------------------------
add("nesting-array-100000", "[" * 100000, err("invalid type: sequence, expected struct Dataset at line 1 column 0"))
add("nesting-object-10000", '{"series":' * 10000 + "1" + "}" * 10000, err("invalid type: map, expected a sequence"))
add("nesting-in-value", good.replace('"value": 2,', '"value": ' + "[" * 5000 + "]" * 5000 + ","),
    err("series[0].points[1].value: invalid type: sequence, expected f64"))
add("nesting-in-notes", base(notes=[]).__repr__() and json.dumps(base()).replace('"series":', '"notes": ' + "[" * 300 + "]" * 300 + ', "series":'),
    err("invalid type: sequence, expected a string"))

# --- counts -------------------------------------------------------------------------------------
add("count-65-series", base(series=[{"id": f"s{i}", "label": f"S{i}", "points": [pt("2000", 1)]} for i in range(65)]),
    err('dataset "hostile": the number of series is 65, the limit is 64'))
add("count-64-series", base(series=[{"id": f"s{i}", "label": f"Series {i}", "points": [pt(str(2000 + i % 7), i)]}
                                    for i in range(64)]), OK)
add("count-101-sources", base(sources=[dict(SRC, id=f"s{i}") if i else SRC for i in range(101)]),
    err("the number of sources is 101, the limit is 100"))
add("count-201-events", base(events=[{"date": "2001-01-01", "label": "E", "source": "s"}] * 201),
    err("the number of events is 201, the limit is 200"))
add("count-101-notes", base(notes=[f"Note {i}" for i in range(101)]), err("the number of notes is 101, the limit is 100"))
add("count-100-notes", base(notes=[f"Note {i}" for i in range(100)]), OK)
add("count-200-events-one-day", base(events=[{"date": "2001-01-01", "label": f"Event {i}", "source": "s"} for i in range(200)]), OK)

# --- generated at test time (not committed: too large) ------------------------------------------
generated = {
    "gen:points-1000000": err("in bytes is 4"),
    "gen:points-over-limit": err("the number of points is 200001, the limit is 200000"),
    "gen:points-at-limit": OK,
    "gen:document-50mb": err("the limit is 20971520"),
    "gen:label-100000-chars": err('series "a": the label is 100000 characters long (limit 2000)'),
}

manifest_path = os.path.join(DIR, "expect.json")
old = json.load(open(manifest_path)) if os.path.exists(manifest_path) else {}
for f in os.listdir(DIR):
    if f.endswith(".json") and f != "expect.json" and not f.startswith("fuzz-"):
        os.remove(os.path.join(DIR, f))
manifest = {}
for name, (text, expect) in cases.items():
    with open(os.path.join(DIR, name + ".json"), "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    manifest[name + ".json"] = expect
for k, v in old.items():
    if k.startswith("fuzz-"):
        manifest[k] = v
manifest.update(generated)
with open(manifest_path, "w", encoding="utf-8") as fh:
    json.dump(manifest, fh, ensure_ascii=False, indent=1)
    fh.write("\n")
print(len(cases), "files,", len(generated), "generated cases")
