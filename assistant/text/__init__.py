"""The bottom layer for reading founder text: folded tokens, tolerant patterns, list splitting, cues
(negation, hedges, contrast) and language detection. Knows nothing of the canvas or the coach."""
