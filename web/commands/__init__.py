"""The ``sns`` commands that need the web application, one module per command (listed in
:data:`sns.cli.COMMANDS`)."""
