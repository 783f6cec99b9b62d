#!/usr/bin/env bash
# Makes the offline ARC Lab package for Kaggle (or any Linux x86-64 machine without Java): a folder to upload as a
# dataset and attach to a notebook (see notebooks/kaggle-python.ipynb). It holds
#   arclab       the launcher: bash DIR/arclab COMMAND ... runs ARC Lab on the bundled runtime (no java on PATH needed)
#   runtime/     a Java runtime trimmed with jlink to the modules the jars use (found with jdeps)
#   jars/        arclab.jar, the kernel's arclab-kernel.jar and their runtime libraries (jars/lib/)
#   share/jupyter/kernels/arclab/   the "ARC Lab (Java)" kernelspec (JUPYTER_PATH=DIR/share/jupyter finds it)
#   kaggle-python.ipynb  the notebook to run on Kaggle (a copy of notebooks/kaggle-python.ipynb)
#   README.md    three lines on how to use it
# No JDK and no sources go in.
#
#   ./package-kaggle.sh [--out DIR] [--no-build]
#
# --out DIR     where to make the package (default: target/arclab-kaggle); an earlier package there is replaced
# --no-build    use the jars already built (lib/target, kernel-ext/target) and fail if they are missing;
#               by default missing jars are built with: mvn -B -ntp -DskipTests package
# Environment: JAVA_HOME (the JDK whose jlink, jdeps and jmods are used; default: jlink on PATH),
#              ARCLAB_MVN_FLAGS (extra flags for that mvn, e.g. -o).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root="$PWD"

out="$root/target/arclab-kaggle"
build=auto

die() { echo "package-kaggle: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --out) [ $# -ge 2 ] || die "--out needs a folder"; out="$2"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    --no-build) build=never; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[ -n "$out" ] || die "--out needs a folder"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
case "$out" in "$root" | "$root/" | / ) die "--out $out would replace the checkout" ;; esac

lib_jar="$root/lib/target/arclab.jar"
kernel_jar="$root/kernel-ext/target/arclab-kernel.jar"
jars_built() { [ -f "$lib_jar" ] && [ -d "$root/lib/target/lib" ] && [ -f "$kernel_jar" ] && [ -d "$root/kernel-ext/target/lib" ]; }
if ! jars_built; then
  [ "$build" = never ] && die "$lib_jar or $kernel_jar (or their target/lib) is missing; build first: mvn -B -ntp -DskipTests package"
  echo "package-kaggle: building the jars: mvn -B -ntp ${ARCLAB_MVN_FLAGS:-} -DskipTests package"
  # shellcheck disable=SC2086
  mvn -B -ntp -q ${ARCLAB_MVN_FLAGS:-} -DskipTests package
  jars_built || die "the build did not produce $lib_jar and $kernel_jar"
fi

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jlink" ]; then
  jdk="$JAVA_HOME"
else
  jlink_on_path="$(command -v jlink || true)"
  [ -n "$jlink_on_path" ] || die "no jlink on PATH and JAVA_HOME is not set: install a JDK 17 or later (openjdk-17-jdk-headless)"
  jdk="$(dirname "$(dirname "$(readlink -f "$jlink_on_path")")")"
fi
[ -x "$jdk/bin/jdeps" ] || die "$jdk has jlink but no jdeps"
jdk_major="$("$jdk/bin/jlink" --version | sed 's/[^0-9].*//')"
[ "${jdk_major:-0}" -ge 17 ] || die "$jdk is Java ${jdk_major:-?}; the package needs a JDK 17 or later"

# Replace only an earlier package (or an empty folder), never a folder that holds anything else.
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ] && ! { [ -f "$out/arclab" ] && [ -d "$out/runtime" ]; }; then
  die "$out exists and is not an ARC Lab package: give --out a new or empty folder"
fi
rm -rf "$out"
mkdir -p "$out/jars/lib"
# The jars: each main jar's manifest names its libraries as lib/NAME, so both find theirs in jars/lib.
cp "$lib_jar" "$kernel_jar" "$out/jars/"
cp "$root"/lib/target/lib/*.jar "$out/jars/lib/"
cp "$root"/kernel-ext/target/lib/*.jar "$out/jars/lib/" # the same files where the names are the same

# The modules: what jdeps finds in every jar, plus those that reflection or service loading hide from it:
# java.desktop (charts and PNGs through ImageIO and AWT), jdk.jshell (the kernel evaluates cells with JShell) and
# jdk.zipfs (JShell opens the jars of its class path as zip file systems).
modules="$("$jdk/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
  "$out"/jars/*.jar "$out"/jars/lib/*.jar 2>/dev/null | tail -n 1)"
[[ "$modules" =~ ^[a-z0-9.,]+$ ]] || die "jdeps gave no module list (got: '$modules')"
modules="$(printf '%s\n' "${modules//,/$'\n'}" java.desktop jdk.jshell jdk.zipfs | sort -u | paste -sd, -)"

compress="--compress=2"
[ "$jdk_major" -ge 21 ] && compress="--compress=zip-6"
module_path=()
[ -d "$jdk/jmods" ] && module_path=(--module-path "$jdk/jmods")
"$jdk/bin/jlink" "${module_path[@]}" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  "$compress" --output "$out/runtime"
# Links become copies: a dataset upload may keep no symbolic links (the runtime has some, among its licences).
find "$out/runtime" -type l | while read -r link; do
  target="$(readlink -f "$link")"
  rm "$link"
  cp "$target" "$link"
done

cat > "$out/arclab" <<'EOF'
#!/usr/bin/env bash
# ARC Lab on the Java runtime beside this script (no java on PATH needed):
#   bash arclab COMMAND [OPTIONS]     the command line (bash arclab --help lists the commands)
#   bash arclab kernel CONNECTION     the Jupyter kernel (started by share/jupyter/kernels/arclab/kernel.json)
# ARCLAB_JAVA_OPTS adds JVM options (e.g. -Xmx8g). A runtime without execute bits (a Kaggle dataset keeps none)
# is copied once to ARCLAB_RUNTIME_COPY (default: $TMPDIR or /tmp, arclab-runtime-UID) and run from there.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runtime="$here/runtime"
if ! [ -x "$runtime/bin/java" ] || ! "$runtime/bin/java" -version >/dev/null 2>&1; then
  copy="${ARCLAB_RUNTIME_COPY:-${TMPDIR:-/tmp}/arclab-runtime-$(id -u)}"
  if ! [ -f "$copy/arclab-copied-from" ] || [ "$(cat "$copy/arclab-copied-from")" != "$runtime" ] \
      || ! "$copy/bin/java" -version >/dev/null 2>&1; then
    tmp="$copy.tmp.$$"
    rm -rf "$tmp"
    mkdir -p "$(dirname "$copy")"
    cp -R "$runtime" "$tmp"
    chmod -R u+w "$tmp"
    chmod u+x "$tmp"/bin/* "$tmp"/lib/jspawnhelper 2>/dev/null || chmod u+x "$tmp"/bin/*
    echo "$runtime" > "$tmp/arclab-copied-from"
    rm -rf "$copy"
    mv "$tmp" "$copy"
  fi
  runtime="$copy"
fi
opts=(-Djava.awt.headless=true)
# shellcheck disable=SC2206
[ -n "${ARCLAB_JAVA_OPTS:-}" ] && opts+=(${ARCLAB_JAVA_OPTS})
if [ "${1:-}" = kernel ]; then
  shift
  exec "$runtime/bin/java" "${opts[@]}" -cp "$here/jars/arclab-kernel.jar" dev.arclab.kernel.Main "$@"
fi
exec "$runtime/bin/java" "${opts[@]}" -jar "$here/jars/arclab.jar" "$@"
EOF
chmod +x "$out/arclab"

cp "$root/notebooks/kaggle-python.ipynb" "$out/"

mkdir -p "$out/share/jupyter/kernels/arclab"
cat > "$out/share/jupyter/kernels/arclab/kernel.json" <<'EOF'
{
  "argv": ["bash", "{resource_dir}/../../../../arclab", "kernel", "{connection_file}"],
  "display_name": "ARC Lab (Java)",
  "language": "java",
  "interrupt_mode": "message",
  "metadata": {"debugger": false}
}
EOF

cat > "$out/README.md" <<'EOF'
ARC Lab, offline: `bash arclab --help` runs it on the Java runtime in `runtime/` (Linux x86-64; no Java needed).
On Kaggle, attach this folder as a dataset and run `kaggle-python.ipynb` (here) in a Python notebook: it writes `/kaggle/working/submission.json`.
Java cells: `JUPYTER_PATH=THIS_FOLDER/share/jupyter` makes the kernel "ARC Lab (Java)" visible to Jupyter.
EOF

size="$(du -sh "$out" | cut -f1)"
echo "package-kaggle: $out ($size: runtime $(du -sh "$out/runtime" | cut -f1), jars $(du -sh "$out/jars" | cut -f1))"
echo "  modules: $modules"
