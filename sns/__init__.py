"""The SNS domain and its persistence: residents, network members, ties, life domains, audit.

No Flask here: the web layer and the command line both call into this package.
"""
