"""The long-running worker (``process``) and the scheduled jobs it runs (``jobs``)."""
