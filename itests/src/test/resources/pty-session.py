#!/usr/bin/env python3
"""Drives a command through a pseudo-terminal, as a user at a terminal would.

usage: pty-session.py STEPS_JSON -- COMMAND [ARGS...]

STEPS_JSON is a list of steps run in order:
  {"expect": "text"}          wait until the output so far (since the last expect) contains text
  {"send": "text"}            type text (\\r for Enter, \\u0010\\u0011 for ctrl-p ctrl-q)
  {"winsize": [rows, cols]}   resize the terminal (the kernel sends the command SIGWINCH)
  {"eof": true}               wait for the command to end

Each expect waits at most TIMEOUT seconds (env PTY_TIMEOUT, default 60). Prints the transcript to stdout and
"pty-session: exit N" as its last line; exits 0 when every step passed, 3 when an expect timed out (the command is
killed), 4 when the command ended before an expect was met.
"""
import fcntl, json, os, pty, select, signal, struct, sys, termios, time

def main():
    steps = json.loads(sys.argv[1])
    argv = sys.argv[sys.argv.index("--") + 1:]
    timeout = float(os.environ.get("PTY_TIMEOUT", "60"))
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(argv[0], argv)
    set_size(fd, 24, 80)
    seen = b""
    transcript = b""
    status = 0
    for step in steps:
        if "send" in step:
            os.write(fd, step["send"].encode("utf-8"))
        elif "winsize" in step:
            rows, cols = step["winsize"]
            set_size(fd, rows, cols)
            os.kill(pid, signal.SIGWINCH)
        elif "expect" in step:
            want = step["expect"].encode("utf-8")
            deadline = time.monotonic() + timeout
            while want not in seen:
                left = deadline - time.monotonic()
                if left <= 0:
                    sys.stdout.write(transcript.decode("utf-8", "replace"))
                    sys.stdout.write("\npty-session: timed out waiting for %r\n" % step["expect"])
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    sys.exit(3)
                chunk = read(fd, left)
                if chunk is None:
                    sys.stdout.write(transcript.decode("utf-8", "replace"))
                    sys.stdout.write("\npty-session: ended while waiting for %r\n" % step["expect"])
                    os.waitpid(pid, 0)
                    sys.exit(4)
                seen += chunk
                transcript += chunk
            seen = seen[seen.index(want) + len(want):]
        elif "eof" in step:
            while True:
                chunk = read(fd, timeout)
                if chunk is None:
                    break
                transcript += chunk
    _, wait_status = os.waitpid(pid, 0)
    status = os.waitstatus_to_exitcode(wait_status)
    sys.stdout.write(transcript.decode("utf-8", "replace"))
    sys.stdout.write("\npty-session: exit %d\n" % status)

def set_size(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

def read(fd, wait):
    """The next bytes, or None once the command has closed the terminal."""
    ready, _, _ = select.select([fd], [], [], wait)
    if not ready:
        return b""
    try:
        data = os.read(fd, 4096)
    except OSError:  # EIO: the other side is closed
        return None
    return data if data else None

if __name__ == "__main__":
    main()
