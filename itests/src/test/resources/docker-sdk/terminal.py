"""Containers and execs with a terminal through the SDK: raw output (no frames, the terminal's CR LF), resize, and
an exec with a terminal."""
import sys

import sdk_check as check

name = sys.argv[1]
c = check.client()
check.equal("a terminal's output, raw", b"a\r\nb",
            c.containers.run("busybox", 'sh -c "echo a; printf b"', tty=True, remove=True))

container = c.containers.run("busybox", "sh", name=name, tty=True, stdin_open=True, detach=True)
container.reload()
check.equal("Config.Tty", True, container.attrs["Config"]["Tty"])
container.resize(30, 100)
result = container.exec_run(["sh", "-c", "tty >/dev/null && echo has-a-terminal"], tty=True)
check.equal("exec with a terminal", (0, b"has-a-terminal\r\n"), (result.exit_code, result.output))
exec_id = c.api.exec_create(container.id, "sleep 1000", tty=True)["Id"]
c.api.exec_start(exec_id, detach=True, tty=True)
check.until("the exec to run", lambda: c.api.exec_inspect(exec_id)["Running"])
c.api.exec_resize(exec_id, height=20, width=70)
check.equal("ProcessConfig.tty", True, c.api.exec_inspect(exec_id)["ProcessConfig"]["tty"])
container.remove(force=True)
