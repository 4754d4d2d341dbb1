"""Page modules. Each exposes ``router`` (HTML pages), optionally ``api`` (JSON under /api)
and ``NAV`` (a :class:`railkit.web.rendering.NavItem`)."""
