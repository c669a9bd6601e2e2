import sys

from hamlet.cli import main

sys.exit(main())
