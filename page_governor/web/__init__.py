"""The HTTP side of page_governor (``page-governor serve``, the Procfile ``web`` process)."""
