"""containers.run() without detach: the SDK creates, starts, waits and returns the output; a failed command raises
ContainerError with its code and stderr; remove=True leaves nothing behind."""
import sys

import docker
import sdk_check as check

name = sys.argv[1]
c = check.client()
out = c.containers.run("busybox", ["sh", "-c", "echo out; echo err >&2"], name=name, remove=True)
check.equal("stdout", b"out\n", out)
check.raises("get after remove=True", docker.errors.NotFound, lambda: c.containers.get(name))
check.equal("stderr only", b"err\n",
            c.containers.run("busybox", ["sh", "-c", "echo out; echo err >&2"], stdout=False, stderr=True,
                             remove=True))

error = check.raises("a command that fails", docker.errors.ContainerError,
                     lambda: c.containers.run("busybox", ["sh", "-c", "echo why >&2; exit 3"], name=name + "-fail"))
check.equal("its exit status", 3, error.exit_status)
check.equal("its stderr", b"why\n", error.stderr)
c.containers.get(name + "-fail").remove()
