"""What the scenario scripts share: Debian's Docker SDK for Python pointed at DOCKER_HOST, and checks that say what
was expected and what came (a failed one raises, so the script exits non-zero with the message)."""
import os
import time

import docker

# Debian's python3-docker, not an SDK some other Python path would bring
assert docker.__file__.startswith("/usr/lib/python3/dist-packages/"), "not Debian's SDK: " + docker.__file__


def client():
    assert os.environ.get("DOCKER_HOST", "").startswith("unix://"), "DOCKER_HOST is not the test engine's socket"
    return docker.from_env(timeout=120)


def equal(what, expected, actual):
    if expected != actual:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")
    print(f"ok: {what} = {actual!r}")


def true(what, condition, detail=""):
    if not condition:
        raise AssertionError(f"{what}: not so ({detail})")
    print(f"ok: {what}")


def raises(what, error, call):
    """Calls call() and checks that it raises error; returns the exception."""
    try:
        result = call()
    except error as e:
        print(f"ok: {what} raised {type(e).__name__}: {e}")
        return e
    raise AssertionError(f"{what}: expected {error.__name__}, but it returned {result!r}")


def until(what, condition, timeout=120):
    """Polls condition() until it holds: for states the engine reaches at a moment the script cannot know."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)
