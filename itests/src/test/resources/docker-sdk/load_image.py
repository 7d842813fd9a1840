"""images.load of an archive file (docker save format): prints each loaded image's id, one a line."""
import sys

import sdk_check as check

with open(sys.argv[1], "rb") as archive:
    loaded = check.client().images.load(archive.read())
check.true("something was loaded", len(loaded) > 0, loaded)
for image in loaded:
    print("loaded-id", image.id)
