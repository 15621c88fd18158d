package org.jgrad.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jgrad.Generator;
import org.jgrad.Scope;
import org.jgrad.Tensor;
import org.jgrad.Tensors;
import org.jgrad.conformance.PyTorchModels;
import org.jgrad.io.Checkpoint;
import org.jgrad.io.SafeTensors;
import org.jgrad.io.StoredType;
import org.jgrad.nn.Module;
import org.jgrad.optim.Adam;
import org.junit.jupiter.api.Test;

/**
 * Writes the files {@code scripts/pytorch/load-jgrad-files.py} loads into PyTorch strictly (CI runs
 * it after the tests when python3-torch is installed), into {@code target/pytorch-exchange/}: for
 * each architecture of {@link PyTorchModels}, trained three Adam steps (so BatchNorm statistics,
 * {@code num_batches_tracked} and the optimizer state are not the defaults), NAME.safetensors (the
 * weights; the MLP also as BF16) with NAME.training.safetensors, and NAME.io.safetensors with an
 * input and jgrad's eval-mode output. Here, each saved checkpoint is loaded back into a fresh model,
 * which must give the same output.
 */
class PyTorchExchangeFilesTest {
    static final Path DIR = Path.of("target", "pytorch-exchange");

    @Test
    void writeTrainedCheckpointsForPyTorch() throws Exception {
        Files.createDirectories(DIR);
        long seed = 10;
        for (Map.Entry<String, PyTorchModels.Architecture> named : PyTorchModels.all().entrySet()) {
            String name = named.getKey();
            PyTorchModels.Architecture arch = named.getValue();
            Generator.manualSeed(++seed);
            Module model = arch.build().get();
            Adam adam = new Adam(model.parameters(), 0.01);
            Tensor input = Tensors.uniform(-2, 2, seed, arch.inputShape());
            for (int step = 0; step < 3; step++) {
                try (Scope ignored = Scope.open()) {
                    adam.zeroGrad();
                    model.forward(input).pow(2).mean().backward();
                    adam.step();
                }
            }
            Path weights = DIR.resolve(name + ".safetensors");
            Checkpoint.of(model).with(adam).save(weights);
            if (name.equals("mlp")) {
                Checkpoint.of(model).weightsAs(StoredType.BF16).save(DIR.resolve(name + ".bf16.safetensors"));
            }
            model.eval();
            Tensor output = model.forward(input);
            SafeTensors.write(DIR.resolve(name + ".io.safetensors"), Map.of("input", input, "output", output));
            Module reloaded = arch.build().get();
            Checkpoint.of(reloaded).with(new Adam(reloaded.parameters(), 0.01)).load(weights);
            reloaded.eval();
            assertArrayEquals(output.toFloatArray(), reloaded.forward(input).toFloatArray(), name);
            model.close();
            reloaded.close();
        }
    }
}
