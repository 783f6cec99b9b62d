#!/usr/bin/env bash
# Installs the Jupyter kernelspec "arclab" (display name "ARC Lab (Java)") that starts the ARC Lab kernel from
# this checkout's built jars. Safe to run again: it replaces the kernelspec with the same name.
#
#   kernel-ext/install-kernelspec.sh                # for this user (honours JUPYTER_DATA_DIR)
#   kernel-ext/install-kernelspec.sh --prefix DIR   # into a virtual env or prefix: DIR/share/jupyter/kernels
#   kernel-ext/install-kernelspec.sh --sys-prefix   # into the prefix of the jupyter that is used
#
# Options: --name NAME (default arclab), --heap SIZE (java -Xmx, default 2g), --display-name TEXT.
# Environment: JUPYTER (the jupyter command; default /usr/bin/jupyter, else jupyter on PATH),
#              JAVA_HOME (java to run the kernel; default: java on PATH).
# Build the jars first: mvn -B -ntp -pl kernel-ext -am package -DskipTests
set -euo pipefail

# physical paths: the same ones install.sh made the AppCDS archive with (the JVM uses an archive only then)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
jar="$here/target/arclab-kernel.jar"

name="arclab"
display_name="ARC Lab (Java)"
heap="2g"
mode="--user"
prefix=""

die() { echo "install-kernelspec: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --user) mode="--user"; shift ;;
    --sys-prefix) mode="--sys-prefix"; shift ;;
    --prefix) [ $# -ge 2 ] || die "--prefix needs a folder"; mode="--prefix"; prefix="$2"; shift 2 ;;
    --prefix=*) mode="--prefix"; prefix="${1#--prefix=}"; shift ;;
    --name) [ $# -ge 2 ] || die "--name needs a value"; name="$2"; shift 2 ;;
    --heap) [ $# -ge 2 ] || die "--heap needs a size such as 4g"; heap="$2"; shift 2 ;;
    --display-name) [ $# -ge 2 ] || die "--display-name needs a value"; display_name="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done

[[ "$name" =~ ^[A-Za-z0-9._-]+$ ]] || die "kernel name '$name' may only have letters, digits, '.', '_' and '-'"
[[ "$heap" =~ ^[0-9]+[kKmMgG]?$ ]] || die "heap size '$heap' is not like 512m or 4g"
[ -f "$jar" ] && [ -d "$here/target/lib" ] \
  || die "$jar or its target/lib is missing; build first: mvn -B -ntp -pl kernel-ext -am package -DskipTests"

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java="$JAVA_HOME/bin/java"
else
  java="$(command -v java || true)"
  [ -n "$java" ] || die "no java on PATH and JAVA_HOME is not set: install a JDK 17 or later"
fi
java_major="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
case "$java_major" in
  1.*|9|1[0-6]) die "$java is Java $java_major; the kernel needs 17 or later (set JAVA_HOME)" ;;
esac
if ! "$java" --list-modules 2>/dev/null | grep -q '^jdk.jshell@'; then
  die "$java has no jdk.jshell module: the kernel needs a JDK, not a JRE"
fi

if [ -n "${JUPYTER:-}" ]; then
  jupyter="$JUPYTER"
  command -v "$jupyter" >/dev/null || die "JUPYTER=$jupyter is not a command"
elif [ -x /usr/bin/jupyter ]; then
  jupyter=/usr/bin/jupyter
else
  jupyter="$(command -v jupyter || true)"
fi

json_string() { # a JSON string literal
  local s="${1//\\/\\\\}"
  s="${s//\"/\\\"}"
  printf '"%s"' "$s"
}

# The AppCDS archive install.sh makes for the kernel's class path (kernel-ext/target/arclab-kernel.jsa):
# used when present, ignored by the JVM when stale (-Xshare:auto).
cds_args=""
if [ -f "$here/target/arclab-kernel.jsa" ]; then
  cds_args="\"-Xshare:auto\",
    $(json_string "-XX:SharedArchiveFile=$here/target/arclab-kernel.jsa"),
    \"-Xlog:cds=off\",
    \"-Xlog:cds+dynamic=off\","
fi

# The JIT's second tier (C2) only for methods ten times hotter than by default: at a kernel's start the JIT compiled
# the start's own code (javac, zip reading, JSON) with C2 for ~1.5 s of CPU on 2 cores, while the first cell waited;
# a search's hot code is called millions of times and reaches C2 all the same (measured: the same values per
# CPU-second in bench-search). README "Cold start and warm pass, measured".
# The parallel collector: a notebook's searches ran ~1.4x faster under it than under G1 (README, "Search"), and a start
# allocates less than its first young generation (a third of the initial heap), so no collection runs before the first
# result (G1 began with ~15 MB of eden: four young pauses of 30-80 ms in a start).
gc_args='"-XX:+UseParallelGC",'

jit_args='"-XX:Tier4InvocationThreshold=50000",
    "-XX:Tier4MinInvocationThreshold=6000",
    "-XX:Tier4CompileThreshold=150000",
    "-XX:Tier4BackEdgeThreshold=400000",'

spec_dir="$(mktemp -d)"
trap 'rm -rf "$spec_dir"' EXIT
mkdir -p "$spec_dir/$name"
cat > "$spec_dir/$name/kernel.json" <<EOF
{
  "argv": [
    $(json_string "$java"),
    "-Djava.awt.headless=true",
    $cds_args
    "-Xmx$heap",
    $gc_args
    $jit_args
    "-cp",
    $(json_string "$jar"),
    "dev.arclab.kernel.Main",
    "{connection_file}"
  ],
  "display_name": $(json_string "$display_name"),
  "language": "java",
  "interrupt_mode": "message",
  "metadata": {"debugger": false}
}
EOF

export PYDEVD_DISABLE_FILE_VALIDATION=1
if [ -n "$jupyter" ]; then
  args=(kernelspec install --name "$name")
  case "$mode" in
    --prefix) args+=(--prefix "$prefix") ;;
    *) args+=("$mode") ;;
  esac
  "$jupyter" "${args[@]}" "$spec_dir/$name" >/dev/null 2>&1 \
    || "$jupyter" "${args[@]}" "$spec_dir/$name" # again, to show the error
  if [ "$mode" = "--prefix" ]; then
    dest="$(cd "$prefix" && pwd)/share/jupyter/kernels/$name"
  else
    dest="$("$jupyter" kernelspec list 2>/dev/null | awk -v n="$name" '$1 == n {print $2}')"
  fi
else
  # No jupyter here: write where Jupyter looks on Linux.
  case "$mode" in
    --prefix) dest="$prefix/share/jupyter/kernels/$name" ;;
    --sys-prefix) die "--sys-prefix needs jupyter (none found; set JUPYTER)" ;;
    *) dest="${JUPYTER_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/jupyter}/kernels/$name" ;;
  esac
  rm -rf "$dest"
  mkdir -p "$dest"
  cp "$spec_dir/$name/kernel.json" "$dest/kernel.json"
fi

echo "Installed kernelspec '$name' ($display_name) in ${dest:-the $mode location}"
echo "  java: $java (heap $heap)"
echo "  jar:  $jar"
