"""The claims layer: what a text states about each time window, and the findings about it.

The package exports the model (windows, claims, findings).  Reading claims from text is
`extract.Extractor`; claims given as JSON are read by `structured`; `consolidate` reduces
a window's claims to the distinct statements rules compare.
"""

from .model import (
    Announcement, Claim, EndBound, Evidence, Finding, Mention, Observation, ObservationKind,
    Severity, StatedDuration, StatedStart, Window, iso_length, iso_value,
)

__all__ = [
    "Announcement", "Claim", "EndBound", "Evidence", "Finding", "Mention", "Observation",
    "ObservationKind", "Severity", "StatedDuration", "StatedStart", "Window", "iso_length", "iso_value",
]
