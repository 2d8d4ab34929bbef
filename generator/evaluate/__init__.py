"""Scorers: extraction against gold annotations (`python -m generator.evaluate.<name>`)."""
