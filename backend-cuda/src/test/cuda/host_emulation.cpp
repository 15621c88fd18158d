// Runs jgrad's CUDA kernels on the host, for tests on machines without a GPU: the .cu sources are
// compiled as C++ with the CUDA built-ins below, and each launch runs its threads one after
// another (3 blocks of 5 threads, so the grid-stride loops take several turns); kernels with
// shared memory and barriers (reduce_rows, sgemm_tiled) run each block's threads as fibers.
// This checks the kernels' logic (indexing, Philox, tiling, the order of float operations,
// special values), not the GPU: double math comes from the host's libm, not
// libdevice, and nothing here says anything about speed.
//
// Two modes. One request (HostEmulationTest): stdin holds "kernel" then its numbers, float arrays
// as their int bits; stdout gets the output arrays the same way. "serve" (EmulatedDevice): an
// emulated device behind a binary protocol on stdin/stdout, see serve() at the end.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <csetjmp>
#include <ucontext.h>
#include <functional>
#include <map>
#include <tuple>
#include <utility>
#include <iostream>
#include <string>
#include <vector>

struct Dim { unsigned x = 1, y = 1, z = 1; };
static Dim blockIdx, threadIdx;
static Dim blockDim, gridDim;
#define __global__
#define __device__
#define __forceinline__ inline
// one block runs at a time, so a function-local static is that block's shared memory
#define __shared__ static
// a kernel's unknown op: the device traps, the emulator aborts (the Java side then reports the failure)
[[noreturn]] inline void __trap() { std::abort(); }

// Kernels with barriers run each thread of a block as a fiber on one OS thread: __syncthreads
// hands control back, and a round gives every fiber one turn, so all of them reach each barrier
// before any passes it. A fiber starts on its own stack with makecontext/setcontext; after that,
// switches are _setjmp/_longjmp, which (unlike swapcontext) make no system call.
struct Fibers {
    std::vector<ucontext_t> starts;
    std::vector<std::vector<char>> stacks;
    struct Jump { jmp_buf at; };
    std::vector<Jump> resume;
    std::vector<char> started, finished;
    jmp_buf scheduler;
    unsigned current = 0;
    std::function<void()> kernel;

    static Fibers &instance() { static Fibers f; return f; }

    static void entry() {
        Fibers &f = instance();
        f.kernel();
        f.finished[f.current] = 1;
        _longjmp(f.scheduler, 1);
    }

    void yield() {
        if (!_setjmp(resume[current].at)) _longjmp(scheduler, 1);
    }

    void run_block(unsigned count) {
        if (starts.size() != count) {
            starts.resize(count);
            stacks.resize(count);
            resume.resize(count);
        }
        started.assign(count, 0);
        finished.assign(count, 0);
        for (unsigned left = count; left > 0;) {
            left = 0;
            for (unsigned t = 0; t < count; t++) {
                if (finished[t]) continue;
                current = t;
                threadIdx = {t % blockDim.x, t / blockDim.x, 0};
                if (!_setjmp(scheduler)) {
                    if (started[t]) _longjmp(resume[t].at, 1);
                    started[t] = 1;
                    stacks[t].resize(1 << 16);
                    getcontext(&starts[t]);
                    starts[t].uc_stack.ss_sp = stacks[t].data();
                    starts[t].uc_stack.ss_size = stacks[t].size();
                    starts[t].uc_link = nullptr;
                    makecontext(&starts[t], entry, 0);
                    setcontext(&starts[t]);
                }
                left += !finished[t];
            }
        }
    }
};
static void __syncthreads() { Fibers::instance().yield(); }
static unsigned __umulhi(unsigned a, unsigned b) { return (unsigned) (((uint64_t) a * b) >> 32); }
static double __dadd_rn(double a, double b) { return a + b; }
static double __dsub_rn(double a, double b) { return a - b; }
static double __dmul_rn(double a, double b) { return a * b; }
static float __double2float_rn(double a) { return (float) a; }
static float __int2float_rn(int a) { return (float) a; }
static float __int_as_float(int a) { float f; std::memcpy(&f, &a, 4); return f; }
static float __uint_as_float(unsigned a) { float f; std::memcpy(&f, &a, 4); return f; }
static unsigned __float_as_uint(float f) { unsigned a; std::memcpy(&a, &f, 4); return a; }
// PTX cvt.rzi.s32.f32: toward zero, saturating, NaN to 0
static int __float2int_rz(float a) {
    if (a != a) return 0;
    if (a >= 2147483648.0f) return INT32_MAX;
    if (a <= -2147483648.0f) return INT32_MIN;
    return (int) a;
}
static float atomicAdd(float *at, float v) { float old = *at; *at += v; return old; }
static int atomicMin(int *at, int v) { int old = *at; if (v < old) *at = v; return old; }
using std::signbit;
using std::isinf;

#include "../../../../kernels/src/main/cuda/elementwise.cu"
#include "../../../../kernels/src/main/cuda/reduce.cu"
#include "../../../../kernels/src/main/cuda/conv.cu"
#include "../../../../kernels/src/main/cuda/indexing.cu"
#include "../../../../kernels/src/main/cuda/random.cu"
#include "../../../../kernels/src/main/cuda/optim.cu"
#include "../../../../kernels/src/main/cuda/gemm.cu"

template <typename Kernel> static void run(Kernel kernel) {
    gridDim.x = 3;
    blockDim.x = 5;
    for (blockIdx.x = 0; blockIdx.x < gridDim.x; blockIdx.x++)
        for (threadIdx.x = 0; threadIdx.x < blockDim.x; threadIdx.x++) kernel();
}

// Runs every block of the grid in turn, each block's threads as fibers.
template <typename Kernel> static void run_blocks(Dim grid, Dim block, Kernel kernel) {
    gridDim = grid;
    blockDim = block;
    Fibers &fibers = Fibers::instance();
    fibers.kernel = kernel;
    for (unsigned z = 0; z < grid.z; z++)
        for (unsigned y = 0; y < grid.y; y++)
            for (unsigned x = 0; x < grid.x; x++) {
                blockIdx = {x, y, z};
                fibers.run_block(block.x * block.y);
            }
}

static long long num() { long long v; std::cin >> v; return v; }
static float f32() { int bits = (int) num(); return __int_as_float(bits); }
static std::vector<float> floats() {
    std::vector<float> v(num());
    for (float &x : v) x = f32();
    return v;
}
static std::vector<int> ints() {
    std::vector<int> v(num());
    for (int &x : v) x = (int) num();
    return v;
}
static void print(const std::vector<float> &v) {
    std::cout << v.size();
    for (float x : v) { int bits; std::memcpy(&bits, &x, 4); std::cout << ' ' << bits; }
    std::cout << '\n';
}
static void print(const std::vector<int> &v) {
    std::cout << v.size();
    for (int x : v) std::cout << ' ' << x;
    std::cout << '\n';
}
static float *ptr(std::vector<float> &v) { return v.empty() ? nullptr : v.data(); }

static int serve();

int main(int argc, char **argv) {
    if (argc > 1 && std::string(argv[1]) == "serve") return serve();
    std::string kernel;
    std::cin >> kernel;
    if (kernel == "unary") {
        int op = (int) num(); float alpha = f32(); auto x = floats(); std::vector<float> out(x.size());
        run([&] { unary_f32(op, alpha, x.data(), out.data(), (int) x.size()); });
        print(out);
    } else if (kernel == "binary") {
        int op = (int) num(); auto a = floats(); auto b = floats(); std::vector<float> out(a.size());
        Layout l = {};
        l.rank = 1; l.shape[0] = (int) a.size(); l.stride[0][0] = 1; l.stride[1][0] = 1;
        run([&] { binary_f32(op, l, a.data(), b.data(), out.data(), (int) a.size()); });
        print(out);
    } else if (kernel == "copy") {
        Layout l;
        int *fields = &l.rank;
        for (int i = 0; i < (int) (sizeof(Layout) / sizeof(int)); i++) fields[i] = (int) num();
        int n = (int) num(); auto src = floats(); auto dst = floats();
        run([&] { copy_u32(l, (const unsigned *) src.data(), (unsigned *) dst.data(), n); });
        print(dst);
    } else if (kernel == "gather") {
        int outer = (int) num(), srcSize = (int) num(), inner = (int) num(), indexSize = (int) num();
        auto src = floats(); auto index = ints(); std::vector<float> out(index.size());
        std::vector<int> firstBad = {(int) index.size()};
        run([&] { check_indices(index.data(), (int) index.size(), srcSize, firstBad.data()); });
        if (firstBad[0] == (int) index.size())
            run([&] { gather_f32(src.data(), outer, srcSize, inner, index.data(), indexSize, out.data()); });
        print(firstBad); print(out);
    } else if (kernel == "cast") {
        auto x = floats(); std::vector<int> out(x.size());
        run([&] { cast_f32_i32(x.data(), out.data(), (int) x.size()); });
        print(out);
    } else if (kernel == "random") {
        int normal = (int) num(); long long seed = num(), offset = num(); float a = f32(), b = f32();
        std::vector<float> out(num());
        run([&] {
            if (normal) random_normal(seed, offset, a, b, out.data(), (int) out.size());
            else random_uniform(seed, offset, a, b, out.data(), (int) out.size());
        });
        print(out);
    } else if (kernel == "reduce_columns") {
        int op = (int) num(), outer = (int) num(), size = (int) num(), inner = (int) num(); auto x = floats();
        std::vector<float> values(outer * inner); std::vector<int> index(outer * inner);
        bool arg = op == ARGMAX || op == ARGMIN;
        run([&] { reduce_columns(op, x.data(), outer, size, inner, arg ? (void *) index.data() : (void *) values.data()); });
        if (arg) print(index); else print(values);
    } else if (kernel == "reduce_rows") {
        int op = (int) num(), outer = (int) num(), size = (int) num(), blocks = (int) num(); auto x = floats();
        std::vector<float> values(outer); std::vector<int> index(outer);
        bool arg = op == ARGMAX || op == ARGMIN;
        run_blocks({(unsigned) blocks, 1, 1}, {256, 1, 1}, [&] {
            reduce_rows(op, x.data(), outer, size, arg ? (void *) index.data() : (void *) values.data());
        });
        if (arg) print(index); else print(values);
    } else if (kernel == "sgemm") {
        GemmArgs g;
        unsigned char bytes[88];
        for (unsigned char &b : bytes) b = (unsigned char) num();
        std::memcpy(&g, bytes, sizeof g);
        unsigned batch = (unsigned) num(); auto a = floats(); auto b = floats(); auto c = floats();
        run_blocks({(unsigned) (g.n + 63) / 64, (unsigned) (g.m + 63) / 64, batch}, {16, 16, 1},
                   [&] { sgemm_tiled(g, a.data(), b.data(), c.data()); });
        print(c);
    } else if (kernel == "im2col" || kernel == "col2im") {
        ConvArgs g;
        int *fields = &g.batch;
        for (int i = 0; i < 14; i++) fields[i] = (int) num();
        float pad = f32(); auto in = floats(); std::vector<float> out(num());
        if (kernel == "im2col") run([&] { im2col_f32(g, pad, in.data(), out.data()); });
        else run([&] { col2im_f32(g, in.data(), out.data()); });
        print(out);
    } else if (kernel == "scatter_add") {
        int outer = (int) num(), indexSize = (int) num(), inner = (int) num(), outSize = (int) num();
        auto src = floats(); auto index = ints(); auto out = floats();
        run([&] { scatter_add_f32(src.data(), outer, indexSize, inner, index.data(), outSize, out.data()); });
        print(out);
    } else if (kernel == "sgd") {
        float lr = f32(), momentum = f32(), keep = f32(), wd = f32(); int nesterov = (int) num(), first = (int) num();
        auto p = floats(); auto g = floats(); auto buf = floats();
        run([&] { sgd_step(p.data(), g.data(), ptr(buf), (int) p.size(), lr, momentum, keep, wd, nesterov, first); });
        print(p); print(buf);
    } else if (kernel == "adam") {
        float s[7]; for (float &x : s) x = f32();
        auto p = floats(); auto g = floats(); auto m = floats(); auto v = floats(); auto vmax = floats();
        run([&] { adam_step(p.data(), g.data(), m.data(), v.data(), ptr(vmax), (int) p.size(), s[0], s[1], s[2], s[3], s[4], s[5], s[6]); });
        print(p); print(m); print(v); print(vmax);
    } else if (kernel == "rmsprop") {
        float s[6]; for (float &x : s) x = f32();
        auto p = floats(); auto g = floats(); auto sq = floats(); auto buf = floats(); auto avg = floats();
        run([&] { rmsprop_step(p.data(), g.data(), sq.data(), ptr(buf), ptr(avg), (int) p.size(), s[0], s[1], s[2], s[3], s[4], s[5]); });
        print(p); print(sq); print(buf); print(avg);
    } else {
        std::cerr << "unknown kernel " << kernel << '\n';
        return 2;
    }
    return 0;
}

// ---- serve: an emulated device -------------------------------------------------------------
// Requests on stdin, little-endian: 'A' u64 bytes -> u64 address (zeroed memory); 'F' u64 address;
// 'U' u64 address, u64 bytes, the bytes; 'D' u64 address, u64 bytes -> the bytes; 'L' u32 name
// length, name, u32 gridX, gridY, gridZ, blockX, blockY, u32 argument count, then per argument
// u32 size and its bytes. Device addresses are host addresses. Launches run to completion.

using Args = std::vector<std::vector<char>>;

template <typename T> static T arg(const Args &args, size_t i) {
    if (args[i].size() != sizeof(T)) {
        std::cerr << "argument " << i << " has " << args[i].size() << " bytes, the kernel takes " << sizeof(T) << '\n';
        std::exit(3);
    }
    T value;
    std::memcpy(&value, args[i].data(), sizeof(T));
    return value;
}

template <typename... A, size_t... I>
static std::function<void()> bind_kernel(void (*f)(A...), const Args &args, std::index_sequence<I...>) {
    if (args.size() != sizeof...(A)) {
        std::cerr << "kernel takes " << sizeof...(A) << " arguments, given " << args.size() << '\n';
        std::exit(3);
    }
    return [f, values = std::make_tuple(arg<std::decay_t<A>>(args, I)...)] { f(std::get<I>(values)...); };
}

template <typename... A> static std::function<void()> bind_kernel(void (*f)(A...), const Args &args) {
    return bind_kernel(f, args, std::index_sequence_for<A...>{});
}

#define KERNEL(name) {#name, [](const Args &a) { return bind_kernel(name, a); }}
static const std::map<std::string, std::function<std::function<void()>(const Args &)>> KERNELS = {
    KERNEL(fill_u32), KERNEL(cast_f32_i32), KERNEL(cast_i32_f32), KERNEL(unary_f32), KERNEL(binary_f32),
    KERNEL(where_f32), KERNEL(copy_u32), KERNEL(reduce_rows), KERNEL(reduce_columns), KERNEL(sgemm_tiled),
    KERNEL(im2col_f32), KERNEL(col2im_f32), KERNEL(check_indices), KERNEL(gather_f32), KERNEL(scatter_add_f32),
    KERNEL(random_uniform), KERNEL(random_normal), KERNEL(sgd_step), KERNEL(adam_step), KERNEL(rmsprop_step),
    KERNEL(fill_u16), KERNEL(copy_u16), KERNEL(cast_f32_f16), KERNEL(cast_f16_f32), KERNEL(cast_f32_bf16),
    KERNEL(cast_bf16_f32)};

template <typename T> static T read() {
    T value;
    if (!std::fread(&value, sizeof(T), 1, stdin)) std::exit(0);
    return value;
}

static int serve() {
    for (;;) {
        int command = std::fgetc(stdin);
        if (command == EOF) break;
        if (command == 'A') {
            uint64_t bytes = read<uint64_t>();
            uint64_t address = (uint64_t) std::calloc(bytes, 1);
            std::fwrite(&address, 8, 1, stdout);
            std::fflush(stdout);
        } else if (command == 'F') {
            std::free((void *) read<uint64_t>());
        } else if (command == 'U' || command == 'D') {
            char *address = (char *) read<uint64_t>();
            uint64_t bytes = read<uint64_t>();
            if (command == 'U') {
                if (std::fread(address, 1, bytes, stdin) != bytes) return 4;
            } else {
                std::fwrite(address, 1, bytes, stdout);
                std::fflush(stdout);
            }
        } else if (command == 'L') {
            std::string name(read<uint32_t>(), ' ');
            if (std::fread(name.data(), 1, name.size(), stdin) != name.size()) return 4;
            Dim grid{read<uint32_t>(), read<uint32_t>(), read<uint32_t>()};
            Dim block{read<uint32_t>(), read<uint32_t>(), 1};
            Args args(read<uint32_t>());
            for (auto &a : args) {
                a.resize(read<uint32_t>());
                if (std::fread(a.data(), 1, a.size(), stdin) != a.size()) return 4;
            }
            auto found = KERNELS.find(name);
            if (found == KERNELS.end()) {
                std::cerr << "no kernel " << name << '\n';
                return 3;
            }
            std::function<void()> kernel = found->second(args);
            if (name == "reduce_rows" || name == "sgemm_tiled") {
                run_blocks(grid, block, kernel);
                continue;
            }
            gridDim = grid;
            blockDim = block;
            for (unsigned z = 0; z < grid.z; z++)
                for (unsigned y = 0; y < grid.y; y++)
                    for (unsigned x = 0; x < grid.x; x++) {
                        blockIdx = {x, y, z};
                        for (unsigned ty = 0; ty < block.y; ty++)
                            for (unsigned tx = 0; tx < block.x; tx++) {
                                threadIdx = {tx, ty, 0};
                                kernel();
                            }
                    }
        } else {
            std::cerr << "unknown command " << command << '\n';
            return 3;
        }
    }
    return 0;
}
