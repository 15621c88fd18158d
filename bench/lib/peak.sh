# bench/run peak (sourced by bench/run): the machine's peak FLOP/s next to jgrad's CPU SGEMM and,
# where OpenBLAS is installed, OpenBLAS's SGEMM: what an expert library reaches on the same cores.

# Builds bench/peak/fma_peak.c into bench/target unless the binary is newer than the source.
build_fma_peak() {
    local exe="$BENCH_DIR/target/fma_peak" source="$BENCH_DIR/peak/fma_peak.c"
    if [[ ! -x "$exe" || "$source" -nt "$exe" ]]; then
        mkdir -p "$BENCH_DIR/target"
        gcc -O2 -Wall -pthread -o "$exe" "$source" >&2
    fi
}

run_peak() {
    local rounds=3 sizes="1024 2048" seconds=2 round n output
    while (($#)); do
        [[ $# -ge 2 ]] || { echo "option $1 needs a value" >&2; exit 2; }
        case "$1" in
            --rounds) rounds=$2 ;;
            --sizes) sizes=$2 ;;
            --seconds) seconds=$2 ;;
            *) echo "unknown option $1" >&2; usage ;;
        esac
        shift 2
    done
    build_fma_peak
    build_java
    local anchor=yes
    if ! "$BENCH_DIR/run" gemm-openblas --size 64 --seconds 0.01 --repeats 1 >/dev/null 2>&1; then
        anchor=""
        echo "no OpenBLAS anchor: its harness did not build or run (apt-get install libopenblas-dev)"
    fi
    echo "load before: $(uptime)"
    declare -A wall cpu openblas
    local peak_wall="" peak_cpu="" clock="" model="" isa=""
    for ((round = 1; round <= rounds; round++)); do
        # Two FMA pipes per core: Zen 3/4/5 and the Intel server cores; the model column checks it.
        output=$("$BENCH_DIR/target/fma_peak" "$(nproc)" "$seconds" 3 2 | tail -1)
        peak_cpu+=" $(sed -n 's/.* gflops=\([0-9.]*\).*/\1/p' <<<"$output")"
        peak_wall+=" $(sed -n 's/.*wall_gflops=\([0-9.]*\).*/\1/p' <<<"$output")"
        clock+=" $(sed -n 's/.*clock_ghz=\([0-9.]*\).*/\1/p' <<<"$output")"
        model+=" $(sed -n 's/.*model_gflops=\([0-9.]*\).*/\1/p' <<<"$output")"
        isa=$(sed -n 's/.*isa=\([a-z0-9]*\) lanes=\([0-9]*\).*/\1, \2 float lanes/p' <<<"$output")
        echo "round $round: $output (load $(load))"
        for n in $sizes; do
            output=$("$BENCH_DIR/run" gemm --backend cpu --size "$n" --seconds "$seconds" 2>/dev/null | tail -1)
            wall[$n]+=" $(sed -n 's/.* gflops=\([0-9.]*\).*/\1/p' <<<"$output")"
            cpu[$n]+=" $(sed -n 's/.*cpu_gflops=\([0-9.]*\).*/\1/p' <<<"$output")"
            echo "round $round: $output (load $(load))"
            if [[ -n "$anchor" ]]; then
                output=$("$BENCH_DIR/run" gemm-openblas --size "$n" --seconds "$seconds" | tail -1)
                openblas[$n]+=" $(sed -n 's/.* gflops=\([0-9.]*\).*/\1/p' <<<"$output")"
                echo "round $round: $output (load $(load))"
            fi
        done
    done
    echo "load after: $(uptime)"
    local pw pc last
    pw=$(median <<<"$peak_wall")
    pc=$(median <<<"$peak_cpu")
    echo "FMA loop: $isa, $(nproc) threads, clock $(median <<<"$clock") GHz (median of rounds), model $(median <<<"$model") GFLOP/s (cores x 2 FMA pipes x lanes x 2 x clock)"
    printf '| GFLOP/s, median of %s rounds | per wall second | per CPU-second x cores | fraction of peak (wall) | fraction of peak (CPU) |\n|---|---|---|---|---|\n' "$rounds"
    printf '| peak (FMA loop) | %s | %s | 1.00 | 1.00 |\n' "$pw" "$pc"
    last="peak gflops=$pc"
    for n in $sizes; do
        local w c
        w=$(median <<<"${wall[$n]}")
        c=$(median <<<"${cpu[$n]}")
        printf '| jgrad SGEMM n=%s | %s | %s | %.2f | %.2f |\n' "$n" "$w" "$c" \
            "$(awk -v g="$w" -v p="$pw" 'BEGIN {print g / p}')" "$(awk -v g="$c" -v p="$pc" 'BEGIN {print g / p}')"
        last+=" gemm_$n=$c fraction_$n=$(awk -v g="$c" -v p="$pc" 'BEGIN {printf "%.2f", g / p}')"
        if [[ -n "$anchor" ]]; then
            local o
            o=$(median <<<"${openblas[$n]}")
            printf '| OpenBLAS SGEMM n=%s (%s threads) | %s | | %.2f | |\n' "$n" "$(nproc)" "$o" \
                "$(awk -v g="$o" -v p="$pw" 'BEGIN {print g / p}')"
            last+=" openblas_$n=$o jgrad_over_openblas_$n=$(awk -v g="$w" -v o="$o" 'BEGIN {printf "%.2f", g / o}')"
        fi
    done
    echo "$last"
}
