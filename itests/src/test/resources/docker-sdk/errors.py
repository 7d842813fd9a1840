"""The SDK's typed errors come out of the engine's answers: NotFound, ImageNotFound, a 409 conflict."""
import sys

import docker
import sdk_check as check

name = sys.argv[1]
c = check.client()
check.raises("get of an unknown container", docker.errors.NotFound, lambda: c.containers.get(name + "-missing"))
check.raises("create from an unknown image", docker.errors.ImageNotFound,
             lambda: c.containers.create(name + "-no-such-image", "true"))
check.raises("start of an unknown container", docker.errors.NotFound, lambda: c.api.start(name + "-missing"))

first = c.containers.create("busybox", "true", name=name)
conflict = check.raises("create with a name in use", docker.errors.APIError,
                        lambda: c.containers.create("busybox", "true", name=name))
check.equal("its status code", 409, conflict.status_code)
check.true("it names the container in use", first.id in str(conflict), conflict)
first.remove()
