"""``python -m bench``: every benchmark, printed."""

from __future__ import annotations

import logging

from bench import extract


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    print("== OCR and extract ==", flush=True)
    print(extract.report(extract.run()), flush=True)


if __name__ == "__main__":
    main()
