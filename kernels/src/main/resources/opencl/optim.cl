// Fused, in-place optimizer steps, PyTorch's semantics (see SgdConfig, AdamConfig,
// RmspropConfig, AdagradConfig), each float operation in the CPU backend's order. Scalars that
// depend only on the step (bias corrections, decayed rates) come from the host, as on the CPU.

// The gradient with L2 weight decay folded in: g + wd * p.
inline float decayed(float g, float weightDecay, float p) {
    return weightDecay != 0.0f ? g + weightDecay * p : g;
}

// momentum == 0 when there is no momentum buffer (buffer then points at param and is not touched).
__kernel void sgd_step(int n, float lr, float momentum, float keep, float weightDecay, int nesterov,
                       int firstStep, __global float* param, __global const float* grad, __global float* buffer) {
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    float g = decayed(grad[i], weightDecay, param[i]);
    if (momentum != 0.0f) {
        float b = firstStep ? g : momentum * buffer[i] + keep * g;
        buffer[i] = b;
        g = nesterov ? g + momentum * b : b;
    }
    param[i] -= lr * g;
}

// decay is AdamW's 1 - lr*wd (1 for Adam); l2 is Adam's coupled weight decay (0 for AdamW).
__kernel void adam_step(int n, float stepSize, float rootBiasCorrection2, float decay, float l2, float beta1,
                        float beta2, float eps, int amsgrad, __global float* param, __global const float* grad,
                        __global float* expAvg, __global float* expAvgSq, __global float* maxExpAvgSq) {
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    float p = param[i] * decay;
    float g = decayed(grad[i], l2, p);
    float m = beta1 * expAvg[i] + (1.0f - beta1) * g;
    float v = beta2 * expAvgSq[i] + (1.0f - beta2) * (g * g);
    expAvg[i] = m;
    expAvgSq[i] = v;
    if (amsgrad) {
        v = fmax(maxExpAvgSq[i], v);
        maxExpAvgSq[i] = v;
    }
    param[i] = p - stepSize * (m / (sqrt(v) / rootBiasCorrection2 + eps));
}

// RMSprop; Adagrad is this with decay = weight = 1, no momentum, not centered.
__kernel void rmsprop_step(int n, float lr, float decay, float weight, float eps, float weightDecay,
                           float momentum, int centered, __global float* param, __global const float* grad,
                           __global float* squareAvg, __global float* buffer, __global float* gradAvg) {
    int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    float g = decayed(grad[i], weightDecay, param[i]);
    float v = decay * squareAvg[i] + weight * g * g;
    squareAvg[i] = v;
    if (centered) {
        float mean = decay * gradAvg[i] + weight * g;
        gradAvg[i] = mean;
        v -= mean * mean;
    }
    float update = g / (sqrt(v) + eps);
    if (momentum != 0.0f) {
        update = momentum * buffer[i] + update;
        buffer[i] = update;
    }
    param[i] -= lr * update;
}
