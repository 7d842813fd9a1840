"""Volumes through the high-level objects: create with labels and driver options, list with filters, get, a
container writing into one, removal refused while in use (APIError 409), and remove."""
import sys

import docker
import sdk_check as check

name = sys.argv[1]
c = check.client()
volume = c.volumes.create(name=name, driver="local", labels={"sdk": name})
check.equal("Name", name, volume.name)
check.equal("Driver", "local", volume.attrs["Driver"])
check.equal("Labels", {"sdk": name}, volume.attrs["Labels"])
check.true("Mountpoint under the data root", volume.attrs["Mountpoint"].endswith("/volumes/" + name + "/_data"),
           volume.attrs["Mountpoint"])
check.true("listed", name in [v.name for v in c.volumes.list()])
check.equal("label filter", [name], [v.name for v in c.volumes.list(filters={"label": "sdk=" + name})])
check.equal("get", name, c.volumes.get(name).name)

out = c.containers.run("busybox", ["sh", "-c", "echo sdk > /v/f; cat /v/f"], name=name + "-c",
                       volumes={name: {"bind": "/v", "mode": "rw"}})
check.equal("the container wrote and read the volume", b"sdk\n", out)
mounts = c.containers.get(name + "-c").attrs["Mounts"]
check.equal("inspect Mounts", [("volume", name, "local", "/v")],
            [(m["Type"], m["Name"], m["Driver"], m["Destination"]) for m in mounts])
error = check.raises("remove while in use", docker.errors.APIError, lambda: c.volumes.get(name).remove())
check.equal("409", 409, error.status_code)
c.containers.get(name + "-c").remove()
c.volumes.get(name).remove()
check.raises("get of the removed volume", docker.errors.NotFound, lambda: c.volumes.get(name))
