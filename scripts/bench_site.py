"""Sections 4 and 5 of the Performance page: page weight and Lighthouse scores.

Page weight: each activation page's own HTML and the figures it references.
Lighthouse (npm ``lighthouse``, headless Chromium) audits the built site
served on 127.0.0.1 the way GitHub Pages serves it, mobile and desktop.
"""

from __future__ import annotations

import dataclasses
import gzip
import html
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import activations
from bench_common import ROOT

PAGE_BYTES = 200 * 1024
LIGHTHOUSE_TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}

IMG_SRC = re.compile(r"<img\b[^>]*?\bsrc=\"([^\"]+)\"", re.I)
GLYPH_ID = re.compile(r"<path\b[^>]*\bid=\"(?!m[0-9a-f]{10}\")([^\"]+)\"")


@dataclasses.dataclass
class SvgInfo:
    name: str
    bytes: int
    gzip_bytes: int
    texts: int
    glyph_paths: int

    @property
    def text_as_text(self) -> bool:
        return self.texts > 0 and self.glyph_paths == 0


@dataclasses.dataclass
class PageWeight:
    slug: str
    name: str
    html_bytes: int
    figures: list[str]
    figure_bytes: int
    gzip_bytes: int  # html + figures, each gzipped as a server would

    @property
    def total(self) -> int:
        return self.html_bytes + self.figure_bytes

    @property
    def ok(self) -> bool:
        return self.total <= PAGE_BYTES


def svg_info(path: Path) -> SvgInfo:
    data = path.read_bytes()
    text = data.decode("utf-8", errors="replace")
    return SvgInfo(path.name, len(data), len(gzip.compress(data, 9, mtime=0)), len(re.findall(r"<text\b", text)),
                   len(GLYPH_ID.findall(text)))


def page_weights(site: Path) -> tuple[list[PageWeight], list[SvgInfo]]:
    pages, svgs = [], {}
    for act in activations.ACTIVATIONS:
        index = site / "activations" / act.slug / "index.html"
        data = index.read_bytes()
        figures = []
        for src in IMG_SRC.findall(data.decode("utf-8")):
            path = urlsplit(html.unescape(src)).path
            if re.match(r"^[a-z]+:", src) or path.startswith("/"):
                continue
            target = (index.parent / unquote(path)).resolve()
            rel = target.relative_to(site.resolve()).as_posix()
            if rel.startswith("assets/") or not target.is_file():
                continue  # theme assets are shared, not the page's own
            if rel not in figures:
                figures.append(rel)
        fig_bytes = sum((site / f).stat().st_size for f in figures)
        gz = len(gzip.compress(data, 9, mtime=0)) + sum(len(gzip.compress((site / f).read_bytes(), 9, mtime=0))
                                                     for f in figures)
        pages.append(PageWeight(act.slug, act.name, len(data), figures, fig_bytes, gz))
        for f in figures:
            if f.endswith(".svg"):
                svgs[f] = svg_info(site / f)
    return pages, [svgs[k] for k in sorted(svgs)]



CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".svg", ".json", ".xml", ".txt", ".map")


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as GitHub Pages does: gzip, Cache-Control max-age=600."""

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def do_GET(self):  # noqa: N802 - http.server's name
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path + "/")
                self.end_headers()
                return
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
        data = path.read_bytes() if path.is_file() else b"not found"
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, 6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class SiteServer:
    """The site on 127.0.0.1, on a free port, in a thread of this process."""

    def __init__(self, site: Path):
        handler = lambda *a, **kw: _SiteHandler(*a, directory=str(site), **kw)  # noqa: E731
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@dataclasses.dataclass
class LighthouseRun:
    page: str  # path on the site
    preset: str  # "mobile" or "desktop"
    scores: dict[str, float | None]
    failed: list[tuple[str, str, str]]  # (category, audit id, title)
    error: str = ""
    transfer_bytes: int | None = None  # everything the page fetched, compressed
    figures_fetched: list[str] = dataclasses.field(default_factory=list)
    performance_scores: list[float] = dataclasses.field(default_factory=list)  # of every run, when repeated

    @property
    def missed(self) -> list[str]:
        """The categories below their target."""
        return [c for c, t in LIGHTHOUSE_TARGETS.items() if (self.scores.get(c) or 0) < t]

    @property
    def ok(self) -> bool:
        return not self.error and not self.missed


def find_lighthouse() -> str | None:
    candidates = [os.environ.get("LIGHTHOUSE", ""), shutil.which("lighthouse") or "",
                  str(ROOT / "node_modules" / ".bin" / "lighthouse"), "/tmp/lh/node_modules/.bin/lighthouse"]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def find_chrome() -> str | None:
    candidates = [os.environ.get("CHROME_PATH", ""), "/usr/bin/chromium", shutil.which("chromium") or "",
                  shutil.which("google-chrome") or ""]
    return next((c for c in candidates if c and Path(c).is_file()), None)


def failed_audits(report: dict) -> list[tuple[str, str, str]]:
    """Audits of the four categories that did not pass (score < 0.9, as Lighthouse colours them)."""
    failed = []
    for category in CATEGORIES:
        for ref in report.get("categories", {}).get(category, {}).get("auditRefs", []):
            audit = report["audits"].get(ref["id"], {})
            score = audit.get("score")
            if audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings") and score is not None \
                    and score < 0.9:
                failed.append((category, ref["id"], audit.get("title", "")))
    return failed


def median_run(runs: list[LighthouseRun]) -> LighthouseRun:
    """The run with the median performance score (Lighthouse's advice for variable scores)."""
    good = [r for r in runs if not r.error]
    if not good:
        return runs[-1]
    ordered = sorted(good, key=lambda r: r.scores.get("performance") or 0.0)
    chosen = dataclasses.replace(ordered[(len(ordered) - 1) // 2])
    chosen.performance_scores = sorted(r.scores.get("performance") or 0.0 for r in good)
    return chosen


def run_lighthouse(lighthouse: str, chrome: str, url: str, page: str, preset: str, workdir: Path,
                   reports: Path | None = None, attempt: int = 0) -> LighthouseRun:
    name = page.strip("/").replace("/", "_") or "home"
    out = workdir / f"lh-{preset}-{name}{f'-{attempt + 1}' if attempt else ''}.json"
    cmd = [lighthouse, url + page.lstrip("/"), "--output=json", f"--output-path={out}", "--quiet",
           f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)]
    if preset == "desktop":
        cmd.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": chrome}
    try:
        result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return LighthouseRun(page, preset, {}, [], "timed out after 300 s")
    if result.returncode != 0 or not out.exists():
        reason = (result.stderr or result.stdout).strip().splitlines()
        return LighthouseRun(page, preset, {}, [], reason[-1] if reason else f"exit code {result.returncode}")
    report = json.loads(out.read_text())
    if reports is not None:
        reports.mkdir(parents=True, exist_ok=True)
        shutil.copy(out, reports / out.name)
    scores = {c: report["categories"].get(c, {}).get("score") for c in CATEGORIES}
    runtime_error = report.get("runtimeError", {}).get("message", "")
    weight = report["audits"].get("total-byte-weight", {}).get("numericValue")
    requests = report["audits"].get("network-requests", {}).get("details", {}).get("items", [])
    figures = sorted({urlsplit(r.get("url", "")).path.rsplit("/", 1)[-1] for r in requests
                      if "/figures/" in r.get("url", "")})
    return LighthouseRun(page, preset, scores, failed_audits(report), runtime_error,
                         None if weight is None else int(weight), figures)


def notebook_pages(root: Path = ROOT) -> list[str]:
    return [f"experiments/{p.stem}/" for p in sorted((root / "docs" / "experiments").glob("*.py"))]


def lighthouse_pages(site: Path, root: Path = ROOT) -> list[str]:
    """The home page, the first declared activation of each kind, and the first built notebook."""
    first: dict[str, str] = {}
    for act in activations.ACTIVATIONS:
        first.setdefault(act.kind, f"activations/{act.slug}/")
    pages = ["", *first.values()]
    pages += [p for p in notebook_pages(root) if (site / p / "index.html").is_file()][:1]
    return pages


@dataclasses.dataclass
class LighthouseResult:
    runs: list[LighthouseRun]
    version: str
    note: str = ""  # why it did not run


def measure_lighthouse(site: Path, workdir: Path, presets=("mobile", "desktop"), root: Path = ROOT,
                       reports: Path | None = None, repeat: dict[str, int] | None = None) -> LighthouseResult:
    lighthouse, chrome = find_lighthouse(), find_chrome()
    if lighthouse is None:
        return LighthouseResult([], "", "Lighthouse was not found (`npm install --prefix /tmp/lh lighthouse@13`, "
                                        "or set LIGHTHOUSE to its executable).")
    if chrome is None:
        return LighthouseResult([], "", "No Chromium was found (set CHROME_PATH).")
    version = command_output([lighthouse, "--version"])
    runs = []
    with SiteServer(site) as server:
        for page in lighthouse_pages(site, root):
            for preset in presets:
                attempts = [run_lighthouse(lighthouse, chrome, server.url, "/" + page, preset, workdir, reports, n)
                            for n in range((repeat or {}).get(preset, 1))]
                runs.append(median_run(attempts))
    return LighthouseResult(runs, version)


def command_output(cmd: list[str]) -> str:
    """The last line a command prints, or "" if it cannot run."""
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return out.splitlines()[-1] if out else ""
