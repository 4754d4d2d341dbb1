"""Pydantic models of the knowledge-base record types, one module per kind of record."""
