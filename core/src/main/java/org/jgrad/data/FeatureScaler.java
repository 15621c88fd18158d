package org.jgrad.data;

import java.util.Arrays;
import org.jgrad.Scope;
import org.jgrad.Shape;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.backend.Backend;

/**
 * A per-feature affine map y = (x - center) / scale, fitted on training inputs and then applied to
 * any data (training, validation, test), as scikit-learn's {@code StandardScaler} and
 * {@code MinMaxScaler}. A feature is one element of an example's input shape; the map applies to
 * an input of that shape or to a batch of them.
 *
 * <p>Statistics are computed in float64 and stored as FLOAT32. A constant feature (zero standard
 * deviation, or zero range) gets scale 1, so it maps to 0 instead of dividing by zero.
 */
public final class FeatureScaler implements Transform {
    private final int[] featureShape;
    private final float[] center;
    private final float[] scale;
    private Backend cachedOn;
    private Tensor centerTensor;
    private Tensor scaleTensor;

    private FeatureScaler(int[] featureShape, float[] center, float[] scale) {
        this.featureShape = featureShape;
        this.center = center;
        this.scale = scale;
    }

    /** Standardisation: center = mean and scale = population standard deviation (divisor n) of each feature. */
    public static FeatureScaler standardize(Dataset train) {
        FeatureStats stats = FeatureStats.of(train, "standardize");
        float[] center = new float[stats.mean.length];
        float[] scale = new float[center.length];
        for (int f = 0; f < center.length; f++) {
            center[f] = (float) stats.mean[f];
            scale[f] = nonZero(stats.std(f));
        }
        return new FeatureScaler(stats.featureShape, center, scale);
    }

    /** Min-max normalisation to [0, 1]: center = minimum and scale = maximum - minimum of each feature. */
    public static FeatureScaler minMax(Dataset train) {
        FeatureStats stats = FeatureStats.of(train, "minMax");
        float[] center = new float[stats.mean.length];
        float[] scale = new float[center.length];
        for (int f = 0; f < center.length; f++) {
            center[f] = (float) stats.min[f];
            scale[f] = nonZero(stats.max[f] - stats.min[f]);
        }
        return new FeatureScaler(stats.featureShape, center, scale);
    }

    private static float nonZero(double scale) {
        return scale == 0 ? 1f : (float) scale;
    }

    /** The value subtracted from each feature (a copy, row-major over the feature shape). */
    public float[] center() {
        return center.clone();
    }

    /** The value each centred feature is divided by (a copy). */
    public float[] scale() {
        return scale.clone();
    }

    /** Shape of one example's input, as seen when fitting. */
    public int[] featureShape() {
        return featureShape.clone();
    }

    @Override
    public Tensor apply(Tensor input) {
        int[] shape = input.shape();
        int lead = shape.length - featureShape.length;
        if (lead < 0 || !Arrays.equals(Arrays.copyOfRange(shape, lead, shape.length), featureShape)) {
            throw new IllegalArgumentException("FeatureScaler: input of shape " + Shape.toString(shape)
                    + " does not end with the fitted feature shape " + Shape.toString(featureShape));
        }
        useBackend(input.backend());
        Tensor centred = input.sub(centerTensor);
        Tensor out = centred.div(scaleTensor);
        if (!centred.requiresGrad()) {
            centred.close(); // a differentiable input keeps it: the division's backward reads it
        }
        return out;
    }

    /** Keeps center and scale on the input's backend, uploading them when it changes. */
    private void useBackend(Backend backend) {
        if (backend != cachedOn) {
            if (centerTensor != null) {
                centerTensor.close();
                scaleTensor.close();
            }
            centerTensor = Scope.untrack(Tensors.fromArray(backend, center, featureShape));
            scaleTensor = Scope.untrack(Tensors.fromArray(backend, scale, featureShape));
            cachedOn = backend;
        }
    }
}
