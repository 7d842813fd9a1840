"""The SDK's low-level APIClient, as tools built on it call it: create with a host config, containers(), wait."""
import sys

import sdk_check as check

name = sys.argv[1]
api = check.client().api
host_config = api.create_host_config(restart_policy={"Name": "on-failure", "MaximumRetryCount": 2})
created = api.create_container("busybox", ["sh", "-c", "exit 0"], name=name, environment=["A=1", "B=two"],
                               host_config=host_config)
cid = created["Id"]
check.equal("Warnings", [], created.get("Warnings") or [])

inspected = api.inspect_container(name)
check.equal("Id", cid, inspected["Id"])
check.equal("Name", "/" + name, inspected["Name"])
check.true("Env", {"A=1", "B=two"} <= set(inspected["Config"]["Env"]), inspected["Config"]["Env"])
check.equal("RestartPolicy", {"Name": "on-failure", "MaximumRetryCount": 2},
            inspected["HostConfig"]["RestartPolicy"])

listed = [x for x in api.containers(all=True) if x["Id"] == cid]
check.equal("listed once", 1, len(listed))
check.equal("Names", ["/" + name], listed[0]["Names"])
check.equal("State", "created", listed[0]["State"])
check.equal("Image", "busybox", listed[0]["Image"])

api.start(cid)
check.equal("wait", {"StatusCode": 0, "Error": None}, api.wait(cid, timeout=120))
check.equal("State after wait", "exited", api.inspect_container(cid)["State"]["Status"])
api.remove_container(cid)
check.true("gone from the list", cid not in [x["Id"] for x in api.containers(all=True)])
