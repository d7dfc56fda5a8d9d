"""sparsemax: its declaration (see scripts/activations.py for the fields)."""

from activations import Activation, Framework, Identity, KERAS_ACTIVATIONS, Naive, Reference, UsedIn

ACTIVATION = Activation(
    slug="sparsemax",
    name="Sparsemax",
    family="softmax",
    symbol=r"\operatorname{sparsemax}",
    aliases=("sparse softmax", "simplex projection", "Euclidean projection onto the simplex"),
    kind="vector",
    expr="Max(x[i] - tau, 0)",
    threshold="(Sum(x[k], (k, 1, m)) - 1) / m",
    jacobian="supp[i]*KroneckerDelta(i, j) - supp[i]*supp[j]/m",
    plot_range=(-3, 3),
    identities=(
        Identity("With two inputs, the first output is a clipped line of their difference",
                 "f(x, 0)[0]", "Min(Max((x + 1)/2, 0), 1)"),
        Identity("That line is Hardtanh moved from [−1, 1] to [0, 1]", "f(x, 0)[0]", "(hardtanh(x) + 1)/2"),
    ),
    frameworks=(
        Framework("Keras", ("keras.activations.sparsemax(x, axis=-1)", "keras.ops.sparsemax(x, axis=-1)"),
                  "**Wrong in Keras 3.15.1 whenever two or more inputs are in the support**: its threshold "
                  "subtracts 1 from the sum of all the running sums of the sorted inputs inside the support "
                  "instead of from the last one, so the outputs no longer sum to 1: "
                  "`keras.ops.sparsemax([1.0, 0.5, -1.0])` gives [0.25, 0, 0] instead of [0.75, 0.25, 0], "
                  "and [1.0, 1.0] gives [0, 0]. Its gradients are wrong there too, even where the value "
                  "happens to be right ([0, 0, 0] gives the right [1/3, 1/3, 1/3], not the right Jacobian). "
                  "The tab's input has one input in the support, where it is right. The JAX, TensorFlow, "
                  "PyTorch and NumPy backends share the line, and `tf.keras.activations.sparsemax` is this "
                  "same function (Keras issue [#23425](https://github.com/keras-team/keras/issues/23425); "
                  "the fix, pull request [#23469](https://github.com/keras-team/keras/pull/23469), is not in "
                  "3.15.1). No `keras.layers` class.",
                  KERAS_ACTIVATIONS),
    ),
    references=(
        Reference("A. F. T. Martins, R. F. Astudillo", 2016,
                  "From softmax to sparsemax: a sparse model of attention and multi-label classification",
                  "https://arxiv.org/abs/1602.02068",
                  "Introduced it (ICML 2016, PMLR 48): the projection, its sorting algorithm, its Jacobian and "
                  "the sparsemax loss."),
        Reference("M. Blondel, A. F. T. Martins, V. Niculae", 2020, "Learning with Fenchel-Young losses",
                  "https://arxiv.org/abs/1901.02324",
                  "JMLR 21 (2020): sparsemax as the regularised prediction map of the Gini entropy, and its "
                  "two-input case, the sparse sigmoid."),
    ),
    used_in=(
        UsedIn("TabNet: sparsemax turns each decision step's feature scores into a sparse feature-selection mask",
               "https://arxiv.org/abs/1908.07442", "Arik and Pfister, AAAI 2021"),
    ),
    concepts=("concepts/choosing.md",),
    naive=Naive("z = -np.sort(-x, axis=-1); k = np.arange(1, x.shape[-1] + 1); c = np.cumsum(z, axis=-1); "
                "m = np.sum(1 + k * z > c, axis=-1, keepdims=True); "
                "tau = (np.take_along_axis(c, m - 1, axis=-1) - 1) / m; np.maximum(x - tau, 0)",
                "z = -np.sort(-x, axis=-1); k = np.arange(1, x.shape[-1] + 1); c = np.cumsum(z, axis=-1); "
                "m = np.sum(1 + k * z > c, axis=-1, keepdims=True); "
                "s = (x > (np.take_along_axis(c, m - 1, axis=-1) - 1) / m).astype(float); "
                "s[..., :, None] * (np.eye(x.shape[-1]) - s[..., None, :] / m[..., None])"),
)
