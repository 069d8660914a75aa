"""The synthetic population the evaluation tests count (the demo's generator)."""

from mobio.demo_population import add_population

__all__ = ["add_population"]
