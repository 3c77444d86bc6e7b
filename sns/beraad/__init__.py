"""The netwerkberaad: preparing and recording it, invitations, the follow-up."""
