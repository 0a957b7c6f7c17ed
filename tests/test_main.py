"""The command line as a user (or CI) runs it: real subprocesses, real files."""

import os
import subprocess
import sys
import time

import pytest

from socialdesk import __version__


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "socialdesk", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
    )


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"SocialDesk {__version__}"


def test_smoke_renders_the_demo_to_a_png(tmp_path):
    shot = tmp_path / "shot.png"
    result = run("--smoke", str(shot), "--size", "1024x700", "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = (
        int.from_bytes(shot.read_bytes()[16:20]),
        int.from_bytes(shot.read_bytes()[20:24]),
    )
    assert (width, height) == (1024, 700)
    assert (tmp_path / "d" / "demo.sqlite3").exists() and (
        tmp_path / "d" / "socialdesk.log"
    ).exists()


def test_data_dir_from_the_environment(tmp_path):
    result = run(
        "--smoke", str(tmp_path / "s.png"), env={"SOCIALDESK_DATA_DIR": str(tmp_path / "e")}
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "e" / "demo.sqlite3").exists()


def test_a_corrupted_database_stops_start_up_with_a_message_and_is_kept(tmp_path):
    data = tmp_path / "d"
    data.mkdir()
    broken = data / "demo.sqlite3"
    broken.write_bytes(b"\x00garbage" * 512)
    result = run("--smoke", str(tmp_path / "s.png"), "--data-dir", str(data))
    assert result.returncode == 2
    assert str(broken) in result.stderr and "left exactly as it is" in result.stderr
    assert broken.read_bytes() == b"\x00garbage" * 512
    assert not (tmp_path / "s.png").exists()


def test_an_unusable_data_folder_is_explained(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("--smoke", str(tmp_path / "s.png"), "--data-dir", str(blocker / "data"))
    assert result.returncode == 2
    assert str(blocker / "data") in result.stderr and "--data-dir" in result.stderr


def test_a_bad_size_is_refused_before_anything_starts(tmp_path):
    result = run("--smoke", str(tmp_path / "s.png"), "--size", "big")
    assert result.returncode == 2 and "WIDTHxHEIGHT" in result.stderr


def test_a_second_copy_on_the_same_folder_defers_and_says_who_holds_it(tmp_path):
    data = tmp_path / "d"
    first = subprocess.Popen(
        [sys.executable, "-m", "socialdesk", "--data-dir", str(data)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        log = data / "socialdesk.log"
        deadline = time.monotonic() + 60
        # Running for real: it has opened its workspace (the demo's file exists).
        while not ((data / "demo.sqlite3").exists() and log.exists()):
            assert first.poll() is None, "the first copy stopped"
            assert time.monotonic() < deadline, "the first copy never opened its workspace"
            time.sleep(0.1)
        second = run("--data-dir", str(data), "--smoke", str(tmp_path / "second.png"))
        assert second.returncode == 2
        assert "already open on this data folder" in second.stderr
        assert f"process {first.pid}" in second.stderr
        assert not (tmp_path / "second.png").exists()
    finally:
        first.kill()  # kill -9: the lock file stays behind, naming a process that is gone
        first.wait(timeout=30)
    third = run("--data-dir", str(data), "--smoke", str(tmp_path / "third.png"))
    assert third.returncode == 0, third.stderr


def test_starting_on_a_full_disk_says_so_once_and_leaves_no_half_made_database(tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(small)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("needs a small tmpfs (root with mount rights) to fill a disk for real")
    try:
        result = run("--data-dir", str(small / "d"), "--smoke", str(tmp_path / "shot.png"))
        assert result.returncode == 2
        assert result.stderr.strip().count("\n") == 0, result.stderr  # one message, no traceback
        assert "is full" in result.stderr and "Free some space" in result.stderr
        left = sorted(p.name for p in (small / "d").iterdir())
        assert not [name for name in left if "sqlite3" in name], left
        # Space freed: the next start builds the demo afresh, nothing half-made in its way.
        subprocess.run(["mount", "-o", "remount,size=64m", str(small)], check=True)
        again = run("--data-dir", str(small / "d"), "--smoke", str(tmp_path / "shot.png"))
        assert again.returncode == 0, again.stderr
    finally:
        subprocess.run(["umount", str(small)], check=False)
