package org.jgrad.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.jgrad.Generator;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.nn.AvgPool2d;
import org.jgrad.nn.BatchNorm1d;
import org.jgrad.nn.BatchNorm2d;
import org.jgrad.nn.Conv2d;
import org.jgrad.nn.Dropout;
import org.jgrad.nn.Embedding;
import org.jgrad.nn.GELU;
import org.jgrad.nn.GlobalAvgPool2d;
import org.jgrad.nn.LayerNorm;
import org.jgrad.nn.LeakyReLU;
import org.jgrad.nn.Linear;
import org.jgrad.nn.MaxPool2d;
import org.jgrad.nn.Module;
import org.jgrad.nn.ResidualBlock;
import org.jgrad.nn.Sequential;
import org.jgrad.nn.Sigmoid;
import org.jgrad.nn.Softmax;
import org.jgrad.nn.Tanh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layer's gradient with respect to its input and its parameters, by {@link GradCheck}'s
 * central differences; parameters reach the layer as {@link Module#functionalCall} replacements,
 * so the checked leaves are exactly the tensors the layer computes with.
 */
public class NnGradientConformance extends NnSupport {

    /** Checks the gradient of module(input) with respect to the input and the named parameters. */
    private void check(String name, Module module, GradInput input, String... parameters) {
        withInput(name, module, input, parameters).run(backend());
    }

    private static GradCheck withInput(String name, Module module, GradInput input, String... parameters) {
        GradInput[] inputs = new GradInput[parameters.length + 1];
        inputs[0] = input;
        fillParameters(module, parameters, inputs, 1);
        return GradCheck.of(name, leaves -> module.functionalCall(replacements(parameters, leaves, 1), leaves[0]))
                .inputs(inputs);
    }

    /** Checks the gradient with respect to the named parameters only, the input held fixed. */
    private void checkParameters(String name, Module module, Tensor input, String... parameters) {
        GradInput[] inputs = new GradInput[parameters.length];
        fillParameters(module, parameters, inputs, 0);
        GradCheck.of(name, leaves -> module.functionalCall(replacements(parameters, leaves, 0), input))
                .inputs(inputs).run(backend());
    }

    private static void fillParameters(Module module, String[] names, GradInput[] inputs, int from) {
        for (int i = 0; i < names.length; i++) {
            Tensor p = module.stateDict().get(names[i]);
            inputs[from + i] = GradInput.of(p.toFloatArray(), p.shape());
        }
    }

    private static Map<String, Tensor> replacements(String[] names, Tensor[] leaves, int from) {
        Map<String, Tensor> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], leaves[from + i]);
        }
        return map;
    }

    @Test
    void linear() {
        check("Linear", new Linear(5, 3), GradInput.uniform(1, -1, 1, 4, 5), "weight", "bias");
        check("Linear batched", new Linear(4, 2, false), GradInput.uniform(2, -1, 1, 2, 3, 4), "weight");
    }

    @Test
    void conv2d() {
        check("Conv2d stride 2 groups 2", new Conv2d(4, 6, 3, 2, 1, 1, 2, true), GradInput.uniform(3, -1, 1, 2, 4, 7, 6),
                "weight", "bias");
        check("Conv2d dilation 2", new Conv2d(2, 3, 3, 1, 2, 2, 1, false), GradInput.uniform(4, -1, 1, 1, 2, 7, 7),
                "weight");
    }

    @Test
    void pooling() {
        check("MaxPool2d", new MaxPool2d(3, 2, 1), GradInput.distinct(5, 2, 2, 7, 7));
        check("MaxPool2d default stride", new MaxPool2d(2), GradInput.distinct(6, 1, 3, 5, 4));
        check("AvgPool2d", new AvgPool2d(3, 2, 1), GradInput.uniform(7, -1, 1, 2, 2, 7, 7));
        check("GlobalAvgPool2d", new GlobalAvgPool2d(), GradInput.uniform(8, -1, 1, 2, 3, 4, 5));
    }

    @Test
    void batchNormInTraining() {
        BatchNorm1d bn1 = new BatchNorm1d(4);
        randomizeAffine(bn1, 4, 10);
        check("BatchNorm1d training", bn1, GradInput.uniform(9, -1, 2, 6, 4), "weight", "bias");
        BatchNorm2d bn2 = new BatchNorm2d(2);
        randomizeAffine(bn2, 2, 12);
        check("BatchNorm2d training", bn2, GradInput.uniform(11, -1, 2, 3, 2, 4, 5), "weight", "bias");
    }

    @Test
    void batchNormInTrainingOnSequencesAndWithoutAffine() {
        BatchNorm1d sequences = new BatchNorm1d(3);
        randomizeAffine(sequences, 3, 17);
        check("BatchNorm1d training on (N, C, L)", sequences, GradInput.uniform(18, -2, 1, 4, 3, 5), "weight", "bias");
        check("BatchNorm2d training without affine", new BatchNorm2d(2, 1e-3, 0.1, false),
                GradInput.uniform(19, -1, 3, 2, 2, 3, 3));
    }

    @Test
    void batchNormInEval() {
        BatchNorm2d bn = new BatchNorm2d(3);
        randomizeAffine(bn, 3, 13);
        set(bn.buffer("running_mean"), randomFloats(3, 14, -0.5, 0.5));
        set(bn.buffer("running_var"), randomFloats(3, 15, 0.5, 2));
        bn.eval();
        check("BatchNorm2d eval", bn, GradInput.uniform(16, -1, 1, 2, 3, 4, 4), "weight", "bias");
    }

    @Test
    void layerNorm() {
        LayerNorm ln = new LayerNorm(3, 4);
        randomizeAffine(ln, 12, 17);
        check("LayerNorm", ln, GradInput.uniform(18, -1, 2, 2, 3, 4), "weight", "bias");
    }

    @Test
    void embeddingAccumulatesOverRepeatedIndices() {
        Tensor indices = Tensors.fromArray(backend(), new int[] {1, 4, 1, 6, 0, 4}, 2, 3);
        checkParameters("Embedding", new Embedding(7, 3), indices, "weight");
    }

    static Stream<Arguments> activations() {
        return Stream.of(
                Arguments.of(new LeakyReLU(0.2), GradInput.awayFromZero(20, 3, 7)),
                Arguments.of(new Sigmoid(), GradInput.uniform(21, -3, 3, 3, 7)),
                Arguments.of(new Tanh(), GradInput.uniform(22, -2, 2, 3, 7)),
                Arguments.of(new GELU(), GradInput.uniform(23, -3, 3, 3, 7)),
                Arguments.of(new Softmax(1), GradInput.uniform(24, -2, 2, 3, 7)));
    }

    @ParameterizedTest
    @MethodSource("activations")
    void activation(Module activation, GradInput input) {
        check(activation.toString(), activation, input);
    }

    @Test
    void dropoutScalesTheKeptGradients() {
        // a fresh generator per call: every evaluation draws the same mask
        GradCheck.of("Dropout(0.4)", leaves -> new Dropout(0.4, new Generator(9)).forward(leaves[0]))
                .inputs(GradInput.uniform(25, -1, 1, 4, 9)).run(backend());
    }

    @Test
    void sequential() {
        Sequential model = new Sequential(new Linear(4, 5), new Tanh(), new Linear(5, 2));
        check("Sequential", model, GradInput.uniform(26, -1, 1, 3, 4), "0.weight", "0.bias", "2.weight", "2.bias");
    }

    /**
     * The blocks' inner ReLUs see BatchNorm outputs that move by about |gradient| * eps when one
     * conv weight moves by eps (gradients here reach 20): at the default eps = 1e-2 some of them
     * cross zero, and the difference quotient straddles a kink. eps = 1e-3 keeps them on one side
     * while float32 rounding (about 1e-7 / 2e-3 relative) stays far below the tolerance.
     */
    @Test
    void residualBlocks() {
        ResidualBlock projection = new ResidualBlock(2, 3, 2);
        withInput("ResidualBlock projection", projection, GradInput.uniform(27, -1, 1, 2, 2, 5, 5), "conv1.weight",
                "bn2.weight", "downsample.0.weight", "downsample.1.bias").eps(1e-3).run(backend());
        ResidualBlock identity = new ResidualBlock(2);
        identity.eval();
        withInput("ResidualBlock identity, eval", identity, GradInput.uniform(28, -1, 1, 1, 2, 4, 4), "conv2.weight",
                "bn1.bias").eps(1e-3).run(backend());
    }

    private static void randomizeAffine(Module norm, int size, long seed) {
        set(norm.parameter("weight"), randomFloats(size, seed, 0.5, 1.5));
        set(norm.parameter("bias"), randomFloats(size, seed + 1, -0.5, 0.5));
    }
}
