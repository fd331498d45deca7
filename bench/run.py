"""`make bench`: python bench/run.py [--quick] [--only payload,server,scaling,browser] [--iterations N]."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from noturiba_bench.main import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
