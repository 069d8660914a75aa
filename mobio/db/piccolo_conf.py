"""Piccolo's configuration: the engine chosen by settings, and MoBio's one app.

Piccolo imports this module by name (``PICCOLO_CONF``), so it must stay importable
without side effects beyond building the engine object (no connection is opened here).
"""

from __future__ import annotations

from piccolo.conf.apps import AppRegistry

from mobio.db.engine import build_engine

DB = build_engine()
APP_REGISTRY = AppRegistry(apps=["mobio.db.piccolo_app"])
