"""Benchmark: the encrypted package against the real 7-Zip and against SHA-256 (A6-2).

Run ``python benchmarks/bench_package.py [RUNS]`` (default 25). One run measures, in turn:

- ``pack`` (decision, key derivation, archive, e-mail) against ``7zz a -p... -mhe=on`` on
  the same two files, each as whole wall time per package: for 7-Zip, writing the files,
  running the process and reading the archive back;
- ``open_package`` against ``7zz x -p...`` on the same package, reading the files back;
- both against one SHA-256 pass over the key-derivation input (2**19 rounds of the
  UTF-16LE password and an 8-byte counter, hashed in one call from a prepared buffer): the
  physical limit of a single package, whose cost is that derivation;
- a batch of 100 packages under one password (one :class:`PackageKey`) against 100
  ``7zz a`` runs;
- each allowed coder's bomb (1 GiB of zeros as ``verwijzing.json``, written by ``7zz``:
  LZMA2, LZMA, BZip2, BCJ and Delta over LZMA2; Copy, which cannot compress, is the 1 GiB
  input itself, handed over as a memoryview of the mapped file), refused by
  ``open_package`` in a fresh process: wall time and extra peak memory (VmHWM after the
  refusal minus the resident size before it); and each compressing coder's bomb with its
  header rewritten with the password to declare 1000 bytes (a lie the decoder must cut),
  opened with ``unseal`` and no required member, so that the decoder itself runs.

It prints the medians, the ratios and the targets (pack and open <= 1.0x 7-Zip and
<= 1.25x SHA-256, batch <= 0.2x, each bomb < 0.2 s and < 32 MiB); the exit code is 1 when
one is missed.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import py7zr

from protocol_share import TORHOUT, Referral
from protocol_share.examples import example_referral
from protocol_share.package import _sevenzip as sz
from protocol_share.package._archive import PackageKey, unseal
from protocol_share.package._package import generate_password, open_package, pack
from protocol_share.package._payload import DOCUMENT_NAME, TEXT_NAME

# The package tests' client, moment and header rewriting serve here too: one home for each.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.package.package_support import AT, CLIENT, reheader

TARGETS = {
    "pack / 7zz a": 1.0,
    "open / 7zz x": 1.0,
    "pack / SHA-256": 1.25,
    "open / SHA-256": 1.25,
    "batch / 7zz a": 0.2,
}
BOMB_SECONDS, BOMB_MIB = 0.2, 32.0
SEVEN_ZIP = shutil.which("7zz")


def referral(number: int = 1) -> Referral:
    """The benchmark's referral: the library's example referral for the package tests'
    client (a full address, a box, a non-ASCII name), under its own id."""
    example = example_referral(TORHOUT, at=AT, client=CLIENT)
    return Referral.model_validate({**dict(example), "referral_id": f"r-2024-{number:04d}"})


def seven_zip(*arguments: str, cwd: Path) -> None:
    assert SEVEN_ZIP is not None
    subprocess.run(
        [SEVEN_ZIP, *arguments, "-bd", "-y"],
        cwd=cwd,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
    )


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def seven_zip_pack(members: dict[str, bytes], password: str, directory: Path) -> bytes:
    """7-Zip's whole job for one package: write the files, archive them, read the archive."""
    for name, data in members.items():
        (directory / name).write_bytes(data)
    target = directory / "pakket.7z"
    target.unlink(missing_ok=True)
    seven_zip("a", f"-p{password}", "-mhe=on", str(target), *members, cwd=directory)
    return target.read_bytes()


def seven_zip_open(archive: bytes, password: str, directory: Path) -> dict[str, bytes]:
    """7-Zip's whole job for one package: write it, extract it, read the files back."""
    source = directory / "ontvangen.7z"
    source.write_bytes(archive)
    out = directory / "uit"
    shutil.rmtree(out, ignore_errors=True)
    seven_zip("x", f"-p{password}", f"-o{out}", str(source), cwd=directory)
    return {path.name: path.read_bytes() for path in out.iterdir()}


_BOMB_CHILD = """
import json, mmap, resource, sys, time
from protocol_share import PackageError
from protocol_share.package._archive import unseal
from protocol_share.package._package import open_package
password = sys.argv[2]
if sys.argv[3] == "decoder":  # one member only: no required member, so the decoder runs
    names = {"verwijzing.json", "verwijzing.txt"}
    open_package = lambda archive, password: unseal(archive, password, names=names, required=())
with open(sys.argv[1], "rb") as file:
    mapped = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
archive = memoryview(mapped) if len(mapped) > 64 << 20 else mapped[:]  # Copy: 1 GiB input
def resident():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()
with open("/proc/self/clear_refs", "w") as refs:
    refs.write("5")  # reset the peak resident size (VmHWM)
before = resident()
start = time.perf_counter()
try:
    open_package(archive, password=password)
    refused = None
except PackageError as error:
    refused = type(error).__name__
seconds = time.perf_counter() - start
with open("/proc/self/status") as status:
    peak = next(int(l.split()[1]) * 1024 for l in status if l.startswith("VmHWM"))
print(json.dumps({"seconds": seconds, "extra": peak - before, "refused": refused}))
"""

BOMBS = {
    "LZMA2": ("-m0=LZMA2",),
    "LZMA": ("-m0=LZMA",),
    "BZip2": ("-m0=BZip2",),
    "BCJ + LZMA2": ("-mf=BCJ", "-m0=LZMA2"),
    "Delta + LZMA2": ("-mf=Delta:4", "-m0=LZMA2"),
    "Copy": ("-m0=Copy",),
}
"""Each allowed coder's 1 GiB bomb, as ``7zz`` switches."""


def bomb(name: str, password: str, directory: Path) -> dict[str, dict[str, object]]:
    """1 GiB of zeros as verwijzing.json, written by 7zz with one coder, opened in a fresh
    process; and the same archive lying about its size (declaring 1000 bytes)."""
    assert SEVEN_ZIP is not None
    path = directory / "bom.7z"
    path.unlink(missing_ok=True)
    with subprocess.Popen(
        [
            SEVEN_ZIP,
            "a",
            f"-p{password}",
            "-mhe=on",
            *BOMBS[name],
            f"-si{DOCUMENT_NAME}",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        cwd=directory,
    ) as process:
        assert process.stdin is not None
        chunk = bytes(1 << 20)
        for _ in range(1024):
            process.stdin.write(chunk)
        process.stdin.close()
        process.wait()
    results = {name: _refused_in_child(path, password, "open_package")}
    if name != "Copy":  # Copy cannot lie: its output is its input
        liar = directory / "leugen.7z"
        liar.write_bytes(_lying(path.read_bytes(), password))
        results[f"{name}, declared 1000 bytes"] = _refused_in_child(liar, password, "decoder")
        liar.unlink()
    path.unlink()
    return results


def _refused_in_child(path: Path, password: str, mode: str) -> dict[str, object]:
    result: dict[str, object] = json.loads(
        subprocess.run(
            [sys.executable, "-c", _BOMB_CHILD, str(path), password, mode],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    result["archive_bytes"] = path.stat().st_size
    return result


def _regular_file(match: re.Match[bytes]) -> bytes:
    attributes = int.from_bytes(match.group(1), "little")
    attributes = attributes & ~(0o170000 << 16) | (0o100000 << 16)
    return match.group(0)[:4] + attributes.to_bytes(4, "little")


def _lying(archive: bytes, password: str) -> bytes:
    """The bomb with its header rewritten (with the password, as a sender could) to declare
    1000 bytes where it holds 1 GiB: the decoder must stop at the declared size."""

    def lie(header: bytes) -> bytes:
        lied = header.replace(sz.encode_number(1 << 30), sz.encode_number(1000))
        # 7zz marks a member read from stdin as a FIFO (refused as a link): make it a file.
        lied, count = re.subn(rb"\x15\x06\x01\x00(....)", _regular_file, lied, flags=re.DOTALL)
        assert lied != header
        assert count == 1
        return lied

    return reheader(archive, lie, password)


def kdf_input(password: str) -> bytes:
    """What 7-Zip's key derivation hashes: 2**19 times the UTF-16LE password and an 8-byte
    little-endian counter (the salt is empty)."""
    encoded = password.encode("utf-16-le")
    return b"".join(encoded + counter.to_bytes(8, "little") for counter in range(1 << 19))


def main(runs: int = 25) -> int:
    if SEVEN_ZIP is None:
        print("7zz (Debian package 7zip) is required for this benchmark", file=sys.stderr)
        return 2
    password = generate_password()
    subject = referral()
    members = unseal(
        pack(subject, password=password, at=AT).archive,
        PackageKey.derive(password),
        names={DOCUMENT_NAME, TEXT_NAME},
        required=set(),
    )
    banner = subprocess.run([SEVEN_ZIP, "i"], capture_output=True, text=True, check=True)
    print(
        f"python {platform.python_version()}, py7zr {py7zr.__version__}, {banner.stdout.split(chr(10))[1].strip()}"
    )
    print(f"cpu: {platform.processor() or platform.machine()}, {os.cpu_count()} cores")
    print(
        f"content: {sum(map(len, members.values()))} bytes in 2 files; password {len(password)} characters"
    )

    with tempfile.TemporaryDirectory() as temporary:
        directory = Path(temporary)
        archive = pack(subject, password=password, at=AT).archive
        # warm up both sides (imports, page cache, the py7zr hook)
        seven_zip_pack(members, password, directory)
        seven_zip_open(archive, password, directory)
        open_package(archive, password=password)
        hashed = kdf_input(password)
        samples: dict[str, list[float]] = {
            "pack": [],
            "7zz a": [],
            "open": [],
            "7zz x": [],
            "sha256": [],
        }
        for _ in range(runs):
            samples["sha256"].append(timed(lambda: hashlib.sha256(hashed).digest()))
            samples["pack"].append(timed(lambda: pack(subject, password=password, at=AT)))
            samples["7zz a"].append(timed(lambda: seven_zip_pack(members, password, directory)))
            samples["open"].append(timed(lambda: open_package(archive, password=password)))
            samples["7zz x"].append(timed(lambda: seven_zip_open(archive, password, directory)))
        assert seven_zip_open(archive, password, directory) == members

        referrals = [referral(n) for n in range(100)]

        def library_batch() -> None:
            key = PackageKey.derive(password)
            for item in referrals:
                pack(item, password=key, at=AT)

        def seven_zip_batch() -> None:
            for _ in referrals:
                seven_zip_pack(members, password, directory)

        batch = timed(library_batch)
        batch_7zz = timed(seven_zip_batch)
        hostile = {
            label: result
            for name in BOMBS
            for label, result in bomb(name, password, directory).items()
        }

    median = {name: statistics.median(values) for name, values in samples.items()}
    ratios = {
        "pack / 7zz a": median["pack"] / median["7zz a"],
        "open / 7zz x": median["open"] / median["7zz x"],
        "pack / SHA-256": median["pack"] / median["sha256"],
        "open / SHA-256": median["open"] / median["sha256"],
        "batch / 7zz a": batch / batch_7zz,
    }
    print(f"\nper package, median of {runs} runs (ms)")
    print(
        f"  pack          {median['pack'] * 1e3:7.2f}   7zz a -mhe=on  {median['7zz a'] * 1e3:7.2f}   SHA-256 of the KDF input ({len(hashed) / 1e6:.1f} MB) {median['sha256'] * 1e3:7.2f}"
    )
    print(
        f"  open_package  {median['open'] * 1e3:7.2f}   7zz x          {median['7zz x'] * 1e3:7.2f}"
    )
    print("batch of 100 packages under one password (s)")
    print(f"  pack x 100    {batch:7.3f}   7zz a x 100    {batch_7zz:7.3f}")
    print("ratios")
    for name, ratio in ratios.items():
        print(f"  {name:16} {ratio:6.3f}x (target <= {TARGETS[name]}x)")
    missed = [name for name, ratio in ratios.items() if ratio > TARGETS[name]]
    print(
        f"bombs: 1 GiB of zeros, opened in a fresh process (targets < {BOMB_SECONDS * 1e3:.0f} ms, < {BOMB_MIB:.0f} MiB)"
    )
    for name, result in hostile.items():
        seconds = float(result["seconds"])  # type: ignore[arg-type]
        extra_mib = float(result["extra"]) / (1 << 20)  # type: ignore[arg-type]
        print(
            f"  {name:36} {int(result['archive_bytes']):>11} bytes  refused as {result['refused']}"  # type: ignore[call-overload]
            f" in {seconds * 1e3:6.1f} ms, extra peak {extra_mib:5.1f} MiB"
        )
        if result["refused"] is None or seconds >= BOMB_SECONDS or extra_mib >= BOMB_MIB:
            missed.append(f"bomb {name}")
    print("targets met" if not missed else f"targets missed: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 25))
