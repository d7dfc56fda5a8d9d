"""Measure the snippets and the site, and write the Performance page.

    .venv/bin/python scripts/benchmark.py                     # everything -> docs/performance.md
    .venv/bin/python scripts/benchmark.py --quick             # coarser grids, fewer repeats
    .venv/bin/python scripts/benchmark.py --skip-lighthouse   # no browser audit
    .venv/bin/python scripts/benchmark.py --only accuracy,speed --out /tmp/perf.md

Five measurements, each a section of the page and a module:

1. accuracy (``bench_accuracy``): worst error in ULP of every snippet, value
   and derivative, against the declared expression evaluated by the shared
   mpmath reference (``scripts/reference.py``), over a grid spanning the
   float64 (and the float32) range, with the naive formula alongside;
2. speed (``bench_speed``): median time on 10**6 float64 values against the
   declared scipy.special call, PyTorch (CPU, one thread; the column is
   empty without torch) and the naive formula;
3. build (``bench_build``): a cold ``mkdocs build`` of a fresh copy of the
   project, a rebuild with nothing changed and one after editing a page,
   with the hook's log parsed to show what each rebuild redid;
4. page weight and 5. Lighthouse (``bench_site``): each activation page's
   own bytes and its SVG figures; Lighthouse (npm ``lighthouse``, headless
   Chromium) on the locally served site, mobile and desktop.

``bench_report`` renders the page. Every activation comes from its
declaration (``bench_common``): its snippet, its naive formula (declared, or
derived with ``sympy.lambdify`` where it has none), its scipy call, and how
its kind is measured. There is no per-activation code; a kind the benchmark
cannot measure stops it with the activation's name. A missing tool (torch,
Lighthouse, Chromium) is reported on the page; the rest still runs.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
if str(SCRIPTS) not in sys.path:
    sys.path.insert(0, str(SCRIPTS))

import mpmath  # noqa: E402
import numpy as np  # noqa: E402
import sympy as sp  # noqa: E402

import bench_accuracy  # noqa: E402
import bench_build  # noqa: E402
import bench_site  # noqa: E402
import bench_speed  # noqa: E402
from bench_common import ROOT, catalog, load_torch  # noqa: E402
from bench_report import Results, render_page, summary  # noqa: E402
from bench_site import command_output, find_chrome  # noqa: E402

DEFAULT_OUT = ROOT / "docs" / "performance.md"
SECTIONS = ("accuracy", "speed", "build", "weight", "lighthouse")


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def environment(torch=None, lighthouse_version: str = "", today: datetime.date | None = None) -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    cores = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    blas = ", ".join(f"{k}={v}" for k, v in sorted(os.environ.items()) if k.startswith("OPENBLAS_")) or "none"
    env = {
        "Date": (today or datetime.date.today()).isoformat(),
        "CPU": f"{cpu}, {cores} logical core(s), {usable} usable",
        "System": f"{platform.system()} {platform.release()} ({platform.machine()})",
        "Load average at start": " ".join(f"{v:.2f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "",
        "Python": platform.python_version(),
        "NumPy": np.__version__,
        "SciPy": _version("scipy"),
        "mpmath": mpmath.__version__,
        "SymPy": sp.__version__,
        "PyTorch": (f"{torch.__version__} ({torch.get_num_threads()} thread)" if torch is not None
                    else "not installed in this environment"),
        "MkDocs": _version("mkdocs"),
        "Material for MkDocs": _version("mkdocs-material"),
        "OPENBLAS_* variables": blas,
    }
    if lighthouse_version:
        env["Lighthouse"] = lighthouse_version
        env["Chromium"] = command_output([find_chrome() or "chromium", "--version"])
        env["Node.js"] = command_output(["node", "--version"])
    return env




def log(message: str) -> None:
    print(f"benchmark: {message}", file=sys.stderr, flush=True)


def run(sections: set[str], quick: bool, workdir: Path, root: Path = ROOT, reports: Path | None = None) -> Results:
    acts = catalog()  # fails here, naming the activation, for a kind the benchmark cannot measure
    torch = load_torch()
    res = Results(env={}, quick=quick)
    if "accuracy" in sections:
        for act in acts:
            start = time.perf_counter()
            rows, families = bench_accuracy.measure(act, quick, root, torch)
            res.accuracy += rows
            res.families += families
            log(f"accuracy {act.slug}: {time.perf_counter() - start:.1f} s")
        order = {np.dtype(np.float64).name: 0}
        res.accuracy.sort(key=lambda r: order.get(r.dtype, 1))  # float64 first, catalog order within a dtype
    if "speed" in sections:
        res.repeat = 5 if quick else 41
        res.primitives = bench_speed.primitives(res.repeat)
        for act in acts:
            res.speed.append(bench_speed.speed(act, res.repeat, torch, root))
            log(f"speed {act.slug}")
    site = None
    if sections & {"build", "weight", "lighthouse"}:
        try:
            res.build = bench_build.measure_build(workdir, root, warm_runs=1 if quick else 3)
            site = res.build.site
            log(f"build: cold {res.build.cold.seconds:.1f} s")
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as err:
            res.build_error = str(err).splitlines()[0]
            log(f"build failed: {err}")
        if "build" not in sections:
            res.build = None
    if "weight" in sections and site is not None:
        res.pages, res.svgs = bench_site.page_weights(site)
    if "lighthouse" in sections:
        if site is None:
            res.lighthouse = bench_site.LighthouseResult([], "", "the site could not be built.")
        else:
            res.lighthouse = bench_site.measure_lighthouse(
                site, workdir, ("mobile",) if quick else ("mobile", "desktop"), root, reports,
                {"mobile": 1 if quick else 3, "desktop": 1})
            log("lighthouse done")
    res.env = environment(torch, res.lighthouse.version if res.lighthouse else "")
    return res


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="coarser grids, fewer repeats, one warm build")
    parser.add_argument("--skip-lighthouse", action="store_true", help="do not run Lighthouse")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections to measure (default: all of {','.join(SECTIONS)})")
    parser.add_argument("--reports", type=Path, default=None,
                        help="also keep Lighthouse's JSON reports in this folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="the page to write (default: docs/performance.md)")
    args = parser.parse_args(argv)
    sections = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = sections - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    if args.skip_lighthouse:
        sections.discard("lighthouse")
    with tempfile.TemporaryDirectory(prefix="benchmark-") as tmp:
        res = run(sections, args.quick, Path(tmp), reports=args.reports)
    if "lighthouse" not in sections:
        res.lighthouse = None
    page = render_page(res)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(page, encoding="utf-8")
    for line in summary(res):
        print(line)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
