"""What a reader types to find an activation: its names, its framework spellings, its config strings.

One list per activation, derived from its declaration: the display name and aliases, every framework
call that ships it (``catalog.ships``) as a reader copies it from code (``torch.nn.functional.elu``
and the short forms ``F.elu``, ``nn.ELU``; a variant's selecting keyword as in
``nn.GELU(approximate="tanh")``), and the ``hidden_act`` strings of Hugging Face configs. The hook
writes them to assets/search-terms.json, from which site.js puts the page of an exact match first;
tests/test_browser.py searches each one in the real browser and expects the page first.
"""

from __future__ import annotations

import ast
import json

from activations import Activation
import catalog
from render import _is_number  # a declared value that is a number, as the pages tell them apart

# The names readers import the frameworks' modules under.
SHORT_FORMS = (("torch.nn.functional.", "F."), ("torch.nn.", "nn."))


def _dotted(call: str) -> tuple[str, ast.Call] | None:
    """``torch.nn.GELU(approximate="none")`` -> ("torch.nn.GELU", its Call node)."""
    tree = ast.parse(call, mode="eval").body
    if not isinstance(tree, ast.Call):
        return None
    node = tree.func if isinstance(tree.func, ast.Call) else tree  # Module(...)(x)
    while isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Call):  # Module(...).eval
        node = node.func.value
    return ast.unparse(node.func), node


def _short(name: str) -> str | None:
    """``torch.nn.functional.gelu`` -> ``F.gelu``, ``torch.nn.GELU`` -> ``nn.GELU``; None for the rest."""
    for long, short in SHORT_FORMS:
        if name.startswith(long) and "." not in name[len(long):]:
            return short + name[len(long):]
    return None


def spellings(act: Activation) -> list[str]:
    """The framework calls that ship the activation, without their arguments, and their short forms."""
    out: list[str] = []
    for fw in act.frameworks:
        for call in fw.calls:
            if not catalog.ships(act, call):
                continue
            parsed = _dotted(call)
            if parsed is None:
                continue
            name = parsed[0]
            out += [name] + ([_short(name)] if _short(name) else [])
    return list(dict.fromkeys(out))


def variant_spellings(act: Activation) -> list[str]:
    """A framework call with the keyword that selects a variant, as readers copy it:
    ``nn.GELU(approximate="tanh")``, ``jax.nn.gelu(approximate=True)``."""
    out: list[str] = []
    for v in act.variants:
        # a keyword with a word for its value, as the frameworks spell it (approximate="tanh"); a number
        # (Softplus' threshold=20) is the framework's default, not a spelling of the variant
        keys = {f'{k}="{value}"' for k, value in v.kwargs.items() if not _is_number(value)} | set(v.selected_by)
        for fw in act.frameworks:
            for call in fw.calls:
                parsed = _dotted(call)
                if parsed is None or not catalog.ships(act, call):
                    continue
                name, node = parsed
                used = {k.arg for k in node.keywords}
                for key in sorted(keys):
                    if key.split("=")[0] in used:
                        out.append(f"{_short(name) or name}({key})")
    return list(dict.fromkeys(out))


def _named(act: Activation, spelling: str) -> bool:
    """The function is named after the activation (``tf.nn.silu`` after SiLU, not after Swish)."""
    last = catalog._key(spelling.split("(")[0].rsplit(".", 1)[-1])
    return any(catalog._key(n) == last for n in (act.slug, act.name, *act.aliases))


def _claims(act: Activation) -> list[tuple[int, str]]:
    """(rank, query): what the activation's declaration says a reader may type, ranked by how
    surely the text means this activation (its name first, a config string of a gated one last)."""
    gated = act.kind == "gated"  # its hidden_act strings name the gate's activation, declared elsewhere
    claims = [(0, act.name), *((1, a) for a in act.aliases)]
    claims += [(2 if _named(act, s) else 4, s) for s in spellings(act) + variant_spellings(act)]
    claims += [(5 if gated else 3, h.name) for h in act.hidden_act]
    return claims


class AmbiguousQuery(ValueError):
    pass


def owners(acts: list[Activation]) -> dict[str, list[str]]:
    """slug -> the queries that should bring its page first, in declaration order.

    A text several declarations claim (``swish`` is Swish's name and a ``hidden_act`` of SiLU;
    ``tf.nn.silu`` ships SiLU and, with its β, Swish) belongs to the claim of the best rank;
    two claims of the same best rank are a declaration error.
    """
    best: dict[str, tuple[int, str]] = {}
    for act in acts:
        for rank, text in _claims(act):
            key = normal(text)
            held = best.get(key)
            if held is None or rank < held[0]:
                best[key] = (rank, act.slug)
            elif rank == held[0] and held[1] != act.slug:
                raise AmbiguousQuery(f"{act.slug}: the search text {text!r} is claimed by {held[1]} too, "
                                     f"with the same standing; drop it from one declaration")
    out: dict[str, list[str]] = {}
    for act in acts:
        mine = [text for _, text in _claims(act) if best[normal(text)][1] == act.slug]
        first: dict[str, str] = {}
        for text in mine:
            first.setdefault(normal(text), text)
        out[act.slug] = list(first.values())
    return out


def normal(text: str) -> str:
    """A query as site.js compares it: lower case, runs of white space as one space (JavaScript's
    ``toLowerCase().trim().split(/\\s+/).join(" ")``)."""
    return " ".join(text.lower().split())


def exact_matches(owned: dict[str, list[str]]) -> dict[str, str]:
    """normal(query) -> slug, for site.js: the page a query names goes first in the search results.

    Material's search cannot rank it first on its own: it appends a wildcard to every query term, and
    lunr's inverse document frequency then scores a rare longer word above the exact one (``tanh*``
    scores TanhShrink's "tanhshrink" above Tanh's "tanh", which every page about a tanh-like function
    mentions). No boost orders both ways, so the exact text a declaration names decides.
    """
    return {normal(text): slug for slug, texts in owned.items() for text in texts}


def tags(act: Activation, owned: dict[str, list[str]]) -> list[str]:
    """The page's search tags: its name and the aliases it owns (Material weighs tags far above the text
    and shows them under each result; the framework spellings and config strings would crowd them)."""
    mine = {t.lower() for t in owned[act.slug]}
    return [act.name, *(a for a in act.aliases if a.lower() in mine)]


def site_json(acts: list[Activation], owned: dict[str, list[str]], urls: dict[str, str]) -> str:
    """assets/search-terms.json: normal(query) -> [the page's URL from the site root, its title]."""
    names = {act.slug: act.name for act in acts}
    table = {text: [urls[slug], names[slug]] for text, slug in exact_matches(owned).items()}
    return json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
