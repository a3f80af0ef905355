"""Comment moderation: flag for human review, explain why, never decide."""

from page_governor.moderation.classifier import Classifier
from page_governor.moderation.detectors import Context

__all__ = ["Classifier", "Context"]
