"""`python -m roadsec`."""

from roadsec.cli.app import main

main()
