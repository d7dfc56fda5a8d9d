"""The interactive explorer (issue 11): its generated formulas, its special functions and its page.

* Python: ``scripts/explorer.py`` covers every declared activation of the kinds it supports (and says
  why it leaves out the others), marks the framework defaults on the sliders, and fails naming the
  activation when an expression cannot be printed in JavaScript.
* Browser, without building the site: ``special.js`` against mpmath; the generated ``functions.js``
  (loaded into a blank page) against the NumPy snippets, for every activation and variant (the
  several-input kinds on their slice: y₁ and ∂y₁/∂x₁ at (x, c), a gated one against its gate half), at the
  default parameters and two more slider positions, on a grid over the plot range and at large |x|,
  to 1e-12 relative with an absolute floor of 1e-14 (values whose size is below that, such as
  GELU's left tail or a cancellation near a zero, are compared absolutely), at every x but the
  kinks; the page itself (the markup of docs/explorer.md with the site's assets, served from
  127.0.0.1): a slider moved by the keyboard redraws, the URL state round-trips, overlay and zoom
  work, no console error, no request to another host, nothing wider than a 390 px phone.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import os
import re
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pytest
import sympy as sp

import derive
import explorer
import explorer_page
import render
import tabs
from activations import DeclarationError
from conftest import BY_SLUG, CATALOG, ROOT, facts_of, snippet

ASSETS = ROOT / "docs" / "assets" / "explorer"
RTOL, ATOL = 1e-12, 1e-14
LARGE_X = (-explorer.X_LIMIT, -50.0, -20.0, 20.0, 50.0, explorer.X_LIMIT)
SUPPORTED = [a for a in CATALOG if a.kind in explorer.SUPPORTED]
ENTRIES = [(a, key, variant) for a in SUPPORTED for key, _, _, variant in explorer.entries(a)]


@functools.cache
def generated() -> tuple[list[dict], dict[str, str]]:
    return explorer.collect(CATALOG, lambda a: facts_of(a.slug))


@functools.cache
def functions_js() -> str:
    return explorer.javascript(CATALOG, lambda a: facts_of(a.slug))


# --------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------


def test_covers_every_declared_activation_of_the_supported_kinds():
    found, left_out = generated()
    keys = [e["key"] for e in found]
    assert len(keys) == len(set(keys))
    wanted = {a.slug for a in SUPPORTED}
    wanted |= {derive.variant_activation(a, v).slug for a in SUPPORTED for v in a.variants if v.expr}
    assert set(keys) == wanted
    assert set(left_out) == {a.slug for a in CATALOG if a.kind not in explorer.SUPPORTED}
    for slug, reason in left_out.items():
        assert reason == explorer.UNSUPPORTED_REASON[BY_SLUG[slug].kind], slug
    for e in found:  # every parameter is a slider, every output a pair of functions
        act = BY_SLUG[e["page"].split("/")[1]]
        if act.kind in ("vector", "gated"):  # one slice, the other input on a slider (none for a projection)
            other = [] if act.threshold else ["b" if act.gate in ("first", "") else "a"] if act.kind == "gated" else ["c"]
            assert [p["name"] for p in e["params"]] == other and len(e["outputs"]) == 1, e["key"]
            continue
        assert [p["name"] for p in e["params"]] == [p.name for p in act.params], e["key"]
        assert len(e["outputs"]) == len(derive.outputs(act)), e["key"]


def test_sliders_hold_the_default_and_mark_every_framework_value():
    """Each framework call's parameter values (tabs.setting reads the call) are marks with the call's
    name, on a slider that holds them exactly; Leaky ReLU's four defaults are the issue's example."""
    for e in generated()[0]:
        act = BY_SLUG[e["page"].split("/")[1]]
        for p in e["params"]:
            assert p["default"] in p["values"] and p["values"] == sorted(p["values"]), (e["key"], p["name"])
            for m in p["marks"]:
                assert m["value"] in p["values"], (e["key"], p["name"], m)
        marks = {p["name"]: {m["value"]: m["by"] for m in p["marks"]} for p in e["params"]}
        for fw in act.frameworks:
            for call in fw.calls:
                s = tabs.setting(act, fw, call)
                if s.variant != e["variant"]:
                    continue
                for name, value in s.values.items():
                    assert explorer._call_label(fw.name, call) in marks[name][float(value)], (e["key"], call)
    leaky = next(e for e in generated()[0] if e["key"] == "leaky_relu")
    by = {m["value"]: " ".join(m["by"]) for m in leaky["params"][0]["marks"]}
    assert "torch.nn.LeakyReLU" in by[0.01] and "jax.nn.leaky_relu" in by[0.01]
    assert "keras.activations.leaky_relu" in by[0.2] and "keras.layers.LeakyReLU" in by[0.3]


def test_an_unprintable_expression_fails_naming_the_activation():
    relu = BY_SLUG["relu"]
    bad = dataclasses.replace(relu, slug="broken_relu", expr="x*Heaviside(x)")
    with pytest.raises(DeclarationError, match=r"activation 'broken_relu'.*Heaviside.*JavaScript"):
        explorer.collect([bad], lambda a: facts_of("relu"))
    with pytest.raises(DeclarationError, match=r"activation 'relu'.*unknown symbol y"):
        explorer.to_js(relu, sp.Symbol("y") * derive.X, {}, "f =")


def test_printed_code_calls_only_math_and_special():
    """Nothing in a formula reaches outside Math, the special functions and the parameters."""
    text = functions_js()
    bodies = re.findall(r"function \((?:x, )?p\) \{ return (.*?); \}", text)
    assert len(bodies) >= 2 * len(generated()[0])
    calls = {c for body in bodies for c in re.findall(r"([A-Za-z_][\w.]*)\(", body)}
    allowed = {f"S.{n}" for n in explorer.SPECIAL_FUNCTIONS.values()}
    assert {c for c in calls if not c.startswith("Math.")} <= allowed
    names = {n for body in bodies for n in re.findall(r"(?<![\w.])([A-Za-z_]\w*)(?![\w(.])", body)}
    assert names <= {"x", "p", "NaN", "Infinity"}, names
    assert "http" not in text


def test_the_javascript_keeps_to_its_budget():
    import gzip

    sizes = {name: len(gzip.compress((ASSETS / name).read_bytes() if name != "functions.js"
                                     else functions_js().encode(), 9)) for name in explorer.ASSETS}
    assert sum(sizes.values()) <= explorer.JS_BUDGET_GZIPPED, sizes


def test_build_writes_functions_js_with_a_content_key(tmp_path):
    """build.generate writes build/explorer/functions.js, equal to explorer.javascript's text."""
    path = ROOT / "build" / "explorer" / "functions.js"
    assert path.is_file(), "run scripts/build.py first (the hook runs it before every site build)"
    stamps = json.loads((ROOT / "build" / "cache" / "stamps.json").read_text())
    assert "explorer/functions.js" in stamps
    assert path.read_text(encoding="utf-8") == functions_js()


@pytest.mark.parametrize("act", CATALOG, ids=[a.slug for a in CATALOG])
def test_every_activation_page_links_to_the_explorer(act):
    """The definition fragment links to the explorer with the activation chosen, and embeds a compact
    explorer where the activation has parameters; activations the explorer leaves out get neither."""
    text = render.definition(act, facts_of(act.slug))
    link = f"](../explorer.md?a={act.slug})"
    compact = f'data-explorer data-activation="{act.slug}"'
    if act.kind not in explorer.SUPPORTED:
        assert link not in text and compact not in text
        return
    assert link in text
    other_input = act.kind == "gated" or (act.kind == "vector" and not act.threshold)  # on a slider
    assert (compact in text) == bool(act.params or other_input)
    if act.params or other_input:
        for name in explorer_page.ASSETS:
            assert f'src="../../assets/explorer/{name}"' in text


# --------------------------------------------------------------------------
# In the browser
# --------------------------------------------------------------------------

CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not Path(CHROME).is_file():
        pytest.skip(f"{CHROME} not found: install Debian's chromium or set CHROME_PATH")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROME, args=CHROME_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def formulas(browser):
    """A blank page with special.js and the generated functions.js loaded."""
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.set_content("<!doctype html><title>formulas</title>")
    page.add_script_tag(content=(ASSETS / "special.js").read_text(encoding="utf-8"))
    page.add_script_tag(content=functions_js())
    assert not errors, errors
    yield page
    page.close()


def test_special_functions_against_mpmath(formulas):
    import mpmath

    mpmath.mp.dps = 40
    xs = sorted(set(np.linspace(-6, 6, 241).tolist() + np.linspace(-27, 27, 109).tolist()
                    + [1e-300, -1e-8, 1.4999999, 1.5, 26.6, 29.9, 30.0]))
    got = formulas.evaluate("xs => xs.map(x => [ExplorerSpecial.erf(x), ExplorerSpecial.erfc(x), "
                            "ExplorerSpecial.ndtr(x), ExplorerSpecial.sinc(x)])", xs)
    # erfc loses about 80 ulp to 1 − erf just below 1.5; ndtr in the far left tail the rounding of
    # x/√2 (relative error about x²·2⁻⁵³); erfc is compared down to 1e-300 (subnormal below).
    limits = (1e-15, 2e-14, 2e-13, 1e-15)
    for x, values in zip(xs, got):
        refs = (mpmath.erf(x), mpmath.erfc(x), mpmath.ncdf(x), mpmath.sinc(x))
        for name, value, ref, limit in zip(("erf", "erfc", "ndtr", "sinc"), values, refs, limits):
            ref = float(ref)
            if abs(ref) < 1e-300:
                assert abs(value) < 1e-290, (name, x, value)
                continue
            assert abs(value - ref) <= limit * abs(ref), (name, x, value, ref)
    nan, zero, minus_one = formulas.evaluate(
        "[ExplorerSpecial.erf(NaN), ExplorerSpecial.erfc(Infinity), ExplorerSpecial.erf(-Infinity)]")
    assert math.isnan(nan) and zero == 0.0 and minus_one == -1.0


def _snippet_kwargs(act, variant: str, values: dict[str, float]) -> dict:
    kw = dict(values)
    if variant:
        v = next(v for v in act.variants if v.label == variant)
        kw |= {k: tabs.keyword_value(val) for k, val in v.kwargs.items() if k not in kw}
    return kw


def _snippet_values(act, fn, xs: np.ndarray, kw: dict, outputs: int) -> list[np.ndarray]:
    with np.errstate(all="ignore"):
        y = np.asarray(fn(xs, **kw), dtype=np.float64)
    if outputs == 1:
        return [np.broadcast_to(y, xs.shape)]
    return np.split(y, outputs, axis=-1)  # a concatenation: the outputs one after the other


def _slice_values(act, mod, xs: np.ndarray, kw: dict) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """y₁ and ∂y₁/∂x₁ of a vector activation at (x, c), or f and ∂f/∂gate of a gated one against its gate
    half with the value half at its slider's value, from the snippet (inputs along the last axis)."""
    other = {k: kw.pop(k) for k in ("a", "b", "c") if k in kw}
    (value,) = other.values() if other else (0.0,)  # a projection: the line (x, 0)
    column = np.full_like(xs, value)
    first = act.kind == "vector" or act.gate in ("first", "")
    pair = np.stack([xs, column] if first else [column, xs], axis=-1)
    with np.errstate(all="ignore"):
        f = np.asarray(getattr(mod, act.slug)(pair, **kw), dtype=np.float64)[..., 0]
        if act.kind == "vector":
            d = np.asarray(getattr(mod, f"{act.slug}_jacobian")(pair, **kw), dtype=np.float64)[..., 0, 0]
        else:  # ∂y/∂a then ∂y/∂b
            d = np.asarray(getattr(mod, f"{act.slug}_derivative")(pair, **kw), dtype=np.float64)[..., 0 if first else 1]
    return [f], [d]


@pytest.mark.parametrize("act,key,variant", [pytest.param(a, k, v, id=k) for a, k, v in ENTRIES])
def test_values_equal_the_snippet(formulas, act, key, variant):
    """f and f' as the page computes them equal the NumPy snippet's, at every x but the kinks."""
    data = formulas.evaluate("""key => {
        const a = ExplorerData.activations.find(e => e.key === key);
        return a && {range: a.range, params: a.params.map(p => ({name: p.name, default: p.default, values: p.values}))};
    }""", key)
    assert data is not None, f"{key} is not in functions.js"
    lo, hi = data["range"]
    xs = sorted(set(np.linspace(lo, hi, 97).tolist() + [-3.3, -1.1, -0.1, 0.1, 1.1, 3.3] + list(LARGE_X)))
    settings = [{p["name"]: p["default"] for p in data["params"]}]
    for share in (0.2, 0.8):  # two more slider positions, each parameter moved together
        settings.append({p["name"]: p["values"][round(share * (len(p["values"]) - 1))] for p in data["params"]})
    mod = snippet(act.slug)
    outputs = 1 if act.kind in ("vector", "gated") else len(derive.outputs(act))
    for values in settings:
        got = formulas.evaluate("""([key, xs, p]) => {
            const a = ExplorerData.activations.find(e => e.key === key);
            return a.outputs.map(o => ({f: xs.map(x => o.f(x, p)), d: xs.map(x => o.d(x, p)),
                                        kinks: o.kinks.map(k => k.at(p))}));
        }""", [key, xs, values])
        kw = _snippet_kwargs(act, variant, values)
        x = np.array(xs)
        if act.kind in ("vector", "gated"):
            want_f, want_d = _slice_values(act, mod, x, kw)
        else:
            want_f = _snippet_values(act, getattr(mod, act.slug), x, kw, outputs)
            want_d = _snippet_values(act, getattr(mod, f"{act.slug}_derivative"), x, kw, outputs)
        for n, out in enumerate(got):
            kinks = [k for k in out["kinks"] if k is not None]
            away = np.array([all(abs(xi - k) > 1e-9 * max(1.0, abs(k)) for k in kinks) for xi in xs])
            for what, js, ref in (("f", out["f"], want_f[n]), ("f'", out["d"], want_d[n])):
                js = np.array([np.nan if v is None else v for v in js], dtype=np.float64)
                same = (np.isclose(js, ref, rtol=RTOL, atol=ATOL, equal_nan=True)
                        | ((js == ref) & np.isinf(ref)))
                bad = np.flatnonzero(~same & away)
                assert not bad.size, (
                    f"{key} output {n + 1} {what} with {values}: at x = {x[bad][:5].tolist()} the page computes "
                    f"{js[bad][:5].tolist()}, the snippet {ref[bad][:5].tolist()}")


# --------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------


def _page_markup() -> str:
    """The explorer's markup from docs/explorer.md: its stylesheet, container and scripts."""
    text = (ROOT / "docs" / "explorer.md").read_text(encoding="utf-8")
    parts = re.findall(r'<link rel="stylesheet"[^>]*>|<div class="explorer"[\s\S]*?</div>|<script [^>]*></script>', text)
    assert len(parts) == 5, parts
    return "\n".join(parts)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """docs/explorer.md's markup in a page at /explorer/, with the assets where the site puts them."""
    root = tmp_path_factory.mktemp("site")
    assets = root / "assets" / "explorer"
    shutil.copytree(ASSETS, assets)
    (assets / "functions.js").write_text(functions_js(), encoding="utf-8")
    (root / "explorer").mkdir()
    (root / "explorer" / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Explorer</title></head>'
        f'<body><main class="md-typeset">{_page_markup()}</main></body></html>', encoding="utf-8")
    _activation_page(root, BY_SLUG["hardtanh"])

    class Quiet(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _activation_page(root: Path, act) -> None:
    """An activation page at /activations/<slug>/ with the compact explorer its definition fragment embeds."""
    block = explorer_page.page_block(act)
    markup = "\n".join(re.findall(r'<link rel="stylesheet"[^>]*>|<div class="explorer[\s\S]*?</div>|<script [^>]*></script>',
                                  block))
    folder = root / "activations" / act.slug
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>page</title></head>'
        f'<body><main class="md-typeset">{markup}</main></body></html>', encoding="utf-8")


@pytest.fixture
def page(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.problems = []
    p.on("console", lambda m: p.problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    p.on("pageerror", lambda err: p.problems.append(f"page error: {err}"))

    def request(route):
        host = urlsplit(route.request.url).hostname
        if host != "127.0.0.1":
            p.problems.append(f"request to another host: {route.request.url}")
            return route.abort()
        return route.continue_()

    p.route("**/*", request)
    p.site = site
    yield p
    assert not p.problems, p.problems
    context.close()


def _path_d(page, key: str, panel: int = 0) -> str:
    return page.locator(".explorer__plot").nth(panel).locator(f'path[data-key="{key}"]').first.get_attribute("d")


def test_moving_a_slider_redraws_and_the_url_round_trips(page):
    page.goto(f"{page.site}/explorer/?a=leaky_relu")
    slider = page.locator('input[type=range][data-param="negative_slope"]')
    before_f, before_d = _path_d(page, "leaky_relu", 0), _path_d(page, "leaky_relu", 1)
    assert page.locator(".explorer__param output").first.text_content() == "0.01"
    slider.focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    assert _path_d(page, "leaky_relu", 0) != before_f and _path_d(page, "leaky_relu", 1) != before_d
    shown = page.locator(".explorer__param output").first.text_content()
    assert shown != "0.01" and slider.get_attribute("aria-valuetext") == f"alpha = {shown}"
    page.locator('button[aria-label="Zoom in"]').click()
    url = page.url
    assert "leaky_relu.negative_slope=" in url and "x=" in url
    state = page.evaluate("Explorer.instances[0].state()")
    drawn = _path_d(page, "leaky_relu", 0)
    page.goto(url)  # a reader follows the link
    assert page.evaluate("Explorer.instances[0].state()") == state
    assert _path_d(page, "leaky_relu", 0) == drawn
    assert page.locator(".explorer__param output").first.text_content() == shown


def test_the_page_opens_on_its_start_view_unless_the_address_names_one(page):
    start = re.search(r'data-start="([^"]*)"', (ROOT / "docs" / "explorer.md").read_text(encoding="utf-8"))
    assert start, "docs/explorer.md gives the explorer a start view (data-start)"
    keys = "Explorer.instances[0].state().items.map(i => i.key).join(',')"
    page.goto(f"{page.site}/explorer/")
    assert "a=" + page.evaluate(keys) == start.group(1)
    assert page.locator('input[type=range][data-param="beta"]').count() == 1  # Swish's β to move
    page.goto(f"{page.site}/explorer/?a=relu")
    assert page.evaluate(keys) == "relu"


def test_framework_marks_set_the_parameter(page):
    page.goto(f"{page.site}/explorer/?a=leaky_relu")
    page.get_by_role("button", name=re.compile(r"^0\.3: .*keras\.layers\.LeakyReLU")).click()
    assert page.locator(".explorer__param output").first.text_content() == "0.3"
    assert "leaky_relu.negative_slope=0.3" in page.url


def test_overlay_reads_out_values_and_the_largest_difference(page):
    page.goto(f"{page.site}/explorer/?a=gelu&x=-4,3")
    page.select_option("select", "gelu_tanh_approximation")
    assert page.locator(".explorer__plot").first.locator("path.explorer__line").count() == 2
    text = page.locator(".explorer__diff").text_content()
    match = re.search(r"GELU vs GELU \(tanh approximation\): f: (\S+) at x = (\S+);", text)
    assert match, text
    # the largest difference of the two GELUs on [−4, 3] is about 4.7e−4, near x = ±2
    largest = float(match.group(1).replace("−", "-"))
    assert 3e-4 < largest < 6e-4, text
    box = page.locator(".explorer__plot").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.5)
    readout = page.locator(".explorer__readout").text_content()
    assert "GELU: f = " in readout and "GELU (tanh approximation): f = " in readout
    assert "a=gelu,gelu_tanh_approximation" in page.url


def test_keyboard_zoom_and_pan_stay_within_the_limit(page):
    page.goto(f"{page.site}/explorer/?a=relu")
    plot = page.locator(".explorer__plot").first
    plot.focus()
    for _ in range(30):
        page.keyboard.press("-")
    s = page.evaluate("Explorer.instances[0].state()")
    assert s["lo"] >= -explorer.X_LIMIT and s["hi"] <= explorer.X_LIMIT and s["hi"] - s["lo"] > 100
    page.keyboard.press("Home")
    s = page.evaluate("Explorer.instances[0].state()")
    assert [s["lo"], s["hi"]] == list(BY_SLUG["relu"].plot_range)
    page.keyboard.press("PageDown")
    assert page.evaluate("Explorer.instances[0].state()")["lo"] > s["lo"]


def test_usable_on_a_phone(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    p = context.new_page()
    p.goto(f"{site}/explorer/?a=hardtanh,leaky_relu")
    assert p.evaluate("document.documentElement.scrollWidth") <= 390
    width = p.locator(".explorer__plot").first.bounding_box()["width"]
    assert 300 < width <= 390
    context.close()


def test_the_compact_explorer_on_an_activation_page(page):
    """Hardtanh's page: its two sliders redraw, the page's own address stays, and the link opens the
    explorer on the same view."""
    page.goto(f"{page.site}/activations/hardtanh/")
    assert page.locator(".explorer__picker").count() == 0
    assert page.locator('input[type=range]').count() == 2
    before = _path_d(page, "hardtanh")
    page.locator('input[type=range][data-param="max_val"]').focus()
    page.keyboard.press("ArrowLeft")
    assert _path_d(page, "hardtanh") != before
    assert page.url == f"{page.site}/activations/hardtanh/"
    href = page.locator("a.explorer__open").get_attribute("href")
    assert href.startswith("../../explorer/?a=hardtanh&hardtanh.max_val="), href
    drawn = _path_d(page, "hardtanh")
    page.goto(f"{page.site}/activations/hardtanh/{href}")
    assert page.url.startswith(f"{page.site}/explorer/?a=hardtanh")
    assert _path_d(page, "hardtanh") == drawn
