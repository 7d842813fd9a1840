#!/usr/bin/env python3
"""Runs a command on a pseudo-terminal of 200x50 and lets a test drive it, one request a line on stdin:
  send HEX            type these bytes                          -> "ok"
  expect SECONDS HEX  wait for this text in the output since the last match (consumed with it)
                                                                -> "ok", or "timeout HEX-of-what-came"
  wait SECONDS        wait for the command to end               -> "exit CODE", or "timeout"
The command is killed when stdin ends or this driver is terminated, so a failed test leaves nothing running."""
import fcntl, os, pty, select, signal, struct, sys, termios, time

pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 50, 200, 0, 0))

def kill_child(*_):
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os._exit(0)

signal.signal(signal.SIGTERM, kill_child)
buffer = b''
status = None

def pump(seconds):
    global buffer
    r, _, _ = select.select([fd], [], [], seconds)
    if r:
        try:
            buffer += os.read(fd, 65536)
        except OSError:
            return False
    return True

def reply(text):
    sys.stdout.write(text + '\n')
    sys.stdout.flush()

for request in sys.stdin:
    verb, _, rest = request.strip().partition(' ')
    if verb == 'send':
        os.write(fd, bytes.fromhex(rest))
        reply('ok')
    elif verb == 'expect':
        seconds, _, text = rest.partition(' ')
        wanted = bytes.fromhex(text)
        deadline = time.time() + float(seconds)
        while wanted not in buffer and time.time() < deadline and pump(0.1):
            pass
        if wanted in buffer:
            buffer = buffer[buffer.index(wanted) + len(wanted):]
            reply('ok')
        else:
            reply('timeout ' + buffer[-2000:].hex())
    elif verb == 'wait':
        deadline = time.time() + float(rest)
        while status is None and time.time() < deadline:
            pump(0.1)
            done, code = os.waitpid(pid, os.WNOHANG)
            if done:
                status = os.waitstatus_to_exitcode(code)
        reply('timeout' if status is None else 'exit %d' % status)
kill_child()
