"""container.logs(): the streams apart, timestamps, tail, and a follow that ends with the container; the inspect
fields the SDK reads first (Config.Tty, HostConfig.LogConfig)."""
import re
import sys

import sdk_check as check

name = sys.argv[1]
c = check.client()
container = c.containers.create("busybox", ["sh", "-c", "echo out1; echo err1 >&2; echo out2"], name=name)
check.equal("Config.Tty", False, container.attrs["Config"]["Tty"])
check.equal("HostConfig.LogConfig.Type", "json-file", container.attrs["HostConfig"]["LogConfig"]["Type"])
container.start()
check.equal("exit", 0, container.wait(timeout=120)["StatusCode"])

check.equal("stdout only", b"out1\nout2\n", container.logs(stderr=False))
check.equal("stderr only", b"err1\n", container.logs(stdout=False))
both = container.logs()
check.equal("both streams, line by line", sorted([b"out1", b"err1", b"out2"]), sorted(both.splitlines()))
stamped = container.logs(stderr=False, timestamps=True).decode().splitlines()
check.true("timestamps", all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z out\d", l) for l in stamped),
           stamped)
container.remove()

counter = c.containers.run("busybox", ["sh", "-c", "for i in 1 2 3; do echo line $i; done"], name=name + "-follow",
                           detach=True)
followed = b"".join(counter.logs(stream=True, follow=True))  # ends when the container does
check.equal("followed to the end", b"line 1\nline 2\nline 3\n", followed)
# tail counts the lines of both streams, as Docker's does: one stream alone keeps the order certain
check.equal("tail=2", b"line 2\nline 3\n", counter.logs(tail=2))
counter.remove()
