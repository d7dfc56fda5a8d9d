"""Static checks of the built site, without a browser.

* Nothing is loaded from another host: every place in the HTML, CSS, JS and
  SVG files that makes a browser fetch something (``src``, ``srcset``,
  ``<link rel=stylesheet|icon|preload|manifest ...>``, CSS ``url()`` and
  ``@import``, absolute URLs in JavaScript strings) points into the site.
  Links to other sites in the text (``<a href>``) are allowed, must be
  https, and are listed in ``external_links.txt`` in pytest's temp folder.
* Every internal link and every ``#anchor`` resolves in the built site.
* Every page declares ``lang="en"``, a title and a description; headings do
  not skip levels; images have alt text (figures: a real description).
* Two clean builds of the same sources are byte-identical.

The browser-side twin of these checks is ``tests/test_browser.py``.
"""

from __future__ import annotations

import bisect
import dataclasses
import filecmp
import functools
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from conftest import CATALOG, ENV, MKDOCS, ROOT

_MKDOCS_YML = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
_SITE_URL = re.search(r"^site_url:\s*(\S+)", _MKDOCS_YML, flags=re.M)
SITE_URL = _SITE_URL.group(1).rstrip("/") + "/" if _SITE_URL else None  # optional: no canonical links without it
SITE_HOST = urlsplit(SITE_URL).netloc if SITE_URL else None
SITE_PATH = urlsplit(SITE_URL).path if SITE_URL else "/"  # root-relative links (404.html) start with it
XLINK = "http://www.w3.org/1999/xlink"  # a namespace name, not a request
LOCAL = "http://site.local"  # a stand-in origin to resolve relative URLs against


# --------------------------------------------------------------------------
# Reading the site


@dataclasses.dataclass
class Page:
    rel: str  # path in the site, e.g. "activations/relu/index.html"
    soup: BeautifulSoup

    @functools.cached_property
    def ids(self) -> set[str]:
        ids = {tag["id"] for tag in self.soup.find_all(id=True)}
        return ids | {tag["name"] for tag in self.soup.find_all("a", attrs={"name": True})}

    @property
    def article(self):
        return self.soup.select_one("article.md-content__inner") or self.soup.body


@pytest.fixture(scope="module")
def pages(site) -> dict[str, Page]:
    return {
        path.relative_to(site).as_posix(): Page(path.relative_to(site).as_posix(),
                                                 BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))
        for path in sorted(site.rglob("*.html"))
    }


def site_files(site: Path, *suffixes: str) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in suffixes)


def resolve(site: Path, rel: str, url: str) -> tuple[str | None, str]:
    """Map a URL found in site file ``rel`` to (site-relative target or None, fragment).

    None means the URL leaves the site (another host, or a path above the site's root).
    """
    if url.startswith(("http://", "https://", "//")):
        parts = urlsplit(url if not url.startswith("//") else "https:" + url)
        if parts.netloc != SITE_HOST:
            return None, parts.fragment
        url = parts.path + (f"#{parts.fragment}" if parts.fragment else "")
    parts = urlsplit(urljoin(f"{LOCAL}{SITE_PATH}{rel}", url))
    if not parts.path.startswith(SITE_PATH):
        return None, parts.fragment
    target = unquote(parts.path[len(SITE_PATH):])
    if target == "" or target.endswith("/") or (site / target).is_dir():
        target = (target.rstrip("/") + "/index.html").lstrip("/")
    return target, unquote(parts.fragment)


def is_absolute(url: str) -> bool:
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, flags=re.I))


def srcset_urls(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


# What makes a browser fetch a resource, per HTML (and inline SVG) element.
LOADING_ATTRIBUTES = {
    "img": ("src", "srcset"), "source": ("src", "srcset"), "script": ("src",), "iframe": ("src",),
    "frame": ("src",), "embed": ("src",), "object": ("data",), "video": ("src", "poster"),
    "audio": ("src",), "track": ("src",), "input": ("src",), "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"), "feimage": ("href", "xlink:href"),
}
LOADING_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "prerender", "preconnect", "dns-prefetch",
                "icon", "shortcut", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon", "manifest"}


def html_loads(page: Page) -> list[tuple[str, str]]:
    """(description, url) of everything the page makes the browser fetch, per its markup."""
    loads = []
    for tag in page.soup.find_all(True):
        name = tag.name.lower()
        for attr in LOADING_ATTRIBUTES.get(name, ()):
            value = tag.get(attr)
            if not value:
                continue
            for url in srcset_urls(value) if attr == "srcset" else [value.strip()]:
                loads.append((f"<{name} {attr}>", url))
        if name == "link" and tag.get("href"):
            rels = {r.lower() for r in tag.get("rel", [])}
            if rels & LOADING_RELS:
                loads.append((f"<link rel={' '.join(sorted(rels))}>", tag["href"].strip()))
        if name == "meta" and (tag.get("http-equiv") or "").lower() == "refresh":
            match = re.search(r"url\s*=\s*(\S+)", tag.get("content", ""), flags=re.I)
            if match:
                loads.append(("<meta refresh>", match.group(1).strip("'\"")))
        if tag.get("style"):
            loads += [(f"<{name} style> {kind}", url) for kind, url, _ in css_urls(tag["style"])]
        if name == "style":
            loads += [(f"<style> {kind}", url) for kind, url, _ in css_urls(tag.get_text())]
    return loads


# --------------------------------------------------------------------------
# CSS


_CSS_TOKENS = re.compile(
    r"""/\*.*?\*/"""  # comment
    r"""|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'"""  # string
    r"""|url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)'"\s]*))\s*\)"""  # url()
    r"""|@import\s+(?:"([^"]*)"|'([^']*)')""",  # @import "x"
    flags=re.S | re.I,
)


def css_urls(css: str) -> list[tuple[str, str, bool]]:
    """(kind, url, is_fallback) of every url() and @import of a style sheet, comments ignored.

    ``is_fallback`` marks the second and later sources of a ``src:`` list in
    ``@font-face``: a browser fetches the first format it supports (woff2
    everywhere today) and never the ones after it.
    """
    found = []
    for match in _CSS_TOKENS.finditer(css):
        url = next((g for g in match.groups()[:3] if g is not None), None)
        if url is not None:
            declaration = css[max(css.rfind(";", 0, match.start()), css.rfind("{", 0, match.start())) + 1:match.start()]
            fallback = bool(re.match(r"\s*src\s*:", declaration)) and "url(" in declaration
            found.append(("url()", url.strip(), fallback))
        elif match.group(4) is not None or match.group(5) is not None:
            found.append(("@import", match.group(4) or match.group(5), False))
    return [f for f in found if not f[1].startswith("data:") and not f[1].startswith("#")]


# --------------------------------------------------------------------------
# JavaScript


class JSLexError(ValueError):
    pass


_JS_KEYWORDS_BEFORE_EXPRESSION = {"return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw",
                                  "case", "do", "else", "yield", "await"}


def js_literals(src: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of the comments, strings, template texts and regex literals of a script.

    A small lexer, enough to tell whether a URL in minified code sits in a
    comment (never fetched) or in a string literal (maybe fetched). A '/'
    starts a regex literal after an operator, an opening bracket or a
    keyword, and is a division after a name, a number or a closing bracket.
    It raises JSLexError when it loses track, and the caller then treats
    every URL of the file as a string literal.
    """
    out: list[tuple[str, int, int]] = []
    n = len(src)
    i = 0
    prev = ""  # last significant token: a punctuator, a keyword, or "a" for a value
    braces: list[int] = []  # one counter per open ${ of a template literal

    def template_text(start: int) -> int:
        """Scan template text from ``start`` (after ` or }); return the index after ` or ${."""
        j = start
        while j < n:
            ch = src[j]
            if ch == "\\":
                j += 2
            elif ch == "`":
                out.append(("template", start, j))
                return j + 1
            elif ch == "$" and src.startswith("${", j):
                out.append(("template", start, j))
                braces.append(0)
                return j + 2
            else:
                j += 1
        raise JSLexError(f"unterminated template literal at {start}")

    while i < n:
        ch = src[i]
        if ch.isspace():
            i += 1
        elif src.startswith("//", i):
            end = src.find("\n", i)
            end = n if end < 0 else end
            out.append(("comment", i, end))
            i = end
        elif src.startswith("/*", i):
            end = src.find("*/", i + 2)
            if end < 0:
                raise JSLexError(f"unterminated comment at {i}")
            out.append(("comment", i, end + 2))
            i = end + 2
        elif ch in "'\"":
            j = i + 1
            while j < n and src[j] != ch:
                if src[j] == "\n":
                    raise JSLexError(f"newline in a string at {i}")
                j += 2 if src[j] == "\\" else 1
            if j >= n:
                raise JSLexError(f"unterminated string at {i}")
            out.append(("string", i, j + 1))
            i, prev = j + 1, "a"
        elif ch == "`":
            depth = len(braces)
            i = template_text(i + 1)
            prev = "a" if len(braces) == depth else "{"
        elif ch == "/" and (prev == "" or prev in "(,=:[!&|?{};+-*%<>~^}" or prev in _JS_KEYWORDS_BEFORE_EXPRESSION):
            j, in_class = i + 1, False
            while j < n and (src[j] != "/" or in_class):
                if src[j] == "\n":
                    raise JSLexError(f"newline in a regex literal at {i}")
                if src[j] == "\\":
                    j += 1
                elif src[j] == "[":
                    in_class = True
                elif src[j] == "]":
                    in_class = False
                j += 1
            j += 1
            while j < n and (src[j].isalnum() or src[j] == "_"):
                j += 1  # flags
            out.append(("regex", i, j))
            i, prev = j, "a"
        elif ch == "{":
            if braces:
                braces[-1] += 1
            i, prev = i + 1, "{"
        elif ch == "}":
            if braces and braces[-1] == 0:
                braces.pop()
                depth = len(braces)
                i = template_text(i + 1)
                prev = "a" if len(braces) == depth else "{"
            else:
                if braces:
                    braces[-1] -= 1
                i, prev = i + 1, "}"
        else:
            word = re.match(r"[A-Za-z_$\d][\w$]*|\.\d[\w.]*", src[i:i + 200])
            if word:
                i += len(word.group())
                prev = word.group() if word.group() in _JS_KEYWORDS_BEFORE_EXPRESSION else "a"
            else:
                i, prev = i + 1, ch
    if braces:
        raise JSLexError("unclosed ${ in a template literal")
    return out


_JS_URL = re.compile(r"""https?://[^\s"'`<>\\)]+|(?<=["'`])//[a-z0-9-]+(?:\.[a-z0-9-]+)+/[^\s"'`<>\\)]*""", re.I)


@dataclasses.dataclass
class JSUrl:
    file: str
    url: str
    where: str  # "comment", "string", "template", "regex", "code" or "unknown" (lexer lost track)
    before: str  # the source just before the URL, for the context checks

    def __str__(self) -> str:
        return f"{self.file}: {self.url} (in a {self.where}, after …{self.before[-60:]!r})"


def js_urls(name: str, src: str) -> list[JSUrl]:
    try:
        literals = js_literals(src)
    except JSLexError:
        literals = None
    starts = [start for _, start, _ in literals] if literals else []
    found = []
    for match in _JS_URL.finditer(src):
        where = "unknown"
        if literals is not None:
            where = "code"
            k = bisect.bisect_right(starts, match.start()) - 1
            if k >= 0 and literals[k][1] <= match.start() < literals[k][2]:
                where = literals[k][0]
        found.append(JSUrl(name, match.group(), where, src[max(0, match.start() - 200):match.start()]))
    return found


# Absolute URLs in JavaScript strings that are provably not requests: the
# URL, a regex the text just before it must match (the proof), and why.
NOT_REQUESTS = [
    ("http://www.w3.org/2000/svg", r"""(createElementNS\(|xmlns=\\?|"xmlns",)["'`]$""",
     "XML namespace name (createElementNS / xmlns attribute), never fetched"),
    ("http://www.w3.org/1998/Math/MathML", r"""(createElementNS\(|xmlns=\\?|"xmlns",)["'`]$""",
     "MathML namespace name in KaTeX, never fetched"),
    ("http://www.w3.org/1999/xlink", r"""(createElementNS\(|setAttributeNS\(|xmlns:xlink=\\?|"xmlns:xlink",)["'`]$""",
     "XLink namespace name, never fetched"),
    ("https://bit.ly/2s3ChXG", r"console\.warn\(`Invalid query: \$\{\w+\} \\u2013 see $",
     "Material's search worker: a link printed in a console warning about an invalid query"),
    ("https://github.com/isaacs/node-glob/issues/167", r"callback provided to sync glob\\n'\+\s*'See: $",
     "lunr's Thai word segmenter (bundled node-glob): the text of an error message"),
]


def _repo_url() -> str:
    match = re.search(r"^repo_url:\s*(\S+)", _MKDOCS_YML, flags=re.M)
    return match.group(1) if match else ""


def _pages_with(site: Path, pattern: str) -> list[str]:
    regex = re.compile(pattern)
    return [p.relative_to(site).as_posix() for p in site.rglob("*.html") if regex.search(p.read_text(encoding="utf-8"))]


# Absolute URLs in JavaScript strings that ARE requests, made only under a
# condition: (URL prefix, regex on the text before it, why, a check that
# returns the pages where the condition holds on this site, i.e. where the
# request happens — it must return none).
CONDITIONAL_REQUESTS = [
    ("https://unpkg.com/mermaid@", r"typeof mermaid\s*==\s*\"undefined\"[^;]*\(\s*[\"'`]$",
     "Material loads Mermaid from unpkg when a page has a Mermaid diagram",
     lambda site: _pages_with(site, r'class="[^"]*\bmermaid\b')),
    ("https://unpkg.com/resize-observer-polyfill", r"typeof ResizeObserver\s*==\s*\"undefined\"\?\w+\(\s*[\"'`]$",
     # Outside the project's control (Material's bundle) and not reachable:
     # every browser released since 2020 has ResizeObserver.
     "Material loads a polyfill from unpkg in browsers without ResizeObserver (none since 2020)",
     lambda site: []),
    ("https://api.github.com/", r"",
     "Material fetches the stars, forks and latest release of repo_url from the GitHub API on every page "
     "that shows the repository widget (data-md-component=\"source\") and has no cookie consent set up",
     lambda site: (_pages_with(site, r'data-md-component="source"')
                   if "github.com" in _repo_url() and not re.search(r"^\s+consent:", _MKDOCS_YML, flags=re.M)
                   else [])),
    ("https://${", r"",
     "Material fetches repository facts from a GitLab API when repo_url is on GitLab",
     lambda site: (_pages_with(site, r'data-md-component="source"') if "gitlab" in _repo_url() else [])),
]


# --------------------------------------------------------------------------
# No request to another host


def test_html_loads_nothing_from_another_host(site, pages):
    problems = []
    for page in pages.values():
        for what, url in html_loads(page):
            if url.startswith("data:"):
                continue
            if is_absolute(url):
                problems.append(f"{page.rel}: {what} loads {url}")
    assert not problems, "\n".join(problems)


def test_inline_scripts_request_nothing_from_another_host(pages):
    problems = []
    for page in pages.values():
        for n, script in enumerate(page.soup.find_all("script", src=False)):
            for found in js_urls(f"{page.rel} <script> #{n}", script.get_text()):
                if found.where != "comment":
                    problems.append(str(found))
    assert not problems, "\n".join(problems)


def test_style_sheets_load_nothing_from_another_host(site):
    problems = []
    for css in site_files(site, ".css"):
        for kind, url, _ in css_urls(css.read_text(encoding="utf-8")):
            if is_absolute(url):
                problems.append(f"{css.relative_to(site)}: {kind} {url}")
    assert not problems, "\n".join(problems)


def test_figures_load_nothing_from_another_host(site):
    """SVG files may name namespaces and a DTD (never fetched), but load nothing.

    Every href, xlink:href and url() of a figure points inside the figure
    (clip paths, markers) to an id that exists.
    """
    problems = []
    for svg in site_files(site, ".svg"):
        rel = svg.relative_to(site).as_posix()
        root = ElementTree.parse(svg).getroot()
        ids = {el.get("id") for el in root.iter() if el.get("id")}
        refs = []
        for el in root.iter():
            for attr, value in el.attrib.items():
                if attr in ("href", f"{{{XLINK}}}href"):
                    refs.append((f"<{el.tag.split('}')[-1]} href>", value.strip()))
                elif attr == "style" or attr in ("clip-path", "mask", "filter", "fill", "stroke", "marker-start",
                                                 "marker-mid", "marker-end"):
                    refs += [(f"{attr}= {kind}", url) for kind, url, _ in css_urls(value)]
                    refs += [(f"{attr}= url()", f"#{ref}") for ref in re.findall(r"url\(#([^)]+)\)", value)]
            if el.tag.split("}")[-1] == "style":
                refs += [(f"<style> {kind}", url) for kind, url, _ in css_urls(el.text or "")]
        for what, url in refs:
            if url.startswith("#"):
                if url[1:] not in ids:
                    problems.append(f"{rel}: {what} {url} is not an id in the figure")
            elif not url.startswith("data:"):
                problems.append(f"{rel}: {what} loads {url}")
    assert not problems, "\n".join(problems)


# TeX's own fonts, whose character codes are not Unicode: cmsy10 draws the prime at code 0x30, "0".
_TEX_FONT = re.compile(r"font-family:\s*'?(cm(?:r|mi|sy|ex|tt|b|ss|bx)\d+)", flags=re.I)


def test_figure_text_is_not_set_in_tex_fonts(site):
    """Figures keep their text as text (svg.fonttype "none"), so the reader's browser draws it.

    matplotlib's mathtext writes some symbols as characters of TeX fonts that
    no reader has installed, and the browser then shows the raw code point:
    the prime of f'(x) is the character "0" of cmsy10, so a title reads f0(x).
    """
    problems = []
    for svg in site_files(site, ".svg"):
        text = svg.read_text(encoding="utf-8")
        for match in _TEX_FONT.finditer(text):
            glyph = re.match(r"[^>]*>([^<]*)<", text[match.end():])
            comment = text.rfind("<!-- ", 0, match.start())
            source = text[comment + 5:text.find(" -->", comment)] if comment >= 0 else "?"
            problems.append(f"{svg.relative_to(site)}: {glyph.group(1) if glyph else '?'!r} in {match.group(1)} "
                            f"(from {source})")
    assert not problems, (f"{len(problems)} character(s) in TeX fonts that browsers do not have:\n"
                          + "\n".join(problems[:20]))


def test_scripts_request_nothing_from_another_host(site):
    """Every absolute URL in a .js file is in a comment, provably not a request, or a request that cannot happen here.

    Source maps (.js.map) are not scanned: browsers fetch them only with the
    developer tools open.
    """
    problems, conditional = [], {}
    for js in site_files(site, ".js"):
        for found in js_urls(js.relative_to(site).as_posix(), js.read_text(encoding="utf-8")):
            if found.where == "comment":
                continue
            if any(found.url == url and re.search(context, found.before)
                   for url, context, _ in NOT_REQUESTS):
                continue
            rule = next((r for r in CONDITIONAL_REQUESTS
                         if found.url.startswith(r[0]) and re.search(r[1], found.before)), None)
            if rule is None:
                problems.append(f"{found}: not known to be harmless")
            else:
                conditional.setdefault(rule[2], (rule[3], []))[1].append(found.url)
    for why, (where, urls) in conditional.items():
        hit = where(site)
        if hit:
            problems.append(f"{why}: {', '.join(sorted(set(urls)))} is requested by {len(hit)} page(s), "
                            f"e.g. {', '.join(sorted(hit)[:3])}")
    assert not problems, "\n".join(problems)


def _leaves_the_site(href: str) -> bool:
    """A link to another site (http, https, mailto:, ...), not to a page of this one."""
    if is_absolute(href):
        return urlsplit(href if not href.startswith("//") else "https:" + href).netloc != SITE_HOST
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", href, flags=re.I))  # mailto:, ftp:, javascript: ...


def test_links_to_other_sites_are_https(pages, tmp_path_factory):
    """Links in the text may lead elsewhere (they are not fetched), but only over https."""
    links = sorted({tag["href"].strip() for page in pages.values() for tag in page.soup.find_all("a", href=True)
                    if _leaves_the_site(tag["href"].strip())})
    listing = tmp_path_factory.mktemp("links") / "external_links.txt"
    listing.write_text("\n".join(links) + "\n", encoding="utf-8")
    assert links, "expected links to the frameworks' documentation"
    insecure = [link for link in links if not link.startswith("https://")]
    assert not insecure, f"not https (full list in {listing}):\n" + "\n".join(insecure)


# --------------------------------------------------------------------------
# Internal links and anchors


def test_every_internal_link_and_anchor_resolves(site, pages):
    problems = []

    def check(source: str, what: str, url: str, check_fragment: bool = True) -> None:
        if not url or url.startswith(("data:", "mailto:", "javascript:", "tel:")):
            return
        if is_absolute(url) and urlsplit(url if not url.startswith("//") else "https:" + url).netloc != SITE_HOST:
            return  # another site: see test_links_to_other_sites_are_https
        target, fragment = resolve(site, source, url)
        if target is None:
            problems.append(f"{source}: {what} {url} leaves the site")
        elif not (site / target).is_file():
            problems.append(f"{source}: {what} {url} -> {target} does not exist")
        elif fragment and check_fragment and target.endswith(".html") and fragment not in pages[target].ids:
            problems.append(f"{source}: {what} {url} -> no id {fragment!r} in {target}")
        # A fragment on an image (#only-light, #only-dark) is Material's hook
        # for CSS, not an id in the figure: it is not checked.

    for page in pages.values():
        for tag in page.soup.find_all(["a", "area"], href=True):
            check(page.rel, f"<{tag.name} href>", tag["href"].strip())
        for tag in page.soup.find_all("link", href=True):
            check(page.rel, f"<link rel={' '.join(tag.get('rel', []))}>", tag["href"].strip())
        for what, url in html_loads(page):
            check(page.rel, what, url)
        config = page.soup.find("script", id="__config")
        if config is not None:  # Material's search worker, loaded from its config
            data = json.loads(config.get_text())
            check(page.rel, "search worker", data["search"])  # relative to the page
            check(page.rel, "search index", data["base"].rstrip("/") + "/search/search_index.json")
    for css in site_files(site, ".css"):
        rel = css.relative_to(site).as_posix()
        for kind, url, fallback in css_urls(css.read_text(encoding="utf-8")):
            if not fallback and not is_absolute(url):
                check(rel, kind, url)
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems)


# --------------------------------------------------------------------------
# Page metadata, headings and alt text


def test_every_page_has_language_title_and_description(pages):
    problems = []
    for page in pages.values():
        html = page.soup.find("html")
        if html is None or html.get("lang") != "en":
            problems.append(f"{page.rel}: <html lang> is {html.get('lang') if html else None!r}, not 'en'")
        title = page.soup.title.get_text(strip=True) if page.soup.title else ""
        if not title:
            problems.append(f"{page.rel}: no <title>")
        meta = page.soup.find("meta", attrs={"name": "description"})
        if meta is None or len(meta.get("content", "").strip()) < 20:
            problems.append(f"{page.rel}: no meta description (front matter `description:`)")
    assert not problems, "\n".join(problems)


def test_pages_have_their_own_description(pages):
    """Each content page describes itself; only 404.html may fall back to the site's description."""
    seen: dict[str, str] = {}
    problems = []
    for page in pages.values():
        if page.rel == "404.html":
            continue
        text = page.soup.find("meta", attrs={"name": "description"})["content"].strip()
        if text in seen:
            problems.append(f"{page.rel} has the same description as {seen[text]}: {text[:60]}…")
        seen[text] = page.rel
    assert not problems, "\n".join(problems)


def test_headings_do_not_skip_levels(pages):
    problems = []
    for page in pages.values():
        levels = [(int(h.name[1]), h.get_text(" ", strip=True).rstrip("¶ ")[:60])
                  for h in page.article.find_all(re.compile(r"^h[1-6]$"))]
        if not levels or levels[0][0] != 1:
            problems.append(f"{page.rel}: the article does not start with an h1: {levels[:1]}")
        if sum(1 for level, _ in levels if level == 1) > 1:
            problems.append(f"{page.rel}: more than one h1")
        for (before, _), (level, text) in zip(levels, levels[1:]):
            if level > before + 1:
                problems.append(f"{page.rel}: h{before} is followed by h{level} ({text!r})")
    assert not problems, "\n".join(problems)


# Alt texts that tools write when the author gave none (nbconvert's for notebook outputs).
PLACEHOLDER_ALT = re.compile(r"^(no description has been provided for this image|image|figure|plot|graph|png|svg|"
                             r"[\w.-]+\.(png|svg|jpe?g|gif|webp))$", flags=re.I)


def test_images_have_alt_text(pages):
    """Every image of an article has a real alt text; a figure (a plot) describes what it shows in 40+ characters."""
    problems = []
    figures = 0
    for page in pages.values():
        for img in page.article.find_all("img"):
            alt = " ".join((img.get("alt") or "").split())
            src = img.get("src", "")
            shown = src if not src.startswith("data:") else src[:30] + "…"
            is_figure = "figures/" in src or src.startswith("data:image/")  # drawn by the build or by a notebook
            figures += is_figure
            minimum = 40 if is_figure else 5
            if PLACEHOLDER_ALT.match(alt):
                problems.append(f"{page.rel}: <img src={shown!r}> has a placeholder alt text: {alt!r}")
            elif len(alt) < minimum:
                problems.append(f"{page.rel}: <img src={shown!r}> alt={alt!r} is too short ({len(alt)} < {minimum})")
            elif len(alt) > 600:
                problems.append(f"{page.rel}: <img src={shown!r}> alt text of {len(alt)} characters; "
                                "put the long description in the text")
    assert figures, "no figure found"
    assert not problems, f"{len(problems)} image(s) without a real alt text:\n" + "\n".join(problems)


# --------------------------------------------------------------------------
# Reproducibility


# Not part of the sources: VCS data, environments, outputs and caches.
_NOT_SOURCES = {".git", ".venv", "venv", "site", "build", ".cache", ".pytest_cache", "__pycache__", "node_modules"}


def _snapshot(dest: Path, *, warm_cache: bool, source: Path = ROOT) -> Path:
    """A copy of the sources, so that edits made in the checkout meanwhile cannot differ between builds.

    With ``warm_cache`` the derived fragments and figures of ``build/`` come
    along (as in ``mkdocs build`` run twice in the checkout); without it the
    copy derives and draws everything again. Executed notebooks are always
    copied: their outputs are cached on purpose, and running them is slow.
    """
    def ignore(folder: str, names: list[str]) -> list[str]:
        top = Path(folder) == source
        return [n for n in names if n in ("__pycache__", ".pytest_cache") or top and n in _NOT_SOURCES]

    shutil.copytree(source, dest, ignore=ignore)
    for name in ("build",) if warm_cache else ("build/experiments",):
        if (source / name).exists():
            shutil.copytree(source / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"),
                            dirs_exist_ok=True)
    return dest


def _build(project: Path, out: Path) -> None:
    """Not --strict: the small project's hand-written pages link to pages it leaves out."""
    result = subprocess.run(MKDOCS + ["build", "--site-dir", str(out)], cwd=project, env=ENV,
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr


def test_two_clean_builds_are_byte_identical(small_project, tmp_path):
    """Two builds, each into a fresh folder, from two copies of the sources at different paths.

    The first starts from a warm cache, the second derives and draws
    everything again; with SOURCE_DATE_EPOCH set (conftest.ENV, CI) every
    file must come out the same, byte for byte. They build the small project
    of conftest (three activations, stand-in notebooks), so the test's time
    does not grow with the catalog: determinism is a property of the code,
    which every declaration goes through alike.
    """
    first = _snapshot(tmp_path / "a" / "project", warm_cache=True, source=small_project)
    _build(first, tmp_path / "a" / "site")
    # Copied after the first build, so that notebooks run at most once, there.
    second = _snapshot(tmp_path / "b" / "project", warm_cache=False, source=first)
    _build(second, tmp_path / "b" / "site")

    a, b = tmp_path / "a" / "site", tmp_path / "b" / "site"
    files_a = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    assert files_a == files_b, set(files_a) ^ set(files_b)
    assert "sitemap.xml.gz" in files_a and "search/search_index.json" in files_a
    assert any(name.endswith(".svg") and "/figures/" in name for name in files_a)
    different = [name for name in files_a if not filecmp.cmp(a / name, b / name, shallow=False)]
    details = []
    for name in different[:5]:
        x, y = (a / name).read_bytes(), (b / name).read_bytes()
        at = next((i for i, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
        details.append(f"{name}: first difference at byte {at}: {x[max(0, at - 60):at + 60]!r} "
                       f"vs {y[max(0, at - 60):at + 60]!r}")
    assert not different, f"{len(different)} file(s) differ:\n" + "\n".join(details)


# --------------------------------------------------------------------------
# What readers reported


def test_catalog_table_is_in_its_scroll_box_and_the_home_page_has_no_table(site, pages):
    """The comparison of every activation is the catalog (scripts/catalog.py), in .comparison, which
    extra.css makes a scroll box with a sticky header row and name column (tests/test_browser.py checks
    it in a browser at 80 rows); the home page keeps a compact overview by family, with no wide table."""
    box = pages["activations/index.html"].article.select_one("div.comparison")
    assert box is not None and box.find("table") is not None, "the catalog table is not in div.comparison"
    headings = [th.get_text(strip=True) for th in box.find("table").find_all("th")]
    assert headings[0] == "Activation" and {"Range", "Saturates", "Cost"} <= set(headings), headings
    home = pages["index.html"].article
    assert not home.select("div.comparison"), "a comparison table on the home page"
    overview = home.select_one("div.grid.cards.overview")
    assert overview is not None, "no overview (render.overview) on the home page"
    linked = {a["href"].strip("/").split("/")[-1] for a in overview.find_all("a", href=True)}
    assert linked == {act.slug for act in CATALOG}, sorted(linked ^ {act.slug for act in CATALOG})
    css = (site / "assets" / "extra.css").read_text(encoding="utf-8")
    rules = re.findall(r"([^{}]*\.comparison[^{}]*)\{([^}]*)\}", css)
    assert any("position: sticky" in body and "th" in selector for selector, body in rules), rules
    assert any("overflow: auto" in body and "max-height" in body for _, body in rules), rules


def test_every_activation_page_lists_related_activations(pages):
    """scripts/related.py's list, included through the references fragment: a heading and links to pages."""
    for act in CATALOG:
        article = pages[f"activations/{act.slug}/index.html"].article
        heading = article.find(id="related-activations")
        assert heading is not None, f"{act.slug}: no Related activations section"
        items = heading.find_next("ul")
        assert items is not None and items.find("a", href=True), act.slug


def test_table_cells_do_not_stack_parenthetical_remarks(pages):
    """A cell like PReLU's "slope (initial value) (learned)": two remarks in brackets in a row read as a
    glitch; a declaration's description must not end in one when the page adds another."""
    problems = []
    for page in pages.values():
        for cell in page.article.find_all("td"):
            for part in cell.select(".arithmatex, code"):  # formulas and code have brackets of their own
                part.decompose()
            text = " ".join(cell.get_text(" ").split())
            if re.search(r"\([^()]*\)\s*\([^()]*\)", text):
                problems.append(f"{page.rel}: {text!r}")
    assert not problems, "\n".join(problems)
