"""Responsible AI licensing: analysis, classification, identification, comparison."""
