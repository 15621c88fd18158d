// Shared by every jgrad OpenCL kernel. Built as one program with the other files appended.
// No contraction into fused multiply-adds: results must round like the CPU backend's.
#pragma OPENCL FP_CONTRACT OFF
#ifdef JGRAD_FP64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif

// Offset of the element with row-major index i of a shape of rank <= 8, read through strides.
inline int strided_offset(int i, int rank, int8 shape, int8 strides) {
    int dims[8];
    int steps[8];
    vstore8(shape, 0, dims);
    vstore8(strides, 0, steps);
    int offset = 0;
    for (int d = rank - 1; d >= 0; d--) {
        offset += (i % dims[d]) * steps[d];
        i /= dims[d];
    }
    return offset;
}
