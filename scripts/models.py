"""Activations as model configs name them: Hugging Face transformers' ``hidden_act`` strings.

Two outputs, both from the declarations:

- on each activation page, under "In the frameworks", the strings that
  transformers' ``ACT2FN`` maps to it (``Activation.hidden_act``) and the
  snippet call that computes the same thing (:func:`hidden_act_markdown`);
- the page "Activations in today's models": one row per model whose config
  names its activation (``UsedIn.config``), with what that string means in
  ``ACT2FN`` and a link to the activation's page (:func:`page`).

``tests/test_hidden_act.py`` runs transformers (where it is installed) to
check every mapping against the snippets and every config default named by
``UsedIn.config_class``.
"""

from __future__ import annotations

from activations import Activation, HF_ACT_KEYS, HiddenAct, UsedIn, number

TRANSFORMERS_ACTIVATIONS = ("https://github.com/huggingface/transformers/blob/main/"
                            "src/transformers/activations.py")


def call(act: Activation, kwargs: dict[str, str]) -> str:
    """The snippet call with these keyword arguments, as a reader writes it: numbers bare
    (``eps=-1e-6``, as the snippet takes them: ``tabs.keyword_value``), other values quoted."""
    args = ", ".join(f"{k}={v}" if _is_number(v) else f'{k}="{v}"' for k, v in kwargs.items())
    return f"{act.slug}(x{', ' + args if args else ''})"


def _is_number(text: str) -> bool:
    try:
        number(text)
    except (ValueError, ZeroDivisionError):
        return False
    return True


def _meaning(act: Activation, h: HiddenAct) -> str:
    if act.kind == "gated":
        gate, value = ("a", "b") if act.gate == "first" else ("b", "a")
        return (f"the gate function: the model's MLP computes `ACT2FN[\"{h.name}\"]({gate}) * {value}`, "
                f"which is `{call(act, h.kwargs)}` with `{gate}` and `{value}` the "
                f"{'first' if act.gate == 'first' else 'second'} and other half")
    return f"`{call(act, h.kwargs)}`"


def hidden_act_markdown(act: Activation) -> str:
    """The "In Hugging Face transformers" table of an activation page ("" without hidden_act)."""
    if not act.hidden_act:
        return ""
    md = ("\n### In Hugging Face transformers\n\n"
          "A model's config names its activation by a string (`hidden_act` in most configs) that "
          f"transformers looks up in `ACT2FN` ([`transformers/activations.py`]({TRANSFORMERS_ACTIVATIONS})). "
          f"These strings give the {act.name}:\n\n"
          "| String | Computes | Note |\n|---|---|---|\n")
    for h in act.hidden_act:
        md += f"| `{h.name}` | {_meaning(act, h)} | {h.note.replace('|', chr(92) + '|')} |\n"
    md += ("\nEach row is checked by running transformers' `ACT2FN[string]` and the snippet on the same inputs "
           "(`tests/test_hidden_act.py`). The models that use these strings are listed in "
           "[Activations in today's models](../models.md).\n")
    return md


def rows(acts: list[Activation]) -> list[tuple[Activation, UsedIn]]:
    """Every (activation, model) pair whose model config names the activation."""
    return [(a, u) for a in acts for u in a.used_in if u.config]


def _acts_meaning(act: Activation, used: UsedIn) -> str:
    h = next((h for h in act.hidden_act if h.name == used.config), None)
    if used.config_key not in HF_ACT_KEYS or h is None:
        return "not an `ACT2FN` string"
    return _meaning(act, h)


def strings(acts: list[Activation]) -> str:
    """Every ACT2FN string the declarations name, alphabetically: the page it leads to and the snippet call."""
    found = sorted(((h.name, a, h) for a in acts for h in a.hidden_act), key=lambda t: (t[0], t[1].name))
    md = "| String | Activation | Computes | Note |\n|---|---|---|---|\n"
    for name, act, h in found:
        md += (f"| `{name}` | [{act.name}](activations/{act.slug}.md) | {_meaning(act, h)} | "
               f"{h.note.replace('|', chr(92) + '|')} |\n")
    return md


def page(acts: list[Activation]) -> str:
    """The table of "Activations in today's models", in the catalog's order (family, then name)."""
    # five columns, the model's name linking to its source, so the table fits a phone's width with
    # little sideways scrolling
    md = ("| Model | Activation | Config | In `ACT2FN` | Note |\n"
          "|---|---|---|---|---|\n")
    for act, used in rows(acts):
        note = used.note.replace("|", "\\|")
        value = used.config if _is_number(used.config) else f'"{used.config}"'  # as the config holds it
        md += (f"| [{used.model}]({used.source}) | [{act.name}](activations/{act.slug}.md) | "
               f"`{used.config_key}: {value}` | {_acts_meaning(act, used)} | {note} |\n")
    return md
