// im2col / col2im over NCHW batches. The geometry g holds (batch, channels, height, width,
// kernelH, kernelW, strideH, strideW, padH, padW, dilationH, dilationW, outH, outW); the column
// matrix is (batch, channels*kernelH*kernelW, outH*outW), row index (c, ki, kj).

__kernel void im2col(int16 g, float padValue, __global const float* image, __global float* columns, int n) {
    int e = get_global_id(0);
    if (e >= n) {
        return;
    }
    int outH = g.sc;
    int outW = g.sd;
    int ow = e % outW;
    int rest = e / outW;
    int oh = rest % outH;
    rest /= outH;
    int kj = rest % g.s5;
    rest /= g.s5;
    int ki = rest % g.s4;
    rest /= g.s4;  // rest = image * channels + c: the plane
    int ih = oh * g.s6 - g.s8 + ki * g.sa;
    int iw = ow * g.s7 - g.s9 + kj * g.sb;
    bool inside = ih >= 0 && ih < g.s2 && iw >= 0 && iw < g.s3;
    columns[e] = inside ? image[((long) rest * g.s2 + ih) * g.s3 + iw] : padValue;
}

// One work-item per pixel: sums the column entries of every window tap that reads it.
__kernel void col2im(int16 g, __global const float* columns, __global float* image, int n) {
    int e = get_global_id(0);
    if (e >= n) {
        return;
    }
    int w = e % g.s3;
    int h = (e / g.s3) % g.s2;
    int plane = e / (g.s3 * g.s2);
    int outH = g.sc;
    int outW = g.sd;
    long planeColumns = (long) plane * g.s4 * g.s5 * outH * outW;
    float sum = 0.0f;
    for (int ki = 0; ki < g.s4; ki++) {
        int th = h + g.s8 - ki * g.sa;
        if (th < 0 || th % g.s6 != 0 || th / g.s6 >= outH) {
            continue;
        }
        int oh = th / g.s6;
        for (int kj = 0; kj < g.s5; kj++) {
            int tw = w + g.s9 - kj * g.sb;
            if (tw < 0 || tw % g.s7 != 0 || tw / g.s7 >= outW) {
                continue;
            }
            int ow = tw / g.s7;
            sum += columns[planeColumns + ((long) (ki * g.s5 + kj) * outH + oh) * outW + ow];
        }
    }
    image[e] = sum;
}
