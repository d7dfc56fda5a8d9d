"""The framework differences: computed from the declarations, on every page and on one page.

``scripts/differences.py`` reads each framework call as the tabs do
(``tabs.setting``) and the kink gradients the framework tests measure.
These tests check that every disagreement the declarations hold is found
and shown (on the activation's page and on the collected page), and that
the disagreements issue 8 names are among them.
"""

from __future__ import annotations

import pytest

import differences
import tabs
from activations import number
from conftest import BY_SLUG, CATALOG, ids

WITH_FRAMEWORKS = [a for a in CATALOG if a.frameworks]


def _distinct_calls(act):
    seen = {}
    for fw in act.frameworks:
        for call in fw.calls:
            seen.setdefault(differences._call_name(call), tabs.setting(act, fw, call))
    return list(seen.values())


@pytest.mark.parametrize("act", WITH_FRAMEWORKS, ids=ids(WITH_FRAMEWORKS))
def test_every_difference_in_the_declaration_is_found_and_shown(act, root):
    """Independently of differences.compare: any two calls (or a call and the snippet) computing with
    different parameter values, any parameter written under two names, two forms, or two kink
    statements with different values make a table, on the page's fragment and on the collected page."""
    calls = _distinct_calls(act)
    expected = set()
    for p in act.params:
        if len({float(s.values[p.name]) for s in calls} | {float(number(p.default))}) > 1:
            expected.add(("value", p.name))
        if len({s.spelled[p.name] for s in calls} - {""}) > 1:
            expected.add(("keyword", p.name))
    if len({s.variant for s in calls}) > 1:
        expected.add(("form", ""))
    d = differences.compare(act)
    found = {("value", n) for n in d.values} | {("keyword", n) for n in d.keywords} | ({("form", "")} if d.forms else set())
    assert found == expected
    fragment = (root / "build" / "generated" / act.slug / "frameworks.md").read_text(encoding="utf-8")
    collected = (root / "build" / "generated" / "differences.md").read_text(encoding="utf-8")
    if d:
        assert differences.HEADING in fragment and f"## {act.name}\n" in collected
        assert f"({'../activations/' + act.slug}.md#{differences.ANCHOR})" in collected
        for s in calls:  # every call's values are in the table
            for p in act.params:
                if p.name in d.values or p.name in d.keywords:
                    value = f"{float(s.values[p.name]):g}"
                    cell = f"`{s.spelled[p.name]}={value}`" if s.spelled[p.name] else value
                    assert f"| {cell} |" in fragment or f"| {cell}" in fragment, (s.call, cell)
        for key in d.kinks:
            for framework, text in act.framework_kink_derivative[key].items():
                assert f"| {text} |" in fragment, (key, framework)
    else:
        assert differences.HEADING not in fragment and f"## {act.name}\n" not in collected


def test_the_disagreements_the_issue_names_are_listed():
    """Leaky ReLU 0.01 / 0.2 / 0.3; PReLU 0.25 and 0; lambd and threshold; the kink gradients of
    Leaky ReLU (slope or 1) and Hardtanh (0 or 1); GELU's exact and tanh forms."""
    leaky = differences.compare(BY_SLUG["leaky_relu"])
    assert leaky.values == ["negative_slope"] and leaky.kinks == ["0"]
    assert {float(s.values["negative_slope"]) for s in leaky.settings} == {0.01, 0.2, 0.3}
    prelu = differences.compare(BY_SLUG["prelu"])
    assert {float(s.values["a"]) for s in prelu.settings} == {0.25, 0.0}
    assert differences.compare(BY_SLUG["hardtanh"]).kinks == ["-1", "1"]
    for slug in ("hardshrink", "softshrink"):
        if slug in BY_SLUG:
            shrink = differences.compare(BY_SLUG[slug])
            assert {s.spelled["lambd"] for s in shrink.settings} >= {"lambd", "threshold"}, slug
    if "gelu" in BY_SLUG:
        assert differences.compare(BY_SLUG["gelu"]).forms


def test_kink_statements_compare_by_value():
    relu = BY_SLUG["leaky_relu"]
    assert differences._kink_value(relu, "α") == differences._kink_value(relu, "1/100")
    assert differences._kink_value(relu, "1 (`x >= 0` picks the identity branch)") == 1
    assert differences._kink_value(relu, "no gradient (None)") == "no gradient (None)"
