#!/usr/bin/env bash
# ARC Lab set-up. Run it from anywhere, as often as you like: every step checks before it acts.
#
# Steps (each is a function below; add new ones to STEPS in order):
#   tools  Java 17+ and Maven present (installed with apt-get when missing and run as root on Debian)
#   jupyter  Debian's Jupyter (notebook, nbconvert, nbclient, ipykernel) and fonts, installed when missing
#   build    the jars: lib/target/arclab.jar (+ its libraries in lib/target/lib/) and kernel-ext
#   cds      AppCDS archives of the classes a short command loads (lib/target/arclab.jsa, and
#            kernel-ext/target/arclab-kernel.jsa for the kernel's class path, with the kernel's package index
#            kernel-ext/target/arclab-kernel.packages) and the launcher lib/target/arclab
#            (java -jar arclab.jar with the archive; C1 only for the short commands tasks and solve)
#   smoke    lib/target/arclab tasks: the bundled ARC-AGI-1 training tasks load
#   kernel   the Jupyter kernelspec "ARC Lab (Java)" (--user; honours JUPYTER_DATA_DIR)
#   notebook the quickstart notebook, executed headless on the bundled tasks, rendered to HTML
#
# Environment: ARCLAB_MVN_FLAGS adds Maven flags (e.g. ARCLAB_MVN_FLAGS=-o to build offline).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

STEPS=(step_tools step_jupyter step_build step_cds step_smoke step_kernel step_notebook)

read -r -a MVN_FLAGS <<<"-B -ntp ${ARCLAB_MVN_FLAGS:-}"

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\ninstall.sh: %s\n' "$*" >&2; exit 1; }

java_major() {
    # "openjdk version "17.0.15" ..." -> 17; "1.8.0_x" -> 1
    java -version 2>&1 | sed -n -E '1s/.*version "([0-9]+).*/\1/p'
}

step_tools() {
    say "tools: checking for Java 17+ (with javac) and Maven"
    local missing=()
    command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
    command -v mvn >/dev/null 2>&1 || missing+=(maven)
    if ((${#missing[@]})); then
        if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
            say "tools: installing ${missing[*]} with apt-get"
            apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
        else
            die "missing ${missing[*]}; install with: sudo apt-get install ${missing[*]}"
        fi
    fi
    local major
    major=$(java_major)
    [[ -n $major && $major -ge 17 ]] || die "Java 17 or newer is needed, found: $(java -version 2>&1 | head -1)"
    echo "java $(java -version 2>&1 | head -1 | sed -E 's/.*version "([^"]+)".*/\1/'), $(mvn -v 2>/dev/null | head -1 | sed -E 's/\x1b\[[0-9;]*m//g')"
}

JUPYTER_PACKAGES=(jupyter-notebook jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel fonts-dejavu-core fontconfig)

step_jupyter() {
    say "jupyter: checking for Debian's Jupyter (/usr/bin/jupyter with nbconvert, nbclient, ipykernel) and fonts"
    if [[ -x /usr/bin/jupyter ]] && /usr/bin/python3 -c 'import nbconvert, nbclient, jupyter_client, ipykernel' 2>/dev/null \
        && fc-list 2>/dev/null | grep -qi dejavu; then
        echo "jupyter_client $(/usr/bin/python3 -c 'import jupyter_client; print(jupyter_client.__version__)'), nbconvert $(/usr/bin/python3 -c 'import nbconvert; print(nbconvert.__version__)')"
        return
    fi
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        say "jupyter: installing ${JUPYTER_PACKAGES[*]} with apt-get"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${JUPYTER_PACKAGES[@]}"
    else
        die "Jupyter is missing; install with: sudo apt-get install ${JUPYTER_PACKAGES[*]}"
    fi
}

step_build() {
    say "build: mvn ${MVN_FLAGS[*]} -Dmaven.test.skip=true package (the tests run with: mvn -B -ntp verify)"
    mvn "${MVN_FLAGS[@]}" -Dmaven.test.skip=true package
    [[ -f lib/target/arclab.jar ]] || die "the build did not produce lib/target/arclab.jar"
    echo "built lib/target/arclab.jar"
}

step_cds() {
    say "cds: AppCDS archives from training runs ('solve' on the bundled solvers; the kernel's start and first cells), and the launcher lib/target/arclab"
    local solvers=lib/src/main/resources/dev/arclab/solvers/solvers.py
    # Absolute (physical) paths: an archive records the class path as it was given, and the JVM uses it only when the
    # same path is found again; a relative one would be looked up from wherever the launcher or Jupyter started the
    # JVM, and the archive silently ignored. The launcher and install-kernelspec.sh give these same paths.
    local root
    root=$(pwd -P)
    rm -f lib/target/arclab.jsa kernel-ext/target/arclab-kernel.jsa kernel-ext/target/arclab-kernel.packages
    # A failed training run only costs the archive: the launcher and the kernel start without it (-Xshare:auto).
    java -XX:ArchiveClassesAtExit="$root/lib/target/arclab.jsa" -jar "$root/lib/target/arclab.jar" solve --solvers "$solvers" >/dev/null 2>&1 \
        || echo "no archive for arclab.jar (the training run failed); commands start without it"
    if [[ -f kernel-ext/target/arclab-kernel.jar ]]; then
        # the kernel's own start (sockets, JShell, javac, imports) and first cells: what a kernel start waits for; it
        # also writes the package index of the class path (kernel-ext/target/arclab-kernel.packages)
        java -Djava.awt.headless=true -XX:ArchiveClassesAtExit="$root/kernel-ext/target/arclab-kernel.jsa" \
            -cp "$root/kernel-ext/target/arclab-kernel.jar" dev.arclab.kernel.ArchiveTraining >/dev/null 2>&1 \
            || echo "no archive for the kernel (the training run failed); it starts without it"
    fi
    cat > lib/target/arclab <<'LAUNCHER'
#!/usr/bin/env bash
# ARC Lab command line, written by install.sh: java -jar arclab.jar with the AppCDS archive made at install
# time (ignored when missing or stale), and C1 only (-XX:TieredStopAtLevel=1) for the short commands, where
# it was measured to start faster (lib/cold-start.sh); long runs keep the full JIT. 'solve --repeat' keeps C1 only too
# (its passes after 10 warm-ups measured ~3x faster than under tiered C2, whose profiled tier-3 code and C2 compiles
# fill the window, and as fast after 200) and uses the serial collector: its warm passes measured faster than with G1
# both during warm-up and after it (README, "Cold start and warm pass, measured"); the other long commands use the
# parallel collector, which the search was measured to run ~1.4x faster under than G1 (README, "Search"). The
# iteration benchmarks (bench, bench-seeds, bench-cache) run in a fixed 1 GB heap touched at start (~2 s here): a heap
# page's first use is a page fault, counted in the CPU time of whatever runs then (bench-seeds measured whole seeds
# 3-5x slower while the heap grew), and a heap that grows with pre-touching stops the program while it touches.
# ARCLAB_JAVA_OPTS adds flags.
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
flags=(-Xshare:auto -XX:SharedArchiveFile="$here/arclab.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
case "${1:-}" in
    tasks) flags+=(-XX:TieredStopAtLevel=1) ;;
    solve) flags+=(-XX:TieredStopAtLevel=1); if [[ " $* " == *" --repeat"* ]]; then flags+=(-XX:+UseSerialGC); fi ;;
    bench|bench-seeds|bench-cache) flags+=(-XX:+UseParallelGC -XX:+AlwaysPreTouch)
        # a fixed 1 GB heap, touched at start, unless ARCLAB_JAVA_OPTS sizes the heap itself
        [[ " ${ARCLAB_JAVA_OPTS:-} " == *" -Xm"[sx]* ]] || flags+=(-Xms1g -Xmx1g) ;;
    *) flags+=(-XX:+UseParallelGC) ;;
esac
# shellcheck disable=SC2086
exec "$java" "${flags[@]}" ${ARCLAB_JAVA_OPTS:-} -jar "$here/arclab.jar" "$@"
LAUNCHER
    chmod +x lib/target/arclab
    ls -l lib/target/arclab.jsa kernel-ext/target/arclab-kernel.jsa 2>/dev/null | awk '{print "archive:", $NF, $5, "bytes"}'
    echo "launcher: lib/target/arclab (e.g. lib/target/arclab tasks)"
}

step_smoke() {
    say "smoke: lib/target/arclab tasks (the bundled ARC-AGI-1 training set)"
    lib/target/arclab tasks
}

step_kernel() {
    say "kernel: Jupyter kernelspec 'arclab' (ARC Lab (Java))"
    [[ -f kernel-ext/target/arclab-kernel.jar ]] || die "the build did not produce kernel-ext/target/arclab-kernel.jar"
    kernel-ext/install-kernelspec.sh
}

NOTEBOOK_OUT=${ARCLAB_NOTEBOOK_OUT:-$PWD/notebooks/out}

step_notebook() {
    say "notebook: notebooks/quickstart.ipynb, headless, on the bundled tasks"
    mkdir -p "$NOTEBOOK_OUT"
    PYDEVD_DISABLE_FILE_VALIDATION=1 /usr/bin/jupyter nbconvert --to html --execute notebooks/quickstart.ipynb \
        --ExecutePreprocessor.kernel_name=arclab --ExecutePreprocessor.timeout=600 \
        --output-dir "$NOTEBOOK_OUT" --output quickstart --log-level=WARN \
        || die "notebooks/quickstart.ipynb failed in the ARC Lab kernel"
    echo "rendered: $NOTEBOOK_OUT/quickstart.html"
}

for step in "${STEPS[@]}"; do
    "$step"
done
say "done: the quickstart notebook's output is $NOTEBOOK_OUT/quickstart.html; start Jupyter with /usr/bin/jupyter notebook and pick \"ARC Lab (Java)\""
