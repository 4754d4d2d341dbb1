"""railkit: responsible AI licensing and data-rights toolkit.

The package is a pure core library (it returns result objects and never prints or exits)
with thin layers over it: the command line (:mod:`railkit.cli`) and the web application.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
