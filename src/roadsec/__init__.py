"""roadsec: roadmaps in, traceable security investment plans out."""

__version__ = "0.1.0"
