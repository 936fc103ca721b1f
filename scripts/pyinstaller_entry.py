"""Entry script of the PyInstaller bundle (see ``build.spec``): ``pos_app.cli:main``.

It lives outside the ``pos_app`` package so that PyInstaller does not put the
package folder itself on the analysis path (which would expose ``pos_app/app.py``
and friends as top-level modules).
"""

import sys

from pos_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
