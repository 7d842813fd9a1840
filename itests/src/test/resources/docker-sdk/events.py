"""events(since, until, filters, decode=True): a container's create, start and die, with the exit code."""
import sys
import time

import sdk_check as check

name = sys.argv[1]
c = check.client()
since = time.time()
container = c.containers.create("busybox", ["sh", "-c", "exit 3"], name=name)
container.start()
check.equal("wait", 3, container.wait(timeout=120)["StatusCode"])
until = time.time()

events = list(c.events(since=since, until=until, filters={"container": name}, decode=True))
check.equal("actions", ["create", "start", "die"], [e["Action"] for e in events])
die = events[-1]
check.equal("die: Type", "container", die["Type"])
check.equal("die: Actor.ID", container.id, die["Actor"]["ID"])
check.equal("die: exitCode", "3", die["Actor"]["Attributes"]["exitCode"])
check.equal("die: name", name, die["Actor"]["Attributes"]["name"])
only_die = list(c.events(since=since, until=until, filters={"container": name, "event": "die"}, decode=True))
check.equal("filtered by event", ["die"], [e["Action"] for e in only_die])
container.remove()
