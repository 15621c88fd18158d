// Fused, in-place optimizer updates with PyTorch's semantics, one thread per element. The float
// operations and their order are the CPU backend's; this file compiles without FMA contraction,
// so each step rounds as the CPU's does. Scalars (bias corrections, decayed rates) come
// precomputed from the host in double and rounded once.
#include "jgrad.cuh"

// buf null: no momentum. keep = 1 - dampening.
extern "C" __global__ void sgd_step(float *param, const float *grad, float *buf, int n, float lr, float momentum,
                                    float keep, float weightDecay, int nesterov, int firstStep) {
    JG_FOR_EACH(i, n) {
        float g = grad[i];
        if (weightDecay != 0.0f) g += weightDecay * param[i];
        if (buf != nullptr) {
            float b = firstStep ? g : momentum * buf[i] + keep * g;
            buf[i] = b;
            g = nesterov ? g + momentum * b : b;
        }
        param[i] -= lr * g;
    }
}

// decay: AdamW's 1 - lr wd (1 for Adam); l2: Adam's coupled weight decay (0 for AdamW); vmax null unless AMSGrad.
extern "C" __global__ void adam_step(float *param, const float *grad, float *m, float *v, float *vmax, int n,
                                     float stepSize, float rootBiasCorrection2, float decay, float l2, float beta1,
                                     float beta2, float eps) {
    float oneMinusBeta1 = 1.0f - beta1, oneMinusBeta2 = 1.0f - beta2;
    JG_FOR_EACH(i, n) {
        float p = param[i] * decay;
        float g = grad[i];
        if (l2 != 0.0f) g += l2 * p;
        float mi = beta1 * m[i] + oneMinusBeta1 * g;
        float vi = beta2 * v[i] + oneMinusBeta2 * (g * g);
        m[i] = mi;
        v[i] = vi;
        if (vmax != nullptr) {
            vi = java_max(vmax[i], vi);
            vmax[i] = vi;
        }
        param[i] = p - stepSize * (mi / (sqrtf(vi) / rootBiasCorrection2 + eps));
    }
}

// v = decay v + weight g^2 (Adagrad: decay = weight = 1); gradAvg non-null when centered; buf non-null with momentum.
extern "C" __global__ void rmsprop_step(float *param, const float *grad, float *squareAvg, float *buf, float *gradAvg,
                                        int n, float lr, float decay, float weight, float eps, float weightDecay,
                                        float momentum) {
    JG_FOR_EACH(i, n) {
        float g = grad[i];
        if (weightDecay != 0.0f) g += weightDecay * param[i];
        float v = decay * squareAvg[i] + weight * g * g;
        squareAvg[i] = v;
        if (gradAvg != nullptr) {
            float mean = decay * gradAvg[i] + weight * g;
            gradAvg[i] = mean;
            v -= mean * mean;
        }
        float update = g / (sqrtf(v) + eps);
        if (buf != nullptr) {
            update = momentum * buf[i] + update;
            buf[i] = update;
        }
        param[i] -= lr * update;
    }
}
