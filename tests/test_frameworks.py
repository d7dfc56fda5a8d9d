"""The "In the frameworks" tabs, run as a reader runs them, against the NumPy snippets.

Each declaration lists how PyTorch, Keras, TensorFlow and JAX spell the
activation; ``scripts/tabs.py`` turns that into one complete program per tab,
with what it prints written below each ``print`` as a comment (computed from
the snippet when the site is built). For every framework that is installed,
these tests take the code blocks out of the generated Markdown, exactly as
the page shows them, and execute each in a fresh namespace of a fresh Python
process (one process per framework, so the imports are paid once): what it
prints must be the comment, and the snippet's values at the parameters the
call writes out. They also check every ``framework_kink_derivative``
statement with the framework's own autodiff (float64) at the kink, for every
call of that framework, and the measurable claims of the notes.

A framework that is not installed is skipped with the command that installs
it; ``.ci/run`` installs all four, at the versions the tabs state.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

import mpmath
import numpy as np
import pytest
import sympy as sp

import derive
import render
import tabs
from activations import FRAMEWORKS
from conftest import CATALOG, snippet

ROOT = Path(__file__).resolve().parent.parent
INSTALL = {
    "PyTorch": "pip install torch==2.13.0 (the CPU wheel)",
    "JAX": "pip install jax==0.10.2 jaxlib==0.10.2",
    "Keras": "pip install keras==3.15.1 jax==0.10.2 jaxlib==0.10.2 (Keras runs on the JAX backend)",
    "TensorFlow": "pip install tensorflow==2.21.0",
}
MODULES = {"PyTorch": ("torch",), "JAX": ("jax",), "Keras": ("keras", "jax"), "TensorFlow": ("tensorflow",)}
NO_GRADIENT = "no gradient"

# Runs in a fresh interpreter, one per framework. Input (JSON on stdin):
# {"framework", "tabs": [{"id", "code"}], "gradients": [{"id", "setup", "call", "module", "at"}],
#  "probes": [{"id", "code"}], "signatures": [function]}; output (JSON, to the file named by
# argv[1]): what each tab printed or raised, the Jacobian of each call at its point (None for
# "no gradient", or the error), what each probe printed, and each function's keyword defaults. The tabs run first, each in a namespace of its own, before the runner
# imports anything, so a tab that forgets an import or Keras's backend fails as it would for a reader.
RUNNER = r'''
import contextlib, io, json, os, sys, traceback

spec = json.load(sys.stdin)
out = {"tabs": {}, "gradients": {}, "probes": {}, "signatures": {}}


def run(code, name):
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(code, name, "exec"), {"__name__": "__main__"})
        return {"stdout": printed.getvalue(), "error": ""}
    except BaseException:
        return {"stdout": printed.getvalue(), "error": traceback.format_exc()}


for tab in spec["tabs"]:
    out["tabs"][tab["id"]] = run(tab["code"], tab["id"])

framework = spec["framework"]
if framework in ("JAX", "Keras"):
    import jax
    import jax.numpy as jnp

    jax.config.update("jax_enable_x64", True)
if framework == "Keras":
    os.environ.setdefault("KERAS_BACKEND", "jax")
    import keras

    assert keras.backend.backend() == "jax", keras.backend.backend()
    keras.config.set_floatx("float64")
if framework == "PyTorch":
    import torch

    torch.set_default_dtype(torch.float64)
if framework == "TensorFlow":
    import tensorflow as tf


def names(x):
    if framework == "PyTorch":
        return {"torch": torch, "x": x}
    if framework == "JAX":
        return {"jax": jax, "jnp": jnp, "x": x}
    if framework == "Keras":
        return {"keras": keras, "x": x}
    return {"tf": tf, "x": x}


def build(item, x):
    ns = names(x)
    for statement in item["setup"]:
        exec(statement, ns)
    return eval(item["call"], ns), ns


def jacobian(item):
    at = [item["at"]]
    if framework == "PyTorch":
        x = torch.tensor(at, requires_grad=True)
        f, _ = build(item, x)
        y = (f(x) if item["module"] else f).reshape(-1)
        column = []
        for i in range(y.numel()):
            g = torch.autograd.grad(y[i], x, retain_graph=True, allow_unused=True)[0]
            column.append(None if g is None else float(g[0]))
        return column
    if framework in ("JAX", "Keras"):
        x0 = jnp.array(at, dtype=jnp.float64)
        f, ns = build(item, x0)
        if item["module"]:
            f(x0)  # builds the layer's weights outside the trace
            fn = lambda x: jnp.reshape(f(x), (-1,))
        else:
            fn = lambda x: jnp.reshape(build(item, x)[0], (-1,))
        return [float(v) for v in jax.jacobian(fn)(x0)[:, 0]]
    x = tf.constant(at, dtype=tf.float64)
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        f, _ = build(item, x)
        y = tf.reshape(f(x) if item["module"] else f, [-1])
        parts = [y[i] for i in range(int(tf.size(y)))]
    grads = [tape.gradient(p, x) for p in parts]
    return [None if g is None else float(g[0]) for g in grads]


for item in spec["gradients"]:
    try:
        out["gradients"][item["id"]] = {"jacobian": jacobian(item), "error": ""}
    except Exception as err:
        out["gradients"][item["id"]] = {"jacobian": None, "error": f"{type(err).__name__}: {err}"}

for probe in spec["probes"]:
    out["probes"][probe["id"]] = run(probe["code"], probe["id"])

import inspect

REQUIRED = "<required>"  # a keyword without a default (torch.nn.Threshold's threshold and value)
for func in spec["signatures"]:
    try:
        params = inspect.signature(eval(func, names(None))).parameters.values()
        keywords = [p for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
        out["signatures"][func] = {p.name: REQUIRED if p.default is p.empty else repr(p.default) for p in keywords}
    except (ValueError, TypeError):  # a builtin without a signature (torch.cat)
        out["signatures"][func] = None

with open(sys.argv[1], "w") as f:
    json.dump(out, f)
'''


def installed(framework: str) -> bool:
    return all(importlib.util.find_spec(m) is not None for m in MODULES[framework])


def require(framework: str) -> None:
    if not installed(framework):
        pytest.skip(f"{framework} is not installed: {INSTALL[framework]}")


# ---------------------------------------------------------------------------
# What the pages declare: tabs (from the generated Markdown), kink statements
# ---------------------------------------------------------------------------


@functools.cache
def page_tabs() -> dict[tuple[str, str], str]:
    """{(slug, framework): the program as the page shows it}, from render.frameworks()."""
    found = {}
    for act in CATALOG:
        blocks = tabs.code_blocks(render.frameworks(act))
        assert [title for title, _ in blocks] == [
            fw.name for fw in sorted(act.frameworks, key=lambda f: tabs.ORDER.index(f.name))], act.slug
        for title, code in blocks:
            found[act.slug, title] = code
    return found


def framework_of(act, name: str):
    return next((fw for fw in act.frameworks if fw.name == name), None)


def statements():
    """(act, point, framework, statement) for every framework_kink_derivative entry."""
    for act in CATALOG:
        for point, by_framework in act.framework_kink_derivative.items():
            for name, text in by_framework.items():
                yield act, point, name, text


def gradient_items(framework: str):
    """One autodiff check per (kink statement, call) of ``framework``."""
    items = []
    for act, point, name, text in statements():
        if name != framework:
            continue
        fw = framework_of(act, name)
        for n, call in enumerate(fw.calls):
            items.append({"id": f"{act.slug}@{point}:{n}", "setup": list(fw.setup), "call": call,
                          "module": not tabs.mentions_x(act, call), "at": float(sp.Rational(point)),
                          "slug": act.slug, "point": point, "text": text, "values": tabs.call_values(act, fw, call)})
    return items


# ---------------------------------------------------------------------------
# Claims of the notes that a number can check (each names its declaration)
# ---------------------------------------------------------------------------

TANH_19 = """
import jax
import jax.numpy as jnp
jax.config.update("jax_enable_x64", True)
print(repr(float(jnp.tanh(jnp.float64(19.0)))))
"""
UNDERFLOW = {  # sigmoid'(40) and tanh'(20) in float64, by autodiff
    "PyTorch": """
import torch
x = torch.tensor([40.0, 20.0], dtype=torch.float64, requires_grad=True)
(torch.sigmoid(x[0]) + torch.tanh(x[1])).backward()
print(x.grad.tolist())
""",
    "JAX": """
import jax
jax.config.update("jax_enable_x64", True)
print([float(jax.grad(jax.nn.sigmoid)(40.0)), float(jax.grad(jax.numpy.tanh)(20.0))])
""",
    "TensorFlow": """
import tensorflow as tf
x = tf.constant([40.0, 20.0], dtype=tf.float64)
with tf.GradientTape() as tape:
    tape.watch(x)
    y = tf.nn.sigmoid(x[0]) + tf.math.tanh(x[1])
print(tape.gradient(y, x).numpy().tolist())
""",
}
NOTES = {  # the facts the notes state, printed as JSON
    "PyTorch": """
import json, warnings
import torch
facts = {}
for shape in [(4,), (2, 4), (2, 3, 4), (2, 2, 3, 4)]:
    x = torch.arange(float(torch.Size(shape).numel())).reshape(shape)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        y = torch.nn.functional.softmax(x)
    dim = next(d for d in range(x.ndim) if torch.allclose(y, torch.softmax(x, dim=d)))
    facts[f"softmax_dim_none_{len(shape)}d"] = [dim, bool(caught)]
facts["softmax_inf"] = torch.softmax(torch.tensor([float("inf"), 0.0, 1.0]), -1).isnan().all().item()
facts["selu_minus_inf"] = -float(torch.nn.functional.selu(torch.tensor(-float("inf"), dtype=torch.float64)))
facts["functional_identity"] = hasattr(torch.nn.functional, "identity")
facts["relu6_is_hardtanh"] = [issubclass(torch.nn.ReLU6, torch.nn.Hardtanh), torch.nn.ReLU6().min_val,
                              torch.nn.ReLU6().max_val]
facts["crelu_builtin"] = hasattr(torch, "crelu") or hasattr(torch.nn.functional, "crelu")
facts["cat_default_dim"] = torch.cat([torch.zeros(1, 2), torch.zeros(1, 2)]).shape[0]
print(json.dumps(facts))
""",
    "JAX": """
import json
import jax
jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp
facts = {"softmax_inf": bool(jnp.isnan(jax.nn.softmax(jnp.array([jnp.inf, 0.0, 1.0]))).all())}
facts["selu_minus_inf"] = -float(jax.nn.selu(-jnp.inf))
facts["crelu_builtin"] = hasattr(jax.nn, "crelu")
grad = jax.vmap(jax.grad(lambda x: jnp.heaviside(x, 1.0)))
facts["heaviside_grad"] = grad(jnp.array([-1e300, -1.0, -0.0, 0.0, 1e-300, 1.0, jnp.inf])).tolist()
print(json.dumps(facts))
""",
    "Keras": """
import json, os
os.environ["KERAS_BACKEND"] = "jax"
import keras
layer = keras.layers.PReLU()
layer(keras.ops.zeros((3, 5)))
facts = {"prelu_alpha_shape": list(layer.alpha.shape), "prelu_alpha": keras.ops.convert_to_numpy(layer.alpha).tolist()}
facts["crelu_builtin"] = hasattr(keras.activations, "crelu") or hasattr(keras.ops, "crelu")
print(json.dumps(facts))
""",
    "TensorFlow": """
import inspect, json
import tensorflow as tf
x = tf.reshape(tf.range(24.0), (2, 3, 4))
facts = {"softmax_axis_none_is_last": bool(tf.reduce_all(tf.nn.softmax(x) == tf.nn.softmax(x, axis=-1)))}
facts["selu_minus_inf"] = -float(tf.nn.selu(tf.constant(-float("inf"), dtype=tf.float64)))
facts["elu_keywords"] = list(inspect.signature(tf.nn.elu).parameters)
facts["crelu_builtin"] = hasattr(tf.nn, "crelu")
print(json.dumps(facts))
""",
}
# The float32 softmax cases at ±inf, run by the TensorFlow probe once with oneDNN's kernels off and once on.
ONEDNN_CASES = """
import json, tensorflow as tf
inf = float("inf")
c = lambda v: tf.constant(v, dtype="float32")
cases = {"softmax [inf, 0]": (1, [inf, 0.0]), "softmax [inf, 0, 1]": (1, [inf, 0.0, 1.0]),
         "softmax of minus [-inf, 0]": (-1, [-inf, 0.0]), "softmax of minus [-inf, 0, 1]": (-1, [-inf, 0.0, 1.0])}
print(json.dumps({k: [repr(float(t)) for t in tf.nn.softmax(s * c(v)).numpy()] for k, (s, v) in cases.items()}))
"""

PROBES = {
    "JAX": {"tanh19": TANH_19, "underflow": UNDERFLOW["JAX"]},
    "PyTorch": {"underflow": UNDERFLOW["PyTorch"], "heaviside_nan": """
import torch
print(float(torch.heaviside(torch.tensor(float("nan")), torch.tensor(1.0))))
""", "heaviside_backward": """
import torch
x = torch.tensor(0.0, requires_grad=True)
try:
    torch.heaviside(x, torch.tensor(1.0)).backward()
    print("no error")
except RuntimeError as err:
    print(str(err).splitlines()[0])
"""},
    "TensorFlow": {"underflow": UNDERFLOW["TensorFlow"], "leaky": """
import tensorflow as tf
print(repr(float(tf.nn.leaky_relu(tf.constant(-1.0, dtype=tf.float64)))))
"""},
}


# Probes for the notes and pages of the activations added after softmax (log-softmax, softmin, RReLU,
# GLU, Mish, Threshold): one program per (framework, activation), each printing one JSON object.
# Values are printed as repr strings ("nan", "-inf", "0.0"), so a test compares them exactly.
SHOW = """
import json
def show(values):
    import numpy as np
    return [repr(float(v)) for v in np.asarray(values, dtype=np.float64).reshape(-1)]
def names(module, part):
    return sorted(n for n in dir(module) if part in n.lower())
def raised(call):
    try:
        call()
        return "no error"
    except Exception as err:
        return f"{type(err).__name__}: {str(err).splitlines()[0]}"
"""
IMPLICIT_DIM = """
def implicit_dim(function, reference):
    import warnings
    found = []
    for shape in [(4,), (2, 4), (2, 3, 4), (2, 2, 3, 4)]:
        x = torch.arange(float(torch.Size(shape).numel())).reshape(shape)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            y = function(x)
        dims = [d for d in range(x.ndim) if torch.allclose(y, reference(x, d))]
        found.append([len(shape), dims, any("Implicit dimension choice" in str(w.message) for w in caught)])
    return found
"""
NOTE_PROBES = {
    "PyTorch": {
        "softmax_family": SHOW + IMPLICIT_DIM + """
import torch
F, t, inf = torch.nn.functional, torch.tensor, float("inf")
facts = {
    "log_softmax_implicit_dim": implicit_dim(F.log_softmax, lambda x, d: torch.log_softmax(x, d)),
    "softmin_implicit_dim": implicit_dim(F.softmin, lambda x, d: torch.softmax(-x, d)),
    "log_softmax": {s: show(F.log_softmax(t(v), -1)) for s, v in [("[inf, 0, 1]", [inf, 0.0, 1.0]),
                                                                   ("[-inf, 0]", [-inf, 0.0])]},
    "softmin": {s: show(F.softmin(t(v), -1)) for s, v in [("[-inf, 0]", [-inf, 0.0]), ("[inf, 0]", [inf, 0.0]),
                                                           ("[inf, inf]", [inf, inf])]},
    "softmax": {f"{s} {d}": show(F.softmax(t(v, dtype=getattr(torch, d)), -1))
                for s, v in [("[inf, 0]", [inf, 0.0]), ("[inf, 0, 1]", [inf, 0.0, 1.0]), ("[-inf, -inf]", [-inf, -inf])]
                for d in ("float32", "float64")},
}
logits, target = t([[2.0, -1.0, 0.5], [0.0, 3.0, -2.0]]), t([1, 2])
facts["cross_entropy_is_log_softmax_then_nll"] = torch.equal(
    torch.nn.CrossEntropyLoss()(logits, target), torch.nn.NLLLoss()(torch.nn.LogSoftmax(dim=1)(logits), target))
print(json.dumps(facts))
""",
        "rrelu": SHOW + """
import inspect
import torch
F, t = torch.nn.functional, torch.tensor
module = torch.nn.RReLU()
facts = {"module_training": module.training,
         "function_training_default": inspect.signature(F.rrelu).parameters["training"].default}
x = torch.full((1000,), -1.0, dtype=torch.float64, requires_grad=True)
y = module(x)
y.sum().backward()
slopes = -y.detach()
facts["backward_node"] = type(y.grad_fn).__name__
facts["gradient_is_the_drawn_slope"] = torch.equal(x.grad, slopes)
facts["slopes_in_bounds"] = bool(((slopes >= 0.125) & (slopes <= 1 / 3)).all())
facts["distinct_slopes"] = len(set(slopes.tolist()))
facts["next_call_draws_again"] = not torch.equal(module(x.detach()), y.detach())
# At the kink: the same generator state draws the same slopes for a row of zeros as for a row of -1s.
torch.manual_seed(0)
drawn = -module(torch.full((50,), -1.0, dtype=torch.float64))
torch.manual_seed(0)
z = torch.zeros(50, dtype=torch.float64, requires_grad=True)
module(z).sum().backward()
facts["kink_gradient_in_training_is_the_drawn_slope"] = torch.equal(z.grad, drawn) and len(set(drawn.tolist())) > 1
u = torch.full((1000,), -1.0, dtype=torch.float64)
facts["function_default_is_evaluation"] = show(torch.unique(F.rrelu(u)))
module.eval()
facts["eval_module"] = show(torch.unique(module(u)))
print(json.dumps(facts))
""",
        "glu": SHOW + """
import torch
x = torch.tensor([1.0, -2.0, 0.5, 3.0, -1.0, 0.0], dtype=torch.float64, requires_grad=True)
torch.nn.functional.glu(x).backward(torch.tensor([1.0, 10.0, 100.0], dtype=torch.float64))
print(json.dumps({"odd": raised(lambda: torch.nn.functional.glu(torch.ones(3))),
                  "odd_module": raised(lambda: torch.nn.GLU()(torch.ones(2, 5))),
                  "example": show(torch.nn.functional.glu(torch.tensor([1.0, 2.0, -1.0, 3.0]))),
                  "page_backward": show(x.grad)}))
""",
        "threshold": SHOW + """
import torch
x = torch.tensor([float("nan"), 0.5, 1.0, 2.0], dtype=torch.float64, requires_grad=True)
y = torch.nn.functional.threshold(x, 1.0, -3.0)
y.sum().backward()
print(json.dumps({"values": show(y.detach()), "gradient": show(x.grad)}))
""",
    },
    "JAX": {
        "softmax_family": SHOW + """
import jax
import jax.numpy as jnp
inf = jnp.inf
a = lambda v, d=jnp.float64: jnp.array(v, dtype=d)
facts = {
    "log_softmax": {"[inf, 0]": show(jax.nn.log_softmax(a([inf, 0.0]))),
                    "[inf, 0, 1]": show(jax.nn.log_softmax(a([inf, 0.0, 1.0]))),
                    "[-inf, 0]": show(jax.nn.log_softmax(a([-inf, 0.0]))),
                    "[1, 2, 3] where [T, F, T]": show(jax.nn.log_softmax(a([1.0, 2.0, 3.0]),
                                                                         where=jnp.array([True, False, True])))},
    "softmin_names": names(jax.nn, "softmin"),
    "softmax_of_minus": {s: show(jax.nn.softmax(-a(v)))
                         for s, v in [("[-inf, 0]", [-inf, 0.0]), ("[inf, 0]", [inf, 0.0]),
                                      ("[inf, inf]", [inf, inf])]},
    "softmax": {f"{s} {d.__name__}": show(jax.nn.softmax(a(v, d)))
                for s, v in [("[inf, 0]", [inf, 0.0]), ("[-inf, -inf]", [-inf, -inf])]
                for d in (jnp.float32, jnp.float64)},
    "docs": {f: " ".join(getattr(jax.nn, f).__doc__.replace("``", "").split()) for f in ("softmax", "log_softmax")},
}
print(json.dumps(facts))
""",
        "others": SHOW + """
import jax
import jax.numpy as jnp
print(json.dumps({"rrelu_names": names(jax.nn, "rrelu"), "threshold_names": names(jax.nn, "threshold"),
                  "glu_odd": raised(lambda: jax.nn.glu(jnp.ones(3))),
                  "glu_example": show(jax.nn.glu(jnp.array([1.0, 2.0, -1.0, 3.0])))}))
""",
    },
    "Keras": {
        "softmax_family": SHOW + """
import keras
import numpy as np
inf = np.inf
x = np.array([[2.0, -1.0, 0.5], [0.0, 3.0, -2.0]])
facts = {
    "log_softmax_layers": names(keras.layers, "logsoftmax") + names(keras.layers, "log_softmax"),
    # dtype given: the tabs made layers before float64 was set, which fixed the default layer policy at float32
    "activation_layer_log_softmax": (show(keras.layers.Activation("log_softmax", dtype="float64")(x))
                                     == show(keras.ops.log_softmax(x))),
    "log_softmax": {f"{s} {f}": show(getattr(keras, f).log_softmax(np.array(v)))
                    for s, v in [("[inf, 0]", [inf, 0.0]), ("[-inf, 0]", [-inf, 0.0])] for f in ("ops", "activations")},
    "log_softmax_doc": " ".join(keras.ops.log_softmax.__doc__.split()),
    "softmin_names": {m: names(getattr(keras, m), "softmin") for m in ("activations", "ops", "layers")},
    "softmax_of_minus": {f"{s} {f}": show(getattr(keras, f).softmax(-np.array(v)))
                         for s, v in [("[-inf, 0]", [-inf, 0.0]), ("[inf, 0]", [inf, 0.0]), ("[inf, inf]", [inf, inf])]
                         for f in ("ops", "activations")},
}
import inspect
losses = (keras.losses.CategoricalCrossentropy, keras.losses.SparseCategoricalCrossentropy)
facts["from_logits_defaults"] = [inspect.signature(c).parameters["from_logits"].default for c in losses]
onehot = np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
facts["cross_entropy_from_logits"] = [float(losses[0](from_logits=True)(onehot, x)),
                                      float(losses[1](from_logits=True)(np.array([1, 2]), x)),
                                      float(-np.mean(np.sum(onehot * np.asarray(keras.ops.log_softmax(x)), axis=-1)))]
print(json.dumps(facts))
""",
        "others": SHOW + """
import subprocess, sys
import jax
import keras
import numpy as np
x = np.array([[1.0, 2.0, -1.0, 3.0], [0.5, -2.0, 0.0, 4.0]])
facts = {m: {part: names(getattr(keras, m), part) for part in ("rrelu", "glu", "mish")}
         for m in ("activations", "ops", "layers")}
layer = lambda name: keras.layers.Activation(name, dtype="float64")  # the tabs fixed the policy at float32
facts["activation_layer_glu"] = show(layer("glu")(x)) == show(keras.ops.glu(x, axis=-1))
facts["glu_example"] = show(keras.ops.glu(np.array([1.0, 2.0, -1.0, 3.0])))
facts["activation_layer_mish"] = show(layer("mish")(x)) == show(keras.activations.mish(x))
facts["glu_odd"] = {f: raised(lambda: g(np.ones(3))) for f, g in [("keras", keras.ops.glu), ("jax", jax.nn.glu)]}
code = ("import os; os.environ['KERAS_BACKEND'] = 'jax'\\n"
        "import jax, keras, numpy as np\\n"
        "for g in (keras.ops.glu, jax.nn.glu):\\n"
        "    try:\\n        g(np.ones(3)); print('no error')\\n"
        "    except Exception as err:\\n        print(type(err).__name__)")
run = subprocess.run([sys.executable, "-O", "-c", code], capture_output=True, text=True, timeout=300)
facts["glu_odd_under_O"] = run.stdout.split() or run.stderr[-500:]
y = np.array([np.nan, 0.5, 1.0, 2.0])
f = lambda v: keras.ops.threshold(v, threshold=1.0, default_value=-3.0)
facts["threshold"] = {"values": show(f(y)), "gradient": show(jax.grad(lambda v: f(v).sum())(y))}
r = np.array([-2.0, 0.5, 1.0, 1.5])
facts["relu_threshold"] = {"slope 0": show(keras.activations.relu(r, negative_slope=0.0, threshold=1.0)),
                           "threshold 0 value 0": show(keras.ops.threshold(r, threshold=1.0, default_value=0.0)),
                           "slope 0.5": show(keras.activations.relu(r, negative_slope=0.5, threshold=1.0))}
print(json.dumps(facts))
""",
    },
    "TensorFlow": {
        "softmax_family": SHOW + f"ONEDNN_CASES = {ONEDNN_CASES!r}\n" + """
import tensorflow as tf
inf = float("inf")
facts = {"softmin_names": [hasattr(tf.nn, "softmin"), hasattr(tf.math, "softmin")]}
for d in ("float32", "float64"):
    c = lambda v: tf.constant(v, dtype=d)
    facts[d] = {
        "log_softmax [inf, 0]": show(tf.nn.log_softmax(c([inf, 0.0]))),
        "log_softmax [inf, 0, 1]": show(tf.nn.log_softmax(c([inf, 0.0, 1.0]))),
        "log_softmax [-inf, 0]": show(tf.nn.log_softmax(c([-inf, 0.0]))),
        "softmax [inf, 0]": show(tf.nn.softmax(c([inf, 0.0]))),
        "softmax [inf, 0, 1]": show(tf.nn.softmax(c([inf, 0.0, 1.0]))),
        "softmax [-inf, -inf]": show(tf.nn.softmax(c([-inf, -inf]))),
        "softmax of minus [-inf, 0]": show(tf.nn.softmax(-c([-inf, 0.0]))),
        "softmax of minus [-inf, 0, 1]": show(tf.nn.softmax(-c([-inf, 0.0, 1.0]))),
        "softmax of minus [inf, 0]": show(tf.nn.softmax(-c([inf, 0.0]))),
        "softmax of minus [inf, inf]": show(tf.nn.softmax(-c([inf, inf]))),
    }
# float32 softmax takes oneDNN's kernel or Eigen's, which differ at ±inf: TF_ENABLE_ONEDNN_OPTS decides,
# and its default depends on the CPU (on where the CPU has AVX-512 VNNI or BF16, or AMX)
import os, subprocess, sys
facts["float32 oneDNN"] = {}
for flag in ("0", "1"):
    run = subprocess.run([sys.executable, "-c", ONEDNN_CASES], capture_output=True, text=True, timeout=300,
                         env=dict(os.environ, TF_ENABLE_ONEDNN_OPTS=flag, TF_CPP_MIN_LOG_LEVEL="3"))
    facts["float32 oneDNN"][flag] = json.loads(run.stdout.strip().splitlines()[-1])
cpu = open("/proc/cpuinfo").read().split() if os.path.exists("/proc/cpuinfo") else []
facts["cpu_nn_features"] = sorted({f for f in cpu if f in ("avx512_vnni", "avx512_bf16", "amx_bf16", "amx_tile")})
x = tf.reshape(tf.range(24.0), (2, 3, 4))
facts["log_softmax_axis_none_is_last"] = bool(tf.reduce_all(tf.nn.log_softmax(x) == tf.nn.log_softmax(x, axis=-1)))
print(json.dumps(facts))
""",
        "others": SHOW + """
import tensorflow as tf
import keras
facts = {m: {part: names(getattr(tf, m), part) for part in ("rrelu", "glu", "mish", "threshold", "softmin")}
         for m in ("nn", "math")}
facts["tf_keras_is_keras"] = {f: getattr(tf.keras.activations, f) is getattr(keras.activations, f)
                              for f in ("glu", "mish", "threshold")}
facts["keras_version"] = keras.__version__
facts["leaky_relu_mean_slope"] = repr(float(tf.nn.leaky_relu(tf.constant(-1.0, dtype=tf.float64),
                                                             alpha=0.22916666666666666)))
print(json.dumps(facts))
""",
    },
}

SPARSE_SIGMOID_AT = [-2.0, -1.0, -0.5, 0.0, 0.25, 1.0, 3.0]
NOTE_PROBES["PyTorch"].update({
    "later": SHOW + f"SPARSE_SIGMOID_AT = {SPARSE_SIGMOID_AT}\n" + """
import math
import torch
F, t = torch.nn.functional, torch.tensor
facts = {"names": {m: {part: names(eval(m), part) for part in ("sparse", "squareplus", "swish", "shrink")}
                   for m in ("torch", "torch.nn", "torch.nn.functional")},
         "silu_keywords": __import__("inspect").signature(F.silu).parameters.__len__()}
x = t([-2.0, -0.5, 0.0, 0.3, 2.0], dtype=torch.float64)
facts["hardshrink_negative_lambd_keeps_x"] = torch.equal(F.hardshrink(x, lambd=-1.0), x)
facts["hardshrink_minus_zero"] = show(F.hardshrink(t([-0.0], dtype=torch.float64), lambd=0.5))
v = t([float("nan")], dtype=torch.float64, requires_grad=True)
y = F.hardshrink(v, lambd=0.5)
y.sum().backward()
facts["hardshrink_nan"] = [show(y.detach()), show(v.grad)]
facts["softshrink_negative_lambd"] = raised(lambda: F.softshrink(t([1.0]), lambd=-0.5))
w = t([20.0, math.nextafter(20.0, math.inf), 21.0], dtype=torch.float64, requires_grad=True)
s = F.softplus(w, beta=1.0, threshold=20.0)
s.sum().backward()
facts["softplus_threshold"] = {"gradient": show(w.grad), "values": show(s.detach()),
                               "above_1e-9": repr(float(F.softplus(t(20.0 + 1e-9, dtype=torch.float64))))}
tanhshrink = {}
for dtype, points in [("float64", [1e-5, 1e-9]), ("float32", [1e-5, 1e-3])]:
    for p in points:
        tanhshrink[f"{dtype} {p:g}"] = repr(float(F.tanhshrink(t(p, dtype=getattr(torch, dtype)))))
g = t(1e-9, dtype=torch.float64, requires_grad=True)
F.tanhshrink(g).backward()
tanhshrink["gradient float64 1e-09"] = repr(float(g.grad))
facts["tanhshrink"] = tanhshrink
facts["clamp_sparse_sigmoid"] = show(torch.clamp((t(SPARSE_SIGMOID_AT) + 1) / 2, 0, 1))
print(json.dumps(facts))
""",
})
NOTE_PROBES["JAX"].update({
    "later": SHOW + """
import inspect
import jax
import jax.numpy as jnp
facts = {"names": {part: names(jax.nn, part) for part in ("shrink", "sparsemax", "threshold")}}
grad = jax.grad(jax.nn.sparse_plus)
facts["sparse_plus_grad"] = {repr(p): repr(float(grad(p))) for p in (-jnp.inf, -1e308, 1e308, jnp.inf, -2.0, 2.0)}
facts["squareplus"] = {"-1e200": repr(float(jax.nn.squareplus(-1e200))), "-1e10": repr(float(jax.nn.squareplus(-1e10))),
                       "-1.3e154": repr(float(jax.nn.squareplus(-1.3e154))),
                       "-1.4e154": repr(float(jax.nn.squareplus(-1.4e154))),
                       "grad -1e10": repr(float(jax.grad(jax.nn.squareplus)(-1e10)))}
facts["source"] = {f: " ".join(inspect.getsource(getattr(jax.nn, f)).split())
                   for f in ("squareplus", "softplus", "sparse_sigmoid")}
grid = jnp.concatenate([jnp.linspace(-800.0, 800.0, 4001), jnp.array([-jnp.inf, jnp.inf, 0.0, -0.0])])
facts["softplus_is_logaddexp"] = bool((jax.nn.softplus(grid) == jnp.logaddexp(grid, 0)).all())
facts["swish_is_silu"] = jax.nn.swish is jax.nn.silu
print(json.dumps(facts))
""",
})
NOTE_PROBES["Keras"].update({
    "later": SHOW + """
import inspect
from pathlib import Path
import jax
import jax.numpy as jnp
import keras
import numpy as np
from keras.src.backend.jax import nn as backend
K, A = keras.ops, keras.activations
facts = {"layers": {part: names(keras.layers, part) for part in ("gelu", "shrink", "sparse", "squareplus")}}
nan = np.array([np.nan])
for f in ("hard_shrink", "soft_shrink"):
    value = getattr(K, f)(nan, threshold=0.5)
    gradient = jax.grad(lambda v: getattr(K, f)(v, threshold=0.5).sum())(nan)
    facts[f + "_nan"] = [show(value), show(gradient)]
facts["soft_shrink_negative_threshold"] = show(K.soft_shrink(np.array([1.0, 0.2, -1.0]), threshold=-0.5))
x = np.array([[-3.0, -0.5, 0.0, 0.7, 2.5]])
facts["activation_layer_gelu"] = [show(keras.layers.Activation("gelu", dtype="float64")(x)) == show(A.gelu(x)),
                                  show(A.gelu(x)) == show(A.gelu(x, approximate=False)),
                                  show(K.gelu(x)) == show(K.gelu(x, approximate=True)),
                                  show(A.gelu(x)) != show(K.gelu(x))]
grid = jnp.concatenate([jnp.linspace(-50.0, 50.0, 1001), jnp.array([-1e200, -1e10, 1e10, 1e308, -jnp.inf, jnp.inf])])
facts["calls_jax"] = {}
for f in ("softplus", "sparse_plus", "squareplus"):
    same = all(show(getattr(m, f)(grid)) == show(getattr(jax.nn, f)(grid)) for m in (K, A))
    facts["calls_jax"][f] = [same, backend.jnn is jax.nn, f"jnn.{f}(x" in inspect.getsource(getattr(backend, f))]
grad = jax.grad(lambda v: K.sparse_plus(v))
facts["sparse_plus_grad"] = {repr(p): repr(float(grad(p))) for p in (-np.inf, 1e308, np.inf)}
facts["squareplus_doc"] = " ".join(A.squareplus.__doc__.split())
facts["sparse_sigmoid_doc"] = " ".join(A.sparse_sigmoid.__doc__.split())
sm = lambda v: show(K.sparsemax(np.array(v), axis=-1))
facts["sparsemax"] = {"[1, 0.5, -1]": sm([1.0, 0.5, -1.0]), "[1, 1]": sm([1.0, 1.0]), "[0, 0, 0]": sm([0.0, 0.0, 0.0]),
                      "[2, 0]": sm([2.0, 0.0])}
jac = lambda v: np.asarray(jax.jacobian(lambda z: K.sparsemax(z, axis=-1))(jnp.array(v))).tolist()
facts["sparsemax_jacobian"] = {"[1, 0]": jac([1.0, 0.0]), "[0, 0, 0]": jac([0.0, 0.0, 0.0])}
root = Path(keras.__file__).parent / "src" / "backend"
facts["sparsemax_line"] = {b: "sum(logits_cumsum_safe" in (root / b / "nn.py").read_text()
                           for b in ("jax", "tensorflow", "torch", "numpy")}
facts["swish_is_silu"] = [A.swish is A.silu, K.swish is K.silu]
tanhshrink = {}
for dtype, points in [("float64", [1e-5, 1e-9]), ("float32", [1e-5, 1e-3])]:
    for p in points:
        tanhshrink[f"{dtype} {p:g}"] = repr(float(K.tanh_shrink(np.array(p, dtype=dtype))))
tanhshrink["gradient float64 1e-09"] = repr(float(jax.grad(K.tanh_shrink)(1e-9)))
facts["tanhshrink"] = tanhshrink
print(json.dumps(facts))
""",
})
NOTE_PROBES["TensorFlow"].update({
    "later": SHOW + """
import tensorflow as tf
import keras
parts = ("shrink", "sparse_plus", "sparseplus", "squareplus", "sparsemax", "sparse_sigmoid")
facts = {m: {part: names(getattr(tf, m), part) for part in parts} for m in ("nn", "math")}
facts["backend"] = keras.backend.backend()
facts["tf_keras_is_keras"] = {f: getattr(tf.keras.activations, f) is getattr(keras.activations, f)
                              for f in ("hard_shrink", "soft_shrink", "sparse_sigmoid", "sparsemax")}
def gradient(f, points, **kw):
    x = tf.constant(points, dtype=tf.float64)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.reduce_sum(f(x, **kw))
    return show(tape.gradient(y, x))
facts["soft_shrink_grad"] = gradient(keras.activations.soft_shrink, [-0.5, 0.5], threshold=0.5)
facts["sparse_sigmoid_grad"] = gradient(keras.activations.sparse_sigmoid, [-1.0, 1.0])
facts["sparsemax"] = show(tf.keras.activations.sparsemax(tf.constant([1.0, 0.5, -1.0], dtype=tf.float64)))
facts["softplus_same"] = tf.nn.softplus is tf.math.softplus
facts["swish_is_silu"] = tf.nn.swish is tf.nn.silu
beta = tf.Variable(1.5, dtype=tf.float64)
with tf.GradientTape() as tape:
    y = tf.reduce_sum(tf.nn.silu(tf.constant([0.5, -1.0, 2.0], dtype=tf.float64), beta=beta))
facts["silu_beta_gradient"] = repr(float(tape.gradient(y, beta)))
print(json.dumps(facts))
""",
})

NOTE_PROBES["PyTorch"]["hard"] = SHOW + """
import torch
x = torch.tensor([-2.5, -1.0, 0.0, 0.5, 2.9], dtype=torch.float64, requires_grad=True)
torch.nn.functional.hardsigmoid(x).sum().backward()
print(json.dumps({"hardsigmoid_ramp_gradient": show(x.grad),
                  "float32_sixth": repr(float(torch.tensor(1 / 6, dtype=torch.float32)))}))
"""
NOTE_PROBES["JAX"]["hard"] = SHOW + """
import inspect
import jax
source = lambda f: " ".join(inspect.getsource(f).split())
print(json.dumps({"hard_sigmoid_source": source(jax.nn.hard_sigmoid), "hard_silu_source": source(jax.nn.hard_silu),
                  "hard_swish_is_hard_silu": jax.nn.hard_swish is jax.nn.hard_silu}))
"""
NOTE_PROBES["Keras"]["hard"] = SHOW + """
import keras
import numpy as np
x = np.array([-4.0, -3.0, -2.5, -1.0, 0.0, 0.7, 3.0, 5.0])
print(json.dumps({"hard_swish_is_hard_silu": [keras.activations.hard_swish is keras.activations.hard_silu,
                                              keras.ops.hard_swish is keras.ops.hard_silu],
                  "hard_sigmoid": [float(v) for v in np.asarray(keras.ops.hard_sigmoid(x))],
                  "hard_sigmoid_doc": " ".join(keras.activations.hard_sigmoid.__doc__.split())}))
"""
NOTE_PROBES["TensorFlow"]["hard"] = SHOW + """
import tensorflow as tf
import keras
import numpy as np
x = tf.constant([-4.0, -3.0, -2.5, -1.0, 0.0, 0.7, 3.0, 5.0], dtype=tf.float64)
print(json.dumps({"names": {part: names(tf.nn, part) for part in ("hard", "sigmoid", "swish", "silu")},
                  "tf_keras_is_keras": [tf.keras.activations.hard_sigmoid is keras.activations.hard_sigmoid,
                                        tf.keras.activations.hard_silu is keras.activations.hard_silu],
                  "hard_sigmoid": [float(v) for v in np.asarray(tf.keras.activations.hard_sigmoid(x))]}))
"""

EXP_AT = "[-720.0, -88.0, -87.0, 710.0]"  # float64 subnormal, float32 subnormal, float32 normal, overflow
NOTE_PROBES["PyTorch"]["exponential"] = SHOW + """
import inspect, warnings
import torch
facts = {"names": {m: names(eval(m), "exp") for m in ("torch.nn", "torch.nn.functional")},
         "poisson_log_input": inspect.signature(torch.nn.PoissonNLLLoss).parameters["log_input"].default}
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    x = torch.tensor(EXP_AT, dtype=torch.float64, requires_grad=True)
    torch.exp(x).sum().backward()
    facts["float64"] = show(torch.exp(x.detach()))
    facts["float32"] = show(torch.exp(x.detach().float()))
facts["gradient"] = show(x.grad)
facts["warnings"] = [str(w.message) for w in caught]
print(json.dumps(facts))
""".replace("EXP_AT", EXP_AT)
NOTE_PROBES["JAX"]["exponential"] = SHOW + """
import warnings
import jax
import jax.numpy as jnp
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    x = jnp.array(EXP_AT, dtype=jnp.float64)
    facts = {"float64": show(jnp.exp(x)), "float32": show(jnp.exp(x.astype(jnp.float32))),
             "gradient": show(jax.vmap(jax.grad(jnp.exp))(x))}
facts["warnings"] = [str(w.message) for w in caught]
facts["names"] = names(jax.nn, "exp")
facts["platform"] = jax.default_backend()
print(json.dumps(facts))
""".replace("EXP_AT", EXP_AT)
NOTE_PROBES["Keras"]["exponential"] = SHOW + """
import inspect
import keras
import numpy as np
x = np.array(EXP_AT)
print(json.dumps({"float64": show(keras.activations.exponential(x)), "ops": show(keras.ops.exp(x)),
                  "layer": show(keras.layers.Activation("exponential", dtype="float64")(x)),
                  "source": " ".join(inspect.getsource(keras.activations.exponential).split())}))
""".replace("EXP_AT", EXP_AT)
NOTE_PROBES["TensorFlow"]["exponential"] = SHOW + """
import warnings
import tensorflow as tf
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    x = tf.constant(EXP_AT, dtype=tf.float64)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.math.exp(x)
    facts = {"float64": show(y), "float32": show(tf.math.exp(tf.cast(x, tf.float32))),
             "gradient": show(tape.gradient(y, x))}
facts["warnings"] = [str(w.message) for w in caught]
facts["same"] = tf.exp is tf.math.exp
facts["names"] = {m: names(getattr(tf, m), "exponential") for m in ("nn", "math")}
print(json.dumps(facts))
""".replace("EXP_AT", EXP_AT)


@functools.cache
def results(framework: str) -> dict:
    """Run every tab, gradient and probe of ``framework`` in one fresh interpreter."""
    spec = {
        "framework": framework,
        "tabs": [{"id": f"{slug}:{name}", "code": code} for (slug, name), code in page_tabs().items()
                 if name == framework],
        "gradients": [{k: item[k] for k in ("id", "setup", "call", "module", "at")}
                      for item in gradient_items(framework)],
        "probes": [{"id": k, "code": v} for k, v in {**PROBES.get(framework, {}), **NOTE_PROBES.get(framework, {}),
                                                          "notes": NOTES[framework]}.items()],
        "signatures": sorted({func for _, _, func, _ in written_keywords(framework)}),
    }
    env = {k: v for k, v in os.environ.items() if k != "KERAS_BACKEND"}
    env.update(TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="", JAX_PLATFORMS="cpu", PYTHONWARNINGS="ignore")
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "out.json"
        done = subprocess.run([sys.executable, "-c", RUNNER, str(target)], input=json.dumps(spec), text=True,
                              capture_output=True, cwd=tmp, env=env, timeout=900)
        assert done.returncode == 0, f"{framework} runner failed:\n{done.stderr[-3000:]}"
        return json.loads(target.read_text())


TABS = [pytest.param(act, fw.name, id=f"{act.slug}-{fw.name}") for act in CATALOG for fw in act.frameworks]


# ---------------------------------------------------------------------------
# The tabs
# ---------------------------------------------------------------------------


def test_every_tab_is_generated_with_its_calls_and_fits_the_code_box():
    for act in CATALOG:
        for fw in act.frameworks:
            code = page_tabs()[act.slug, fw.name]
            assert len(re.findall(r"^# \[", code, flags=re.M)) == len(fw.calls), (act.slug, fw.name)
            assert all(len(line) <= tabs.WIDTH for line in code.splitlines()), (act.slug, fw.name)
            compile(code, f"{act.slug}:{fw.name}", "exec")


@pytest.mark.parametrize("act, framework", TABS)
def test_tab_prints_what_the_page_shows(act, framework):
    require(framework)
    code = page_tabs()[act.slug, framework]
    got = results(framework)["tabs"][f"{act.slug}:{framework}"]
    assert not got["error"], f"{act.slug} {framework} tab raised:\n{got['error']}\n{code}"
    shown = [line[2:] for line in code.splitlines() if line.startswith("# [")]
    assert got["stdout"].splitlines() == shown, f"{act.slug} {framework}: printed vs shown\n{code}"


@pytest.mark.parametrize("act, framework", TABS)
def test_tab_comments_are_the_snippet_at_the_calls_parameters(act, framework):
    """Independently of tabs.output: the shown numbers are the snippet's, to the 4 decimals printed."""
    fw = framework_of(act, framework)
    code = page_tabs()[act.slug, framework]
    xs = np.array(json.loads(re.search(r"^x = [\w.]+\((\[.*\])\)$", code, flags=re.M).group(1)))
    shown = [json.loads(line[2:]) for line in code.splitlines() if line.startswith("# [")]
    for call, numbers in zip(fw.calls, shown, strict=True):
        want = np.ravel(getattr(snippet(act.slug), act.slug)(xs, **tabs.call_values(act, fw, call)))
        np.testing.assert_allclose(numbers, want, rtol=0, atol=0.5e-4 + 1e-12, err_msg=f"{act.slug}: {call}")


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_every_declared_call_of_an_installed_framework_is_run(framework):
    require(framework)
    declared = sum(len(fw.calls) for act in CATALOG for fw in act.frameworks if fw.name == framework)
    ran = results(framework)["tabs"]
    printed = sum(len(r["stdout"].splitlines()) for r in ran.values() if not r["error"])
    assert declared and printed == declared


# ---------------------------------------------------------------------------
# Gradients at the kinks
# ---------------------------------------------------------------------------


def test_every_kink_statement_names_a_framework_the_page_shows():
    for act, point, name, _ in statements():
        assert name in FRAMEWORKS, f"{act.slug}: framework_kink_derivative names {name!r}, not one of {FRAMEWORKS}"
        assert framework_of(act, name), f"{act.slug}: {name}'s gradient at {point} is stated, but no {name} tab"


def declared_value(act, text: str, values: dict) -> float:
    """'α', 'λα', '0', '1 (α is fixed at 1)': the leading expression at the call's parameter values."""
    first = text.split(" (")[0].strip()
    symbolic = first.replace("λα", "lamda*alpha").replace("α", "alpha").replace("λ", "lamda")
    expr = derive.parse(act, symbolic)
    syms = derive.symbols(act)
    at = {syms[p.symbol]: values.get(p.name, sp.Rational(p.default)) for p in act.params}
    at |= derive.parameter_values(act, constants_only=True)
    return float(expr.subs(at))


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_gradient_at_kinks_is_what_the_page_says(framework):
    require(framework)
    by_slug = {a.slug: a for a in CATALOG}
    items = gradient_items(framework)
    got = results(framework)["gradients"]
    checked = 0
    for item in items:
        act, result = by_slug[item["slug"]], got[item["id"]]
        where = f"{act.slug} at {item['point']}, {framework} {item['call']} (page: {item['text']!r})"
        if item["text"].startswith(NO_GRADIENT):
            assert result["error"] or all(g is None for g in result["jacobian"]), f"{where}: got {result}"
        else:
            assert not result["error"], f"{where}: {result['error']}"
            want = declared_value(act, item["text"], item["values"])
            # float32-stored constants (TensorFlow's leaky_relu slope) agree to 1e-7.
            assert result["jacobian"] == pytest.approx([want] * len(result["jacobian"]), rel=1e-7, abs=1e-12), where
        checked += 1
    declared = sum(len(framework_of(act, name).calls) for act, _, name, _ in statements() if name == framework)
    assert checked == declared == len(got)


# ---------------------------------------------------------------------------
# The notes' measurable claims
# ---------------------------------------------------------------------------


def note(slug: str, framework: str) -> str:
    return framework_of(next(a for a in CATALOG if a.slug == slug), framework).note


def probe(framework: str, name: str) -> str:
    require(framework)
    got = results(framework)["probes"][name]
    assert not got["error"], got["error"]
    return got["stdout"].strip()


def ulps(a: float, b: float) -> int:
    return int(np.float64(a).view(np.int64)) - int(np.float64(b).view(np.int64))


def test_jax_tanh_19_is_six_ulp_below_the_correctly_rounded_value_as_the_tanh_page_says():
    value = float(probe("JAX", "tanh19"))
    with mpmath.workdps(50):
        exact = float(mpmath.tanh(19))
    distance = ulps(value, exact)
    assert distance == -6
    text = note("tanh", "JAX")
    assert f"{value:.17g}" in text and "six units in the last place below" in text


@pytest.mark.parametrize("framework", ["PyTorch", "JAX", "TensorFlow"])
def test_sigmoid_and_tanh_gradients_underflow_in_the_tail_as_the_pages_say(framework):
    sigmoid_40, tanh_20 = json.loads(probe(framework, "underflow"))
    assert sigmoid_40 == 0.0 and float(snippet("sigmoid").sigmoid_derivative(40.0)) > 4e-18
    assert tanh_20 == 0.0 and float(snippet("tanh").tanh_derivative(20.0)) > 1.6e-17


def test_pytorch_heaviside_as_the_binary_step_page_says():
    assert "derivative for aten::heaviside is not implemented" in probe("PyTorch", "heaviside_backward")
    assert float(probe("PyTorch", "heaviside_nan")) == 0.0
    assert "not implemented" in note("binary_step", "PyTorch") and "gives 0" in note("binary_step", "PyTorch")


def test_tensorflow_leaky_relu_slope_is_float32_as_the_page_says():
    value = probe("TensorFlow", "leaky")
    assert value == "-0.20000000298023224"
    assert value.lstrip("-") in note("leaky_relu", "TensorFlow")


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_the_tabs_state_the_installed_version_that_ci_pins(framework):
    """The tabs say "checked with <version>"; .ci/run installs that version; the tests ran it."""
    module, version = tabs.CHECKED[framework]
    ci = (ROOT / ".ci" / "run").read_text()
    assert f"{module}=={version}" in ci, f".ci/run does not pin {module}=={version}"
    require(framework)
    installed_version = metadata.version(module).split("+")[0]
    assert installed_version == version, (
        f"{module} {installed_version} is installed, the pages say they were checked with {version}: "
        f"update tabs.CHECKED and .ci/run, or install {module}=={version}")


# ---------------------------------------------------------------------------
# Defaults: a keyword the tab writes out is the framework's default, or the note says why not
# ---------------------------------------------------------------------------


def written_keywords(framework: str):
    """(act, fw, function source, {keyword: literal value}) for every call (and nested call) shown."""
    import ast

    for act in CATALOG:
        fw = framework_of(act, framework)
        if fw is None:
            continue
        for call in fw.calls:
            for node in ast.walk(ast.parse(call, mode="eval")):
                if isinstance(node, ast.Call) and node.keywords:
                    written = {}
                    for kw in node.keywords:
                        try:
                            written[kw.arg] = ast.literal_eval(kw.value)
                        except ValueError:
                            continue
                    yield act, fw, ast.unparse(node.func), written


def same(written, default) -> bool:
    if isinstance(written, str) and isinstance(default, str):
        return written.lower() == default.lower()  # Keras: "zeros" is the initializer "Zeros"
    return written == default and type(written) is type(default)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_keywords_written_out_are_the_defaults_or_the_note_says_why(framework):
    import ast

    require(framework)
    signatures = results(framework)["signatures"]
    checked = 0
    for act, fw, func, written in written_keywords(framework):
        defaults = signatures[func]
        if defaults is None:  # no signature to read (a C builtin): the tab's run checks the values
            continue
        for name, value in written.items():
            assert name in defaults, f"{act.slug}: {func} has no keyword {name!r}"
            checked += 1
            if defaults[name] == "<required>":  # no default to compare: the reader must give it
                continue
            default = ast.literal_eval(defaults[name])
            if not same(value, default):
                assert re.search(rf"`{name}\b", fw.note), (
                    f"{act.slug}: {framework} writes {name}={value!r} but the default is {default!r}, "
                    f"and the note does not say why (mention `{name}`)")
    assert checked or not any(True for _ in written_keywords(framework))


def facts(framework: str) -> dict:
    return json.loads(probe(framework, "notes"))


def test_pytorch_softmax_notes():
    got = facts("PyTorch")
    assert got["softmax_dim_none_1d"] == [0, True] and got["softmax_dim_none_3d"] == [0, True]
    assert got["softmax_dim_none_2d"] == [1, True] and got["softmax_dim_none_4d"] == [1, True]
    assert got["softmax_inf"] is True
    text = note("softmax", "PyTorch")
    assert "picks dim 0 for 1-D and 3-D input but dim 1 otherwise" in text and "row of NaN" in text


def test_jax_softmax_and_heaviside_notes():
    got = facts("JAX")
    assert got["softmax_inf"] is True and "all NaN" in note("softmax", "JAX")
    assert got["heaviside_grad"] == [0.0] * 7 and "gradient is 0 everywhere" in note("binary_step", "JAX")


def test_tensorflow_softmax_elu_notes():
    got = facts("TensorFlow")
    assert got["softmax_axis_none_is_last"] and "`axis=None` also means the last axis" in note("softmax", "TensorFlow")
    assert "alpha" not in got["elu_keywords"] and "No `alpha` argument" in note("elu", "TensorFlow")


def test_selu_minus_inf_tensorflow_is_one_ulp_above_pytorch_and_jax_as_the_page_says():
    tf_value, torch_value, jax_value = (facts(f)["selu_minus_inf"] for f in ("TensorFlow", "PyTorch", "JAX"))
    assert torch_value == jax_value and ulps(tf_value, torch_value) == 1
    assert "one unit in the last place above PyTorch's and JAX's" in note("selu", "TensorFlow")


def test_identity_relu6_and_crelu_notes_on_builtins():
    torch_facts = facts("PyTorch")
    assert torch_facts["functional_identity"] is False and "no functional form" in note("identity", "PyTorch")
    assert torch_facts["relu6_is_hardtanh"] == [True, 0.0, 6.0] and "`Hardtanh(0, 6)`" in note("relu6", "PyTorch")
    assert torch_facts["cat_default_dim"] == 2 and "defaults to 0" in note("crelu", "PyTorch")
    builtin = {f: facts(f)["crelu_builtin"] for f in FRAMEWORKS}
    assert builtin == {"PyTorch": False, "Keras": False, "TensorFlow": True, "JAX": False}
    assert "only framework with a built-in" in note("crelu", "TensorFlow")


def test_keras_prelu_starts_at_zero_with_one_slope_per_input_element():
    got = facts("Keras")
    assert got["prelu_alpha_shape"] == [5] and set(got["prelu_alpha"]) == {0.0}
    text = note("prelu", "Keras")
    assert "starts at 0" in text and "one per input element" in text


@pytest.mark.parametrize("change, message", [
    ({"calls": "torch.relu(x)"}, "calls must be a tuple of strings"),
    ({"calls": ("torch.relu(x",)}, "is not Python"),
    ({"values": {"slope": "1"}}, "values names 'slope', not a parameter"),
    ({"calls": ("torch.nn.functional.relu(x + 0 * " + "1" * 80 + ")",)}, "longer than 80 characters"),
], ids=["calls-a-string", "call-not-python", "values-unknown-parameter", "line-too-long"])
def test_a_bad_framework_entry_fails_naming_the_activation_and_the_field(change, message):
    import dataclasses

    from activations import DeclarationError

    act = next(a for a in CATALOG if a.slug == "relu")
    fw = dataclasses.replace(framework_of(act, "PyTorch"), **change)
    with pytest.raises(DeclarationError, match=rf"activation 'relu', field 'frameworks': .*{re.escape(message)}"):
        tabs.program(act, fw)


def test_a_call_sets_parameters_by_any_declared_spelling_and_selects_variants_as_written():
    """tabs.setting reads a parameter under its snippet name, its symbol or a declared keyword,
    and a variant from the snippet's spelling or one of its ``selected_by`` (Keras' approximate=True)."""
    import dataclasses

    from activations import Activation, Framework, Param, Variant

    act = Activation(
        slug="shrinky", name="Shrinky", symbol="s", no_reference="a test",
        expr="Piecewise((x - lamda, x > lamda), (x + lamda, x < -lamda), (0, True))",
        params=(Param("lambd", "lamda", "1/2", "", keywords=("threshold",)),),
        variants=(Variant("wide", kwargs={"lambd": "2", "mode": "wide"}, selected_by=("wide=True",)),),
    )
    fw = Framework("Keras", ("k.shrink(x, threshold=0.25)", "k.shrink(x, lamda=0.75)", "k.shrink(x)",
                             "k.shrink(x, wide=True)", "k.shrink(x, mode='wide')", "k.shrink(x, wide=False)"))
    got = [tabs.setting(act, fw, call) for call in fw.calls]
    assert [float(s.values["lambd"]) for s in got] == [0.25, 0.75, 0.5, 2.0, 2.0, 0.5]
    assert [s.spelled["lambd"] for s in got] == ["threshold", "lamda", "", "", "", ""]
    assert [s.variant for s in got] == ["", "", "", "wide", "wide", ""]
    assert got[3].chosen == {"mode": "wide"} and tabs.call_values(act, fw, fw.calls[3]) == {"lambd": 2.0, "mode": "wide"}
    plain = dataclasses.replace(act, params=(dataclasses.replace(act.params[0], keywords=()),))
    assert tabs.setting(plain, fw, fw.calls[0]).spelled["lambd"] == ""  # an undeclared spelling is not read


# ---------------------------------------------------------------------------
# Notes and page prose of the softmax family, RReLU, GLU, Mish and Threshold (NOTE_PROBES)
# ---------------------------------------------------------------------------


def said(text: str) -> str:
    """Text with its line breaks and runs of spaces as single spaces (pages wrap their prose)."""
    return " ".join(text.split())


def page(slug: str) -> str:
    return said((ROOT / "docs" / "activations" / f"{slug}.md").read_text())


def measured(framework: str, name: str) -> dict:
    return json.loads(probe(framework, name))


NAN2, NAN3 = ["nan"] * 2, ["nan"] * 3
IMPLICIT = [[1, [0], True], [2, [1], True], [3, [0], True], [4, [1], True]]  # [ndim, dim chosen, warned]


def test_pytorch_log_softmax_and_softmin_pick_softmax_s_implicit_dim_and_give_nan_rows_as_the_notes_say():
    got = measured("PyTorch", "softmax_family")
    assert got["log_softmax_implicit_dim"] == IMPLICIT and got["softmin_implicit_dim"] == IMPLICIT
    assert got["log_softmax"]["[inf, 0, 1]"] == NAN3 and got["softmin"]["[-inf, 0]"] == NAN2
    for slug, inf in [("log_softmax", "+inf"), ("softmin", "−inf")]:
        text = said(note(slug, "PyTorch"))
        assert "picks dim 0 for 1-D and 3-D input but dim 1 otherwise" in text and "deprecated, warns" in text
        assert f"Any {inf} input gives a row of NaN" in text


def test_keras_log_softmax_has_no_layer_wraps_the_function_and_gives_nan_rows_as_the_note_says():
    got = measured("Keras", "softmax_family")
    assert got["log_softmax_layers"] == [] and got["activation_layer_log_softmax"] is True
    assert got["log_softmax"]["[inf, 0] ops"] == got["log_softmax"]["[inf, 0] activations"] == NAN2
    text = said(note("log_softmax", "Keras"))
    assert "There is no log-softmax layer" in text and '`keras.layers.Activation("log_softmax")` wraps' in text
    assert "Any +inf input gives a row of NaN" in text


def test_jax_log_softmax_documents_and_gives_nan_for_inf_and_minus_inf_where_masked_as_the_note_says():
    got = measured("JAX", "softmax_family")
    quote = "If any input values are +inf, the result will be all NaN"
    assert quote in got["docs"]["log_softmax"] and f'"{quote}" (its documentation)' in note("log_softmax", "JAX")
    assert got["log_softmax"]["[inf, 0]"] == NAN2 and got["log_softmax"]["[inf, 0, 1]"] == NAN3
    masked = got["log_softmax"]["[1, 2, 3] where [T, F, T]"]
    assert masked[1] == "-inf" and all(np.isfinite(float(v)) for v in masked[::2])
    # the others are the log-softmax of [1, 3] alone
    assert [float(v) for v in masked[::2]] == pytest.approx([1 - np.logaddexp(1, 3), 3 - np.logaddexp(1, 3)])
    assert "`where` mask leaves elements out of the sum; their output is −inf" in said(note("log_softmax", "JAX"))


def test_tensorflow_log_softmax_uses_the_last_axis_and_gives_nan_rows_in_both_precisions_as_the_note_says():
    got = measured("TensorFlow", "softmax_family")
    assert got["log_softmax_axis_none_is_last"] is True
    for dtype in ("float32", "float64"):
        assert got[dtype]["log_softmax [inf, 0]"] == NAN2 and got[dtype]["log_softmax [inf, 0, 1]"] == NAN3, dtype
    text = said(note("log_softmax", "TensorFlow"))
    assert "default `axis=None` also means the last axis" in text and "Any +inf input gives a row of NaN" in text


def test_log_softmax_page_on_infinities_keras_formula_and_cross_entropy():
    torch_, jax_, keras_, tf_ = (measured(f, "softmax_family") for f in ("PyTorch", "JAX", "Keras", "TensorFlow"))
    text = page("log_softmax")
    # "+inf: PyTorch, JAX, Keras and TensorFlow return NaN for the whole slice", "# the frameworks: [nan, nan]"
    assert torch_["log_softmax"]["[inf, 0, 1]"] == NAN3 and jax_["log_softmax"]["[inf, 0]"] == NAN2
    assert keras_["log_softmax"]["[inf, 0] ops"] == NAN2
    assert tf_["float32"]["log_softmax [inf, 0]"] == tf_["float64"]["log_softmax [inf, 0]"] == NAN2
    assert "PyTorch, JAX, Keras and TensorFlow return NaN for the whole slice instead" in text
    assert "log_softmax([np.inf, 0.0]) # the frameworks: [nan, nan]" in text
    # "a −inf score is ... −inf in log space, in the snippet and the frameworks alike"
    minus = [torch_["log_softmax"]["[-inf, 0]"], jax_["log_softmax"]["[-inf, 0]"],
             keras_["log_softmax"]["[-inf, 0] ops"], keras_["log_softmax"]["[-inf, 0] activations"],
             tf_["float32"]["log_softmax [-inf, 0]"], tf_["float64"]["log_softmax [-inf, 0]"]]
    assert minus == [["-inf", "0.0"]] * 6
    assert "−∞ in log space, in the snippet and the frameworks alike" in text.replace("$-\\infty$", "−∞")
    assert "`f(x) = x - max(x) - log(sum(exp(x - max(x))))`" in keras_["log_softmax_doc"]
    assert "the formula `keras.ops.log_softmax` documents, is $x_i - m - \\log \\sum_k e^{x_k - m}$" in text
    assert torch_["cross_entropy_is_log_softmax_then_nll"] is True
    assert "`CrossEntropyLoss` as equivalent to `LogSoftmax` followed by `NLLLoss`" in text


def test_keras_cross_entropy_from_logits_applies_log_softmax_itself_and_defaults_to_probabilities():
    got = measured("Keras", "softmax_family")
    assert got["from_logits_defaults"] == [False, False]
    categorical, sparse, by_log_softmax = got["cross_entropy_from_logits"]
    assert categorical == pytest.approx(by_log_softmax, rel=1e-6) and sparse == pytest.approx(by_log_softmax, rel=1e-6)
    text = page("softmax")
    assert ("`keras.losses.CategoricalCrossentropy(from_logits=True)` and "
            "`SparseCategoricalCrossentropy(from_logits=True)` do the same (their default, `from_logits=False`, "
            "expects probabilities)") in text
    assert ("so do Keras's `CategoricalCrossentropy(from_logits=True)` and "
            "`SparseCategoricalCrossentropy(from_logits=True)`") in page("log_softmax")


@pytest.mark.parametrize("framework, functions, names", [
    ("PyTorch", ("torch.nn.Threshold", "torch.nn.functional.threshold"), ("threshold", "value")),
    ("Keras", ("keras.ops.threshold", "keras.activations.threshold"), ("threshold", "default_value")),
])
def test_threshold_parameters_have_no_defaults_as_the_notes_say(framework, functions, names):
    require(framework)
    signatures = results(framework)["signatures"]
    for function in functions:
        assert {name: signatures[function][name] for name in names} == dict.fromkeys(names, "<required>"), function
    text = said(note("threshold", framework))
    assert ("`threshold` and `value` have no defaults: both must be given" in text if framework == "PyTorch"
            else "The arguments are `threshold` and `default_value` (PyTorch's `value`), both required" in text)
    assert "Neither framework gives the two parameters defaults" in page("threshold")


def test_softmin_exists_only_in_pytorch_as_the_notes_say():
    keras_, jax_, tf_ = (measured(f, "softmax_family") for f in ("Keras", "JAX", "TensorFlow"))
    assert keras_["softmin_names"] == {"activations": [], "ops": [], "layers": []}
    assert jax_["softmin_names"] == [] and tf_["softmin_names"] == [False, False]
    assert "no `keras.activations.softmin`, `keras.ops.softmin` or layer" in said(note("softmin", "Keras"))
    assert "no `jax.nn.softmin`" in note("softmin", "JAX")
    assert "no `tf.nn.softmin` or `tf.math.softmin`" in note("softmin", "TensorFlow")
    assert "Keras, TensorFlow and JAX have no softmin" in page("softmin")


def test_softmin_minus_inf_and_plus_inf_as_the_notes_and_page_say():
    torch_, jax_, keras_, tf_ = (measured(f, "softmax_family") for f in ("PyTorch", "JAX", "Keras", "TensorFlow"))
    assert jax_["softmax_of_minus"]["[-inf, 0]"] == NAN2
    assert keras_["softmax_of_minus"]["[-inf, 0] ops"] == keras_["softmax_of_minus"]["[-inf, 0] activations"] == NAN2
    eigen, onednn = tf_["float32 oneDNN"]["0"], tf_["float32 oneDNN"]["1"]
    for case, nans, zeros in [("[-inf, 0]", NAN2, ["nan", "0.0"]), ("[-inf, 0, 1]", NAN3, ["nan", "0.0", "0.0"])]:
        key = f"softmax of minus {case}"
        assert eigen[key] == nans and onednn[key] == zeros
        assert tf_["float32"][key] in (nans, zeros)  # the default: oneDNN's or Eigen's, as the CPU decides
    assert tf_["float64"]["softmax of minus [-inf, 0]"] == NAN2
    assert tf_["float64"]["softmax of minus [-inf, 0, 1]"] == NAN3
    assert "On the JAX backend, any −inf input gives a row of NaN" in said(note("softmin", "Keras"))
    assert "Any −inf input gives a row of NaN" in note("softmin", "JAX")
    jax_quote = "If any input values are +inf, the result will be all NaN"
    lowered = jax_quote[0].lower() + jax_quote[1:]
    assert jax_quote in jax_["docs"]["softmax"]
    assert f'"{lowered}", says `jax.nn.softmax`' in said(note("softmin", "JAX"))
    assert ("A −inf input gives NaN for the whole slice, except in float32 with oneDNN's kernels: NaN there and 0 "
            "elsewhere" in said(note("softmin", "TensorFlow")))
    text = page("softmin")
    assert ("PyTorch's `Softmin` returns NaN for the whole slice instead, and so does softmax of $-x$ in JAX, in "
            "Keras on JAX and in TensorFlow, except TensorFlow in float32 with its oneDNN kernels (NaN only at the "
            "$-\\infty$ entries)") in text
    assert torch_["softmin"]["[-inf, 0]"] == NAN2 and "softmin([-np.inf, 0.0]) # PyTorch: [nan, nan]" in text
    # "A +inf input gets 0 in all of them, and a slice of only +inf is NaN everywhere"
    plus = [torch_["softmin"]["[inf, 0]"], jax_["softmax_of_minus"]["[inf, 0]"],
            keras_["softmax_of_minus"]["[inf, 0] ops"], keras_["softmax_of_minus"]["[inf, 0] activations"],
            tf_["float32"]["softmax of minus [inf, 0]"], tf_["float64"]["softmax of minus [inf, 0]"]]
    only_plus = [torch_["softmin"]["[inf, inf]"], jax_["softmax_of_minus"]["[inf, inf]"],
                 keras_["softmax_of_minus"]["[inf, inf] ops"], keras_["softmax_of_minus"]["[inf, inf] activations"],
                 tf_["float32"]["softmax of minus [inf, inf]"], tf_["float64"]["softmax of minus [inf, inf]"]]
    assert plus == [["0.0", "1.0"]] * 6 and only_plus == [NAN2] * 6
    assert "A $+\\infty$ input gets 0 in all of them, and a slice of only $+\\infty$ is NaN everywhere" in text


def test_softmax_plus_inf_is_nan_for_the_slice_except_tensorflow_float32_as_the_notes_and_page_say():
    torch_, jax_, tf_ = (measured(f, "softmax_family") for f in ("PyTorch", "JAX", "TensorFlow"))
    for dtype in ("float32", "float64"):
        assert torch_["softmax"][f"[inf, 0] {dtype}"] == jax_["softmax"][f"[inf, 0] {dtype}"] == NAN2, dtype
        assert torch_["softmax"][f"[inf, 0, 1] {dtype}"] == NAN3, dtype
        assert torch_["softmax"][f"[-inf, -inf] {dtype}"] == jax_["softmax"][f"[-inf, -inf] {dtype}"] == NAN2, dtype
        assert tf_[dtype]["softmax [-inf, -inf]"] == NAN2, dtype
    eigen, onednn = tf_["float32 oneDNN"]["0"], tf_["float32 oneDNN"]["1"]
    for case, nans, zeros in [("[inf, 0]", NAN2, ["nan", "0.0"]), ("[inf, 0, 1]", NAN3, ["nan", "0.0", "0.0"])]:
        assert eigen[f"softmax {case}"] == nans and onednn[f"softmax {case}"] == zeros
        assert tf_["float32"][f"softmax {case}"] in (nans, zeros)  # the default: as the CPU decides
    if tf_["cpu_nn_features"]:  # "on by default for CPUs with AVX512_VNNI, AVX512_BF16 or AMX" (TensorFlow 2.9)
        assert tf_["float32"]["softmax [inf, 0]"] == onednn["softmax [inf, 0]"], tf_["cpu_nn_features"]
    assert tf_["float64"]["softmax [inf, 0]"] == NAN2 and tf_["float64"]["softmax [inf, 0, 1]"] == NAN3
    quote = "If any input values are +inf, the result will be all NaN"
    assert quote in jax_["docs"]["softmax"] and f'"{quote}" (its documentation)' in note("softmax", "JAX")
    assert ("A +inf input gives NaN for the whole slice, except in float32 with oneDNN's kernels: NaN there and 0 "
            "elsewhere" in said(note("softmax", "TensorFlow")))
    text = page("softmax")
    assert ("PyTorch (2.13), JAX (0.10) and TensorFlow (2.21) return NaN for the whole slice instead, except "
            "TensorFlow in float32 with its oneDNN kernels, which gives NaN at the $+\\infty$ entries and 0 "
            "elsewhere (those kernels are on by default on some CPUs only") in text
    assert "A slice of only $-\\infty$ is NaN in all of them" in text
    assert "# PyTorch, JAX, TF: [nan, nan] (float32 oneDNN: [nan, 0.])" in text


def test_pytorch_rrelu_modes_and_training_gradient_as_the_note_and_page_say():
    got = measured("PyTorch", "rrelu")
    assert got["module_training"] is True and got["function_training_default"] is False
    mean = [repr(-(1 / 8 + 1 / 3) / 2)]
    assert got["function_default_is_evaluation"] == got["eval_module"] == mean == ["-0.22916666666666666"]
    assert got["slopes_in_bounds"] and got["distinct_slopes"] == 1000 and got["next_call_draws_again"]
    assert got["gradient_is_the_drawn_slope"] and got["kink_gradient_in_training_is_the_drawn_slope"]
    assert got["backward_node"].startswith("RreluWithNoiseBackward")
    text = said(note("rrelu", "PyTorch"))
    assert "A new `torch.nn.RReLU` is in training mode and draws random slopes" in text
    assert "The function's `training` defaults to `False`" in text
    assert "In training, autograd reuses the slopes drawn in the forward pass" in text
    rrelu = next(a for a in CATALOG if a.slug == "rrelu")
    assert "in training, the element's drawn slope" in rrelu.framework_kink_derivative["0"]["PyTorch"]
    text = page("rrelu")
    assert "PyTorch stores the slopes (its `RreluWithNoiseBackward` node)" in text
    assert "The module `torch.nn.RReLU()` starts in training mode and draws new slopes on every call" in text
    assert "`torch.nn.functional.rrelu(x)` defaults to `training=False`" in text


def test_no_rrelu_outside_pytorch_and_tensorflow_s_stand_in_slope_is_float32_as_the_notes_say():
    keras_, jax_, tf_ = measured("Keras", "others"), measured("JAX", "others"), measured("TensorFlow", "others")
    assert [keras_[m]["rrelu"] for m in ("activations", "ops", "layers")] == [[], [], []]
    assert jax_["rrelu_names"] == [] and tf_["nn"]["rrelu"] == [] and tf_["math"]["rrelu"] == []
    assert "No RReLU in Keras 3 (`keras.activations`, `keras.ops`, `keras.layers`)" in note("rrelu", "Keras")
    assert "No RReLU in TensorFlow 2.21" in note("rrelu", "TensorFlow")
    assert "No RReLU in `jax.nn`" in note("rrelu", "JAX")
    assert ("`keras.activations`, `keras.ops`, `keras.layers`, `tf.nn` and `jax.nn` hold no function or layer "
            "whose name contains \"rrelu\"") in page("rrelu")
    mean = float(sp.Rational(1, 8) + sp.Rational(1, 3)) / 2
    assert tf_["leaky_relu_mean_slope"] == repr(-float(np.float32(mean))) != repr(-mean)
    assert "stored in float32" in note("rrelu", "TensorFlow")


def test_glu_odd_length_errors_as_the_notes_and_page_say():
    torch_, jax_, keras_ = measured("PyTorch", "glu"), measured("JAX", "others"), measured("Keras", "others")
    assert torch_["odd"].startswith("RuntimeError: Halving dimension must be even")
    assert torch_["odd_module"].startswith("RuntimeError: Halving dimension must be even")
    assert "`RuntimeError` (\"Halving dimension must be even\")" in note("glu", "PyTorch")
    assertion = "AssertionError: axis size must be divisible by 2"
    assert jax_["glu_odd"] == keras_["glu_odd"]["jax"] == keras_["glu_odd"]["keras"] == assertion
    # under python -O the assert is gone, and the odd split fails further on with another error
    assert keras_["glu_odd_under_O"] == ["ValueError", "ValueError"]
    # the three gate with the second half: (1·σ(−1), 2·σ(3)) for x = (1, 2, −1, 3), as the page shows
    gated = [f"{v:.4f}" for v in (1 / (1 + np.exp(1.0)), 2 / (1 + np.exp(-3.0)))]
    assert gated == ["0.2689", "1.9051"]
    for got in (torch_["example"], jax_["glu_example"], keras_["glu_example"]):
        assert [f"{float(v):.4f}" for v in got] == gated
    assert "all three return $(1 \\cdot \\sigma(-1),\\ 2 \\cdot \\sigma(3)) \\approx (0.2689, 1.9051)$" in page("glu")
    # the page's backward pass: PyTorch's autograd gives the snippet's numbers to the 8 digits printed,
    # and in float64 differs from them by 21 units in the last place at b = 3 (and at most 1 elsewhere)
    x, g = np.array([1.0, -2.0, 0.5, 3.0, -1.0, 0.0]), np.array([1.0, 10.0, 100.0])
    d = snippet("glu").glu_derivative(x)
    mine, theirs = np.concatenate([g * d[:3], g * d[3:]]), np.array([float(v) for v in torch_["page_backward"]])
    assert [f"{v:.8e}" for v in theirs] == [f"{v:.8e}" for v in mine]
    assert [abs(ulps(a, b)) for a, b in zip(theirs, mine)][3] == 21 and max(
        abs(ulps(a, b)) for a, b in zip(np.delete(theirs, 3), np.delete(mine, 3))) <= 1
    assert ("PyTorch's autograd gives the same numbers for this example to the digits printed; in float64 its entry "
            "for $b = 3$ is 21 units in the last place from the snippet's") in page("glu")
    assert "fails an `assert` (`AssertionError`, which `python -O` skips)" in said(note("glu", "Keras"))
    assert "fails an `assert` (`AssertionError`)" in note("glu", "JAX")
    text = page("glu")
    assert "PyTorch raises `RuntimeError: Halving dimension must be even`" in text
    assert (f"`jax.nn.glu` and `keras.ops.glu` stop on an `assert` (`{assertion}`), a check that Python's `-O` flag "
            "removes") in text


def test_keras_glu_and_mish_are_activations_without_layers_and_tensorflow_has_them_only_through_keras():
    keras_, tf_ = measured("Keras", "others"), measured("TensorFlow", "others")
    assert [keras_[m]["glu"] for m in ("activations", "ops", "layers")] == [["glu"], ["glu"], []]
    assert [keras_[m]["mish"] for m in ("activations", "ops", "layers")] == [["mish"], [], []]
    assert keras_["activation_layer_glu"] is True and keras_["activation_layer_mish"] is True
    assert tf_["nn"]["glu"] == tf_["nn"]["mish"] == []
    assert tf_["tf_keras_is_keras"] == {"glu": True, "mish": True, "threshold": True}
    glu, mish = said(note("glu", "Keras")), said(note("mish", "Keras"))
    assert "No GLU layer: use `keras.layers.Activation(\"glu\")` (last axis)" in glu
    assert "TensorFlow 2.21 has no `tf.nn.glu`; its `tf.keras.activations.glu` is this Keras function" in glu
    assert "No `keras.ops.mish` and no Mish layer: use `keras.layers.Activation(\"mish\")`" in mish
    assert "TensorFlow 2.21 has no `tf.nn.mish`; its `tf.keras.activations.mish` is this Keras function" in mish


def test_threshold_nan_and_relu_form_as_the_notes_and_page_say():
    torch_, keras_ = measured("PyTorch", "threshold"), measured("Keras", "others")
    jax_, tf_ = measured("JAX", "others"), measured("TensorFlow", "others")
    # x = [nan, 0.5, 1, 2], threshold 1, value -3
    assert torch_ == {"values": ["nan", "-3.0", "-3.0", "2.0"], "gradient": ["1.0", "0.0", "0.0", "1.0"]}
    assert keras_["threshold"] == {"values": ["-3.0", "-3.0", "-3.0", "2.0"],
                                   "gradient": ["0.0", "0.0", "0.0", "1.0"]}
    assert "NaN passes through (it is not ≤ threshold)" in note("threshold", "PyTorch")
    assert "a NaN input gives `default_value`" in said(note("threshold", "Keras"))
    assert "with gradient 0" in note("threshold", "Keras")
    # relu(x, threshold=1): the same function with value 0; with negative_slope 0.5, 0.5·(x − 1) below 1
    relu = keras_["relu_threshold"]
    assert relu["slope 0"] == relu["threshold 0 value 0"]
    assert relu["slope 0.5"] == [repr(0.5 * (v - 1.0) if v <= 1.0 else v) for v in (-2.0, 0.5, 1.0, 1.5)]
    text = said(note("threshold", "Keras"))
    assert "`relu` with `threshold` set and `negative_slope=0` is the same function with value 0" in text
    assert "negative_slope·(x − threshold) below the threshold" in text
    assert jax_["threshold_names"] == [] and tf_["nn"]["threshold"] == tf_["math"]["threshold"] == []
    text = page("threshold")
    assert ("PyTorch returns NaN with gradient 1, Keras (on the JAX backend) returns the replacement value with "
            "gradient 0") in text
    assert "JAX has no threshold function in `jax.nn`" in text and "TensorFlow has none in `tf.nn` or `tf.math`" in text
    assert "`tf.keras.activations.threshold` is Keras 3's function" in text


# ---------------------------------------------------------------------------
# Notes and page prose of Hardshrink, Softshrink, Tanhshrink, GELU, Softplus, Swish and the sparse family
# (NOTE_PROBES[...]["later"])
# ---------------------------------------------------------------------------


def test_hardshrink_negative_lambd_and_nan_as_the_notes_and_page_say():
    torch_, keras_ = measured("PyTorch", "later"), measured("Keras", "later")
    jax_, tf_ = measured("JAX", "later"), measured("TensorFlow", "later")
    assert torch_["hardshrink_negative_lambd_keeps_x"] is True
    text = said(note("hardshrink", "PyTorch"))
    assert "A negative `lambd` is accepted without an error and keeps every input" in text
    assert torch_["hardshrink_nan"] == [["nan"], ["1.0"]] and "NaN passes through" in note("hardshrink", "PyTorch")
    assert torch_["hardshrink_minus_zero"] == ["0.0"] and "and $-0$ comes out as $+0$, as in PyTorch" in page(
        "hardshrink")
    assert keras_["hard_shrink_nan"] == [["0.0"], ["0.0"]]
    assert "NaN gives 0 (it computes `where(abs(x) > threshold, x, 0)`), with gradient 0" in said(
        note("hardshrink", "Keras"))
    text = page("hardshrink")
    assert "PyTorch returns NaN (with gradient 1), Keras on the JAX backend returns 0" in text
    assert jax_["names"]["shrink"] == [] and tf_["nn"]["shrink"] == tf_["math"]["shrink"] == []
    assert tf_["backend"] == "tensorflow" and tf_["tf_keras_is_keras"]["hard_shrink"] is True
    assert ("JAX has no hard shrink in `jax.nn`" in text and "TensorFlow has none in `tf.nn` or `tf.math`: "
            "`tf.keras.activations.hard_shrink` is Keras 3's function from the Keras tab") in text


def test_softshrink_negative_lambd_nan_and_the_other_frameworks_as_the_notes_and_page_say():
    torch_, keras_ = measured("PyTorch", "later"), measured("Keras", "later")
    jax_, tf_ = measured("JAX", "later"), measured("TensorFlow", "later")
    assert torch_["softshrink_negative_lambd"].startswith("RuntimeError: lambda must be in range [0, ")
    assert "a negative `lambd` raises an error" in note("softshrink", "PyTorch")
    assert keras_["soft_shrink_nan"] == [["0.0"], ["0.0"]]
    assert keras_["soft_shrink_negative_threshold"] == ["1.5", "0.7", "-1.5"]  # x - (-0.5) = x + 0.5 for x > -0.5
    text = said(note("softshrink", "Keras"))
    assert "On the JAX backend NaN gives 0" in text and "a negative `threshold` is accepted without an error" in text
    text = page("softshrink")
    assert "PyTorch rejects a negative `lambd` with an error" in text
    assert "with `threshold=-0.5`, the input 1.0 gives 1.5" in text
    assert "(Keras' JAX backend computes it this way, and returns 0 for NaN too)" in text
    assert jax_["names"]["shrink"] == [] and tf_["nn"]["shrink"] == []
    assert "`jax.nn` and `tf.nn` have no such function" in text
    assert tf_["tf_keras_is_keras"]["soft_shrink"] is True and tf_["soft_shrink_grad"] == ["0.0", "0.0"]
    assert ("`tf.keras.activations.soft_shrink` is Keras' function from the Keras tab, and on the TensorFlow "
            "backend its gradient at $\\pm 0.5$ is 0 as well") in text


def test_tanhshrink_cancellation_in_pytorch_and_keras_as_the_page_says():
    torch_, keras_ = measured("PyTorch", "later")["tanhshrink"], measured("Keras", "later")["tanhshrink"]
    jax_, tf_ = measured("JAX", "later"), measured("TensorFlow", "later")
    with mpmath.workdps(50):
        exact = float(mpmath.mpf(1e-5) - mpmath.tanh(mpmath.mpf(1e-5)))
        exact_3 = float(mpmath.mpf(np.float32(1e-3).item()) - mpmath.tanh(mpmath.mpf(np.float32(1e-3).item())))
    assert repr(exact) == "3.333333333200001e-16"
    for got in (torch_, keras_):
        assert got["float64 1e-05"] == "3.333328757329848e-16" and got["float64 1e-09"] == "0.0"
        assert got["float32 1e-05"] == "0.0"
    assert f"{float(torch_['float32 0.001']):.3g}" == "3.49e-10"
    assert f"{float(keras_['float32 0.001']):.3g}" == "4.66e-10"
    assert f"{exact_3:.4g}" == "3.333e-10"
    assert torch_["gradient float64 1e-09"] == "0.0" and f"{float(keras_['gradient float64 1e-09']):.2g}" == "-2.7e-17"
    text = page("tanhshrink")
    assert ("in float64, both return 3.333328757329848e-16 at $x = 10^{-5}$ (exact: 3.333333333200001e-16) and 0 at "
            "$x = 10^{-9}$. In float32 both return 0 at $x = 10^{-5}$, and at $x = 10^{-3}$, where the exact value is "
            "$3.333 \\times 10^{-10}$, PyTorch returns $3.49 \\times 10^{-10}$ and Keras "
            "$4.66 \\times 10^{-10}$") in text
    assert ("PyTorch's autograd returns 0 and JAX, under Keras, returns $-2.7 \\times 10^{-17}$") in text
    assert jax_["names"]["shrink"] == [] and tf_["nn"]["shrink"] == []
    assert "`jax.nn` and `tf.nn` have no such function" in text


def test_gelu_keras_forms_and_layers_as_the_note_and_page_say():
    got = measured("Keras", "later")
    # Activation("gelu") is activations.gelu, whose default is approximate=False; ops.gelu's is True; they differ
    assert got["activation_layer_gelu"] == [True, True, True, True] and got["layers"]["gelu"] == []
    text = said(note("gelu", "Keras"))
    assert ("`keras.activations.gelu` (and `keras.layers.Activation(\"gelu\")`) computes x·Φ(x) unless "
            "`approximate=True`, `keras.ops.gelu` the tanh form unless `approximate=False`. No GELU layer") in text
    assert "`keras.activations.gelu`, `keras.layers.Activation(\"gelu\")` and `tf.nn.gelu`" in page("gelu")


def test_softplus_threshold_and_the_other_frameworks_as_the_notes_and_page_say():
    torch_, keras_ = measured("PyTorch", "later"), measured("Keras", "later")
    jax_, tf_ = measured("JAX", "later"), measured("TensorFlow", "later")
    sigmoid_20 = float(snippet("sigmoid").sigmoid(20.0))
    got = torch_["softplus_threshold"]  # at 20, just above 20 and at 21, threshold 20
    assert [float(g) for g in got["gradient"]] == pytest.approx([sigmoid_20, 1.0, 1.0], rel=1e-15, abs=0)
    assert got["gradient"][1:] == ["1.0", "1.0"]
    assert got["values"][1:] == [repr(float(np.nextafter(20.0, 21.0))), "21.0"]
    assert f"{1 - sigmoid_20:.3g}" == "2.06e-09" and got["above_1e-9"] == "20.000000001"
    assert "with a gradient of 1 there" in note("softplus", "PyTorch")
    text = page("softplus")
    assert "from $\\sigma(20) = 1 - 2.06 \\times 10^{-9}$ to exactly 1" in text
    assert ">>> float(softplus(20.0 + 1e-9, threshold=20)) # PyTorch's switch: x itself 20.000000001" in text
    assert keras_["calls_jax"]["softplus"] == [True, True, True]
    assert "On the JAX backend both call `jax.nn.softplus`" in note("softplus", "Keras")
    assert jax_["softplus_is_logaddexp"] is True and "return jnp.logaddexp(x, 0)" in jax_["source"]["softplus"]
    assert "Computed as `jnp.logaddexp(x, 0)`, with no threshold" in note("softplus", "JAX")
    assert tf_["softplus_same"] is True and "`tf.nn.softplus` is the same function" in note("softplus", "TensorFlow")


def test_swish_beta_and_silu_aliases_as_the_notes_and_page_say():
    torch_, keras_ = measured("PyTorch", "later"), measured("Keras", "later")
    jax_, tf_ = measured("JAX", "later"), measured("TensorFlow", "later")
    assert [torch_["names"][m]["swish"] for m in ("torch", "torch.nn", "torch.nn.functional")] == [
        [], ["Hardswish"], ["hardswish"]]  # hard-swish is another function
    assert torch_["silu_keywords"] == 2  # input, inplace: no beta
    assert "No Swish with a β argument: `torch.nn.SiLU` and `torch.nn.functional.silu` are β = 1" in said(
        note("swish", "PyTorch"))
    assert keras_["swish_is_silu"] == [True, True]
    assert ("`keras.activations.swish` is the same function object as `keras.activations.silu`, and "
            "`keras.ops.swish` as `keras.ops.silu`") in said(note("swish", "Keras"))
    assert jax_["swish_is_silu"] is True and "`jax.nn.swish` is the same function object as `jax.nn.silu`" in said(
        note("swish", "JAX"))
    assert tf_["swish_is_silu"] is True
    x, beta = np.array([0.5, -1.0, 2.0]), 1.5
    s = 1 / (1 + np.exp(-beta * x))
    assert float(tf_["silu_beta_gradient"]) == pytest.approx(float(np.sum(x * x * s * (1 - s))), rel=1e-12)
    text = said(note("swish", "TensorFlow"))
    assert "a `tf.Variable` there gets its gradient" in text and "`tf.nn.swish` is the same function object as" in text
    assert "Only TensorFlow's `tf.nn.silu` takes β (`beta`)" in page("swish")


def test_sparse_plus_gradient_nan_and_absence_as_the_notes_and_page_say():
    jax_, keras_ = measured("JAX", "later"), measured("Keras", "later")
    torch_, tf_ = measured("PyTorch", "later"), measured("TensorFlow", "later")
    assert [jax_["sparse_plus_grad"][k] for k in ("-inf", "1e+308", "inf", "-1e+308")] == ["nan"] * 4
    assert jax_["sparse_plus_grad"]["-2.0"] == "0.0" and jax_["sparse_plus_grad"]["2.0"] == "1.0"
    assert keras_["sparse_plus_grad"] == {"-inf": "nan", "1e+308": "nan", "inf": "nan"}
    text = said(note("sparse_plus", "JAX"))
    assert "at x = ±inf, and at x = 1e308 where (x + 1)² overflows, `jax.grad` gives NaN" in text
    assert keras_["calls_jax"]["sparse_plus"] == [True, True, True]
    assert "On the JAX backend both call `jax.nn.sparse_plus`" in note("sparse_plus", "Keras")
    torch_names = [n for m in torch_["names"].values() for n in m["sparse"]]
    assert not [n for n in torch_names if "plus" in n] and tf_["nn"]["sparse_plus"] == tf_["nn"]["sparseplus"] == []
    assert "PyTorch and TensorFlow have no sparse plus (no such function in `torch.nn`, `torch.nn.functional` or " \
           "`tf.nn`" in page("sparse_plus")


def test_sparse_sigmoid_clip_gradient_and_absence_as_the_notes_and_page_say():
    jax_, keras_ = measured("JAX", "later"), measured("Keras", "later")
    torch_, tf_ = measured("PyTorch", "later"), measured("TensorFlow", "later")
    assert "return 0.5 * jnp.clip(x + 1.0, 0.0, 2.0)" in jax_["source"]["sparse_sigmoid"]
    assert "Computed as `0.5 * jnp.clip(x + 1.0, 0.0, 2.0)`" in note("sparse_sigmoid", "JAX")
    assert keras_["layers"]["sparse"] == [] and "No `keras.layers` class" in note("sparse_sigmoid", "Keras")
    torch_names = [n for m in torch_["names"].values() for n in m["sparse"]]
    assert not [n for n in torch_names if "sigmoid" in n] and tf_["nn"]["sparse_sigmoid"] == []
    assert tf_["tf_keras_is_keras"]["sparse_sigmoid"] is True and tf_["sparse_sigmoid_grad"] == ["0.0", "0.0"]
    want = getattr(snippet("sparse_sigmoid"), "sparse_sigmoid")(np.array(SPARSE_SIGMOID_AT))
    assert torch_["clamp_sparse_sigmoid"] == [repr(float(v)) for v in want]
    text = page("sparse_sigmoid")
    assert ("PyTorch 2.13.0 has no sparse sigmoid (nothing in `torch`, `torch.nn` or `torch.nn.functional`), and "
            "TensorFlow 2.21.0's `tf.nn` has none either: `tf.keras.activations.sparse_sigmoid` is Keras' function, "
            "run on the TensorFlow backend, where the gradient at $\\pm 1$ is 0") in text
    assert "`torch.clamp((x + 1) / 2, 0, 1)` computes the same values" in text
    assert "Learning with Fenchel-Young Losses (section 6.2) <https://arxiv.org/abs/1901.02324>" in jax_["source"][
        "sparse_sigmoid"]
    assert "[M. Blondel, A. F. T. Martins, V. Niculae, 2019](https://arxiv.org/pdf/1901.02324)" in keras_[
        "sparse_sigmoid_doc"]
    assert ("JAX ships it as `jax.nn.sparse_sigmoid` and Keras 3 as `sparse_sigmoid`; both cite Blondel, Martins and "
            "Niculae's \"Learning with Fenchel-Young Losses\"") in text


def test_squareplus_tails_docstring_and_absence_as_the_notes_and_page_say():
    jax_, keras_ = measured("JAX", "later"), measured("Keras", "later")
    torch_, tf_ = measured("PyTorch", "later"), measured("TensorFlow", "later")
    got = jax_["squareplus"]
    assert got["-1e200"] == "inf" and got["-1e10"] == "0.0"
    assert got["-1.3e154"] == "0.0" and got["-1.4e154"] == "inf"  # x² overflows between them
    assert f"{float(got['grad -1e10']):.2g}" == "-1.8e-17"
    assert "y = x + jnp.sqrt(jnp.square(x) + b) return y / 2" in jax_["source"]["squareplus"]
    text = said(note("squareplus", "JAX"))
    assert "x² overflows for |x| above about 1.3e154, so `jax.nn.squareplus(-1e200)` is inf (exact: 1e−200)" in text
    assert ("`jax.nn.squareplus(-1e10)` is 0 (exact: 1e−10), where its gradient is negative (−1.8e−17; "
            "exact: 1e−20)") in text
    assert float(snippet("squareplus").squareplus_derivative(np.array([-1e10]))[0]) == pytest.approx(1e-20, rel=1e-12)
    assert keras_["calls_jax"]["squareplus"] == [True, True, True]
    doc = keras_["squareplus_doc"]
    assert "[Ramachandran et al., 2021](https://arxiv.org/abs/2112.11687)" in doc
    text = said(note("squareplus", "Keras"))
    assert "On the JAX backend both call `jax.nn.squareplus`" in text
    assert "credits \"Ramachandran et al., 2021\"; the paper it links, arXiv:2112.11687" in text
    assert not any(torch_["names"][m]["squareplus"] for m in torch_["names"]) and tf_["nn"]["squareplus"] == []
    assert "PyTorch and TensorFlow have no squareplus (neither `torch.nn`, `torch.nn.functional` nor `tf.nn`" \
           in page("squareplus")


def test_keras_sparsemax_is_wrong_as_the_note_and_page_say():
    keras_, tf_ = measured("Keras", "later"), measured("TensorFlow", "later")
    jax_, torch_ = measured("JAX", "later"), measured("PyTorch", "later")
    got = keras_["sparsemax"]
    want = snippet("sparsemax").sparsemax
    assert got["[1, 0.5, -1]"] == ["0.25", "0.0", "0.0"] and list(want(np.array([1.0, 0.5, -1.0]))) == [0.75, 0.25, 0]
    assert got["[1, 1]"] == ["0.0", "0.0"] and list(want(np.array([1.0, 1.0]))) == [0.5, 0.5]
    assert got["[0, 0, 0]"] == [repr(1 / 3)] * 3 and got["[2, 0]"] == ["1.0", "0.0"]  # right with one in the support
    right = snippet("sparsemax").sparsemax_jacobian(np.array([0.0, 0.0, 0.0]))
    assert not np.allclose(keras_["sparsemax_jacobian"]["[0, 0, 0]"], right)
    assert keras_["sparsemax_jacobian"]["[1, 0]"] == [[0.0, 0.0], [-0.5, 0.5]]
    assert np.array_equal(snippet("sparsemax").sparsemax_jacobian(np.array([1.0, 0.0])), np.zeros((2, 2)))
    assert keras_["sparsemax_line"] == {"jax": True, "tensorflow": True, "torch": True, "numpy": True}
    assert tf_["sparsemax"] == ["0.25", "0.0", "0.0"] and tf_["tf_keras_is_keras"]["sparsemax"] is True
    assert keras_["layers"]["sparse"] == []
    text = said(note("sparsemax", "Keras"))
    assert ("`keras.ops.sparsemax([1.0, 0.5, -1.0])` gives [0.25, 0, 0] instead of [0.75, 0.25, 0], and [1.0, 1.0] "
            "gives [0, 0]") in text
    assert "([0, 0, 0] gives the right [1/3, 1/3, 1/3], not the right Jacobian)" in text
    assert "The JAX, TensorFlow, PyTorch and NumPy backends share the line" in text
    assert "`tf.keras.activations.sparsemax` is this same function" in text and "No `keras.layers` class" in text
    torch_names = [n for m in torch_["names"].values() for n in m["sparse"]]
    assert not [n for n in torch_names if "sparsemax" in n] and jax_["names"]["sparsemax"] == []
    assert tf_["nn"]["sparsemax"] == []
    text = page("sparsemax")
    assert "PyTorch 2.13.0 has none (nothing in `torch`, `torch.nn` or `torch.nn.functional`), nor has JAX 0.10.2's " \
           "`jax.nn`" in text
    assert "TensorFlow 2.21.0's `tf.nn`: `tf.keras.activations.sparsemax` is Keras's function, with the same error" \
        in text
    assert "at $(1, 0)$ `jax.jacobian` gives the rows $(0, 0)$ and $(-\\tfrac12, \\tfrac12)$" in text


def test_hard_sigmoid_float32_sixth_keras_3_form_and_absence_as_the_notes_and_page_say():
    torch_, jax_ = measured("PyTorch", "hard"), measured("JAX", "hard")
    keras_, tf_ = measured("Keras", "hard"), measured("TensorFlow", "hard")
    sixth = repr(float(np.float32(1 / 6)))
    assert torch_["float32_sixth"] == sixth == "0.1666666716337204"
    assert torch_["hardsigmoid_ramp_gradient"] == [sixth] * 5  # float64 input, anywhere on the ramp
    assert "the gradient between −3 and 3 is 0.1666666716337204, not 0.16666666666666666" in said(
        note("hard_sigmoid", "PyTorch"))
    assert f"{abs(float(sixth) * 6 - 1):.0e}" == "3e-08"
    assert "$1/6$ rounded to float32, $0.1666666716\\ldots$, a relative error of $3 \\cdot 10^{-8}$" in page(
        "hard_sigmoid")
    # Keras 3 on both installed backends: clip(x/6 + 1/2, 0, 1), the docstring's (x/6) + 0.5
    x = np.array([-4.0, -3.0, -2.5, -1.0, 0.0, 0.7, 3.0, 5.0])
    want = np.clip(x / 6 + 0.5, 0.0, 1.0)
    np.testing.assert_allclose(keras_["hard_sigmoid"], want, rtol=1e-15, atol=0)
    np.testing.assert_allclose(tf_["hard_sigmoid"], want, rtol=1e-15, atol=0)
    assert "`(x/6) + 0.5` if `-3 < x < 3`" in keras_["hard_sigmoid_doc"] and "0.2" not in keras_["hard_sigmoid_doc"]
    text = said(note("hard_sigmoid", "Keras"))
    assert "Keras 3 computes x/6 + 1/2, clipped, on every backend" in text
    assert tf_["names"]["hard"] == [] and tf_["tf_keras_is_keras"] == [True, True]
    assert ("TensorFlow has no hard sigmoid in `tf.nn`; `tf.keras.activations.hard_sigmoid` is this Keras 3 function"
            in text)
    assert "return relu6(x + 3.) / 6." in jax_["hard_sigmoid_source"]
    assert "`relu6(x + 3.) / 6.`" in note("hard_sigmoid", "JAX")
    assert "TensorFlow's `tf.nn` has no hard sigmoid" in page("hard_sigmoid")


def test_hard_swish_names_and_absence_as_the_notes_and_page_say():
    jax_, keras_, tf_ = measured("JAX", "hard"), measured("Keras", "hard"), measured("TensorFlow", "hard")
    assert keras_["hard_swish_is_hard_silu"] == [True, True]
    text = said(note("hard_swish", "Keras"))
    assert "`keras.activations.hard_swish` and `keras.ops.hard_swish` are the same function objects" in text
    assert tf_["names"]["hard"] == [] and tf_["tf_keras_is_keras"][1] is True
    assert "TensorFlow has no hard swish in `tf.nn`; `tf.keras.activations.hard_silu` is this Keras function" in text
    assert jax_["hard_swish_is_hard_silu"] is True and "return x_arr * hard_sigmoid(x_arr)" in jax_["hard_silu_source"]
    text = said(note("hard_swish", "JAX"))
    assert "`jax.nn.hard_silu` is the same function object. It is `x * hard_sigmoid(x)`" in text
    text = page("hard_swish")
    assert ("PyTorch says `Hardswish`, JAX `hard_swish` (with `hard_silu` as the same function), Keras `hard_silu` "
            "(with `hard_swish` as the same function). TensorFlow's `tf.nn` has none") in text


def test_exponential_tails_in_the_frameworks_as_the_notes_and_page_say():
    torch_, jax_ = measured("PyTorch", "exponential"), measured("JAX", "exponential")
    keras_, tf_ = measured("Keras", "exponential"), measured("TensorFlow", "exponential")
    # at x = -720, -88, -87, 710: e^-720 is a float64 subnormal, e^-88 a float32 subnormal, e^-87 a float32 normal
    assert f"{float(torch_['float64'][0]):.3g}" == "2.03e-313" and float(torch_["float64"][0]) < 2.2e-308
    assert float(torch_["float32"][1]) < float(np.finfo(np.float32).tiny) < float(torch_["float32"][2])
    assert [jax_["float64"][0], tf_["float64"][0], keras_["float64"][0]] == ["0.0"] * 3  # flushed
    assert jax_["float32"][1] == tf_["float32"][1] == "0.0" and float(jax_["float32"][2]) > 0
    assert [f"{np.log(np.finfo(d).tiny):.1f}" for d in (np.float64, np.float32)] == ["-708.4", "-87.3"]
    assert jax_["platform"] == "cpu"
    for got in (torch_, jax_, tf_):
        assert got["float64"][3] == got["gradient"][3] == "inf" and got["warnings"] == []
    assert keras_["float64"][3] == "inf"
    assert keras_["float64"] == keras_["ops"] == keras_["layer"] and "return ops.exp(x)" in keras_["source"]
    assert torch_["names"] == {"torch.nn": [], "torch.nn.functional": ["_expand_single_value"]}
    assert "exponential" not in jax_["names"] and "exp" not in jax_["names"] and tf_["same"] is True
    assert torch_["poisson_log_input"] is True
    text = said(note("exponential", "PyTorch"))
    assert "No activation module or `torch.nn.functional` entry" in text
    assert "Results below the smallest normal float (x < −708.4 in float64) are kept as subnormals" in text
    text = said(note("exponential", "Keras"))
    assert "`keras.activations.exponential` returns `keras.ops.exp(x)`; the string `\"exponential\"` selects it" in text
    assert "On the JAX backend subnormal results are flushed to 0" in text
    text = said(note("exponential", "JAX"))
    assert "`jax.nn` has no exponential activation" in text
    assert ("On the CPU, results below the smallest normal float are flushed to 0 (x < −708.4 in float64, x < −87.3 "
            "in float32), where NumPy and PyTorch return subnormals") in text
    text = said(note("exponential", "TensorFlow"))
    assert ("`tf.exp` is the same function. On the CPU, results below the smallest normal float are flushed to 0"
            in text)
    text = page("exponential")
    assert "All four return inf past 709.78 in float64 without a warning, and an infinite gradient there" in text
    assert ("At $x = -720$, where $e^x \\approx 2.03 \\times 10^{-313}$, PyTorch returns that and JAX and TensorFlow "
            "return 0; in float32 the same happens below $x \\approx -87.3$") in text
    assert "`torch.nn.PoissonNLLLoss` does the latter by default (`log_input=True`)" in text
