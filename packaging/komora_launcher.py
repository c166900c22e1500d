"""The frozen app's entry point (PyInstaller runs this file as __main__).

`app/__main__.py` cannot be the script itself: run as __main__ it would not be part
of the `app` package.
"""

import sys

from app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
