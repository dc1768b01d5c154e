"""The fork pool: every chunk answered once, in order, lazily, and failures stop the batch."""

from __future__ import annotations

import itertools
import os
import time

import pytest

from discrepancy import forkpool

pytestmark = pytest.mark.skipif(not forkpool.available(), reason="needs os.fork")


def _slow_for_even(chunk):
    # Uneven work, so answers arrive out of order and must be put back in it.
    if chunk[0] % 2 == 0:
        time.sleep(0.002)
    return [value * value for value in chunk], os.getpid()


def test_answers_come_back_in_order_from_several_processes():
    chunks = [[n, n + 1] for n in range(0, 200, 2)]
    answers = list(forkpool.ordered_map(_slow_for_even, chunks, processes=3, in_flight=2))
    assert [values for values, _ in answers] == [[n * n, (n + 1) * (n + 1)] for n in range(0, 200, 2)]
    workers = {pid for _, pid in answers}
    assert len(workers) > 1 and os.getpid() not in workers


def test_large_chunks_and_answers_pass_whole_both_ways():
    """Bigger than a pipe's buffer in each direction, so neither side may block on the other."""
    big = "x" * 300_000
    answers = list(forkpool.ordered_map(lambda chunk: chunk * 2, [big + str(n) for n in range(8)], 2, 3))
    assert answers == [(big + str(n)) * 2 for n in range(8)]


def _endless(taken):
    """Chunks [0], [1], ... without end, noting in ``taken`` each one the pool takes."""
    for number in itertools.count():
        taken.append(number)
        yield [number]


def test_chunks_are_taken_lazily():
    taken = []
    answers = forkpool.ordered_map(lambda chunk: chunk, _endless(taken), processes=2, in_flight=3)
    assert [next(answers) for _ in range(4)] == [[0], [1], [2], [3]]
    assert len(taken) <= 4 + 2 * 3
    answers.close()


def _explode(chunk):
    if chunk == [3]:
        raise ZeroDivisionError("a bug in a worker")
    return chunk


def test_an_exception_in_a_worker_stops_the_batch_with_its_traceback():
    answers = forkpool.ordered_map(_explode, [[n] for n in range(10)], 2, 2)
    with pytest.raises(forkpool.WorkerDied) as raised:
        list(answers)
    assert "ZeroDivisionError: a bug in a worker" in str(raised.value)


def _fail_on_everything(chunk):
    raise ValueError(f"cannot take a chunk of {len(chunk)} bytes")


def test_a_failed_worker_is_reported_with_its_traceback_even_when_a_chunk_meets_its_closed_pipe():
    # Chunks far larger than a pipe holds: the main process is still writing the second when
    # the worker, failing on the first, sends its traceback and exits.
    chunks = [b"x" * 2_000_000 for _ in range(4)]
    with pytest.raises(forkpool.WorkerDied, match="ValueError: cannot take a chunk"):
        list(forkpool.ordered_map(_fail_on_everything, chunks, 1, 2))


def test_a_worker_that_dies_stops_the_batch():
    answers = forkpool.ordered_map(lambda chunk: os._exit(9) if chunk == [5] else chunk, [[n] for n in range(10)], 2, 2)
    with pytest.raises(forkpool.WorkerDied, match="died|stopped reading"):
        list(answers)


def test_closing_early_leaves_no_worker_behind():
    pids = []
    answers = forkpool.ordered_map(lambda chunk: (time.sleep(0.05), os.getpid())[1], [[n] for n in range(50)], 2, 3)
    pids.append(next(answers))
    answers.close()
    for pid in set(pids):
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # already reaped


def _first_is_slow(chunk):
    if chunk == [0]:
        time.sleep(0.2)
    return chunk


def test_a_slow_first_chunk_holding_the_window_does_not_stall_the_rest():
    """The others' answers fill the window while the first is late; handing them all back must
    make room for new chunks (a pool that waited without sending any would wait for ever)."""
    import signal

    def stalled(signum, frame):
        raise TimeoutError("the pool stalled")

    previous = signal.signal(signal.SIGALRM, stalled)
    signal.alarm(20)
    try:
        for _ in range(3):
            answers = list(forkpool.ordered_map(_first_is_slow, [[n] for n in range(12)], processes=2, in_flight=2))
            assert answers == [[n] for n in range(12)]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- the main process as one of the workers ------------------------------------------------


def test_working_here_the_main_process_computes_chunks_too_and_order_is_kept():
    chunks = [[n, n + 1] for n in range(0, 200, 2)]
    answers = list(forkpool.ordered_map(_slow_for_even, chunks, processes=2, in_flight=2, work_here=True))
    assert [values for values, _ in answers] == [[n * n, (n + 1) * (n + 1)] for n in range(0, 200, 2)]
    computed_by = {pid for _, pid in answers}
    assert os.getpid() in computed_by and len(computed_by) == 2


def test_working_here_with_one_process_forks_nothing():
    answers = list(forkpool.ordered_map(lambda chunk: (chunk, os.getpid()), [[n] for n in range(20)], 1, 3,
                                        work_here=True))
    assert answers == [([n], os.getpid()) for n in range(20)]


def test_working_here_chunks_are_still_taken_lazily():
    taken = []
    answers = forkpool.ordered_map(lambda chunk: chunk, _endless(taken), processes=2, in_flight=3, work_here=True)
    assert [next(answers) for _ in range(4)] == [[0], [1], [2], [3]]
    assert len(taken) <= 4 + 2 * 3
    answers.close()


def test_working_here_an_exception_in_the_main_process_is_raised_as_it_is():
    """Whichever process computes the failing chunk, the batch stops: here with the error itself."""
    failures = []
    for _ in range(5):
        try:
            list(forkpool.ordered_map(_explode_here, [[n] for n in range(40)], 2, 2, work_here=True))
        except (ZeroDivisionError, forkpool.WorkerDied) as error:
            failures.append(type(error))
    assert len(failures) == 5


def _explode_here(chunk):
    time.sleep(0.001)
    if chunk == [20]:
        raise ZeroDivisionError("a bug")
    return chunk


def test_working_here_both_processes_share_the_work_in_order():
    """With ``work_here`` this process computes chunks too, next to its one worker, and the
    answers still come back in input order.  How closely the two end together is timing, so
    it is measured by ``benchmarks/throughput.py`` (docs/performance.md), not asserted here.
    """

    def tagged(chunk):
        time.sleep(0.002)
        return chunk[0], os.getpid()

    answers = list(forkpool.ordered_map(tagged, [[n] for n in range(60)], 2, 3, work_here=True))
    assert [number for number, _ in answers] == list(range(60))
    assert len({pid for _, pid in answers}) == 2
