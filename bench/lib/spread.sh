# bench/run mlp-spread (sourced by bench/run): run-to-run spread of one framework over fresh JVMs.

# min, median and max of the numbers on stdin, space-separated.
min_median_max() {
    local values
    values=$(tr ' ' '\n' | grep . | sort -g)
    printf '%s %s %s' "$(head -1 <<<"$values")" "$(median <<<"$values")" "$(tail -1 <<<"$values")"
}

run_mlp_spread() {
    local jvms=10 framework=jgrad model=mlp epochs="" train_size="" data="${JGRAD_DATA:-$HOME/.cache/jgrad}/mnist"
    JGRAD_JVM_ARGS=()
    while (($#)); do
        case "$1" in
            -D* | -X*) JGRAD_JVM_ARGS+=("$1"); shift; continue ;;
        esac
        [[ $# -ge 2 ]] || { echo "option $1 needs a value" >&2; exit 2; }
        case "$1" in
            --jvms) jvms=$2 ;;
            --framework) framework=$2 ;;
            --model) model=$2 ;;
            --epochs) epochs=$2 ;;
            --train-size) train_size=$2 ;;
            --data) data=$2 ;;
            *) echo "unknown option $1" >&2; usage ;;
        esac
        shift 2
    done
    case "$model" in
        mlp) epochs=${epochs:-10} ;;
        cnn) epochs=${epochs:-8}; train_size=${train_size:-6400} ;;
        *) echo "--model must be mlp or cnn, got $model" >&2; exit 2 ;;
    esac
    case "$framework" in
        jgrad | djl-resident | djl-upload | dl4j) ;;
        *) echo "--framework must be jgrad, djl-resident, djl-upload or dl4j, got $framework" >&2; exit 2 ;;
    esac
    local extra=()
    [[ -z "$train_size" ]] || extra=(--train-size "$train_size")
    if [[ $framework == jgrad ]]; then build_java; else build_peers; fi
    echo "load before: $(uptime)"
    echo "$framework $model, $epochs epochs per JVM${JGRAD_JVM_ARGS[*]:+, JVM options ${JGRAD_JVM_ARGS[*]}}"
    printf '| JVM | steady samples/s (median of the last %s epochs) | first epoch samples/s | first / steady | load average |\n|---|---|---|---|---|\n' \
        "$((epochs - epochs / 2))"
    local jvm output steady first ratio steadies="" firsts="" ratios=""
    for ((jvm = 1; jvm <= jvms; jvm++)); do
        output=$(run_peer "$framework" --model "$model" --data "$data" --epochs "$epochs" "${extra[@]}" 2>&1) || {
            echo "$framework failed:" >&2
            echo "$output" >&2
            exit 1
        }
        steady=$(sed -n "s/^$model .*samples_per_s=\([0-9.]*\).*/\1/p" <<<"$output")
        first=$(sed -n "s/^$model .*first_epoch_sps=\([0-9.]*\).*/\1/p" <<<"$output")
        ratio=$(awk -v f="$first" -v s="$steady" 'BEGIN {printf "%.2f", f / s}')
        steadies+=" $steady"
        firsts+=" $first"
        ratios+=" $ratio"
        printf '| %s | %s | %s | %s | %s |\n' "$jvm" "$steady" "$first" "$ratio" "$(load)"
    done
    echo "load after: $(uptime)"
    local s f r
    read -r -a s <<<"$(min_median_max <<<"$steadies")"
    read -r -a f <<<"$(min_median_max <<<"$firsts")"
    read -r -a r <<<"$(min_median_max <<<"$ratios")"
    printf '\n| over %s JVMs | min | median | max |\n|---|---|---|---|\n' "$jvms"
    printf '| steady samples/s | %s | %s | %s |\n' "${s[@]}"
    printf '| first epoch samples/s | %s | %s | %s |\n' "${f[@]}"
    printf '| first / steady | %s | %s | %s |\n' "${r[@]}"
    printf 'mlp-spread framework=%s model=%s jvms=%s min=%s median=%s max=%s first_over_steady=%s\n' \
        "$framework" "$model" "$jvms" "${s[0]}" "${s[1]}" "${s[2]}" "${r[1]}"
}
