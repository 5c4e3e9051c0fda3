"""TwinPlanner: plan town-twinning exchanges offline."""

__version__ = "0.1.0"
