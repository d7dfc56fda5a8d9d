"""The built site in a real browser: what a reader sees, offline.

Playwright drives Debian's chromium (``/usr/bin/chromium``, or ``$CHROME_PATH``)
against the built site served from 127.0.0.1. Every request to another host
is recorded and aborted, so a page that needs the network fails here.

* every page: the math is rendered by KaTeX (no raw TeX left), every image
  loads, nothing is logged to the console, code blocks have a copy button,
  nothing is requested from another host;
* the palette toggle switches to dark mode and swaps the figures;
* search finds pages by name, by topic and by every alias of the catalog;
* layout, at 1280 px and on a 390 px phone: an 88-character code line fits its
  box, the copy button covers no code, no table cell is off screen, the
  catalog's comparison table stays usable at 80 rows, the active tab stands out,
  code meets 4.5:1 contrast in both palettes, notebook figures are legible and
  dark in dark mode, and >>> examples pasted into a Python REPL run;
* screenshots of a few pages in both palettes go to build/screenshots/.

Without chromium the module is skipped: install Debian's chromium
(``apt-get install chromium``) or point ``CHROME_PATH`` at a Chrome/Chromium.
Playwright's own browser download (``playwright install``) is not needed.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import activations
import search_terms
from conftest import CATALOG, ROOT

SKIP_REASON = "install Debian's chromium (apt-get install chromium) to run the browser tests"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]

sync_api = pytest.importorskip("playwright.sync_api", reason=f"playwright is not installed; {SKIP_REASON}")
if not Path(CHROME).is_file():
    pytest.skip(f"{CHROME} not found: {SKIP_REASON}, or set CHROME_PATH", allow_module_level=True)

_SITE_URL = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), flags=re.M)
PREFIX = urlsplit(_SITE_URL.group(1)).path.rstrip("/") + "/" if _SITE_URL else "/"  # the path in production
SCREENSHOTS = ROOT / "build" / "screenshots"
TIMEOUT_MS = 10_000


def _pages() -> list[tuple[str, str]]:
    """(id, path under the site) of every page, from the sources in docs/."""
    pages = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        rel = md.relative_to(ROOT / "docs").with_suffix("").as_posix()
        path = "" if rel == "index" else rel.removesuffix("/index").removesuffix("index") + "/"
        pages.append(("home" if rel == "index" else rel.removesuffix("/index").replace("/", "-"), path))
    for notebook in sorted((ROOT / "docs" / "experiments").glob("*.py")):
        pages.append((f"experiments-{notebook.stem}", f"experiments/{notebook.stem}/"))
    return pages


PAGES = _pages()
ACTIVATION_PATHS = {f"activations/{act.slug}/" for act in CATALOG}


# --------------------------------------------------------------------------
# Fixtures: one server, one browser


class _SiteHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: a page loads ~30 files

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(PREFIX):
            return str(Path(self.directory) / "\0not-in-site")  # 404
        return super().translate_path("/" + path[len(PREFIX):])

    def log_message(self, format, *args):  # noqa: A002 - keep pytest's output clean
        pass


@pytest.fixture(scope="module")
def base_url(site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SiteHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{PREFIX}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROME, args=CHROME_ARGS)
        except sync_api.Error as err:
            pytest.skip(f"Playwright cannot launch {CHROME} ({str(err).splitlines()[0]}): {SKIP_REASON}")
        yield browser
        browser.close()


class Visit:
    """A browser context that records what goes wrong: console errors, page errors,
    failed local requests, and every request to another host (aborted)."""

    def __init__(self, browser, base_url: str, color_scheme: str = "light", width: int = 1280, **options):
        self.base_url = base_url
        self.external: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(color_scheme=color_scheme, service_workers="block",
                                           viewport={"width": width, "height": 900}, **options)
        self.context.set_default_timeout(TIMEOUT_MS)
        # Matched inside the browser driver: local requests never wait on Python.
        self.context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]|data:|blob:)"), self._route)
        self.page = None
        self.new_tab()

    def new_tab(self) -> None:
        """A fresh tab: empty sessionStorage, where Material caches what it fetched (or failed to)."""
        if self.page is not None:
            self.page.close()
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda err: self.errors.append(f"page error: {err}"))
        self.page.on("response", self._response)

    def _route(self, route) -> None:
        self.external.append(f"{route.request.resource_type} {route.request.url}")
        route.abort()

    def _console(self, message) -> None:
        if message.type in ("error", "warning"):
            where = message.location.get("url", "") if message.location else ""
            self.errors.append(f"console {message.type}: {message.text} ({where})")

    def _response(self, response) -> None:
        if response.status >= 400 and urlsplit(response.url).hostname == "127.0.0.1":
            self.errors.append(f"HTTP {response.status} for {response.url}")

    def reset(self) -> None:
        self.new_tab()
        self.external.clear()
        self.errors.clear()

    def goto(self, path: str) -> None:
        self.page.goto(self.base_url + path, wait_until="load")

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def reader(browser, base_url):
    """One light-mode context shared by the page checks (a new context per page costs ~0.3 s)."""
    v = Visit(browser, base_url)
    yield v
    v.close()


@pytest.fixture
def visit(browser, base_url):
    visits = []

    def open_visit(color_scheme: str = "light", width: int = 1280, **options) -> Visit:
        visits.append(Visit(browser, base_url, color_scheme, width, **options))
        return visits[-1]

    yield open_visit
    for v in visits:
        v.close()


# --------------------------------------------------------------------------
# Every page, offline


_RAW_TEX = re.compile(r"\\(?:d?frac|sigma|operatorname|begin|end|left|right|cdot|infty|mathbb|mathrm|text|sqrt|"
                      r"sum|partial|alpha|lambda|leq?|geq?|neq|to|in|max|exp|log|tanh)\b|\$\$|\\\(|\\\[|"
                      r"(?<![\w$])\$[^\s$][^$\n]{0,80}\$(?![\w$])")

_WAIT_FOR_MATH = """() => [...document.querySelectorAll('.arithmatex')].every(e => e.querySelector('.katex'))"""

_LOAD_IMAGES = """async () => {
  // Figures are loading="lazy": scroll each visible one into view; make the
  // hidden ones (the other palette's figures) eager so that they load too.
  const images = [...document.querySelectorAll('article img')];
  for (const img of images) {
    if (img.checkVisibility()) { img.scrollIntoView(); } else { img.loading = 'eager'; }
  }
  await Promise.all(images.map(img => img.decode().catch(() => null)));
  window.scrollTo(0, 0);
  return images.map(img => ({src: img.getAttribute('src'), complete: img.complete, width: img.naturalWidth}));
}"""

_CODE_BLOCKS = """() => [...document.querySelectorAll('article pre > code')].map(code => {
  const pre = code.parentElement, box = pre.parentElement;
  const button = box.querySelector('.md-clipboard, .md-code__button[data-md-type="copy"]');
  const target = button && button.getAttribute('data-clipboard-target');
  return {id: pre.id || code.id || box.className, button: !!button,
          points_here: !!target && pre.contains(document.querySelector(target))};
})"""

# The article's visible text (innerText: KaTeX's hidden MathML and TeX annotation do not count), without
# the code blocks, where a backslash or a dollar sign is code.
_VISIBLE_TEXT_OUTSIDE_CODE = """() => {
  const article = document.querySelector('article');
  let text = article.innerText;
  for (const pre of article.querySelectorAll('pre')) text = text.replace(pre.innerText, ' ');
  return text;
}"""


@pytest.mark.parametrize("path", [path for _, path in PAGES], ids=[name for name, _ in PAGES])
def test_page_renders_offline_without_errors(reader, path):
    v = reader
    v.reset()
    v.goto(path)
    problems = []

    arithmatex = v.page.locator(".arithmatex").count()
    if path in ACTIVATION_PATHS and arithmatex == 0:
        problems.append("no math (.arithmatex) on an activation page")
    if arithmatex:
        try:
            v.page.wait_for_function(_WAIT_FOR_MATH, timeout=5_000)
        except sync_api.TimeoutError:
            raw = v.page.eval_on_selector_all(".arithmatex:not(:has(.katex))", "els => els.map(e => e.innerText)")
            problems.append(f"{len(raw)} of {arithmatex} formulas not rendered by KaTeX, e.g. {raw[:2]}")
    leftovers = sorted(set(m.group() for m in _RAW_TEX.finditer(v.page.evaluate(_VISIBLE_TEXT_OUTSIDE_CODE))))
    if leftovers:
        problems.append(f"raw TeX in the visible text: {leftovers[:10]}")

    for img in v.page.evaluate(_LOAD_IMAGES):
        if not img["complete"] or img["width"] == 0:
            problems.append(f"image did not load: {img['src']}")

    for block in v.page.evaluate(_CODE_BLOCKS):
        if not block["button"]:
            problems.append(f"code block {block['id']} has no copy button")
        elif not block["points_here"]:
            problems.append(f"the copy button of code block {block['id']} copies another element")

    problems += v.errors
    problems += [f"request to another host: {url}" for url in v.external]
    assert not problems, f"{path}:\n" + "\n".join(problems)


_COMPOUND = re.compile(r"^(async\s+)?(with|for|while|if|def|class|try|match)\b|^@")


def _pycon_inputs(text: str) -> str:
    """What a reader pastes into the Python REPL from a >>> session: the input lines without prompts or
    output, and a blank line after each compound or multi-line statement (else the next statement is a
    SyntaxError). A "..." line is input only right after an input line; in a traceback it is output."""
    out: list[str] = []
    statement: list[str] | None = None

    def flush() -> None:
        nonlocal statement
        if statement is None:
            return
        out.extend(statement)
        if (len(statement) > 1 or _COMPOUND.match(statement[0])) and statement[-1].strip():
            out.append("")
        statement = None

    for line in text.split("\n"):
        if re.match(r">>>( |$)", line):
            flush()
            statement = [line[4:]]
        elif statement is not None and re.match(r"\.\.\.( |$)", line):
            statement.append(line[4:])
        else:
            flush()
    flush()
    return "\n".join(out).rstrip()


# Pastes each page's >>> sessions, in order, into one interactive console per page (what a reader
# does in `python` started in snippets/) and reports every SyntaxError, and every exception that the
# page does not show as the example's output.
_REPL = r"""
import code, json, os, sys, traceback
sys.path.insert(0, os.getcwd())
report = {}
for page, blocks in json.load(sys.stdin).items():
    problems = []

    class Console(code.InteractiveConsole):
        def showsyntaxerror(self, filename=None, **kwargs):
            problems.append(traceback.format_exception_only(*sys.exc_info()[:2])[-1].strip())

        def showtraceback(self):
            kind, value = sys.exc_info()[:2]
            if kind.__name__ not in expected:
                problems.append(f"{kind.__name__}: {value}")

    console = Console({"__name__": "__console__"})
    for shown, copied in blocks:
        expected = {line.split(":")[0] for line in shown.splitlines() if not line.startswith((">>>", "..."))}
        for line in copied.split("\n"):
            console.push(line)
        if console.buffer:
            console.push("")  # the reader presses Enter after the paste
    report[page] = problems
print(json.dumps(report))
"""


def _run_in_repl(sessions: dict[str, list[tuple[str, str]]]) -> dict[str, list[str]]:
    import json
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", _REPL], input=json.dumps(sessions), capture_output=True,
                            text=True, cwd=ROOT / "snippets", timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


_COPY_EVERY_BLOCK = """async () => {
  const copies = [];
  for (const box of document.querySelectorAll('article div.highlight')) {
    const button = box.querySelector('.md-clipboard, .md-code__button[data-md-type="copy"]');
    if (!button || !box.checkVisibility()) continue;  // no button: reported above; or in a hidden tab
    await navigator.clipboard.writeText('');
    button.click();  // Material's own handler copies
    copies.push({kind: box.className, shown: box.querySelector('pre > code').innerText,
                 copied: await navigator.clipboard.readText()});
  }
  return copies;
}"""


def test_copy_button_copies_runnable_code(browser, base_url):
    """The copy button gives code that runs: a snippet compiles, a >>> session loses its prompts and outputs."""
    v = Visit(browser, base_url, permissions=["clipboard-read", "clipboard-write"])
    problems, pycon, sessions = [], 0, {}
    try:
        for act in CATALOG:
            v.goto(f"activations/{act.slug}/")
            for block in v.page.evaluate(_COPY_EVERY_BLOCK):
                copied, shown = block["copied"].rstrip(), block["shown"]
                where = f"{act.slug}: block starting {shown.strip().splitlines()[0][:50]!r}"
                if "language-pycon" in block["kind"]:
                    pycon += 1
                    sessions.setdefault(act.slug, []).append((shown, block["copied"]))
                    if copied != _pycon_inputs(shown):
                        problems.append(f"{where}: copied {copied[:120]!r}…; expected the input lines without "
                                        f"prompts or outputs: {_pycon_inputs(shown)[:120]!r}…")
                elif "language-python" in block["kind"]:
                    try:
                        compile(copied, where, "exec")
                    except SyntaxError as err:
                        problems.append(f"{where}: the copied code does not compile: {err}")
        problems += v.errors
    finally:
        v.close()
    for slug, errors in _run_in_repl(sessions).items():
        problems += [f"{slug}: pasted into the Python REPL, the >>> examples give {error}" for error in errors]
    assert pycon, "no >>> session found on the activation pages"
    assert not problems, f"{len(problems)} code block(s) copy the wrong text:\n" + "\n".join(problems)


# --------------------------------------------------------------------------
# Layout: what a reader sees on a 1280 px screen and on a 390 px phone

CODE_LINE_LIMIT = 88  # the snippets' limit (tests/test_snippet_soundness.py::test_file_style)
PHONE_WIDTH = 390

# Per code block: a block whose lines are all within the limit must not need a scroll bar, and no
# glyph may lie under the copy button. Per table: inline code without spaces stays on one line.
_DESKTOP_LAYOUT = """(limit) => {
  const problems = [];
  const label = (text) => JSON.stringify(text.trim().split("\\n")[0].slice(0, 50));
  for (const pre of document.querySelectorAll("article pre")) {
    if (!pre.checkVisibility()) continue;
    const code = pre.querySelector(":scope > code") || pre;
    const text = code.textContent.replace(/\\n$/, "");
    const longest = Math.max(...text.split("\\n").map((line) => line.length));
    if (longest <= limit && code.scrollWidth > code.clientWidth + 1) {
      problems.push(`code block ${label(text)}: its lines of at most ${longest} characters overflow ` +
                    `the ${code.clientWidth} px box by ${code.scrollWidth - code.clientWidth} px`);
    }
    // Material's button, or mkdocs-jupyter's <clipboard-copy> beside a notebook cell's <pre>
    const button = (pre.closest(".highlight-ipynb") || pre).querySelector(".md-code__button, .md-clipboard, clipboard-copy");
    if (!button || !button.checkVisibility()) continue;
    const b = button.getBoundingClientRect();
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    covered: for (let node; (node = walker.nextNode());) {
      if (!node.textContent.trim()) continue;
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width > 0.5 && r.right > b.left && r.left < b.right && r.bottom > b.top + 2 && r.top < b.bottom - 2) {
          problems.push(`code block ${label(text)}: the copy button covers ${JSON.stringify(node.textContent.trim().slice(0, 30))}`);
          break covered;
        }
      }
    }
  }
  for (const code of document.querySelectorAll("article td code, article th code")) {
    // a name with spaces or hyphens may break there (cumulative-layout-shift); a number or a name never
    if (!code.checkVisibility() || /\\s|\\w-\\w/.test(code.textContent.trim())) continue;
    if (code.getClientRects().length > 1) {
      problems.push(`inline code ${JSON.stringify(code.textContent)} in a table breaks across lines`);
    }
  }
  return problems;
}"""

# On a phone: nothing makes the page scroll sideways, and no table cell is off screen (the catalog's
# comparison table scrolls in its own box, with its first column sticky: test_comparison_table below).
_PHONE_LAYOUT = """() => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  const scrolling = document.scrollingElement.scrollWidth;
  if (scrolling > width + 1) problems.push(`the page scrolls sideways: ${scrolling} px on a ${width} px screen`);
  for (const cell of document.querySelectorAll("article td, article th")) {
    if (cell.closest(".comparison") || !cell.checkVisibility()) continue;
    const r = cell.getBoundingClientRect();
    if (r.right > width + 1 || r.left < -1) {
      problems.push(`table cell ${JSON.stringify(cell.innerText.trim().slice(0, 40))} is off screen ` +
                    `(${Math.round(r.left)} to ${Math.round(r.right)} px on a ${width} px screen)`);
    }
  }
  return problems;
}"""


@pytest.mark.parametrize("path", [path for _, path in PAGES], ids=[name for name, _ in PAGES])
def test_code_and_tables_fit_on_a_desktop_screen(reader, path):
    """At 1280 px: an 88-character line fits its code box, the copy button covers no code, and inline
    code in a table (SELU's 32-digit constants) does not wrap in the middle."""
    reader.reset()
    reader.goto(path)
    problems = reader.page.evaluate(_DESKTOP_LAYOUT, CODE_LINE_LIMIT)
    assert not problems, f"{path}:\n" + "\n".join(problems)


def test_a_long_first_line_starts_below_the_copy_button(reader):
    """Whatever a block's first line: one of the full 88 characters moves below the button, and fits."""
    reader.reset()
    reader.goto("activations/relu/")
    reader.page.evaluate("""(limit) => {
      document.querySelector("article pre > code").textContent = "x".repeat(limit) + "\\n" + "y = 1\\n";
    }""", CODE_LINE_LIMIT)
    problems = reader.page.evaluate(_DESKTOP_LAYOUT, CODE_LINE_LIMIT)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", [path for _, path in PAGES], ids=[name for name, _ in PAGES])
def test_nothing_is_off_screen_on_a_phone(visit, path):
    """At 390 px: the page does not scroll sideways and every table cell is on screen (wide tables,
    like the Differentiability table with its verdict column, become one card per row); the copy
    button covers no code."""
    v = visit("light", width=PHONE_WIDTH)
    v.goto(path)
    problems = v.page.evaluate(_PHONE_LAYOUT)
    # the copy buttons and inline code in tables, as at 1280 px (limit 0: every code line overflows here)
    problems += v.page.evaluate(_DESKTOP_LAYOUT, 0)
    assert not problems, f"{path}:\n" + "\n".join(problems)


_COMPARISON_WITH_80_ROWS = """async () => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  const box = document.querySelector("article .comparison .md-typeset__scrollwrap");
  if (!box) return null;
  const table = box.querySelector("table"), body = table.tBodies[0], rows = [...body.rows];
  while (body.rows.length < 80) for (const row of rows) body.appendChild(row.cloneNode(true));
  box.scrollIntoView({block: "start"});
  await frame();
  // the cells are sticky, not their row
  const top = () => table.tHead.rows[0].cells[1].getBoundingClientRect().top - box.getBoundingClientRect().top;
  const left = () => body.rows[40].cells[0].getBoundingClientRect().left - box.getBoundingClientRect().left;
  const result = {rows: body.rows.length, height: box.clientHeight, screen: window.innerHeight,
                  scrollWidth: box.scrollWidth, clientWidth: box.clientWidth,
                  overflowX: getComputedStyle(box).overflowX, headerBefore: top(), firstColumnBefore: left()};
  box.scrollTop = box.scrollHeight / 2;
  box.scrollLeft = box.scrollWidth;
  await frame();
  return {...result, headerAfter: top(), firstColumnAfter: left(), scrolledDown: box.scrollTop > 0};
}"""


@pytest.mark.parametrize("width", [1280, PHONE_WIDTH])
def test_comparison_table_stays_usable_with_80_rows(visit, width):
    """The catalog's table, grown to 80 rows: it scrolls in a box no taller than the screen, its header
    row stays at the top of the box, its name column at the left, and its columns (more than a desktop
    screen holds) scroll sideways inside the box, not the page."""
    v = visit("light", width=width)
    v.goto("activations/")
    got = v.page.evaluate(_COMPARISON_WITH_80_ROWS)
    assert got is not None, "no .comparison box around the catalog's table (catalog.page)"
    assert got["rows"] >= 80 and got["scrolledDown"], got
    assert got["height"] <= got["screen"], f"the table's box is taller than the screen: {got}"
    # sticky: at most as far from the box's edge as before scrolling (and not past it), not scrolled away
    assert -1 <= got["headerAfter"] <= got["headerBefore"] + 1, f"the header row scrolled away: {got}"
    assert -1 <= got["firstColumnAfter"] <= got["firstColumnBefore"] + 1, f"the name column scrolled away: {got}"
    assert got["overflowX"] in ("auto", "scroll") and got["scrollWidth"] > got["clientWidth"], got
    assert not v.errors, v.errors


def test_the_active_header_tab_stands_out(reader):
    reader.reset()
    reader.goto("activations/relu/")
    tabs = reader.page.evaluate("""() => [...document.querySelectorAll('.md-tabs__item')].map((item) => {
      const s = getComputedStyle(item.querySelector('a'));
      return {active: item.classList.contains('md-tabs__item--active'), text: item.innerText.trim(),
              look: [s.fontWeight, s.textDecorationLine, s.borderBottomWidth, s.color, s.opacity].join(' ')};
    })""")
    active = [tab for tab in tabs if tab["active"]]
    assert [tab["text"] for tab in active] == ["Activations"], tabs
    assert active[0]["look"] not in {tab["look"] for tab in tabs if not tab["active"]}, (
        f"the active tab looks like the others: {tabs}")


# WCAG contrast of every highlighted token in a code block against the background it is drawn on
# (colours with transparency blended on it).
_CODE_CONTRAST = """() => {
  const rgba = (c) => { const m = c.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgba(getComputedStyle(el).backgroundColor);
      if (c[3] > 0.5) return c;
    }
    return [255, 255, 255, 1];
  };
  const found = new Map();
  for (const span of document.querySelectorAll("article pre span")) {
    if (span.children.length || !span.textContent.trim() || !span.checkVisibility()) continue;
    const bg = background(span), fg = rgba(getComputedStyle(span).color);
    const mixed = fg.slice(0, 3).map((v, i) => v * fg[3] + bg[i] * (1 - fg[3]));
    const [a, b] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    const key = `${span.className} ${mixed.map(Math.round)} on ${bg.slice(0, 3)}`;
    if (ratio < 4.5 && !found.has(key)) found.set(key, `${key}: ${ratio.toFixed(2)}:1 (${JSON.stringify(span.textContent.trim().slice(0, 20))})`);
  }
  return [...found.values()];
}"""

CONTRAST_PAGES = ["", "activations/relu/", "activations/softmax/", "performance/"] + [
    path for _, path in PAGES if path.startswith("experiments/")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_code_meets_4_5_to_1_contrast_in_both_palettes(visit, scheme):
    """Comments, outputs and every other token, in the site's code blocks and in the notebooks' cells."""
    v = visit(scheme)
    problems = []
    for path in CONTRAST_PAGES:
        v.goto(path)
        problems += [f"{path or 'home'}: {p}" for p in v.page.evaluate(_CODE_CONTRAST)]
    assert not problems, f"{len(problems)} token colour(s) below 4.5:1 in {scheme} mode:\n" + "\n".join(problems)


NOTEBOOK_PATHS = [(name, path) for name, path in PAGES if path.startswith("experiments/")]

# Notebook figures are SVG data URLs: their smallest text, in CSS pixels as shown (font size in the
# SVG's user units times the shown width over the viewBox width); code cells; printed tables.
_NOTEBOOK_LAYOUT = """() => {
  const figures = [], problems = [];
  for (const img of document.querySelectorAll("article .jp-OutputArea-output img")) {
    const src = img.getAttribute("src") || "";
    if (!src.startsWith("data:image/svg+xml;base64,")) { problems.push(`figure not an SVG: ${src.slice(0, 30)}`); continue; }
    const svg = atob(src.slice(src.indexOf(",") + 1));
    const viewBox = svg.match(/viewBox="[\\d.\\s-]*?([\\d.]+)\\s+[\\d.]+"/);
    const sizes = [...svg.matchAll(/font(?:-size)?:\\s*(?:[a-z]+\\s+)*([\\d.]+)px/g)].map((m) => Number(m[1]));
    const counts = new Map(sizes.map((s) => [s, sizes.filter((x) => x === s).length]));
    const usual = [...counts].sort((a, b) => b[1] - a[1])[0][0];  // tick labels, axis labels
    const scale = img.getBoundingClientRect().width / Number(viewBox[1]);
    figures.push({alt: img.alt.slice(0, 40), usual: usual * scale, smallest: Math.min(...sizes) * scale});
  }
  const article = document.querySelector("article").getBoundingClientRect();
  for (const pre of document.querySelectorAll("article .highlight-ipynb pre, article .jp-OutputArea-output pre")) {
    const style = getComputedStyle(pre), r = pre.getBoundingClientRect();
    const first = JSON.stringify(pre.innerText.trim().slice(0, 40));
    if (pre.scrollWidth > pre.clientWidth + 1 && !["auto", "scroll"].includes(style.overflowX)) {
      problems.push(`${first}: cut off on the right (${pre.scrollWidth} px in ${pre.clientWidth}, overflow ${style.overflowX})`);
    }
    if (r.right > article.right + 1) problems.push(`${first}: runs out of the article (${r.right} > ${article.right})`);
    const lines = pre.textContent.replace(/\\n$/, "").split("\\n").length;
    const range = document.createRange();
    range.selectNodeContents(pre);
    const tops = new Set([...range.getClientRects()].filter((q) => q.width > 0).map((q) => Math.round(q.top)));
    if (tops.size > lines) problems.push(`${first}: ${lines} lines drawn on ${tops.size} (rows wrap)`);
  }
  return {figures, problems};
}"""


@pytest.mark.parametrize("path", [path for _, path in NOTEBOOK_PATHS], ids=[name for name, _ in NOTEBOOK_PATHS])
def test_notebook_figures_code_and_tables_read_well(visit, path):
    """At 1280 px a figure's text is at least 11 px (its exponents 7 px), code scrolls instead of being cut off,
    printed tables keep one row per line; in dark mode the figures are dark, not white rectangles."""
    from io import BytesIO

    from PIL import Image, ImageStat

    v = visit("light")
    v.goto(path)
    got = v.page.evaluate(_NOTEBOOK_LAYOUT)
    problems = list(got["problems"])
    assert got["figures"], f"{path}: no figure"
    problems += [f"figure {f['alt']!r}…: its text is {f['usual']:.1f} px on screen (< 11)"
                 for f in got["figures"] if f["usual"] < 11]
    problems += [f"figure {f['alt']!r}…: its smallest text (exponents) is {f['smallest']:.1f} px on screen (< 7)"
                 for f in got["figures"] if f["smallest"] < 7]

    dark = visit("dark")
    dark.goto(path)
    images = dark.page.locator("article .jp-OutputArea-output img")
    for i in range(images.count()):
        shot = Image.open(BytesIO(images.nth(i).screenshot())).convert("L")
        brightness = ImageStat.Stat(shot).mean[0]
        if brightness > 110:
            problems.append(f"dark mode: figure {i + 1} is bright (mean grey level {brightness:.0f} of 255)")
    assert not problems, f"{path}:\n" + "\n".join(problems)


# --------------------------------------------------------------------------
# Dark mode


def _figures(page) -> dict[str, list[dict]]:
    return page.evaluate("""() => {
      const out = {light: [], dark: []};
      for (const img of document.querySelectorAll('article img')) {
        const src = img.getAttribute('src') || '';
        const entry = {src, visible: img.checkVisibility(), loaded: img.complete && img.naturalWidth > 0};
        if (src.endsWith('#only-light')) out.light.push(entry);
        if (src.endsWith('#only-dark')) out.dark.push(entry);
      }
      return out;
    }""")


def test_palette_toggle_switches_to_dark_mode_and_dark_figures(visit):
    v = visit("light")
    v.goto("activations/relu/")
    body = v.page.locator("body")
    assert body.get_attribute("data-md-color-media") == "(prefers-color-scheme)", "the first palette is 'auto'"
    assert body.get_attribute("data-md-color-scheme") == "default"
    figures = _figures(v.page)
    assert figures["light"] and len(figures["light"]) == len(figures["dark"]), figures
    assert all(f["visible"] for f in figures["light"]) and not any(f["visible"] for f in figures["dark"]), figures

    # auto -> light -> dark: the toggle shows the icon of the next palette
    clicks = 0
    while body.get_attribute("data-md-color-scheme") != "slate" and clicks < 3:
        v.page.locator("form[data-md-component=palette] label:visible").click()
        clicks += 1
    assert body.get_attribute("data-md-color-scheme") == "slate", f"still not dark after {clicks} clicks"
    assert clicks == 2, f"auto -> light -> dark should take 2 clicks, took {clicks}"

    v.page.evaluate(_LOAD_IMAGES)
    figures = _figures(v.page)
    assert all(f["visible"] and f["loaded"] for f in figures["dark"]), figures["dark"]
    assert not any(f["visible"] for f in figures["light"]), figures["light"]
    background = v.page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert sum(map(int, re.findall(r"\d+", background)[:3])) < 3 * 100, f"dark background expected, got {background}"

    v.goto("activations/tanh/")  # the choice is remembered on the next page
    assert v.page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert not v.errors and not v.external, v.errors + v.external


# --------------------------------------------------------------------------
# Search


# Material's search box states (its .md-search-result__meta): "Initializing search" until the
# worker has built the index, then the placeholder for an empty query, then a count per query.
SEARCH_PLACEHOLDER = "Type to start searching"
INDEX_TIMEOUT_MS = 120_000  # building the index of the whole site in the worker, on a loaded machine

_SEARCH_META_IS = "text => document.querySelector('.md-search-result__meta').innerText.trim() === text"
_SEARCH_META_IS_NOT = "text => document.querySelector('.md-search-result__meta').innerText.trim() !== text"


@pytest.fixture(scope="module")
def search(browser, base_url):
    """search(query) -> the page paths of the results Material shows first (at most 10), in order.

    Deterministic: Material sends a query to its worker only once the index is built, and the worker
    answers queries in order. So the fixture first waits for the index (the placeholder replaces
    "Initializing search"), and each query starts from the empty query's answer (the placeholder):
    the next change of the count is the answer to this query, with its results already in the list
    (Material writes the count and the list in the same task).
    """
    v = Visit(browser, base_url)
    v.goto("")
    box = v.page.locator("input.md-search__input")
    box.click()
    v.page.wait_for_function(_SEARCH_META_IS, arg=SEARCH_PLACEHOLDER, timeout=INDEX_TIMEOUT_MS)

    def run(query: str) -> list[str]:
        box.fill("")
        box.press("End")  # Material searches on key events, not on fill()
        v.page.wait_for_function(_SEARCH_META_IS, arg=SEARCH_PLACEHOLDER)
        box.fill(query)
        box.press("End")
        v.page.wait_for_function(_SEARCH_META_IS_NOT, arg=SEARCH_PLACEHOLDER)
        hrefs = v.page.eval_on_selector_all(".md-search-result__list > li > a:first-child",
                                            "links => links.map(a => a.href)")
        return [urlsplit(href).path.removeprefix(PREFIX) for href in hrefs]

    yield run
    assert not v.errors and not v.external, v.errors + v.external
    v.close()


def test_search_finds_tanh(search):
    assert "activations/tanh/" in search("tanh")[:3]


def test_search_finds_the_dying_relu_pitfall(search, site):
    results = search("dying ReLU")
    assert "activations/relu/" in results, results
    mentions = [p for p in results
                if re.search(r"dying\s+ReLU", (site / p / "index.html").read_text(encoding="utf-8"), flags=re.I)]
    assert results and results[0] in mentions, f"the first result should discuss the dying ReLU: {results}"


QUERIES = [(slug, text) for slug, texts in search_terms.owners(CATALOG).items() for text in texts]


@pytest.mark.parametrize(("slug", "text"), QUERIES, ids=[f"{slug}-{text}" for slug, text in QUERIES])
def test_search_shows_the_page_first(search, slug, text):
    """Every name, alias, framework spelling and config string a declaration gives (search_terms.owners)
    brings its page up first, as a reader types it."""
    results = search(text)
    assert results[:1] == [f"activations/{slug}/"], (
        f"searching {text!r} shows {results[:3]} first, not the {slug} page; site.js puts the page of an "
        f"exact match first from assets/search-terms.json (scripts/search_terms.py, scripts/mkdocs_hooks.py)"
    )


def test_search_still_ranks_by_text_when_no_name_matches(search):
    """A query that names no activation keeps Material's order (the promotion adds nothing)."""
    assert search("tanhs")[:1] == ["activations/tanhshrink/"]  # typed on the way to "tanhshrink"


def test_the_catalog_declares_the_aliases_readers_search_for():
    by_slug = activations.by_slug()
    assert "logistic" in by_slug["sigmoid"].aliases and "rectifier" in by_slug["relu"].aliases


# --------------------------------------------------------------------------
# Screenshots


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(visit, scheme):
    """Full-page screenshots for a human to look at (CI keeps build/screenshots/)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    v = visit(scheme)
    for name, path in [("home", ""), ("relu", "activations/relu/"), ("softmax", "activations/softmax/")]:
        v.goto(path)
        expected = "slate" if scheme == "dark" else "default"
        assert v.page.locator("body").get_attribute("data-md-color-scheme") == expected
        v.page.evaluate(_LOAD_IMAGES)
        v.page.wait_for_function(_WAIT_FOR_MATH)
        v.page.evaluate("document.fonts.ready.then(() => true)")
        out = SCREENSHOTS / f"{name}-{scheme}.png"
        v.page.screenshot(path=str(out), full_page=True)
        assert out.stat().st_size > 10_000
    assert not v.errors and not v.external, v.errors + v.external


# --------------------------------------------------------------------------
# The catalog page: sorted and filtered in the browser (scripts/catalog.py, site.js setupCatalog)

_CATALOG_STATE = """() => {
  const table = document.querySelector('.catalog table');
  const heads = [...table.tHead.rows[0].cells].map((c) => c.textContent.trim());
  const rows = [...table.tBodies[0].rows].filter((r) => !r.hidden && r.checkVisibility());
  const cell = (r, name) => r.cells[heads.indexOf(name)].textContent.replace(/\\s+/g, ' ').trim();
  return {heads, count: document.querySelector('.catalog-count').textContent,
          controls: document.querySelector('form.catalog-controls').checkVisibility(),
          rows: rows.map((r) => Object.fromEntries(heads.map((h) => [h, cell(r, h)]))),
          thumbs: rows.filter((r) => r.querySelector('svg.thumb path[d^="M"]')).length};
}"""


@pytest.mark.parametrize("width", [1280, PHONE_WIDTH])
def test_catalog_sorts_and_filters_offline(visit, width):
    """Every declared activation is a row with a thumbnail; the name, family, tag and framework filters
    keep exactly the matching rows; a heading sorts its column, both ways, with "—" last."""
    v = visit("light", width=width)
    v.goto("activations/")
    page = v.page
    state = page.evaluate(_CATALOG_STATE)
    assert state["controls"], "the catalog's filters are hidden (site.js setupCatalog did not run)"
    names = [r["Activation"] for r in state["rows"]]
    assert sorted(names) == sorted(a.name for a in CATALOG), "the catalog does not list every activation"
    assert state["thumbs"] == len(CATALOG) and state["count"] == f"{len(CATALOG)} of {len(CATALOG)} activations"

    page.fill('input[data-filter="name"]', "relu")
    rows = page.evaluate(_CATALOG_STATE)["rows"]
    expected = {a.name for a in CATALOG if "relu" in a.name.lower() or "relu" in a.slug}
    assert {r["Activation"] for r in rows} == expected
    page.fill('input[data-filter="name"]', "")

    families = {activations.FAMILIES[a.family] for a in CATALOG}
    for family in sorted(families)[:3]:
        page.select_option('select[data-column="Family"]', family)
        rows = page.evaluate(_CATALOG_STATE)["rows"]
        assert {r["Activation"] for r in rows} == {a.name for a in CATALOG if activations.FAMILIES[a.family] == family}
    page.select_option('select[data-column="Family"]', "")

    page.check('input[data-column="Piecewise linear"]')
    rows = page.evaluate(_CATALOG_STATE)["rows"]
    assert rows and all(r["Piecewise linear"] == "yes" for r in rows)
    assert "ReLU" in {r["Activation"] for r in rows} and "Tanh" not in {r["Activation"] for r in rows}
    page.uncheck('input[data-column="Piecewise linear"]')

    page.select_option('select[data-column="Ships in"]', "JAX")
    rows = page.evaluate(_CATALOG_STATE)["rows"]
    assert rows and all("JAX" in r["Ships in"].split(", ") for r in rows)
    page.select_option('select[data-column="Ships in"]', "")

    year = page.locator(".catalog th button", has_text="Year")
    for direction in ("ascending", "descending"):
        year.click()
        years = [r["Year"] for r in page.evaluate(_CATALOG_STATE)["rows"]]
        known = [int(y) for y in years if y != "—"]
        assert known == sorted(known, reverse=direction == "descending"), years
        assert years[len(known):] == ["—"] * (len(years) - len(known)), f"'—' not last: {years}"
        assert page.locator(".catalog th", has_text="Year").get_attribute("aria-sort") == direction
    assert not v.errors and not v.external, (v.errors, v.external)
