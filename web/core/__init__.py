"""The web layer's infrastructure: one database session per request, access, saving,
errors, security, languages and serving. The blueprints live beside it, one per domain."""
