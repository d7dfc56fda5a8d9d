"""A reader copies one snippet file into an empty folder and runs it.

Each snippet must work there alone, with nothing of this project on the
path, and its docstring examples must pass under the standard library's
doctest (without pytest's NUMBER option), so what the page shows is what
the reader gets. One interpreter per snippet runs both checks.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import CATALOG, ROOT, ids

PROGRAM = """\
import doctest, sys
sys.path.insert(0, ".")  # the folder the reader saved the file in, and nothing else of ours
import numpy as np
import {slug} as m
result = doctest.testmod(m, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
print(result.attempted, result.failed)
print(np.asarray(m.{slug}(np.linspace(-3, 3, 8, dtype=np.float32))).dtype)
"""


@pytest.mark.parametrize("act", CATALOG, ids=ids(CATALOG))
def test_snippet_runs_alone_in_an_empty_folder(tmp_path, act):
    shutil.copy(ROOT / "snippets" / f"{act.slug}.py", tmp_path)
    result = subprocess.run([sys.executable, "-I", "-W", "error", "-c", PROGRAM.format(slug=act.slug)],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    counts, dtype = result.stdout.strip().splitlines()[-2:]
    attempted, failed = map(int, counts.split())
    assert attempted >= 2 and failed == 0, result.stdout
    assert dtype == "float32", result.stdout
