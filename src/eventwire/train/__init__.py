"""Training eventwire's learned components from data the project is entitled to.

``eventwire train NAME`` runs ``eventwire.train.NAME.train(...)`` and writes a small model
file into ``knowledge/data`` (weights and vocabulary only, never article text), which the
component loads without any download:

- ``events``: the PLOVER coder ``plover-learned`` (``train/events.py``), from the
  synthetic sentences of ``train/synthetic.py``, sentences made from the CAMEO verb
  dictionary, the tuning half of the PLOVER gold records and the training half of BBC's
  non-political articles as hard negatives.

scikit-learn (a dependency) fits the models; running them needs numpy alone.
"""
