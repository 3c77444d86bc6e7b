"""Mijn plan: the actieteam's actions and the reviews."""
