"""Jinja2 templates, CSS and JS of ``arkisto report`` (a package so they ship as package data)."""
