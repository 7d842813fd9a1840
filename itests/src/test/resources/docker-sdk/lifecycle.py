"""create, start, list, inspect, kill, wait, stop and remove through the SDK's high-level objects."""
import sys

import docker
import sdk_check as check

name = sys.argv[1]
c = check.client()
container = c.containers.create("busybox", ["sleep", "1000"], name=name, environment={"GREETING": "hi"})
check.equal("status after create", "created", container.status)
check.equal("name", name, container.name)
check.true("listed with all=True", name in [x.name for x in c.containers.list(all=True)])
check.true("not listed as running", name not in [x.name for x in c.containers.list()])

container.start()
container.reload()
check.equal("status after start", "running", container.status)
check.true("a process runs", container.attrs["State"]["Pid"] > 0, container.attrs["State"])
check.true("GREETING in Config.Env", "GREETING=hi" in container.attrs["Config"]["Env"], container.attrs["Config"])
check.equal("get by name", container.id, c.containers.get(name).id)
check.equal("get by id prefix", container.id, c.containers.get(container.id[:12]).id)
check.true("listed as running", name in [x.name for x in c.containers.list()])

container.kill()
check.equal("wait after kill", {"StatusCode": 137, "Error": None}, container.wait(timeout=120))
container.reload()
check.equal("status after kill", "exited", container.status)
check.equal("ExitCode", 137, container.attrs["State"]["ExitCode"])

# sleep is pid 1 of its namespace, without a SIGTERM handler: stop ends in SIGKILL after the timeout
container.start()
container.stop(timeout=1)
container.reload()
check.equal("status after stop", "exited", container.status)
check.equal("ExitCode after stop", 137, container.attrs["State"]["ExitCode"])

container.remove()
check.raises("get after remove", docker.errors.NotFound, lambda: c.containers.get(name))
