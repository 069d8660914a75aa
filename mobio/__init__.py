"""MoBio: newcomers keep their own biography and decide who sees which part."""

from __future__ import annotations

import os

# Piccolo finds its engine and apps through this module; set before any table is touched.
os.environ.setdefault("PICCOLO_CONF", "mobio.db.piccolo_conf")
