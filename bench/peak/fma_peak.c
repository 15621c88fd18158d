/*
 * The machine's peak float32 FLOP/s (bench/run peak): every thread runs CHAINS independent chains
 * of packed fused multiply-adds, enough to keep all FMA pipes busy through the FMA latency
 * (4-5 cycles, 2 pipes on Zen 3/4/5 and Intel server cores: at least 10 chains). The widest
 * vectors the CPU runs are used (AVX-512, else AVX2). The clock is measured independently with
 * a chain of dependent integer adds (1 cycle each), so that
 * peak = cores x FMA pipes x lanes x 2 flops x clock can be checked against the FMA loop.
 *
 * Rates are per thread CPU-second (summed over the threads: what the cores do while they run
 * this program, which a shared machine's other jobs do not lower) and per wall-clock second.
 *
 * Usage: fma_peak THREADS SECONDS REPEATS FMA_PIPES. Last line: "peak threads=T isa=NAME lanes=L
 * gflops=G wall_gflops=W clock_ghz=C model_gflops=M" (M = T x FMA_PIPES x L x 2 x C).
 */
#include <immintrin.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define CHAINS 12 /* the accumulators named in EACH */
#define BLOCK 100000L /* FMA rounds (CHAINS instructions each) between clock reads */

static double seconds_of(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* Each kernel runs `rounds` rounds and returns a sum of the accumulators so none is dead code. */
/* Twelve accumulators named one by one: an array would be kept in memory at -O2. */
#define EACH(F) F(0) F(1) F(2) F(3) F(4) F(5) F(6) F(7) F(8) F(9) F(10) F(11)

__attribute__((target("avx512f"))) static float fma_avx512(long rounds) {
    const __m512 a = _mm512_set1_ps(0.999999f), b = _mm512_set1_ps(1e-7f);
#define INIT512(c) __m512 acc##c = _mm512_set1_ps((float) c);
#define STEP512(c) acc##c = _mm512_fmadd_ps(acc##c, a, b);
#define SUM512(c) sum += _mm512_reduce_add_ps(acc##c);
    EACH(INIT512)
    for (long r = 0; r < rounds; r++) {
        EACH(STEP512)
    }
    float sum = 0;
    EACH(SUM512)
    return sum;
}

__attribute__((target("avx2,fma"))) static float fma_avx2(long rounds) {
    const __m256 a = _mm256_set1_ps(0.999999f), b = _mm256_set1_ps(1e-7f);
#define INIT256(c) __m256 acc##c = _mm256_set1_ps((float) c);
#define STEP256(c) acc##c = _mm256_fmadd_ps(acc##c, a, b);
#define SUM256(c) _mm256_storeu_ps(out, acc##c); for (int i = 0; i < 8; i++) sum += out[i];
    EACH(INIT256)
    for (long r = 0; r < rounds; r++) {
        EACH(STEP256)
    }
    float out[8], sum = 0;
    EACH(SUM256)
    return sum;
}

/* 64 dependent one-cycle adds per round: rounds * 64 cycles at the core's current clock. */
static long add_chain(long rounds, long x) {
    for (long r = 0; r < rounds; r++) {
#define ADD8 "add %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\tadd %1, %0\n\t"
        __asm__ volatile(ADD8 ADD8 ADD8 ADD8 ADD8 ADD8 ADD8 ADD8 : "+r"(x) : "r"(r));
    }
    return x;
}

struct job {
    int avx512;
    double seconds;
    double flops, flop_wall, flop_cpu, cycles, cycle_cpu;
    float sink;
};

/* Runs the FMA loop for job->seconds of wall time, then the add chain for a quarter of that. */
static void *work(void *arg) {
    struct job *job = arg;
    int lanes = job->avx512 ? 16 : 8;
    long blocks = 0;
    double wall = seconds_of(CLOCK_MONOTONIC), cpu = seconds_of(CLOCK_THREAD_CPUTIME_ID);
    do {
        job->sink += job->avx512 ? fma_avx512(BLOCK) : fma_avx2(BLOCK);
        blocks++;
    } while (seconds_of(CLOCK_MONOTONIC) - wall < job->seconds);
    job->flops = (double) blocks * BLOCK * CHAINS * lanes * 2;
    job->flop_wall = seconds_of(CLOCK_MONOTONIC) - wall;
    job->flop_cpu = seconds_of(CLOCK_THREAD_CPUTIME_ID) - cpu;
    long rounds = 0, x = 1;
    wall = seconds_of(CLOCK_MONOTONIC);
    cpu = seconds_of(CLOCK_THREAD_CPUTIME_ID);
    do {
        x = add_chain(1000000, x);
        rounds += 1000000;
    } while (seconds_of(CLOCK_MONOTONIC) - wall < job->seconds / 4);
    job->cycles = (double) rounds * 64;
    job->cycle_cpu = seconds_of(CLOCK_THREAD_CPUTIME_ID) - cpu;
    job->sink += (float) (x & 1);
    return NULL;
}

static int compare(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s THREADS SECONDS REPEATS FMA_PIPES\n", argv[0]);
        return 2;
    }
    int threads = atoi(argv[1]), repeats = atoi(argv[3]), pipes = atoi(argv[4]);
    double seconds = atof(argv[2]);
    if (threads < 1 || seconds <= 0 || repeats < 1 || pipes < 1) {
        fprintf(stderr, "need THREADS >= 1, SECONDS > 0, REPEATS >= 1, FMA_PIPES >= 1; got %s %s %s %s\n",
                argv[1], argv[2], argv[3], argv[4]);
        return 2;
    }
    __builtin_cpu_init();
    int avx512 = __builtin_cpu_supports("avx512f");
    int lanes = avx512 ? 16 : 8;
    double *gflops = calloc(repeats, sizeof *gflops), *wall_gflops = calloc(repeats, sizeof *wall_gflops);
    double *ghz = calloc(repeats, sizeof *ghz);
    struct job *jobs = calloc(threads, sizeof *jobs);
    pthread_t *ids = calloc(threads, sizeof *ids);
    float sink = 0;
    for (int r = 0; r < repeats; r++) {
        for (int t = 0; t < threads; t++) {
            jobs[t] = (struct job) {.avx512 = avx512, .seconds = seconds};
            pthread_create(&ids[t], NULL, work, &jobs[t]);
        }
        double rate = 0, wall_rate = 0, clock = 0;
        for (int t = 0; t < threads; t++) {
            pthread_join(ids[t], NULL);
            rate += jobs[t].flops / jobs[t].flop_cpu;
            wall_rate += jobs[t].flops / jobs[t].flop_wall;
            clock += jobs[t].cycles / jobs[t].cycle_cpu / threads;
            sink += jobs[t].sink;
        }
        gflops[r] = rate * 1e-9;
        wall_gflops[r] = wall_rate * 1e-9;
        ghz[r] = clock * 1e-9;
        printf("repeat %d: %.1f GFLOP/s per CPU-second x threads, %.1f GFLOP/s wall, clock %.2f GHz\n", r + 1,
               gflops[r], wall_gflops[r], ghz[r]);
    }
    qsort(gflops, repeats, sizeof *gflops, compare);
    qsort(wall_gflops, repeats, sizeof *wall_gflops, compare);
    qsort(ghz, repeats, sizeof *ghz, compare);
    double g = gflops[repeats / 2], c = ghz[repeats / 2];
    printf("peak threads=%d isa=%s lanes=%d gflops=%.1f wall_gflops=%.1f clock_ghz=%.2f model_gflops=%.1f\n",
           threads, avx512 ? "avx512" : "avx2", lanes, g, wall_gflops[repeats / 2], c, threads * pipes * lanes * 2 * c);
    /* The accumulators' sums, printed only in the impossible case, keep the loops alive. */
    if (sink == 12345.f) printf("%f\n", sink);
    return 0;
}
