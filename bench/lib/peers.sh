# bench/run mlp-peers and the peer processes the other commands share (sourced by bench/run).

# Builds bench with the peers profile unless its jar and class path are current and have the peers.
build_peers() {
    local jar="$ROOT/bench/target/jgrad-bench-$VERSION.jar" classpath="$ROOT/bench/target/classpath.txt"
    if [[ ! -f "$jar" ]] || ! grep -q pytorch-engine "$classpath" 2>/dev/null \
        || [[ ! -f "$ROOT/bench/target/classes/org/jgrad/bench/peers/DjlLstm.class" ]] \
        || [[ ! -f "$ROOT/bench/target/classes/org/jgrad/bench/peers/DjlAttention.class" ]] \
        || [[ -n "$(find "$ROOT/core/src/main" "$ROOT/backend-cpu/src/main" "$ROOT/bench/src" "$ROOT/bench/pom.xml" \
            -newer "$jar" -print -quit)" ]]; then
        echo "building bench with the peers profile (DJL, DL4J) ..." >&2
        mvn -q -B -f "$ROOT/pom.xml" -pl bench -am -Ppeers -Djavacpp.platform=linux-x86_64 -DskipTests package >&2
    fi
}

# Runs one framework's benchmark ($1: jgrad, djl-resident, djl-upload, dl4j, jgrad-attention or
# djl-attention) with the remaining arguments; JGRAD_JVM_ARGS (an array, may be unset) goes to jgrad's JVM.
run_peer() {
    local framework=$1 java="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}" cores
    shift
    cores=$(nproc)
    local classpath="$ROOT/bench/target/jgrad-bench-$VERSION.jar:$(cat "$ROOT/bench/target/classpath.txt")"
    case "$framework" in
        jgrad-attention) "$java" --add-modules jdk.incubator.vector -Djgrad.backend=cpu -cp "$classpath" \
            org.jgrad.bench.attention.JgradAttention "$@" ;;
        djl-attention) env ${DJL_THREADS:+OMP_NUM_THREADS=$DJL_THREADS} PYTORCH_VERSION=2.7.1 "$java" -Dai.djl.offline=true \
            -cp "$classpath" org.jgrad.bench.peers.DjlAttention "$@" ;;
        jgrad) "$java" --add-modules jdk.incubator.vector ${JGRAD_JVM_ARGS[@]+"${JGRAD_JVM_ARGS[@]}"} -cp "$classpath" \
            org.jgrad.bench.mlp.MlpBench --backend cpu "$@" ;;
        # The CNN's PyTorch temporaries churn glibc's mmap/trim path: page faults grow every epoch
        # unless malloc keeps freed memory (docs/PERFORMANCE.md, MNIST CNN section).
        djl-resident | djl-upload) local malloc=()
            [[ " $* " == *" --model cnn "* ]] && malloc=(MALLOC_MMAP_THRESHOLD_=1000000000 MALLOC_TRIM_THRESHOLD_=1000000000)
            env OMP_NUM_THREADS="${DJL_THREADS:-$cores}" "${malloc[@]}" PYTORCH_VERSION=2.7.1 "$java" -Dai.djl.offline=true \
                -cp "$classpath" org.jgrad.bench.peers.DjlModel --feed "${framework#djl-}" "$@" ;;
        dl4j) OMP_NUM_THREADS=${DL4J_THREADS:-$cores} "$java" -cp "$classpath" org.jgrad.bench.peers.Dl4jMlp "$@" ;;
        *) echo "unknown framework $framework" >&2; exit 2 ;;
    esac
}

# The one-minute load average.
load() {
    sed 's/.*load average: \([0-9.]*\),.*/\1/' <<<"$(uptime)"
}

run_mlp_peers() {
    local model=mlp epochs="" rounds=3 data="${JGRAD_DATA:-$HOME/.cache/jgrad}/mnist" round framework output
    local train_size=""
    while (($#)); do
        [[ $# -ge 2 ]] || { echo "option $1 needs a value" >&2; exit 2; }
        case "$1" in
            --model) model=$2 ;;
            --epochs) epochs=$2 ;;
            --rounds) rounds=$2 ;;
            --data) data=$2 ;;
            --train-size) train_size=$2 ;;
            *) echo "unknown option $1" >&2; usage ;;
        esac
        shift 2
    done
    local frameworks extra=()
    case "$model" in
        mlp) frameworks="jgrad djl-resident djl-upload dl4j"; epochs=${epochs:-10} ;;
        cnn) frameworks="jgrad djl-resident djl-upload"; epochs=${epochs:-8}; train_size=${train_size:-6400} ;;
        *) echo "--model must be mlp or cnn, got $model" >&2; exit 2 ;;
    esac
    [[ -z "$train_size" ]] || extra=(--train-size "$train_size")
    build_peers
    echo "load before: $(uptime)"
    declare -A rate cpu first accuracy loads
    for ((round = 1; round <= rounds; round++)); do
        for framework in $frameworks; do
            output=$(run_peer "$framework" --model "$model" --data "$data" --epochs "$epochs" "${extra[@]}" 2>&1) || {
                echo "$framework failed:" >&2
                echo "$output" >&2
                exit 1
            }
            rate[$framework]+=" $(sed -n "s/^$model .*samples_per_s=\([0-9.]*\).*/\1/p" <<<"$output")"
            first[$framework]+=" $(sed -n "s/^$model .*first_epoch_sps=\([0-9.]*\).*/\1/p" <<<"$output")"
            cpu[$framework]+=" $(sed -n "s/^$model .*cpu_sps=\([0-9.]*\).*/\1/p" <<<"$output")"
            accuracy[$framework]=$(sed -n "s/^$model .*test_acc=\([0-9.]*\).*/\1/p" <<<"$output")
            loads[$framework]+=" $(load)"
            echo "round $round $framework: $(grep -E '^(djl|dl4j|cpu):' <<<"$output") | ${rate[$framework]##* } samples/s" \
                "(first epoch ${first[$framework]##* }), test_acc ${accuracy[$framework]}, load ${loads[$framework]##* }"
        done
    done
    echo "load after: $(uptime)"
    local djl last="$model-peers"
    djl=$(median <<<"${rate[djl-resident]}")
    printf '| framework | samples/s per round (median of the last %s of %s epochs) | median | first epoch, median | samples per CPU-second, median | load average per round | test accuracy | vs DJL resident |\n' \
        "$((epochs - epochs / 2))" "$epochs"
    printf '|---|---|---|---|---|---|---|---|\n'
    for framework in $frameworks; do
        local value
        value=$(median <<<"${rate[$framework]}")
        printf '| %s |%s | %s | %s | %s |%s | %s | %.2f |\n' "$framework" "${rate[$framework]}" "$value" \
            "$(median <<<"${first[$framework]}")" "$(median <<<"${cpu[$framework]}")" "${loads[$framework]}" \
            "${accuracy[$framework]}" "$(awk -v v="$value" -v d="$djl" 'BEGIN {print v / d}')"
        last+=" $framework=$value"
    done
    printf '%s ratio_djl=%.2f\n' "$last" "$(awk -v j="$(median <<<"${rate[jgrad]}")" -v d="$djl" 'BEGIN {print j / d}')"
}
