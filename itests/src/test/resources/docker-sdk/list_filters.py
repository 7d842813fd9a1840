"""containers.list(filters=..., limit=...): the engine selects, the SDK only asks."""
import sys

import sdk_check as check

prefix = sys.argv[1]
c = check.client()
exited = c.containers.create("busybox", ["sh", "-c", "exit 3"], name=prefix + "-exited")
exited.start()
check.equal("exit", 3, exited.wait(timeout=120)["StatusCode"])
running = c.containers.run("busybox", ["sleep", "1000"], name=prefix + "-running", detach=True)
created = c.containers.create("busybox", "true", name=prefix + "-created")


def names(**filters):
    return [x.name for x in c.containers.list(all=True, filters={"name": prefix + "-", **filters})]


check.equal("by name, newest first", [prefix + "-created", prefix + "-running", prefix + "-exited"], names())
check.equal("status=exited", [prefix + "-exited"], names(status="exited"))
check.equal("status=running", [prefix + "-running"], names(status="running"))
check.equal("status=created", [prefix + "-created"], names(status="created"))
check.equal("exited=3", [prefix + "-exited"], names(exited=3))
check.equal("id", [prefix + "-running"], names(id=running.id[:10]))
check.equal("before", [prefix + "-exited"], names(before=prefix + "-running"))
check.equal("since", [prefix + "-created"], names(since=prefix + "-running"))
check.equal("running only without all=True", [prefix + "-running"],
            [x.name for x in c.containers.list(filters={"name": prefix + "-"})])
check.equal("limit=1: the newest", [prefix + "-created"], [x.name for x in c.containers.list(all=True, limit=1)])
for container in (exited, running, created):
    container.remove(force=True)
