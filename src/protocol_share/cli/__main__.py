"""``python -m protocol_share.cli``: the same as the ``protocol-share`` script (docs/design.md)."""

import sys

from protocol_share.cli import main

if __name__ == "__main__":
    sys.exit(main())
