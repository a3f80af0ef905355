"""Allow ``python -m page_governor``."""

from page_governor.cli import main

if __name__ == "__main__":  # pragma: no cover - thin entry point
    main()
