"""import_image from a root-filesystem tarball, the image list, and remove_image."""
import io
import sys
import tarfile
import tempfile
import uuid

import sdk_check as check

repository = sys.argv[1]
api = check.client().api
with tempfile.NamedTemporaryFile(suffix=".tar") as tarball:
    with tarfile.open(fileobj=tarball, mode="w") as tar:  # one file of its own: an image no other tag shares
        content = f"{repository} {uuid.uuid4()}\n".encode()
        entry = tarfile.TarInfo("identity")
        entry.size = len(content)
        tar.addfile(entry, io.BytesIO(content))
    tarball.flush()
    api.import_image(src=tarball.name, repository=repository, tag="v1")

images = [i for i in api.images() if repository + ":v1" in (i.get("RepoTags") or [])]
check.equal("listed once", 1, len(images))
check.true("its Id", images[0]["Id"].startswith("sha256:"), images[0])

cid = api.create_container(repository + ":v1", "true")["Id"]
api.remove_container(cid)
deleted = api.remove_image(repository + ":v1")
check.equal("untagged and deleted", [{"Untagged": repository + ":v1"}, {"Deleted": images[0]["Id"]}], deleted)
check.true("no longer listed", all(repository + ":v1" not in (i.get("RepoTags") or []) for i in api.images()))
