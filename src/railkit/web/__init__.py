"""The web application: server-rendered pages and a JSON API over the core library.

Adding a page means adding one module to :mod:`railkit.web.pages` (exposing ``router`` and,
optionally, ``NAV``) and one template in ``templates/``; :func:`railkit.web.app.create_app`
discovers the modules.
"""
