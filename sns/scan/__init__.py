"""The strength scan of a stored network: its words, its report, its command."""
