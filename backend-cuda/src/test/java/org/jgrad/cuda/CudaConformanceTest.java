package org.jgrad.cuda;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.*;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole conformance suite of jgrad-core's test-jar on the CUDA backend, one nested class per
 * suite class, all sharing one backend, started on first use. Where CUDA cannot start, every test
 * is reported skipped with the reason ({@link RequiresCuda}); nothing is reported as passed. With
 * {@code -Djgrad.cuda.test.emulate=true} the suite runs on the host emulation of the kernels.
 */
@ExtendWith(RequiresCuda.class)
class CudaConformanceTest {
    private static Backend cuda() {
        return RequiresCuda.backend();
    }

    @Nested class Activation extends ActivationConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class AdaptiveOptimizerUpdate extends AdaptiveOptimizerUpdateConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Autograd extends AutogradConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class BinaryLoss extends BinaryLossConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Checkpoint extends CheckpointConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class CheckpointResume extends CheckpointResumeConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class ClassLossEdge extends ClassLossEdgeConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class ClassMetric extends ClassMetricConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class ClassMetricEdge extends ClassMetricEdgeConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class ClassificationLoss extends ClassificationLossConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class ComparisonOps extends ComparisonOpsConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Conv extends ConvConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Convolution extends ConvolutionConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Copy extends CopyConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Creation extends CreationConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class DataLoader extends DataLoaderConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class DatasetSplit extends DatasetSplitConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Digits extends DigitsConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Elementwise extends ElementwiseConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class ElementwiseGradient extends ElementwiseGradientConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class ElementwiseOps extends ElementwiseOpsConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class FeatureScaler extends FeatureScalerConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Gemm extends GemmConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Indexing extends IndexingConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class IndexingOps extends IndexingOpsConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class LinearAlgebra extends LinearAlgebraConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class LinearAlgebraGradient extends LinearAlgebraGradientConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class LossGradient extends LossGradientConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Memory extends MemoryConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class MetricInput extends MetricInputConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Mnist extends MnistConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Movement extends MovementConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class MovementGradient extends MovementGradientConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class NnActivation extends NnActivationConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class NnGradient extends NnGradientConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class NnInit extends NnInitConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class NnLayer extends NnLayerConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class NnModule extends NnModuleConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class NnNormalization extends NnNormalizationConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class NnResidualSummary extends NnResidualSummaryConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class NnStateDict extends NnStateDictConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Optimizer extends OptimizerConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class OptimizerUpdate extends OptimizerUpdateConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Penalties extends PenaltiesConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Random extends RandomConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Reduce extends ReduceConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class ReductionGradient extends ReductionGradientConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class ReductionOps extends ReductionOpsConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class RegressionLoss extends RegressionLossConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class RegressionMetric extends RegressionMetricConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class SafeTensors extends SafeTensorsConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class SafeTensorsValidation extends SafeTensorsValidationConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class SafeTensorsWrite extends SafeTensorsWriteConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Scope extends ScopeConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class TensorDataset extends TensorDatasetConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class TrainerCallback extends TrainerCallbackConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Trainer extends TrainerConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class TrainerSetup extends TrainerSetupConformance { @Override protected Backend backend() { return cuda(); } }
    @Nested class Training extends TrainingConformance { @Override protected Backend backend() { return cuda(); } }
}
