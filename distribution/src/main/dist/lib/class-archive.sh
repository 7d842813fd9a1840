# Sourced by bin/holdfastd and bin/holdfast: class_archive DIR NAME sets `classpath` and `archive` for a java
# command line. DIR/NAME.jsa (made by bin/holdfast-cds) holds the classes that start loads, ready to use; it is used
# only from the tree, with the JVM library and with the class path it was made with (DIR/NAME.jsa.jvm: the tree,
# the library, whose modification time the file carries, and the class path), since a JVM that refuses an archive
# shares no classes at all. Otherwise: DIR/* and no archive. Shell built-ins only: this runs before every command.
class_archive() {
  classpath="$1/*"
  archive=
  if [ -f "$1/$2.jsa" ] \
      && { IFS= read -r tree && IFS= read -r libjvm && IFS= read -r archived; } 2>/dev/null < "$1/$2.jsa.jvm" \
      && [ "$tree" = "$HOLDFAST_HOME" ] && [ -f "$libjvm" ] \
      && ! [ "$libjvm" -nt "$1/$2.jsa.jvm" ] && ! [ "$libjvm" -ot "$1/$2.jsa.jvm" ]; then
    classpath=$archived
    archive=-XX:SharedArchiveFile=$1/$2.jsa
  fi
}
