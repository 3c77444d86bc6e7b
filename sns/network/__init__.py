"""The resident's network as stored: members, ties, snapshots, imports."""
