"""Documents analyzed on a Dask cluster, results written by one writer (the caller).

The client reads each file (so workers need no shared file system) and sends the Document to
the cluster; a worker analyzes it with the pipeline it loaded on its first task and keeps for the
next (:func:`chronica.pipeline.shared`), and sends the analyzed Document back. A lock makes a
worker with several threads analyze one document at a time (a spaCy pipeline is not meant to be
shared by threads); give workers one thread each and as many processes as cores.

Results come back in input order with a bounded number in flight (``2 ×`` the cluster's
threads), so the library is written in the same order as without Dask and a large directory is
streamed through the cluster rather than sent at once. Needs the ``dask`` extra
(``pip install chronica[dask]``).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from chronica.errors import InputError
from chronica.model import Document
from chronica.nlp import DEFAULT_MODEL

if TYPE_CHECKING:
    from distributed import Client  # the optional dask extra: only for the hints

_LOCK = threading.Lock()


def analyze_remote(doc: Document, model: str = DEFAULT_MODEL) -> Document:
    """The task a worker runs: the whole analysis of one document."""
    from chronica.pipeline import shared

    with _LOCK:
        return shared(model).run(doc)


@contextmanager
def connect(address: str, workers: int | None = None) -> Iterator[Client]:
    """A ``distributed.Client`` for ``address`` (``tcp://host:8786``), or a LocalCluster for ``local``.

    ``workers`` sizes the LocalCluster (one process with one thread each; default: one per core).
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError("--dask", "Dask is not installed: pip install 'chronica[dask]'") from None
    if address == "local":
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout="5s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(address, f"cannot reach the Dask scheduler: {exc}") from None
    with client:
        yield client


def analyze_many(client: Client, docs: Iterable[Document], model: str = DEFAULT_MODEL) -> Iterator[Document]:
    """Analyze ``docs`` on the cluster; yield each analyzed Document in input order."""
    window = max(2, 2 * sum(client.nthreads().values()))
    pending: deque = deque()
    for doc in docs:
        data = client.scatter(doc, hash=False)  # a book is megabytes: data, not part of the task graph
        pending.append(client.submit(analyze_remote, data, model, pure=False))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
