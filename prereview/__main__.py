import sys

from prereview.cli.main import main

sys.exit(main())
