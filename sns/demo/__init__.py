"""The demo team, coach and resident."""
