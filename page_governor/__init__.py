"""page_governor: governance for the official social-media pages of government agencies.

Archive first, humans decide, viewpoint-neutral by construction. See README.md.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
