"""Errors a user can act on: each carries the file and the problem, printed as one line."""

from __future__ import annotations


class InputError(Exception):
    """The input cannot be analyzed (missing, unreadable, wrong kind). The CLI exits with status 2."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
