"""Wire formats: one pure module per format (bytes in, items out) behind one registry (registry.py)."""
