"""ping, version, info and the image list, as an application checks the engine it talks to."""
import sdk_check as check

c = check.client()
check.equal("ping", True, c.ping())
version = c.version()
check.equal("ApiVersion", "1.41", version["ApiVersion"])
check.equal("MinAPIVersion", "1.24", version["MinAPIVersion"])
check.equal("Os", "linux", version["Os"])
check.true("Version is set", bool(version["Version"]), version)
check.equal("the client negotiated the engine's version", "1.41", c.api.api_version)

info = c.info()
check.equal("LiveRestoreEnabled", True, info["LiveRestoreEnabled"])
check.equal("DefaultRuntime", "runc", info["DefaultRuntime"])
check.equal("Containers = Running + Stopped + Paused", info["Containers"],
            info["ContainersRunning"] + info["ContainersStopped"] + info["ContainersPaused"])

tags = [tag for image in c.api.images() for tag in (image.get("RepoTags") or [])]
check.true("busybox:latest is listed", "busybox:latest" in tags, tags)
