# launcher-common.sh: what the launchers 'runnel' and 'runnel-bench' share. Sourced, not run: the caller sets
# RUNNEL_HOME (the repository root, symlinks resolved) first. Defines functions only; bash 3.2 compatible.

# Prints the project version: the first <version> of the root pom.xml (the root has no parent), e.g. 0.1.0-SNAPSHOT.
launcher_project_version() {
  sed -n -e '/<version>/{s:.*<version>\([^<]*\)</version>.*:\1:p' -e 'q' -e '}' "$RUNNEL_HOME/pom.xml"
}

# Prints the main jar of a module in DIR (its target directory): ARTIFACT-<project version>.jar if it exists, else
# the newest ARTIFACT-*.jar by modification time (not a -sources, -javadoc or -tests jar). Fails if there is none.
#   launcher_find_jar DIR ARTIFACT
launcher_find_jar() {
  local dir="$1" artifact="$2" version jar newest=""
  version="$(launcher_project_version)"
  if [ -n "$version" ] && [ -f "$dir/$artifact-$version.jar" ]; then
    printf '%s\n' "$dir/$artifact-$version.jar"
    return 0
  fi
  for jar in "$dir/$artifact"-*.jar; do
    case "$jar" in
      *-sources.jar|*-javadoc.jar|*-tests.jar) continue ;;
    esac
    if [ -f "$jar" ] && { [ -z "$newest" ] || [ "$jar" -nt "$newest" ]; }; then
      newest="$jar"
    fi
  done
  [ -n "$newest" ] || return 1
  printf '%s\n' "$newest"
}

# Prints the first build input newer than the file REFERENCE, or nothing. The inputs are the root pom.xml and, for
# every module (a directory of RUNNEL_HOME with a pom.xml) not named as EXCLUDED, its pom.xml and the files under
# its src/main/ (tests do not go into the jars). Paths are taken relative to RUNNEL_HOME, so where the checkout
# lives (e.g. under ~/src) does not matter.
#   launcher_newer_input REFERENCE [EXCLUDED_MODULE...]
launcher_newer_input() {
  local reference="$1"
  shift
  local roots=(pom.xml) dir module excluded skip
  for dir in "$RUNNEL_HOME"/*/; do
    module="$(basename "$dir")"
    skip=false
    for excluded in "$@"; do
      if [ "$module" = "$excluded" ]; then
        skip=true
      fi
    done
    if [ "$skip" = false ] && [ -f "$RUNNEL_HOME/$module/pom.xml" ]; then
      roots+=("$module/pom.xml")
      if [ -d "$RUNNEL_HOME/$module/src/main" ]; then
        roots+=("$module/src/main")
      fi
    fi
  done
  (cd "$RUNNEL_HOME" && find "${roots[@]}" -type f -newer "$reference" -print -quit)
}

# Prints the java command: $JAVA_HOME/bin/java if JAVA_HOME is set, else java from the PATH.
launcher_java_cmd() {
  if [ -n "${JAVA_HOME:-}" ]; then
    printf '%s\n' "$JAVA_HOME/bin/java"
  else
    printf '%s\n' java
  fi
}
