"""Pattern matching shared by the stages: literal prefilters read off Python's own regex parse
tree, and a matcher that tries many patterns on a text at the cost of a few dictionary probes."""

from roadsec.match.matcher import Matcher
from roadsec.match.prefilter import fold, prefixes, substrings

__all__ = ["Matcher", "fold", "prefixes", "substrings"]
