"""containers.run(detach=True): create and start in one call, then remove(force=True) of a running container."""
import sys

import docker
import sdk_check as check

name = sys.argv[1]
c = check.client()
container = c.containers.run("busybox", "sleep 1000", name=name, detach=True)
container.reload()
check.equal("status", "running", container.status)
check.equal("Cmd", ["sleep", "1000"], container.attrs["Config"]["Cmd"])

error = check.raises("remove while running", docker.errors.APIError, container.remove)
check.equal("its status code", 409, error.status_code)
container.remove(force=True)
check.raises("get after forced remove", docker.errors.NotFound, lambda: c.containers.get(name))
