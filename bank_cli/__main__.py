"""`python -m bank_cli`: the same as `bank`, for notebooks whose PATH lacks the script."""

import sys

from .main import main

sys.exit(main())
