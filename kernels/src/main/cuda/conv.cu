// im2col and col2im over NCHW batches, the column layout of org.jgrad.backend.ConvGeometry:
// (batch, channels*kh*kw, outH*outW), row index (c, ki, kj). col2im gathers instead of
// scattering, so it needs no atomics and sums each pixel in the same order every run.

struct ConvArgs {
    int batch, channels, height, width, kernelH, kernelW, strideH, strideW, padH, padW, dilationH, dilationW;
    int outH, outW;
};

#include "jgrad.cuh"

// One thread per column element.
extern "C" __global__ void im2col_f32(ConvArgs g, float padValue, const float *image, float *columns) {
    long long total = (long long) g.batch * g.channels * g.kernelH * g.kernelW * g.outH * g.outW;
    JG_FOR_EACH(at, total) {
        int ow = at % g.outW;
        long long rest = at / g.outW;
        int oh = rest % g.outH;
        rest /= g.outH;
        int kj = rest % g.kernelW;
        rest /= g.kernelW;
        int ki = rest % g.kernelH;
        long long plane = rest / g.kernelH;  // n * channels + c
        int ih = oh * g.strideH - g.padH + ki * g.dilationH;
        int iw = ow * g.strideW - g.padW + kj * g.dilationW;
        bool inside = ih >= 0 && ih < g.height && iw >= 0 && iw < g.width;
        columns[at] = inside ? image[(plane * g.height + ih) * g.width + iw] : padValue;
    }
}

// One thread per image pixel, summing the column entries of every window that reads it.
extern "C" __global__ void col2im_f32(ConvArgs g, const float *columns, float *image) {
    long long total = (long long) g.batch * g.channels * g.height * g.width;
    JG_FOR_EACH(at, total) {
        int w = at % g.width;
        long long rest = at / g.width;
        int h = rest % g.height;
        long long plane = rest / g.height;
        float sum = 0.0f;
        for (int ki = 0; ki < g.kernelH; ki++) {
            int y = h + g.padH - ki * g.dilationH;
            if (y < 0 || y % g.strideH != 0 || y / g.strideH >= g.outH) continue;
            for (int kj = 0; kj < g.kernelW; kj++) {
                int x = w + g.padW - kj * g.dilationW;
                if (x < 0 || x % g.strideW != 0 || x / g.strideW >= g.outW) continue;
                long long row = (plane * g.kernelH + ki) * g.kernelW + kj;
                sum += columns[(row * g.outH + y / g.strideH) * g.outW + x / g.strideW];
            }
        }
        image[at] = sum;
    }
}
