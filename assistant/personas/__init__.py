"""Personas: one per segment, holding only what the founder said or confirmed, each field with its source.

`models` (the stored shape, part of the canvas), `builder` (drafted from a segment and the founder's answers,
corrected in words), `faithful` (every field traced to the founder's text, or dropped).
"""
