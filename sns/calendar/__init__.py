"""Calendar files for the coach's calendar, and the coach's feed."""
