"""Run the model's matrix products through numpy's BLAS instead of blis.

spaCy's CPU layers multiply matrices with thinc's ``NumpyOps``, which calls the ``blis``
package by default. numpy's own BLAS (OpenBLAS, which picks its kernels for the
processor it runs on) gives the same tags, parses and entities, faster: measured on a
2-core AMD EPYC, the whole pipeline parsed the bundled articles in 0.68-0.76 of the CPU
time, with one BLAS thread each way (``benchmarks/throughput.py`` reports both pipelines).

The parser's own transition layer calls blis directly and is left as it is.
"""

from __future__ import annotations

from spacy.language import Language
from thinc.api import NumpyOps


def use_numpy_blas(nlp: Language) -> bool:
    """Give every CPU layer of ``nlp`` numpy-BLAS ops; say if any layer was changed.

    Layers on another backend (a GPU's ``CupyOps``, Apple's ops) are left alone: only
    blis-backed ``NumpyOps`` are swapped.
    """
    ops = NumpyOps(use_blis=False)
    changed = False
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if model is None:
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps and node.ops.use_blis:
                node.ops = ops
                changed = True
    return changed
