/*
 * The OpenBLAS anchor for bench/run: times cblas_sgemm on n x n row-major operands the way
 * org.jgrad.bench.GemmBench times jgrad: random non-zero inputs, at least 5 warm-up calls and
 * SECONDS of them, then the median of at least REPEATS timed calls spanning at least SECONDS.
 * Usage: sgemm_bench N [SECONDS] [REPEATS]; prints "gemm backend=openblas n=N gflops=G".
 * The thread count comes from OPENBLAS_NUM_THREADS.
 */
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int compare_doubles(const void *x, const void *y) {
    double a = *(const double *) x, b = *(const double *) y;
    return (a > b) - (a < b);
}

static void *checked_malloc(size_t bytes) {
    void *p = malloc(bytes);
    if (p == NULL) {
        fprintf(stderr, "sgemm_bench: out of memory\n");
        exit(1);
    }
    return p;
}

/* Values in [0.5, 1.5): never zero, so no shortcut can apply. */
static float *random_matrix(size_t count, unsigned *state) {
    float *m = checked_malloc(count * sizeof(float));
    for (size_t i = 0; i < count; i++) {
        *state = *state * 1664525u + 1013904223u;
        m[i] = 0.5f + (float) (*state >> 8) / 16777216.0f;
    }
    return m;
}

static double timed_call(int n, const float *a, const float *b, float *c) {
    double start = now_seconds();
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a, n, b, n, 0.0f, c, n);
    return now_seconds() - start;
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 4) {
        fprintf(stderr, "usage: %s N [SECONDS] [REPEATS]\n", argv[0]);
        return 2;
    }
    int n = atoi(argv[1]);
    double seconds = argc > 2 ? atof(argv[2]) : 2.0;
    int repeats = argc > 3 ? atoi(argv[3]) : 21;
    if (n <= 0 || seconds < 0 || repeats <= 0) {
        fprintf(stderr, "sgemm_bench: N and REPEATS must be positive, SECONDS non-negative\n");
        return 2;
    }
    unsigned state = 42;
    size_t count = (size_t) n * n;
    float *a = random_matrix(count, &state), *b = random_matrix(count, &state), *c = random_matrix(count, &state);
    double until = now_seconds() + seconds;
    for (int call = 0; call < 5 || now_seconds() < until; call++) {
        timed_call(n, a, b, c);
    }
    int capacity = repeats, done = 0;
    double *times = checked_malloc(capacity * sizeof(double));
    until = now_seconds() + seconds;
    while (done < repeats || now_seconds() < until) {
        if (done == capacity) {
            capacity *= 2;
            double *grown = checked_malloc(capacity * sizeof(double));
            memcpy(grown, times, done * sizeof(double));
            free(times);
            times = grown;
        }
        times[done++] = timed_call(n, a, b, c);
    }
    qsort(times, done, sizeof(double), compare_doubles);
    printf("gemm backend=openblas n=%d gflops=%.1f\n", n, 2.0 * n * n * (double) n / times[done / 2] * 1e-9);
    free(times);
    free(a);
    free(b);
    free(c);
    return 0;
}
