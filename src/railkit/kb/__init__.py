"""The knowledge base: records as data, loaded into an immutable catalog and checked.

Each record lives in its own file under ``railkit/data/<collection>/<id>.yaml`` (or ``.md``
with YAML front matter); the file stem is the record id. :func:`load_catalog` validates every
file against its pydantic model (unknown keys are errors) and :func:`check_catalog` returns
every integrity problem as data.
"""

from __future__ import annotations

from railkit.kb.catalog import Catalog, load_catalog
from railkit.kb.check import check_catalog
from railkit.kb.problem import Problem

__all__ = ["Catalog", "Problem", "check_catalog", "load_catalog"]
