"""Section 3 of the Performance page: how long the site takes to build.

A cold ``mkdocs build`` of a fresh copy of the project, rebuilds with nothing
changed and after editing one activation page, with the hook's log parsed to
show what each build re-derived, redrew or re-executed.
"""

from __future__ import annotations

import dataclasses
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import activations
from bench_common import ROOT

MKDOCS_ENV = {**os.environ, "SOURCE_DATE_EPOCH": "0", "NO_MKDOCS_2_WARNING": "1"}
DERIVED = re.compile(r"activations: derived (\d+), drew (\d+) figure")
EXECUTED = re.compile(r"notebooks: executed (.+)")
EDIT_MARK = "Edited by scripts/benchmark.py."


@dataclasses.dataclass
class BuildRun:
    label: str
    seconds: float
    returncode: int
    derived: int
    drawn: int
    executed: list[str]
    warnings: int
    log: str = dataclasses.field(repr=False, default="")
    cpu_seconds: float = 0.0  # user + system time of the build and everything it ran

    @property
    def did_work(self) -> bool:
        return bool(self.derived or self.drawn or self.executed)


def parse_build_log(log: str) -> tuple[int, int, list[str], int]:
    derived = drawn = 0
    for m in DERIVED.finditer(log):
        derived += int(m.group(1))
        drawn += int(m.group(2))
    executed = [name.strip() for m in EXECUTED.finditer(log) for name in m.group(1).split(", ")]
    warnings = sum(1 for line in log.splitlines() if line.startswith("WARNING"))
    return derived, drawn, executed, warnings


def warning_messages(log: str) -> list[str]:
    """Each WARNING of a MkDocs log, joined with the "  - item" lines right after it."""
    messages: list[str] = []
    continuing = False
    for line in log.splitlines():
        if line.startswith("WARNING"):
            messages.append(re.sub(r"^WARNING\s*-\s*", "", line).strip())
            continuing = True
        elif continuing and line.startswith("  - "):
            messages[-1] += " " + line.strip()
        else:
            continuing = False
    return messages


def project_copy(dest: Path, root: Path = ROOT) -> Path:
    """The sources of the site, without build/ (no cache) and without site/."""
    ignore = shutil.ignore_patterns(".venv", ".git", "site", "build", "__pycache__", ".pytest_cache", ".cache")
    for name in ("docs", "scripts", "snippets"):
        if (root / name).exists():
            shutil.copytree(root / name, dest / name, ignore=ignore)
    shutil.copy(root / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def mkdocs_build(project: Path, site: Path, label: str) -> BuildRun:
    start, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], cwd=project,
                            env=MKDOCS_ENV, capture_output=True, text=True, timeout=1800)
    seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu
    log = result.stdout + result.stderr
    return BuildRun(label, seconds, result.returncode, *parse_build_log(log), log=log, cpu_seconds=cpu)


def edit_a_paragraph(page: Path) -> str:
    """Append a sentence to the first prose paragraph; return the changed line."""
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    in_front_matter = lines and lines[0].strip() == "---"
    for i, line in enumerate(lines):
        if in_front_matter:
            if i > 0 and line.strip() == "---":
                in_front_matter = False
            continue
        text = line.strip()
        if text and text[0].isalpha() and not text.startswith("--8<--"):
            lines[i] = line.rstrip("\n") + " " + EDIT_MARK + "\n"
            page.write_text("".join(lines), encoding="utf-8")
            return text
    raise ValueError(f"{page}: no prose paragraph to edit")


@dataclasses.dataclass
class BuildResult:
    cold: BuildRun
    unchanged: list[BuildRun]
    edited: list[BuildRun]
    edited_page_ok: bool
    site: Path  # the cold build's output
    edited_page: str = ""  # the page edited before each "edited" build, under docs/

    @property
    def unchanged_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.unchanged)

    @property
    def edited_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.edited)

    @property
    def unchanged_cpu(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.unchanged)

    @property
    def edited_cpu(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.edited)

    @property
    def warm_ok(self) -> bool:
        return not any(r.did_work for r in self.unchanged + self.edited)


def measure_build(workdir: Path, root: Path = ROOT, warm_runs: int = 3) -> BuildResult:
    """A cold build of a copy of the project, then warm ones: unchanged, and after editing the first activation page."""
    slug = activations.ACTIVATIONS[0].slug
    project = project_copy(workdir / "project", root)
    site = workdir / "site"
    cold = mkdocs_build(project, site, "cold")
    if cold.returncode != 0:
        raise RuntimeError("cold build failed:\n" + cold.log[-3000:])
    warm_site = workdir / "site-warm"
    unchanged = [mkdocs_build(project, warm_site, "unchanged") for _ in range(warm_runs)]
    page = project / "docs" / "activations" / f"{slug}.md"
    edited = []
    for n in range(warm_runs):
        if n:
            page.write_text(page.read_text(encoding="utf-8").replace(" " + EDIT_MARK, ""), encoding="utf-8")
        edit_a_paragraph(page)
        edited.append(mkdocs_build(project, warm_site, "edited"))
    built = (warm_site / "activations" / slug / "index.html").read_text(encoding="utf-8")
    return BuildResult(cold, unchanged, edited, EDIT_MARK in built, site, f"activations/{slug}.md")
