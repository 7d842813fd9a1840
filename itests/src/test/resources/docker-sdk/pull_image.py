"""images.pull of a repository and tag (client.images.pull): prints the pulled image's id."""
import sys

import sdk_check as check

image = check.client().images.pull(sys.argv[1], tag=sys.argv[2])
print(image.id)
