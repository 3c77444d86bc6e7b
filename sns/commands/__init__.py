"""The domain's commands of the ``sns`` command line, one module per command (listed in
:data:`sns.cli.COMMANDS`)."""
