"""threshold: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, Naive, Param, PT

KERAS_THRESHOLD = "https://www.tensorflow.org/api_docs/python/tf/keras/activations/threshold"

ACTIVATION = Activation(
    slug="threshold",
    name="Threshold",
    family="classical",
    symbol=r"\operatorname{Threshold}",
    aliases=("torch.nn.Threshold", "thresholded identity", "keras.ops.threshold"),
    expr="Piecewise((v, x <= theta), (x, True))",
    params=(
        Param("threshold", "theta", "1", "inputs at or below θ are replaced by v", assume="real"),
        Param("value", "v", "0", "what replaces every input x ≤ θ", assume="real",
              family=("-1", "0", "0.5"), keywords=("default_value",)),
    ),
    plot_range=(-3, 3),
    kink_derivative={"1": "0"},
    identities=(
        Identity("With threshold 0 and value 0 it is ReLU", "f(x, theta=0, v=0)", "relu(x)"),
        Identity("With threshold 1 and value 0 it is x times a step that is 0 at x = 1",
                 "f(x, theta=1, v=0)", "x*Heaviside(x - 1, 0)"),
    ),
    framework_kink_derivative={"1": {"PyTorch": "0", "Keras": "0"}},
    frameworks=(
        Framework("PyTorch", ("torch.nn.Threshold(threshold=1.0, value=0.0, inplace=False)",
                              "torch.nn.functional.threshold(x, threshold=1.0, value=0.0, inplace=False)"),
                  "`threshold` and `value` have no defaults: both must be given (here 1 and 0). "
                  "NaN passes through (it is not ≤ threshold), and the gradient is 0 at x = threshold.",
                  PT + "torch.nn.Threshold.html"),
        Framework("Keras", ("keras.ops.threshold(x, threshold=1.0, default_value=0.0)",
                            "keras.activations.threshold(x, threshold=1.0, default_value=0.0)",
                            "keras.activations.relu(x, negative_slope=0.0, max_value=None, threshold=1.0)"),
                  "The arguments are `threshold` and `default_value` (PyTorch's `value`), both required. "
                  "Unlike PyTorch, a NaN input gives `default_value` (it computes `where(x > threshold, x, "
                  "default_value)`), with gradient 0. `relu` with `threshold` set and `negative_slope=0` "
                  "is the same function with value 0; with a non-zero `negative_slope` it gives "
                  "negative_slope·(x − threshold) below the threshold instead.",
                  KERAS_THRESHOLD),
    ),
    no_reference="A utility of the frameworks (PyTorch's torch.nn.Threshold, Keras 3's keras.ops.threshold), "
                 "not introduced by a paper.",
    concepts=("concepts/dying-relu.md",),
    naive=Naive("np.where(x > threshold, x, value)", "np.where(x > threshold, 1.0, 0.0)"),
)
