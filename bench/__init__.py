"""Build benchmark for the strategy site: ``python -m bench.benchmark`` (see benchmark.py)."""
