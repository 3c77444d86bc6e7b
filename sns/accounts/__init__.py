"""Accounts: teams, coaches and their login (password, second factor, throttles)."""
