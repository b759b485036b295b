"""The Ray engine: `scan_batch` on a pool of Ray actors through Ray Data, one model per actor.

Ray is an optional extra (`pip install 'shareguard[ray]'`). Only paths go to the actors and
only index records come back, so no document text passes through Ray's object store. Settings
measured on a 2-core machine (`shared/notes/ray.md`):
- each actor asks for 0.75 of a CPU: actors holding whole CPUs starved Ray's own tasks and
  the job hung (ray-project/ray#44687);
- the paths are cut into blocks of one batch each, so the actors share the work;
- Ray's "skip failed blocks" option is never used (it silently drops good documents):
  `scan_batch` itself turns every failure into an error record;
- a document that kills the process scanning it (a parser crash, the OOM killer) would have Ray
  restart the actor and retry the task forever (its default): actors and tasks are retried once,
  for a node lost by chance, then the job stops, and the documents of that wave it had not
  finished are scanned on this machine by the local engine, which finds the document that
  crashes and records it as `scan_crashed`. The next wave goes back to Ray.
Without `--ray-address`, Ray starts on this machine: node address 127.0.0.1, no dashboard, no
usage statistics and no cloud metadata probe, token authentication with a token that lives only
in this process's environment, and its temporary and spill files in the index's owner-only
`tmp/` (removed afterwards). With `--ray-address`, Ray connects to that cluster.
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

from scanner.bulk.batch import BatchSettings, prepare, scan_batch
from scanner.bulk.engine_local import run_local
from scanner.bulk.errors import BulkError, EngineMissing
from scanner.bulk.plan import EngineOptions

INSTALL_HINT = ("The Ray engine needs Ray, an optional extra: pip install 'shareguard[ray]' "
                "(or pip install 'ray[data]>=2.40').")
ACTOR_CPUS = 0.75
# Paths per Ray Data job: bounds what the driver and Ray's scheduler hold at once. Each job starts
# its actors (and their models) afresh, so a big cluster gets bigger waves.
WAVE, WAVE_BATCHES_PER_ACTOR = 20_000, 100
RETRIES = 1  # actor restarts and task retries: a node lost by chance, not a document that crashes every time
SOCKET_ROOM = 40  # Ray's unix sockets live under the temp dir and their paths must fit in 107 bytes
_TOKEN = secrets.token_hex(32)  # this process's local Ray cluster token: never written to disk
# No usage statistics. Ray's C++ core logs fatal errors only: Ray Data's own actors draw an alarming
# but harmless line about their constructor arguments (ray#53727); failures still raise here.
log = logging.getLogger(__name__)
_QUIET_ENV = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_DISABLE_DOCKER_CPU_WARNING": "1", "RAY_BACKEND_LOG_LEVEL": "fatal"}


def available() -> bool:
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError:
        return False
    return True


def run_ray(paths: list[str], settings: BatchSettings, options: EngineOptions) -> Iterator[list[dict]]:
    """Records for every path, a batch at a time, in the order the actors finish them."""
    # Ray turns token authentication on for a new local cluster and takes the token from here.
    local = {} if options.ray_address else {"RAY_AUTH_TOKEN": _TOKEN}
    with _environment({**_QUIET_ENV, **local}), _ray_session(options) as ray:
        from ray.data import ActorPoolStrategy, DataContext

        logging.getLogger("ray.data").setLevel(logging.ERROR)  # its progress and timing lines would flood stderr
        context = DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        context.enable_auto_log_stats = False
        actors = options.jobs or max(1, int(ray.cluster_resources().get("CPU", 1)))
        size = max(WAVE, actors * options.batch_size * WAVE_BATCHES_PER_ACTOR)
        for start in range(0, len(paths), size):
            wave = paths[start : start + size]
            blocks = -(-len(wave) // options.batch_size)
            dataset = ray.data.from_items([{"path": p} for p in wave], override_num_blocks=blocks).map_batches(
                ScanActor, fn_constructor_kwargs={"settings": settings}, batch_size=options.batch_size,
                compute=ActorPoolStrategy(size=min(actors, blocks)), num_cpus=ACTOR_CPUS, batch_format="numpy",
                max_restarts=RETRIES, max_task_retries=RETRIES)
            finished: set[str] = set()
            try:
                for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
                    records = [json.loads(line) for line in batch["record"]]
                    finished.update(r["path"] for r in records)
                    yield records
            except Exception as exc:  # noqa: BLE001 - an actor crashed on a document, a node lost…
                rest = [p for p in wave if p not in finished]
                log.warning("the Ray job stopped (%s); the %d documents of this wave it had not finished are scanned "
                            "on this machine, where a document that crashes its worker is found and recorded",
                            _first_line(exc), len(rest))
                yield from run_local(rest, settings, options)


class ScanActor:
    """A Ray actor holding one loaded model; each call scans one batch of paths."""

    def __init__(self, settings: BatchSettings) -> None:
        self.settings = settings
        prepare(settings.config_dir)

    def __call__(self, batch: dict) -> dict:
        import numpy

        records = scan_batch([str(p) for p in batch["path"]], self.settings)
        return {"record": numpy.array([json.dumps(r, sort_keys=True) for r in records], dtype=object)}


@contextlib.contextmanager
def _ray_session(options: EngineOptions):  # noqa: ANN202
    if not available():
        raise EngineMissing(INSTALL_HINT)
    import ray

    logging.getLogger("ray._private.authentication").setLevel(logging.ERROR)  # "token auth is on": it is meant to be
    if ray.is_initialized():  # a caller's own Ray session: use it, leave it running
        yield ray
        return
    if options.ray_address:
        try:
            ray.init(address=options.ray_address, log_to_driver=False, logging_level=logging.ERROR)
        except Exception as exc:  # noqa: BLE001 - Ray raises many kinds here
            raise BulkError(f"cannot reach the Ray cluster at {options.ray_address} ({_first_line(exc)}).") from exc
        try:
            yield ray
        finally:
            ray.shutdown()
        return
    if options.tmp_dir is None:
        raise ValueError("a local Ray session needs a temporary directory")
    temp = options.tmp_dir / "ray"
    shutil.rmtree(temp, ignore_errors=True)  # what a killed run left
    temp.mkdir(mode=0o700)
    # Even with usage statistics off, Ray's head asks the cloud metadata service (169.254.169.254,
    # metadata.google.internal) which cloud it is on, unless ~/ray_bootstrap_config.yaml exists.
    # Ray's processes get a home of their own, holding an empty one: no request leaves.
    home = temp / "home"
    home.mkdir(mode=0o700)
    (home / "ray_bootstrap_config.yaml").write_text("{}\n")
    with _short_path(temp) as short, _environment({"HOME": str(home)}):
        try:
            ray.init(num_cpus=os.cpu_count(), include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR,
                     _temp_dir=str(short), object_spilling_directory=str(short / "spill"),
                     _node_ip_address="127.0.0.1")
        except Exception as exc:  # noqa: BLE001
            shutil.rmtree(temp, ignore_errors=True)
            raise BulkError(f"cannot start Ray on this machine ({_first_line(exc)}).") from exc
        try:
            yield ray
        finally:
            ray.shutdown()
            shutil.rmtree(temp, ignore_errors=True)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:200]}" if text else type(exc).__name__


@contextlib.contextmanager
def _short_path(target: Path):  # noqa: ANN202
    """`target`, or a short owner-only link to it when its path leaves Ray's sockets no room."""
    if len(str(target)) <= SOCKET_ROOM:
        yield target
        return
    holder = Path(tempfile.mkdtemp(prefix="sg"))  # 0700; holds only the link, the files stay in `target`
    link = holder / "r"
    link.symlink_to(target, target_is_directory=True)
    try:
        yield link
    finally:
        shutil.rmtree(holder, ignore_errors=True)


@contextlib.contextmanager
def _environment(values: dict[str, str]):  # noqa: ANN202
    """Set environment variables for Ray (read by the processes it starts), then restore them."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
