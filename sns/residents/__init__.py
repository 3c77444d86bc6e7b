"""Residents: the intake, the caseload, who may see whom, the phases, life domains and
'Deze week'."""
