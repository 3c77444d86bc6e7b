"""Privacy (AVG): consent, access log, export, erasure and retention."""
