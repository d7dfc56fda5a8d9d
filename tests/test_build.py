"""The site builds strictly, from the generator, and fails loudly.

These run ``mkdocs`` as a reader would (``python -m mkdocs build``), in this
checkout or in a scratch copy of it that a test breaks on purpose.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import build
from conftest import CATALOG, ELU_NOTEBOOK, ENV, MKDOCS, ROOT, SMALL_CATALOG, ids, run_mkdocs, write


def test_strict_build_has_no_warning(site_build):
    assert site_build.returncode == 0, site_build.log
    assert "WARNING" not in site_build.log, site_build.log


def scratch_copy(small_project: Path, tmp_path: Path) -> Path:
    """A copy of the small project, with its warm build cache, that a test may break."""
    dest = tmp_path / "project"
    shutil.copytree(small_project, dest, ignore=shutil.ignore_patterns("__pycache__", "site"))
    return dest


def _build(project: Path, *args: str) -> dict:
    """Run the project's build.py; its report as a dict."""
    result = subprocess.run([sys.executable, str(project / "scripts" / "build.py"), "--json", *args],
                            env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _executed(project: Path) -> set[str]:
    result = subprocess.run([sys.executable, str(project / "scripts" / "notebooks.py")], env=ENV,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    line = result.stdout.strip().splitlines()[-1]
    return set() if "nothing" in line else set(re.findall(r"(\w+)\.py \(", line))


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
def test_built_page_has_math_figures_and_snippet(site, act):
    html = (site / "activations" / act.slug / "index.html").read_text()
    assert "--8<--" not in html
    assert 'class="arithmatex"' in html
    for name in build.figure_names(act):
        assert f'src="../figures/{name}' in html or f'src="../figures/{name}#' in html, name
        assert (site / "activations" / "figures" / name).stat().st_size > 1000
    assert re.search(r'<img alt="[^"]{40,}"', html), "figures need a real alt text"
    snippet = (ROOT / "snippets" / f"{act.slug}.py").read_text()
    first_def = re.search(r"^def (\w+)", snippet, flags=re.M).group(1)
    assert f'<span class="nf">{first_def}</span>' in html


def test_home_page_links_every_activation_and_has_the_affine_proof(site):
    html = (site / "index.html").read_text()
    for act in CATALOG:
        assert f'href="activations/{act.slug}/"' in html
    assert "W_{2} W_{1}" in html


def test_site_loads_nothing_from_a_cdn(site):
    html = (site / "activations" / "relu" / "index.html").read_text()
    assert "katex.min.js" in html and "fonts.googleapis" not in html and "cdn.jsdelivr" not in html


def test_build_is_cached_and_figures_are_byte_identical(small_project, tmp_path):
    first = _build(small_project, "--out", str(tmp_path / "out"), "--force")
    assert sorted(first["derived"]) == sorted(SMALL_CATALOG)
    assert len(first["drawn"]) == len(list((small_project / "build" / "figures").glob("*.svg")))
    again = _build(small_project, "--out", str(tmp_path / "out"))
    assert again["derived"] == [] and again["drawn"] == [] and again["written"] == []
    _build(small_project, "--out", str(tmp_path / "out2"), "--force")
    fresh, second = tmp_path / "out", tmp_path / "out2"
    for path in sorted((fresh / "figures").glob("*.svg")) + sorted((fresh / "generated").rglob("*.md")):
        assert path.read_bytes() == (second / path.relative_to(fresh)).read_bytes(), path.name


def test_figures_keep_text_as_text_in_fonts_a_browser_has():
    """Text stays text (small, searchable SVG); a TeX font name such as cmsy10
    would make a browser draw a wrong glyph (the prime of f' showed as 0)."""
    build.generate()
    for path in sorted((build.DEFAULT_OUT / "figures").glob("*.svg")):
        svg = path.read_text()
        assert "<text" in svg, path.name
        fonts = set(re.findall(r"font-family: ([^;\"]+)", svg))
        assert fonts <= {"'DejaVu Sans'", "'DejaVu Sans', sans-serif"}, (path.name, fonts)


def test_an_edit_to_one_declaration_redraws_only_its_figures(small_project, tmp_path):
    project = scratch_copy(small_project, tmp_path)
    script = [sys.executable, str(project / "scripts" / "build.py")]
    _edit(project / "scripts" / "declarations" / "binary_step.py", "plot_range=(-3, 3)", "plot_range=(-4, 4)")
    second = subprocess.run(script, capture_output=True, text=True, check=True, env=ENV)
    assert "derived 1 activation(s), drew 2 figure(s)" in second.stdout, second.stdout
    third = subprocess.run(script, capture_output=True, text=True, check=True, env=ENV)
    assert "derived 0 activation(s), drew 0 figure(s), wrote 0 file(s)" in third.stdout, third.stdout


TABLES = {"generated/index.md", "generated/overview.md", "generated/catalog.md", "explorer/functions.js"} | {
    f"generated/concepts/{name}" for name in build.CONCEPT_FRAGMENTS} | {
    f"generated/{a.slug}/related.md" for a in CATALOG}  # each compares its activation with every other


def _outputs_of(slugs) -> set[str]:
    """What a report may name for these activations: their fragments, figures and the tables."""
    return TABLES | {f"generated/{s}/{n}.md" for s in slugs for n in [*build.render.FRAGMENTS, "frameworks", "figures"]}


@pytest.mark.parametrize(
    ("edited", "old", "new", "derived"),
    # SELU's identity calls ELU: editing ELU re-derives SELU too, and nothing else.
    [("binary_step", "plot_range=(-3, 3)", "plot_range=(-4, 4)", {"binary_step"}),
     ("elu", "plot_range=(-5, 3)", "plot_range=(-5, 4)", {"elu", "selu"})],
    ids=["binary_step", "elu"],
)
def test_an_edit_to_one_declaration_re_derives_only_it_and_what_refers_to_it(small_project, tmp_path, edited, old,
                                                                             new, derived):
    project = scratch_copy(small_project, tmp_path)
    figure = project / "build" / "figures" / f"{edited}.svg"
    before = figure.read_bytes()
    _edit(project / "scripts" / "declarations" / f"{edited}.py", old, new)
    report = _build(project)
    assert set(report["derived"]) == derived, report
    assert {name.split("-")[0].removesuffix(".svg") for name in report["drawn"]} <= derived, report
    assert set(report["written"]) - {f"figures/{n}" for n in report["drawn"]} <= _outputs_of(derived), report
    assert figure.read_bytes() != before, "the edit reached the figure"
    again = _build(project)
    assert again["derived"] == again["drawn"] == again["written"] == [], again


def test_notebooks_re_execute_only_when_what_they_use_changes(small_project, tmp_path):
    project = scratch_copy(small_project, tmp_path)
    write(project / "docs" / "experiments" / "elu_only.py", ELU_NOTEBOOK)
    notebooks = project / "docs" / "experiments"
    assert _executed(project) == {"elu_only"}  # the stand-in catalog notebook is cached
    # A declaration: only the notebook that reads the catalog.
    _edit(project / "scripts" / "declarations" / "binary_step.py", "plot_range=(-3, 3)", "plot_range=(-4, 4)")
    assert _executed(project) == {"activation_statistics"}
    # A snippet that no notebook names: only the catalog notebook.
    _edit(project / "snippets" / "binary_step.py", "\n", "\n# an edit\n")
    assert _executed(project) == {"activation_statistics"}
    # A snippet the ELU notebook names, and code both import: both.
    _edit(project / "snippets" / "elu.py", "\n", "\n# an edit\n")
    assert _executed(project) == {"activation_statistics", "elu_only"}
    _edit(project / "scripts" / "mlp.py", "\n", "\n# an edit\n")
    assert _executed(project) == {"activation_statistics", "elu_only"}
    # The notebook itself: only it.
    _edit(notebooks / "elu_only.py", "# # ELU only", "# # ELU, only")
    assert _executed(project) == {"elu_only"}
    assert _executed(project) == set()
    # Several stale notebooks run at once, in their own processes; a failing one is still named.
    write(notebooks / "broken.py", "# %% [markdown]\n# # Broken\n\n# %%\nx = 1\n\n# %%\n1 / 0\n")
    _edit(project / "scripts" / "mlp.py", "\n", "\n# another edit\n")
    result = subprocess.run([sys.executable, str(project / "scripts" / "notebooks.py")], env=ENV,
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "error: notebook docs/experiments/broken.py, cell 3: ZeroDivisionError" in result.stderr, result.stderr
    (notebooks / "broken.py").unlink()
    assert _executed(project) == set(), "the notebooks that ran beside the failing one were kept"


def test_what_the_experiments_use_is_found_from_their_code():
    import notebooks

    uses = {path.stem: notebooks.uses(path) for path in notebooks.sources()}
    for stem, used in uses.items():
        names = {p.name for p in used.code}
        assert {"mlp.py", "activations.py", f"{stem}.py"} <= names, (stem, names)
    # dying_relu names its three activations; the others loop over the catalog.
    assert not uses["dying_relu"].catalog and uses["dying_relu"].snippets == ["elu", "leaky_relu", "relu"]
    assert all(used.catalog for stem, used in uses.items() if stem != "dying_relu")


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda p: _edit(p / "scripts" / "declarations" / "elu.py", 'expr="', 'expr="(('),
         "activation 'elu': cannot parse"),
        (lambda p: _edit(p / "scripts" / "declarations" / "elu.py", "(exp(x) - 1)", "(exp(y) - 1)"),
         "activation 'elu': unknown name"),
        (lambda p: _edit(p / "scripts" / "declarations" / "elu.py", 'kink_derivative={"0": "alpha"}',
                         'kink_derivative={"0": "2"}'), "activation 'elu'"),
        (lambda p: (p / "docs" / "activations" / "selu.md").unlink(), "activation 'selu': missing page"),
        (lambda p: (p / "snippets" / "elu.py").unlink(), "activation 'elu': missing snippet"),
        (lambda p: _edit(p / "scripts" / "declarations" / "elu.py", 'family="exponential"', 'family="exponentiel"'),
         "activation 'elu', field 'family': 'exponentiel' is not one of"),
        (lambda p: _edit(p / "scripts" / "declarations" / "selu.py", "plot_range=(-5, 3)", "plot_range=[-5, 3]"),
         "activation 'selu', field 'plot_range': must be"),
        (lambda p: _edit(p / "scripts" / "figures.py", "def _save(fig) -> bytes:\n",
                         "def _save(fig) -> bytes:\n    raise RuntimeError('boom')\n"),
         "activation 'binary_step': figure binary_step.svg failed: RuntimeError: boom"),
        (lambda p: write(p / "docs" / "experiments" / "broken.py",
                          "# %% [markdown]\n# # Broken\n\n# %%\nx = 1\n\n# %%\n1 / 0\n"),
         "notebook docs/experiments/broken.py, cell 3: ZeroDivisionError"),
    ],
    ids=["syntax-error", "unknown-name", "wrong-kink-value", "missing-page", "missing-snippet", "unknown-family",
         "wrong-type", "figure-error", "failing-notebook"],
)
def test_a_broken_project_fails_the_build_naming_the_culprit_and_writes_nothing(small_project, tmp_path, breakage,
                                                                               message):
    project = scratch_copy(small_project, tmp_path)
    breakage(project)
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "previous.html").write_text("the last good build")
    result = run_mkdocs("build", "--site-dir", str(site_dir), cwd=project)
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert message in log, log
    assert "Traceback" not in log, "a clear message, not a crash deep inside a library"
    # It failed before MkDocs cleaned or wrote the site: no half-written site.
    assert [p.name for p in site_dir.iterdir()] == ["previous.html"]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_mkdocs_serve_builds_once_and_does_not_loop(small_project, tmp_path):
    """The hook writes nothing under docs/, so serve must settle after one build.

    A declaration is edited first, so that this build regenerates the tables
    that list every activation inside MkDocs (which restores sys.path after
    loading the hook: a module the scripts import lazily must still load).
    """
    project = scratch_copy(small_project, tmp_path)
    _edit(project / "scripts" / "declarations" / "binary_step.py", "plot_range=(-3, 3)", "plot_range=(-4, 4)")
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(MKDOCS + ["serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=ENV,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while "Serving on" not in log.read_text() and time.monotonic() < deadline:
            assert proc.poll() is None, log.read_text()
            time.sleep(0.5)
        assert "Serving on" in log.read_text(), log.read_text()
        time.sleep(8)  # a reload loop would rebuild within this time
        text = log.read_text()
        assert text.count("Building documentation") == 1, text
        assert "Detected file changes" not in text, text
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_a_long_lived_process_notices_edited_code(small_project, tmp_path):
    """mkdocs serve keeps build and derive imported: after an edit to scripts/, the hook must not
    generate with the old code in memory (it would stamp stale outputs with the new code's key)."""
    project = scratch_copy(small_project, tmp_path)
    code = ("import sys, pathlib; sys.path.insert(0, 'scripts'); import build; "
            "before = build.code_changed_since_import(); "
            "p = pathlib.Path('scripts/derive.py'); p.write_text(p.read_text() + '\\n# an edit\\n'); "
            "print(before, build.code_changed_since_import())")
    result = subprocess.run([sys.executable, "-c", code], cwd=project, env=ENV, capture_output=True, text=True)
    assert result.stdout.strip() == "[] ['derive']", result.stdout + result.stderr


def test_derived_facts_are_stored_and_reused_by_the_next_process(tmp_path):
    act = build.activations.by_slug()["elu"]
    first = build.Cache(tmp_path, CATALOG)
    facts = first.facts(act)
    assert first.derived == ["elu"]
    second = build.Cache(tmp_path, CATALOG)  # as a new process would
    assert second.facts(act) == facts and second.derived == []


def test_a_vector_activation_is_re_derived_when_an_elementwise_one_is_added(tmp_path):
    """Its facts name the elementwise activations equal to its two-input case (vector.matches
    iterates the catalog, which no recorded lookup sees): its key covers every elementwise one."""
    import dataclasses

    import activations
    import build

    acts = list(activations.ACTIVATIONS)
    softmax = activations.by_slug()["softmax"]
    before = build.Cache(tmp_path, acts).facts_key(softmax)
    new = dataclasses.replace(activations.by_slug()["relu"], slug="relu_copy", name="ReLU copy")
    assert build.Cache(tmp_path, [*acts, new]).facts_key(softmax) != before
    relu = activations.by_slug()["relu"]  # an elementwise key does not depend on the others
    assert build.Cache(tmp_path, [*acts, new]).facts_key(relu) == build.Cache(tmp_path, acts).facts_key(relu)
