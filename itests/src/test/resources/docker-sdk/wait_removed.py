"""wait(condition="removed") on an auto_remove container returns once the engine removed it."""
import sys

import docker
import sdk_check as check

name = sys.argv[1]
c = check.client()
container = c.containers.run("busybox", ["sh", "-c", "exit 4"], name=name, detach=True, auto_remove=True)
check.equal("wait removed", {"StatusCode": 4, "Error": None}, c.api.wait(container.id, condition="removed",
                                                                         timeout=120))
check.raises("get after the wait", docker.errors.NotFound, lambda: c.containers.get(name))
