"""The Urdu edition's web font: what it covers and how it is built from Debian's Noto (build_urdu_font.py)."""
