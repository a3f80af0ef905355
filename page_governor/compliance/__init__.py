"""Page compliance: does each official page carry every element its policy requires?"""

from page_governor.compliance.checker import ComplianceReport, ElementResult, check_fields
from page_governor.compliance.policy import ELEMENT_IDS, Policy, load_policy

__all__ = [
    "ELEMENT_IDS",
    "ComplianceReport",
    "ElementResult",
    "Policy",
    "check_fields",
    "load_policy",
]
