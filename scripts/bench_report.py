"""The Performance page: every section rendered from what the benchmark measured.

Pure functions of the measurements (and of the declarations, for names and
links): rendering twice gives the same page, and nothing here measures.
"""

from __future__ import annotations

import dataclasses
import inspect
import math
from pathlib import Path

import activations
import reference
from bench_accuracy import FAR_DECADE, FAR_POINTS, FAR_POINTS_QUICK, KINK_SKIP, AccuracyRow, RowFamily, Worst
from bench_build import BuildResult, BuildRun, warning_messages
from bench_common import ROOT, fmt_x, snippet_functions
from bench_site import CATEGORIES, LIGHTHOUSE_TARGETS, PAGE_BYTES, LighthouseResult, PageWeight, SvgInfo
from bench_speed import JACOBIAN_SHAPE, ROW_LENGTH, SPEED_FACTOR, SPEED_SIZE, SpeedRow, Timing

def fmt_ulp(v: float | None) -> str:
    if v is None:
        return "—"
    if math.isinf(v):
        return "∞"
    if v < 100:
        return f"{v:.2f}"
    mantissa, exponent = f"{v:.1e}".split("e")
    return f"{mantissa}e{int(exponent)}"


def fmt_at(w: Worst) -> str:
    return "everywhere" if w.ulp == 0 else f"x = {fmt_x(w.x)}"


def fmt_ms(t: Timing | None) -> str:
    if t is None:
        return "—"
    return f"{t.median * 1e3:.2f} ms ±{t.spread * 100:.0f} %"


def fmt_ratio(a: Timing, b: Timing | None) -> str:
    return "—" if b is None or b.median == 0 else f"{a.median / b.median:.2f}×"


def fmt_kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def code(text: str) -> str:
    return "`" + text.replace("|", "\\|") + "`"


def link(slug: str, name: str) -> str:
    return f"[{name}](activations/{slug}.md)"


def _table(header: list[str], rows: list[list[str]]) -> str:
    out = "| " + " | ".join(header) + " |\n|" + "|".join("---" for _ in header) + "|\n"
    return out + "".join("| " + " | ".join(r) + " |\n" for r in rows)



def render_accuracy(rows: list[AccuracyRow], families: list[RowFamily], quick: bool) -> str:
    md = "## 1. Snippet accuracy\n\n"
    if not rows and not families:
        return md + "Not measured in this run.\n\n"
    by_dtype: dict[str, list[AccuracyRow]] = {}
    for r in rows:
        by_dtype.setdefault(r.dtype, []).append(r)
    by_slug: dict[str, list[RowFamily]] = {}
    for fam in families:
        by_slug.setdefault(fam.slug, []).append(fam)
    md += (
        "Worst error of each snippet, value and derivative, against the exact value: the SymPy "
        "expression declared in `scripts/declarations/<slug>.py` (its derivative away from the kinks), at "
        "the default parameters, evaluated by mpmath through `scripts/reference.py`, the evaluator the "
        f"tests use: it starts at {reference.START_DIGITS} significant digits plus what the input's size "
        "asks for, doubles the precision until two results agree to "
        f"{reference.AGREE_DIGITS} digits, and re-evaluates a result of 0 with enough digits to resolve a "
        "cancellation down to float64's smallest subnormal (1 − tanh(x)², 1 + erf(x/√2)). "
        "The error is in ULP, units in the last place of the dtype at the exact value: a correctly "
        "rounded result is within 0.5 ULP. The grid holds log-spaced magnitudes from 1e-300 (float32: "
        f"the smallest subnormal) to 1e{FAR_DECADE}, {FAR_POINTS_QUICK if quick else FAR_POINTS} more from "
        "there to the largest finite number (the reference needs thousands of digits there), both signs "
        "and zero, a dense linear part on [−40, 40] (step 0.01), a wider one out to where `exp` overflows, "
        f"and points next to each kink. Derivative points within {KINK_SKIP:g} (relative) of a kink are "
        "skipped: the derivative does not exist there, and the value the snippet returns at the kink is "
        "checked by the tests. Target: the declaration's `ulp`, value ≤ 4 ULP and derivative ≤ 16 ULP "
        "unless it says why not.\n\n"
    )
    if quick:
        md += "*Quick run: a coarser grid (one magnitude per decade).*\n\n"
    for dtype, group in by_dtype.items():
        note = "" if dtype == "float64" else " (input, computation and reference rounding in float32)"
        md += f"### {dtype}{note}\n\n"
        table = [[link(r.slug, r.name), str(r.points), f"{fmt_ulp(r.forward.ulp)} ({fmt_at(r.forward)})",
                  f"{fmt_ulp(r.derivative.ulp)} ({fmt_at(r.derivative)})", f"{r.target[0]:g} / {r.target[1]:g}",
                  mark(r.ok)] for r in group]
        if dtype == "float64":
            for slug, fams in by_slug.items():
                table.append([link(slug, fams[0].name), str(sum(f.rows * f.length for f in fams)),
                              f"{fmt_ulp(max(f.forward for f in fams))} (rows, below)",
                              f"{fmt_ulp(max((f.jacobian or 0.0) for f in fams))} (Jacobian, below)",
                              f"{fams[0].target[0]:g} / {fams[0].target[1]:g}", mark(all(f.ok for f in fams))])
        md += _table(["Activation", "Points", "Value ULP (worst at)", "Derivative ULP (worst at)", "Target ULP",
                      "Met"], table) + "\n"
        skipped = sorted({r.skipped for r in group})
        md += (f"Derivative points skipped next to a kink: {', '.join(map(str, skipped))} per activation "
               "(0 for the smooth ones).\n\n")
    reasons = {(r.slug, r.name): r.target for r in rows if tuple(r.target) != (4.0, 16.0)}
    if reasons:
        acts = activations.by_slug()
        md += "Looser targets, as their declarations justify them: " + "; ".join(
            f"{name}: {t[0]:g} / {t[1]:g} ULP, {acts[slug].ulp_reason if slug in acts else ''}".rstrip(", ")
            for (slug, name), t in reasons.items()) + ".\n\n"
    md += (
        "### Against the naive formula, and at NaN and ±inf\n\n"
        "The naive formulas of section 2 (declared, or derived from the expression where a declaration "
        "names none) on the same float64 points: "
        "∞ means inf or NaN where the exact value is finite. The last two columns evaluate each function "
        "at NaN, which must stay NaN, and at ±inf, where every activation here has a limit, so NaN is "
        "wrong (f′ is the derivative).\n\n"
    )
    table = []
    for r in by_dtype.get("float64", []):
        table.append([link(r.slug, r.name) + (" (derived)" if r.naive_derived else ""),
                      f"{fmt_ulp(r.naive_forward.ulp)} ({fmt_at(r.naive_forward)})",
                      f"{fmt_ulp(r.naive_derivative.ulp)} ({fmt_at(r.naive_derivative)})",
                      ", ".join(r.special) or "✓", ", ".join(r.naive_special) or "✓"])
    md += _table(["Activation", "Naive value ULP", "Naive derivative ULP", "Snippet at NaN, ±inf",
                  "Naive at NaN, ±inf"], table) + "\n"
    concat = [a for a in activations.ACTIVATIONS if a.kind == "concat"]
    if concat:
        md += (f"{', '.join(a.name for a in concat)}: each concatenates elementwise outputs; its row is the worst "
               "over all of them (the derivative of each with respect to its input).\n\n")
    for slug, fams in by_slug.items():
        md += render_rows(slug, fams)
    misses = [r for r in rows if not r.ok]
    if misses:
        md += "**Missed:** " + "; ".join(
            f"{r.name} ({r.dtype}): value {fmt_ulp(r.forward.ulp)} ULP at x = {fmt_x(r.forward.x)}, "
            f"derivative {fmt_ulp(r.derivative.ulp)} ULP at x = {fmt_x(r.derivative.x)}" for r in misses) + ".\n\n"
    return md


def render_rows(slug: str, fams: list[RowFamily]) -> str:
    """The table of one row activation (kind "vector"): rows of logits, against exp(x_i) / Σ_k exp(x_k)."""
    name, target, reference_name = fams[0].name, fams[0].target, fams[0].reference_name
    md = (
        f"### {name} (float64)\n\n"
        f"{link(slug, name)} maps a row to a row, so it is measured on rows of logits: the reference is "
        "exp(x_i) / Σ_k exp(x_k) in mpmath at 60 digits, the Jacobian s_i·(δ_ij − s_j) with 1 − s_i summed "
        "from the other entries. The snippet, SciPy and PyTorch all compute exp(x_i − max x) so that "
        "nothing overflows; where x_i − max x is not a float64 number it is rounded, and that rounding "
        "costs up to about |x_i − max x|/2 ULP in the result, for all three alike. "
        f"Targets: where the differences are exact, value ≤ {target[0]:g} ULP and Jacobian ≤ {target[1]:g} ULP; "
        f"otherwise the largest entry of each row ≤ {target[0]:g} ULP"
        + (f" and no entry worse than {code(reference_name)} on the same rows" if reference_name else "")
        + ".\n\n"
    )
    other_names = list(fams[0].others)
    table = []
    for fam in fams:
        table.append([fam.label, str(fam.rows), "yes" if fam.exact_differences else "no",
                      fmt_ulp(fam.forward), fmt_ulp(fam.forward_largest)]
                     + [fmt_ulp(fam.others[n]) for n in other_names]
                     + [fmt_ulp(fam.jacobian), fmt_ulp(fam.naive_forward), fmt_ulp(fam.naive_jacobian),
                        mark(fam.ok)])
    md += _table(["Rows", "Count", "x_i − max exact", "Snippet ULP (all)", "Snippet ULP (largest)"]
                 + [f"{code(n)} ULP" for n in other_names]
                 + ["Jacobian ULP", "Naive ULP", "Naive Jacobian ULP", "Target"], table) + "\n"
    md += ("The naive columns are the naive formulas of section 2. Where they overflow (∞) or cancel, the "
           "snippet's shift by the maximum and its diagonal summed from the other entries are why.\n\n")
    if not any("torch" in n for n in other_names):
        md += "PyTorch was not installed in the environment that ran this, so it has no column.\n\n"
    return md


@dataclasses.dataclass
class ErrorInfo:
    """Worst errors of the snippet and the naive formula for one part, and where."""

    snippet: float
    naive: float
    target: float
    where: str
    naive_special: list[str]
    special: list[str]


def error_info(accuracy_rows: list[AccuracyRow], families: list[RowFamily]) -> dict[tuple[str, str], ErrorInfo]:
    info = {}
    for a in accuracy_rows:
        if a.dtype != "float64":
            continue
        for part, snip, naive, sym, target in (("forward", a.forward, a.naive_forward, "f(", a.target[0]),
                                               ("derivative", a.derivative, a.naive_derivative, "f′(", a.target[1])):
            info[(a.slug, part)] = ErrorInfo(
                snip.ulp, naive.ulp, target, f"at x = {fmt_x(naive.x)}",
                [p for p in a.naive_special if p.startswith(sym)], [p for p in a.special if p.startswith(sym)])
    by_slug: dict[str, list[RowFamily]] = {}
    for fam in families:
        by_slug.setdefault(fam.slug, []).append(fam)
    for slug, fams in by_slug.items():
        fam = max(fams, key=lambda f: f.naive_forward)
        info[(slug, "forward")] = ErrorInfo(fam.forward, fam.naive_forward, fam.target[0],
                                            f"on rows of {fam.label}", [], [])
        jac = [f for f in fams if f.naive_jacobian is not None]
        if jac:
            fam = max(jac, key=lambda f: f.naive_jacobian)
            info[(slug, "derivative")] = ErrorInfo(fam.jacobian, fam.naive_jacobian, fam.target[1],
                                                   f"on rows of {fam.label}", [], [])
    return info


def _speed_reason(r: SpeedRow, part: str, info: dict[tuple[str, str], ErrorInfo],
                  primitives: dict[str, Timing], root: Path = ROOT) -> str:
    """Why a snippet misses its speed target, from what the benchmark measured."""
    base_name, base = r.baseline if part == "forward" else ("naive", r.naive_derivative)
    mine = r.snippet if part == "forward" else r.snippet_derivative
    what = "value" if part == "forward" else "derivative"
    text = (f"{r.name} {what}: {mine.median / base.median:.2f}× the "
            f"{'naive formula' if base_name == 'naive' else code(r.reference_name)}.")
    reasons = []
    e = info.get((r.slug, part))
    if e is not None and e.naive > e.snippet and e.naive > e.target:
        reasons.append(f"Accuracy: the naive formula's worst error is {fmt_ulp(e.naive)} ULP ({e.where}), "
                       f"the snippet's {fmt_ulp(e.snippet)} ULP.")
    if e is not None and e.naive_special and not e.special:
        reasons.append(f"Correctness: the naive formula gives {', '.join(e.naive_special)}; the snippet keeps "
                       "NaN as NaN and gives the limits at ±inf.")
    if "np.heaviside" in snippet_source(r.slug, part, root) and "heaviside" in primitives \
            and "compare" in primitives:
        reasons.append(f"Readability: it uses `np.heaviside`, whose second argument states the value at the "
                       f"kink and which keeps NaN, but which NumPy does not vectorise: "
                       f"{primitives['heaviside'].median * 1e3:.2f} ms per call here, against "
                       f"{primitives['compare'].median * 1e3:.2f} ms for the comparison `x > 0`.")
    tried = r.alternative_ratios(part)
    if tried:
        reasons.append("Alternatives measured in this run (time ÷ the same baseline): " + "; ".join(
            f"{code(a.formula)} {ratio:.2f}× (not taken: {a.why_not})" for a, ratio in tried) + ".")
    if not reasons:
        reasons.append("No reason measured: a candidate for optimisation.")
    return text + " " + " ".join(reasons)


def snippet_source(slug: str, part: str, root: Path = ROOT) -> str:
    """The source of the snippet's forward or derivative function, '' if not found."""
    act = activations.by_slug().get(slug)
    if act is None:
        return ""
    forward, derivative = snippet_functions(act, root)
    try:
        return inspect.getsource(forward if part == "forward" else derivative)
    except (OSError, TypeError):
        return ""


def render_speed(rows: list[SpeedRow], repeat: int, info: dict[tuple[str, str], ErrorInfo], torch_version: str,
                 primitives: dict[str, Timing] | None = None) -> str:
    md = "## 2. Snippet speed\n\n"
    if not rows:
        return md + "Not measured in this run.\n\n"
    md += (
        f"Time of one call on {SPEED_SIZE:,} float64 values, `np.random.default_rng(0).normal(scale=10, "
        f"size=10**6)` (activations that map a row to a row: the same values as rows of {ROW_LENGTH}), all in "
        "one process: `timeit` with the process's CPU time as its clock (`time.process_time`), one call per "
        f"sample, {repeat} samples per function taken in turn with the others so that a busy spell of the "
        "shared machine hits them all; the median, ± half the interquartile range in % of the median. "
        "Ratios are snippet time ÷ other time, so above 1 the snippet is slower. The scipy / NumPy column "
        "is the call the declaration names: its `scipy` field (a `scipy.special` function) or, where SciPy "
        "has none, its `numpy_reference`; where it names neither the column is empty. PyTorch runs on the "
        "CPU with `torch.set_num_threads(1)`, calling the declaration's PyTorch spelling on a tensor sharing "
        "the NumPy buffer: it is the limit to aim at, not a target. The naive formula is the declared "
        "one-liner or, where the declaration names none, `sympy.lambdify` of the declared expression and "
        "of its derivative (marked *derived*), run under `np.errstate(all=\"ignore\")`. "
        f"Target: no snippet slower than {SPEED_FACTOR:g}× the declared `scipy.special` call, or "
        f"{SPEED_FACTOR:g}× the naive formula where there is none.\n\n"
        "Each call allocates fresh 8 MB arrays for its result and temporaries; on this virtual machine "
        "the first touch of such memory page-faults, a cost (counted as system time) that every "
        "implementation pays per temporary, and a source of noise that shows in the spread.\n\n"
    )
    if not torch_version:
        md += ("PyTorch is not installed in the environment that ran this: rerun the script from a "
               "virtual environment with `torch==2.13.0` to fill its column.\n\n")
    table = []
    for r in rows:
        base_name, _ = r.baseline
        table.append([link(r.slug, r.name), fmt_ms(r.snippet),
                      (code(r.reference_name) + " " + fmt_ms(r.reference)) if r.reference else "—",
                      fmt_ratio(r.snippet, r.reference), fmt_ms(r.torch), fmt_ratio(r.snippet, r.torch),
                      fmt_ms(r.naive), fmt_ratio(r.snippet, r.naive),
                      f"{mark(r.forward_ok)} ({base_name})"])
    md += "### Value\n\n" + _table(["Activation", "Snippet", "scipy / NumPy", "÷ scipy", "PyTorch", "÷ PyTorch",
                                    "Naive", "÷ naive", "Target"], table) + "\n"
    table = []
    for r in rows:
        table.append([link(r.slug, r.name), r.derivative_shape, fmt_ms(r.snippet_derivative),
                      fmt_ms(r.naive_derivative), fmt_ratio(r.snippet_derivative, r.naive_derivative),
                      mark(r.derivative_ok)])
    md += ("### Derivative\n\nThe snippet's derivative against the naive one, on the same values (for "
           f"activations that map a row to a row, the Jacobian of rows of {JACOBIAN_SHAPE[1]}, whose output "
           f"is {JACOBIAN_SHAPE[1]} times larger than its input). Same target, against the naive formula.\n\n")
    md += _table(["Activation", "Shape", "Snippet", "Naive", "÷ naive", "Target"], table) + "\n"
    md += "### PyTorch calls and naive formulas\n\n"
    table = []
    for r in rows:
        origin = "derived: `sympy.lambdify` of " if r.naive_derived else ""
        table.append([r.name, code(r.torch_call) if r.torch_call else "—",
                      origin + code(r.naive_forward_text), origin + code(r.naive_derivative_text)])
    md += _table(["Activation", "PyTorch", "Naive value", "Naive derivative"], table) + "\n"
    misses = [(r, "forward") for r in rows if not r.forward_ok] + [(r, "derivative") for r in rows
                                                                   if not r.derivative_ok]
    if misses:
        md += "### Where a snippet misses the target\n\n"
        md += "".join(f"- {_speed_reason(r, part, info, primitives or {})}\n" for r, part in misses) + "\n"
    else:
        md += "Every snippet meets the target.\n\n"
    return md


def render_build(b: BuildResult | None, error: str = "") -> str:
    md = "## 3. Build\n\n"
    if b is None:
        return md + (f"Not measured: {error}\n\n" if error else "Not measured in this run.\n\n")
    md += (
        "`mkdocs build` (not `--strict`, so a page not yet in the nav only warns) of a fresh copy of "
        "`docs/`, `scripts/`, `snippets/` and `mkdocs.yml`, wall-clock time including Python's start. "
        "*Cold*: no `build/` folder, so the hook derives every activation with SymPy, draws every "
        "figure and executes every notebook. *Unchanged*: the same build again, nothing edited. "
        f"*One page edited*: a sentence appended to the first paragraph of `docs/{b.edited_page}` "
        f"before each build. Warm times are the median of {len(b.unchanged)} "
        f"build{'s' if len(b.unchanged) != 1 else ''}. The work each build did "
        "is read from its log: the hook prints `activations: derived …, drew …` and `notebooks: executed …` "
        "only when it does work.\n\n"
    )

    def work(r: BuildRun) -> str:
        parts = []
        if r.derived or r.drawn:
            parts.append(f"derived {r.derived}, drew {r.drawn} figures")
        if r.executed:
            parts.append(f"executed {len(r.executed)} notebook(s)")
        return "; ".join(parts) or "nothing re-derived, redrawn or executed"

    def ratio(a: float, b: float) -> str:
        return f"{a / b:.2f}" if b > 0 else "—"

    rows = [["Cold", f"{b.cold.seconds:.1f} s", f"{b.cold.cpu_seconds:.1f} s", "1.00", work(b.cold),
             str(b.cold.warnings)]]
    for label, runs, secs, cpu in (("Unchanged", b.unchanged, b.unchanged_seconds, b.unchanged_cpu),
                                   ("One page edited", b.edited, b.edited_seconds, b.edited_cpu)):
        worst = max(runs, key=lambda r: (r.did_work, r.seconds))
        rows.append([label, f"{secs:.1f} s", f"{cpu:.1f} s", ratio(secs, b.cold.seconds), work(worst),
                     str(max(r.warnings for r in runs))])
    md += _table(["Build", "Wall time", "CPU time", "Wall ÷ cold", "Work done (from the log)", "Warnings"],
                 rows) + "\n"
    cpu_ratio = (f" ({b.cold.cpu_seconds / b.unchanged_cpu:.1f}× in CPU time)" if b.unchanged_cpu > 0 else "")
    md += (f"The full build takes {b.cold.seconds / b.unchanged_seconds:.1f}× the wall time of a plain MkDocs "
           f"build of the same Markdown with the figures and notebooks already cached (the unchanged "
           f"rebuild){cpu_ratio}. CPU time (user + system, the build and every process it ran) is "
           "less sensitive than wall time to other jobs on a shared machine.\n\n")
    warnings = sorted({w for r in [b.cold, *b.unchanged, *b.edited] for w in warning_messages(r.log)})
    if warnings:
        md += "Warnings in the build logs:\n\n" + "".join(
            f"- {code(w[:200])}\n" for w in warnings[:5]) + "\n"
    md += (f"Target — a warm rebuild re-executes no notebook and redraws no figure: {mark(b.warm_ok)} "
           + ("(no warm build printed the hook's work lines"
              if b.warm_ok else "(a warm build printed the hook's work lines")
           + ("; the edited sentence is in the rebuilt page).\n\n" if b.edited_page_ok
              else "; but the edited sentence is missing from the rebuilt page).\n\n"))
    return md


def render_weight(pages: list[PageWeight], svgs: list[SvgInfo]) -> str:
    md = "## 4. Page weight\n\n"
    if not pages:
        return md + "Not measured in this run.\n\n"
    md += (
        "Bytes that belong to each activation page, from the cold build: its `index.html` and the "
        "figures it references, not the theme's shared CSS, JavaScript and KaTeX, which a reader "
        "downloads once for the whole site. Each figure exists in a light and a dark version; both are "
        "referenced, but the hidden one is lazy-loaded and so not fetched. "
        f"Gzip: the same files compressed as a web server does. Target: ≤ {PAGE_BYTES // 1024} KB per page.\n\n"
    )
    rows = [[link(p.slug, p.name), fmt_kb(p.html_bytes), str(len(p.figures)), fmt_kb(p.figure_bytes),
             fmt_kb(p.total), fmt_kb(p.gzip_bytes), mark(p.ok)] for p in pages]
    md += _table(["Page", "HTML", "Figures", "Figure bytes", "Total", "Gzip", "Target"], rows) + "\n"
    md += (
        "### Figures\n\n"
        "SVG written by matplotlib with `svg.fonttype: none`: labels stay `<text>` elements, rendered "
        "in the reader's fonts and searchable, instead of glyph outlines defined as `<path>` elements. "
        "\"Glyph paths\" counts `<path id=…>` definitions other than matplotlib's markers.\n\n"
    )
    rows = [[s.name.split("/")[-1], fmt_kb(s.bytes), fmt_kb(s.gzip_bytes), str(s.texts), str(s.glyph_paths),
             mark(s.text_as_text)] for s in svgs]
    md += _table(["Figure", "Size", "Gzip", "<text>", "Glyph paths", "Text as text"], rows) + "\n"
    return md


def render_lighthouse(result: LighthouseResult | None) -> str:
    md = "## 5. Lighthouse\n\n"
    if result is None:
        return md + "Not run (`--skip-lighthouse`, or left out by `--only`).\n\n"
    if result.note:
        return md + f"Not run: {result.note}\n\n"
    md += (
        "Lighthouse from npm with headless Chromium, offline, against the built site served on "
        "127.0.0.1 by this script the way GitHub Pages serves it (gzip, `Cache-Control: max-age=600`). "
        "Mobile is Lighthouse's default (an emulated phone on a throttled network and CPU), desktop is "
        "`--preset=desktop`. Scores are 0–1; performance varies from run to run, so where a page ran "
        "more than once the table shows the run with the median performance score, and the spread "
        "of the performance scores follows in brackets. Targets on mobile: performance ≥ 0.95; accessibility, "
        "best practices and SEO 1.0.\n\n"
    )
    notebooks = [p for p in {r.page for r in result.runs} if "experiments/" in p]
    if not notebooks:
        md += "Notebook page: none yet (no built notebook in `docs/experiments/`).\n\n"

    def score(v):
        return "—" if v is None else f"{v:.2f}"

    rows = []
    for r in result.runs:
        label = r.page.strip("/") or "home"
        if r.error:
            rows.append([label, r.preset] + ["—"] * 4 + [f"error: {r.error}"])
            continue
        target = "(no target)"
        if r.preset == "mobile":
            target = "✓" if r.ok else "✗ " + ", ".join(r.missed)
        transfer = "—" if r.transfer_bytes is None else fmt_kb(r.transfer_bytes)
        perf = score(r.scores.get("performance"))
        if len(r.performance_scores) > 1:
            perf += f" ({r.performance_scores[0]:.2f}–{r.performance_scores[-1]:.2f})"
        rows.append([label, r.preset, perf] + [score(r.scores.get(c)) for c in CATEGORIES[1:]]
                    + [transfer, ", ".join(r.figures_fetched) or "none", target])
    md += _table(["Page", "Preset", "Performance", "Accessibility", "Best practices", "SEO", "Transferred",
                  "Figures fetched", "Target"], rows) + "\n"
    md += ("*Transferred* is Lighthouse's total byte weight: every request of the page, theme and fonts "
           "included, compressed. *Figures fetched* shows which of the page's light and dark figures the "
           "browser actually requested.\n\n")
    failing = [r for r in result.runs if r.failed]
    if failing:
        md += ("### Audits that did not pass\n\n"
               "Audits scoring below 0.9 (Lighthouse's own pass mark), by category. In performance only the "
               "metrics (first contentful paint, largest contentful paint, total blocking time, cumulative "
               "layout shift, speed index) are weighted into the score; the insights and diagnostics listed "
               "beside them say where the time goes. `--reports DIR` keeps the full JSON reports.\n\n")
        where: dict[tuple[str, str], dict[str, list[str]]] = {}
        titles: dict[str, str] = {}
        for r in failing:
            label = r.page.strip("/") or "home"
            for category, aid, title in r.failed:
                where.setdefault((category, aid), {}).setdefault(label, []).append(r.preset)
                titles[aid] = title
        order = sorted(where, key=lambda k: (CATEGORIES.index(k[0]), -sum(map(len, where[k].values())), k[1]))
        rows = [[category, code(aid), titles[aid].replace("|", "/").replace("`", "").rstrip("."),
                 ", ".join(f"{page} ({', '.join(presets)})" for page, presets in where[(category, aid)].items())]
                for category, aid in order]
        md += _table(["Category", "Audit", "Title", "Fails on"], rows) + "\n"
    return md


def render_environment(env: dict[str, str]) -> str:
    md = "## Environment\n\n"
    return md + _table(["", ""], [[k, v.replace("|", "/")] for k, v in env.items()]) + "\n"


@dataclasses.dataclass
class Results:
    env: dict[str, str]
    quick: bool = False
    accuracy: list[AccuracyRow] = dataclasses.field(default_factory=list)
    families: list[RowFamily] = dataclasses.field(default_factory=list)  # row activations' accuracy
    speed: list[SpeedRow] = dataclasses.field(default_factory=list)
    repeat: int = 0
    primitives: dict[str, Timing] = dataclasses.field(default_factory=dict)
    build: BuildResult | None = None
    build_error: str = ""
    pages: list[PageWeight] = dataclasses.field(default_factory=list)
    svgs: list[SvgInfo] = dataclasses.field(default_factory=list)
    lighthouse: LighthouseResult | None = None


def summary(res: Results) -> list[str]:
    lines = []
    if res.accuracy or res.families:
        bad = [r for r in res.accuracy if not r.ok]
        parts = []
        if res.accuracy:
            parts.append(f"{len(res.accuracy) - len(bad)} of {len(res.accuracy)} elementwise rows (activation × "
                         f"dtype) meet their declared ULP target {mark(not bad)}")
        if res.families:
            parts.append(f"{sum(f.ok for f in res.families)} of {len(res.families)} families of rows "
                         f"{mark(all(f.ok for f in res.families))}")
        lines.append("Accuracy: " + "; ".join(parts) + ".")
    if res.speed:
        bad = [r.name for r in res.speed if not r.forward_ok]
        badd = [r.name for r in res.speed if not r.derivative_ok]
        lines.append(f"Speed: value within {SPEED_FACTOR:g}× the reference for {len(res.speed) - len(bad)} of "
                     f"{len(res.speed)} {mark(not bad)}" + (f" (not: {', '.join(bad)})" if bad else "")
                     + f"; derivative within {SPEED_FACTOR:g}× naive for {len(res.speed) - len(badd)} of "
                     f"{len(res.speed)} {mark(not badd)}" + (f" (not: {', '.join(badd)})" if badd else "") + ".")
    if res.build:
        b = res.build
        lines.append(f"Build: cold {b.cold.seconds:.1f} s, unchanged {b.unchanged_seconds:.1f} s, one page "
                     f"edited {b.edited_seconds:.1f} s; warm rebuilds redo no work {mark(b.warm_ok)}.")
    if res.pages:
        heaviest = max(res.pages, key=lambda p: p.total)
        lines.append(f"Page weight: heaviest {heaviest.name} with {fmt_kb(heaviest.total)} "
                     f"{mark(all(p.ok for p in res.pages))}; figures keep text as text "
                     f"{mark(all(s.text_as_text for s in res.svgs))}.")
    if res.lighthouse and res.lighthouse.runs:
        mobile = [r for r in res.lighthouse.runs if r.preset == "mobile" and not r.error]
        parts = [f"{c} ≥ {t:g} on {sum(c not in r.missed for r in mobile)} of {len(mobile)} pages "
                 f"{mark(all(c not in r.missed for r in mobile))}" for c, t in LIGHTHOUSE_TARGETS.items()]
        lines.append("Lighthouse (mobile): " + "; ".join(parts) + ".")
    return lines


def render_page(res: Results) -> str:
    env = res.env
    md = (
        "---\n"
        "description: How accurate and how fast the NumPy snippets are, how long the site takes to build, "
        "how heavy its pages are and how Lighthouse scores them, measured by scripts/benchmark.py.\n"
        "---\n\n"
        "<!-- Generated by scripts/benchmark.py: rerun it, don't edit this file. -->\n\n"
        "# Performance\n\n"
        f"!!! note \"Generated by `scripts/benchmark.py` — rerun it, don't edit\"\n"
        f"    Measured on {env.get('Date', '?')} on {env.get('CPU', '?')}, with Python {env.get('Python', '?')}, "
        f"NumPy {env.get('NumPy', '?')}, SciPy {env.get('SciPy', '?')} and PyTorch {env.get('PyTorch', '?')}. "
        "The [environment](#environment) is at the end.\n\n"
        "This page measures the site's NumPy snippets (how close to the exact value, how fast against "
        "`scipy.special`, PyTorch and the naive textbook formula) and the site itself (build time, page "
        "weight, Lighthouse scores). Every number comes from one run of the script, on the machine "
        "described at the end; timings on a shared two-core virtual machine move by several percent "
        "between runs. To rerun it:\n\n"
        "```sh\n"
        "python3 scripts/dev.py setup               # creates .venv/ with requirements.txt\n"
        ".venv/bin/python scripts/benchmark.py      # several minutes\n"
        "```\n\n"
        "`--quick` uses coarser grids and fewer repeats, `--skip-lighthouse` leaves the browser audit "
        "out. PyTorch's column is filled when the script runs in an environment with `torch` installed "
        "(it is not in `requirements.txt`); Lighthouse is found on the `PATH`, in `node_modules/`, or "
        "through the `LIGHTHOUSE` variable.\n\n"
    )
    if res.quick:
        md += "!!! warning \"Quick run\"\n    Coarser grids and fewer repeats than a full run.\n\n"
    lines = summary(res)
    if lines:
        md += "## Summary\n\n" + "".join(f"- {line}\n" for line in lines) + "\n"
    md += render_accuracy(res.accuracy, res.families, res.quick)
    md += render_speed(res.speed, res.repeat, error_info(res.accuracy, res.families),
                       "" if env.get("PyTorch", "").startswith("not") else env.get("PyTorch", ""),
                       res.primitives)
    md += render_build(res.build, res.build_error)
    md += render_weight(res.pages, res.svgs)
    md += render_lighthouse(res.lighthouse)
    md += render_environment(env)
    return md
