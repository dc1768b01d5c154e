"""The claims layer: what a text states about each time window, and the findings about it.

Only the model lives here for now; extraction from text builds on it (issue 4).
"""

from .model import (
    Announcement, Claim, EndBound, Evidence, Finding, Mention, Observation, ObservationKind,
    Severity, StatedDuration, StatedStart, Window, iso_length, iso_value,
)

__all__ = [
    "Announcement", "Claim", "EndBound", "Evidence", "Finding", "Mention", "Observation",
    "ObservationKind", "Severity", "StatedDuration", "StatedStart", "Window", "iso_length", "iso_value",
]
