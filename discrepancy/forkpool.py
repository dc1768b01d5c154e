"""A small pool of forked worker processes: chunks in, results out, in order, few in flight.

`multiprocessing.Pool` does the same job, but for a batch of a few hundred short documents
its costs are a large part of the run: importing it, starting its three threads, and a
main process whose threads pickle every task and result while holding the GIL.  On two
cores the main process takes its CPU from the workers.  This pool has no threads: the
main process forks the workers (they inherit everything already imported and compiled),
then writes pickled chunks to each worker's pipe and reads pickled results from another,
waiting on all pipes with `select.poll`.  Every write is non-blocking, so a worker
blocked on a full result pipe can never wait on a main process blocked on its task pipe.

A worker gets a chunk only while it has fewer than ``in_flight`` unanswered, to whichever
has fewest, so the work balances itself; results are handed back in the order the chunks
were given, holding at most the few that arrive early.  The main process may be one of
the workers itself (``work_here``): with N processes on N cores, a main process that only
passed chunks along took its CPU from the workers it fed.  A worker answers its chunks in
order, so the pool knows which chunk each answer belongs to without numbering them.

Only for systems with ``os.fork`` (the caller falls back to `multiprocessing` elsewhere).
"""

from __future__ import annotations

import collections
import os
import pickle
import select
import signal
import struct
import traceback
from typing import Callable, Iterable, Iterator, Optional, TypeVar

Task = TypeVar("Task")
Result = TypeVar("Result")

_HEADER = struct.Struct("<Q")  # the length of the pickled message that follows
_READ_SIZE = 1 << 20
_WRITE_SIZE = 1 << 16


class WorkerDied(RuntimeError):
    """A worker process stopped without answering a chunk: a crash, or a bug of ours in it."""


def available() -> bool:
    return hasattr(os, "fork")


def ordered_map(function: Callable[[Task], Result], chunks: Iterable[Task], processes: int,
                in_flight: int, work_here: bool = False) -> Iterator[Result]:
    """``function(chunk)`` for every chunk, computed by ``processes`` processes, in order.

    With ``work_here``, this process is one of the ``processes``: it forks one worker fewer
    and computes chunks itself between feeding the workers and handing back answers.  On as
    many cores as processes, a main process that only passed chunks along would take its
    CPU from the workers, and its own chunks cross no pipe.  A chunk it computes that raises
    raises here, unchanged, as it would in one process.

    ``chunks`` is read lazily: at most ``processes * in_flight`` chunks have been taken
    from it and not yet yielded, each worker holding at most ``in_flight``.  A worker that raises ends the batch with `WorkerDied`
    carrying its traceback; so does one that dies.  Closing the iterator early stops the workers.
    """
    workers: list[_Worker] = []
    try:
        for _ in range(processes - 1 if work_here else processes):
            workers.append(_Worker.fork(function, workers))
        yield from _drive(workers, iter(chunks), in_flight, processes * in_flight,
                          function if work_here else None)
    finally:
        for worker in workers:
            worker.stop()
        for worker in workers:
            worker.reap()


def _drive(workers: list["_Worker"], chunks: Iterator, in_flight: int, window: int,
           local: Optional[Callable]) -> Iterator:
    results: dict[int, object] = {}
    waiting: collections.deque[tuple[int, object]] = collections.deque()  # taken, given to no one yet
    taken = yielded = 0
    exhausted = False
    # A worker needs a chunk to compute and one more for the time this process spends on
    # one of its own; each more it holds is one more the two may end apart.
    held = min(in_flight, 2) if local is not None else in_flight
    by_fd = {}
    for worker in workers:
        by_fd[worker.results] = worker
        by_fd[worker.tasks] = worker
    while True:
        # Hand back what is ready first: it frees room in the window for the chunks below.
        while yielded in results:
            result = results.pop(yielded)
            yielded += 1
            yield result
        # Taken and not yet handed back: unanswered chunks, and answers held until the ones
        # before them arrive.  Bounding both, not only the former, keeps memory flat even
        # while one worker is stuck on a huge document and the others race ahead.
        while not exhausted and taken - yielded < window:
            try:
                waiting.append((taken, next(chunks)))
            except StopIteration:
                exhausted = True
                break
            taken += 1
        # The workers first (each to at most ``in_flight``, to whichever has fewest), so
        # that none sits idle while this process computes a chunk of its own.
        while waiting and workers:
            worker = min(workers, key=lambda w: len(w.pending))
            if len(worker.pending) >= held:
                break
            if local is not None and exhausted and len(worker.pending) + 1 >= len(waiting):
                break  # near the end: this process keeps as many as a worker holds, so they end together
            number, chunk = waiting.popleft()
            worker.send(number, chunk)
        if exhausted and yielded == taken:
            return
        poller = select.poll()
        for worker in workers:
            if worker.pending:
                poller.register(worker.results, select.POLLIN)
            if worker.outgoing:
                poller.register(worker.tasks, select.POLLOUT)
        # With a chunk of its own to compute, this process only looks at the pipes in
        # passing; otherwise it waits for them.
        for fd, _ in poller.poll(0 if local is not None and waiting else None):
            worker = by_fd[fd]
            if fd == worker.tasks:
                worker.flush()
            else:
                for number, answer in worker.receive():
                    results[number] = answer
        if local is not None and waiting and yielded not in results:
            number, chunk = waiting.popleft()
            results[number] = local(chunk)


class _Worker:
    """The main process's end of one worker: its pid, pipes and unanswered chunks."""

    def __init__(self, pid: int, tasks: int, results: int):
        self.pid = pid
        self.tasks = tasks  # we write chunks here
        self.results = results  # and read answers here
        self.pending: collections.deque[int] = collections.deque()  # chunk numbers, in the order sent
        self.outgoing = bytearray()
        self.incoming = bytearray()

    @classmethod
    def fork(cls, function: Callable, siblings: list["_Worker"]) -> "_Worker":
        task_read, task_write = os.pipe()
        result_read, result_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: never returns
            status = 1
            try:
                os.close(task_write)
                os.close(result_read)
                for sibling in siblings:  # or a sibling would never see its task pipe close
                    os.close(sibling.tasks)
                    os.close(sibling.results)
                # Ctrl-C reaches the whole process group: the main process stops the workers.
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                _serve(function, task_read, result_write)
                status = 0
            finally:
                os._exit(status)
        os.close(task_read)
        os.close(result_write)
        os.set_blocking(task_write, False)
        return cls(pid, task_write, result_read)

    def send(self, number: int, chunk: object) -> None:
        message = pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL)
        self.outgoing += _HEADER.pack(len(message))
        self.outgoing += message
        self.pending.append(number)
        self.flush()

    def flush(self) -> None:
        while self.outgoing:
            try:
                written = os.write(self.tasks, self.outgoing[:_WRITE_SIZE])
            except BlockingIOError:
                return
            except BrokenPipeError:
                self._last_words()
            del self.outgoing[:written]

    def _last_words(self) -> None:
        """Raise `WorkerDied` for a worker that stopped reading, with its traceback if it sent one.

        A worker that fails answers with its traceback and exits; a chunk written to it after
        that finds its pipe closed.  The traceback is then already waiting in the answers pipe,
        ahead of anything this process would read next: read it, rather than report a bare
        "stopped reading" that hides the cause.
        """
        os.set_blocking(self.results, True)
        try:
            while data := os.read(self.results, _READ_SIZE):
                self.incoming += data
        except OSError:
            pass
        for _ in self._answers():  # raises with the traceback if the worker failed
            pass
        raise WorkerDied(f"worker process {self.pid} stopped reading its chunks")

    def receive(self) -> Iterator[tuple[int, object]]:
        data = os.read(self.results, _READ_SIZE)
        if not data:
            raise WorkerDied(f"worker process {self.pid} died with {len(self.pending)} chunks unanswered")
        self.incoming += data
        yield from self._answers()

    def _answers(self) -> Iterator[tuple[int, object]]:
        """The answers complete in ``incoming``, each with the number of its chunk."""
        while len(self.incoming) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self.incoming)
            end = _HEADER.size + size
            if len(self.incoming) < end:
                return
            failed, answer = pickle.loads(memoryview(self.incoming)[_HEADER.size:end])
            del self.incoming[:end]
            if failed:
                raise WorkerDied(f"worker process {self.pid} failed:\n{answer}")
            yield self.pending.popleft(), answer

    def stop(self) -> None:
        """Close the pipes: a worker waiting for a chunk sees the end and exits."""
        for fd in (self.tasks, self.results):
            try:
                os.close(fd)
            except OSError:
                pass
        if self.pending:  # stopped early: do not wait for chunks nobody will read
            try:
                os.kill(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    def reap(self) -> None:
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def _serve(function: Callable, tasks: int, results: int) -> None:
    """The worker's loop: read a chunk, answer it, until the main process closes the pipe.

    The answer is ``(False, result)``, or ``(True, traceback)`` when ``function`` raised or
    its result could not be pickled; after that the worker stops.
    """
    source = os.fdopen(tasks, "rb")
    sink = os.fdopen(results, "wb")
    while True:
        header = source.read(_HEADER.size)
        if len(header) < _HEADER.size:
            return
        (size,) = _HEADER.unpack(header)
        failed = False
        try:
            message = pickle.dumps((False, function(pickle.loads(source.read(size)))), pickle.HIGHEST_PROTOCOL)
        except BaseException:  # noqa: BLE001 - the main process reports it and stops the batch
            failed = True
            message = pickle.dumps((True, traceback.format_exc()), pickle.HIGHEST_PROTOCOL)
        try:
            sink.write(_HEADER.pack(len(message)))
            sink.write(message)
            sink.flush()
        except BrokenPipeError:  # the main process stopped reading: nothing more to do
            return
        if failed:
            return
