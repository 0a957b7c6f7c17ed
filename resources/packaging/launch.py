"""Entry script for the PyInstaller build: the same main() as the ``socialdesk`` command."""

import sys

from socialdesk.main import main

sys.exit(main())
