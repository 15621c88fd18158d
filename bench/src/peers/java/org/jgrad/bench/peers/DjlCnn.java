package org.jgrad.bench.peers;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import org.jgrad.bench.mlp.MlpArgs;
import org.jgrad.bench.mlp.MlpModel;
import org.jgrad.bench.mlp.MnistArrays;

/**
 * The examples' small MNIST CNN in DJL, layer for layer as in jgrad's {@code JgradCnn}:
 * Conv(16, 3x3, pad 1)-BN-ReLU-MaxPool2, a ResNet basic block (two bias-free 3x3 convs with BN,
 * the identity shortcut added by a {@link ParallelBlock}, then ReLU), Conv(32)-BN-ReLU-MaxPool2,
 * flatten, Dropout(0.25), Linear(10); Adam (DJL's defaults: betas 0.9/0.999, eps 1e-8) at a fixed
 * rate; DJL's default initialisation (its Xavier initializer for weights, zero biases).
 */
final class DjlCnn {
    private DjlCnn() {
    }

    static MlpModel create(MlpArgs args) {
        SequentialBlock block = new SequentialBlock();
        convBnRelu(block, 16, true).add(Pool.maxPool2dBlock(new Shape(2, 2)));
        SequentialBlock residual = convBnRelu(new SequentialBlock(), 16, false)
                .add(conv(16, false)).add(BatchNorm.builder().build());
        block.add(new ParallelBlock(DjlCnn::sum, List.of(residual, Blocks.identityBlock())))
                .add(Activation::relu);
        convBnRelu(block, 32, true).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Dropout.builder().optRate(0.25f).build())
                .add(Linear.builder().setUnits(MnistArrays.CLASSES).build());
        return new DjlModel(args, block, config -> config.optOptimizer(
                Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) args.lr())).build()), 1, 28, 28);
    }

    private static SequentialBlock convBnRelu(SequentialBlock block, int channels, boolean bias) {
        return block.add(conv(channels, bias)).add(BatchNorm.builder().build()).add(Activation::relu);
    }

    private static Block conv(int channels, boolean bias) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                .setFilters(channels).optBias(bias).build();
    }

    private static NDList sum(List<NDList> branches) {
        return new NDList(branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()));
    }
}
