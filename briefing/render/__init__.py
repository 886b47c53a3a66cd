"""Render: site graph + Jinja -> outputs (url path, bytes). No IO but reading templates."""
