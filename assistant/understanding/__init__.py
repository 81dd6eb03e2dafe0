"""The understanding layer: what a founder's message says — its kind, the groups it names, the canvas
fields it fills, the segment type, and the common mistakes it shows. Below both coaching engines."""
