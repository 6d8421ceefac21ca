"""Scorers that compare chronica's output with gold annotations."""
