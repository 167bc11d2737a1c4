"""Fictional demo content for Masthead: stories, sections, staff and pictures."""
