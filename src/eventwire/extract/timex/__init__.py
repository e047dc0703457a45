"""Time-expression recognition and TIMEX3 normalisation behind the ``times`` component.

``normalise`` holds the pure normalisers, ``lexicon`` the word data loader, ``rules`` the
patterns' handlers and ``recognise`` the scan over a text.
"""
