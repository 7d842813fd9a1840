#!/usr/bin/env python3
"""Holds a listening Unix socket as systemd holds holdfast.socket, and runs a command with it the way systemd's socket
activation does (fd 3, LISTEN_FDS=1, LISTEN_PID=its pid), each time a line "start" arrives on stdin. Used where
systemd-socket-activate cannot serve: it execs the command in its own place, so the socket dies with a killed engine.
  argv: SOCKET LOG COMMAND...    (the command's stdout and stderr are appended to LOG)
  stdout: "listening" once bound, then "started PID" for each start and "exited PID STATUS" when it ends, and
  "notify SENDER-PID MESSAGE" (newlines as spaces) for each sd_notify datagram: like systemd for a Type=notify
  service, it passes NOTIFY_SOCKET (SOCKET.notify) and reads what arrives there, with the sender's credentials.
The running command is SIGKILLed when stdin ends or this holder is terminated, so a failed test leaves nothing."""
import os, signal, socket, struct, sys, threading

path, log, command = sys.argv[1], sys.argv[2], sys.argv[3:]
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(path)
os.chmod(path, 0o660)
server.listen(128)
children = set()
notify_path = path + ".notify"
notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
notify.bind(notify_path)
notify.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)

def read_notifications():
    while True:
        message, ancillary, _, _ = notify.recvmsg(4096, socket.CMSG_SPACE(12))
        sender = -1
        for level, kind, data in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
                sender = struct.unpack("iII", data[:12])[0]
        print("notify", sender, message.decode(errors="replace").replace("\n", " "), flush=True)

threading.Thread(target=read_notifications, daemon=True).start()

def kill_children(*_):
    for child in list(children):
        try:
            os.kill(child, signal.SIGKILL)
        except ProcessLookupError:
            pass
    os._exit(0)

signal.signal(signal.SIGTERM, kill_children)

def reap(child):
    _, status = os.waitpid(child, 0)
    children.discard(child)
    print("exited", child, status, flush=True)

print("listening", flush=True)
for line in sys.stdin:
    if line.strip() != "start":
        continue
    child = os.fork()
    if child == 0:
        out = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.dup2(out, 1)
        os.dup2(out, 2)
        null = os.open("/dev/null", os.O_RDONLY)
        os.dup2(null, 0)
        if server.fileno() != 3:
            os.dup2(server.fileno(), 3)
        os.set_inheritable(3, True)
        env = dict(os.environ, LISTEN_FDS="1", LISTEN_PID=str(os.getpid()), NOTIFY_SOCKET=notify_path)
        os.execvpe(command[0], command, env)
    children.add(child)
    print("started", child, flush=True)
    threading.Thread(target=reap, args=(child,), daemon=True).start()
kill_children()
