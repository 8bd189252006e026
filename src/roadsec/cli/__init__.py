"""The `roadsec` command line: the only place errors become exit codes."""
