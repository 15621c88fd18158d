package org.jgrad.opencl;

import org.jgrad.backend.Backend;
import org.jgrad.conformance.ActivationConformance;
import org.jgrad.conformance.AdaptiveOptimizerUpdateConformance;
import org.jgrad.conformance.AutogradConformance;
import org.jgrad.conformance.BinaryLossConformance;
import org.jgrad.conformance.CheckpointConformance;
import org.jgrad.conformance.CheckpointResumeConformance;
import org.jgrad.conformance.ClassLossEdgeConformance;
import org.jgrad.conformance.ClassMetricConformance;
import org.jgrad.conformance.ClassMetricEdgeConformance;
import org.jgrad.conformance.ClassificationLossConformance;
import org.jgrad.conformance.ComparisonOpsConformance;
import org.jgrad.conformance.ConvConformance;
import org.jgrad.conformance.ConvolutionConformance;
import org.jgrad.conformance.CopyConformance;
import org.jgrad.conformance.CreationConformance;
import org.jgrad.conformance.DataLoaderConformance;
import org.jgrad.conformance.DatasetSplitConformance;
import org.jgrad.conformance.DigitsConformance;
import org.jgrad.conformance.ElementwiseConformance;
import org.jgrad.conformance.ElementwiseGradientConformance;
import org.jgrad.conformance.ElementwiseOpsConformance;
import org.jgrad.conformance.FeatureScalerConformance;
import org.jgrad.conformance.GemmConformance;
import org.jgrad.conformance.IndexingConformance;
import org.jgrad.conformance.IndexingOpsConformance;
import org.jgrad.conformance.LinearAlgebraConformance;
import org.jgrad.conformance.LinearAlgebraGradientConformance;
import org.jgrad.conformance.LossGradientConformance;
import org.jgrad.conformance.MemoryConformance;
import org.jgrad.conformance.MetricInputConformance;
import org.jgrad.conformance.MnistConformance;
import org.jgrad.conformance.MovementConformance;
import org.jgrad.conformance.MovementGradientConformance;
import org.jgrad.conformance.NnActivationConformance;
import org.jgrad.conformance.NnGradientConformance;
import org.jgrad.conformance.NnInitConformance;
import org.jgrad.conformance.NnLayerConformance;
import org.jgrad.conformance.NnModuleConformance;
import org.jgrad.conformance.NnNormalizationConformance;
import org.jgrad.conformance.NnResidualSummaryConformance;
import org.jgrad.conformance.NnStateDictConformance;
import org.jgrad.conformance.OptimizerConformance;
import org.jgrad.conformance.OptimizerUpdateConformance;
import org.jgrad.conformance.PenaltiesConformance;
import org.jgrad.conformance.RandomConformance;
import org.jgrad.conformance.ReduceConformance;
import org.jgrad.conformance.ReductionGradientConformance;
import org.jgrad.conformance.ReductionOpsConformance;
import org.jgrad.conformance.RegressionLossConformance;
import org.jgrad.conformance.RegressionMetricConformance;
import org.jgrad.conformance.SafeTensorsConformance;
import org.jgrad.conformance.SafeTensorsValidationConformance;
import org.jgrad.conformance.SafeTensorsWriteConformance;
import org.jgrad.conformance.ScopeConformance;
import org.jgrad.conformance.TensorDatasetConformance;
import org.jgrad.conformance.TrainerCallbackConformance;
import org.jgrad.conformance.TrainerConformance;
import org.jgrad.conformance.TrainerSetupConformance;
import org.jgrad.conformance.TrainingConformance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The whole conformance suite of jgrad-core's test-jar on the OpenCL backend: one nested class per
 * suite class, all sharing one backend (building the program is the slow part).
 * {@link ConformanceCoverageTest} fails when a suite class has no nested class here. Without
 * OpenCL the suite is skipped with the reason, except under CI=true, where it fails.
 */
class OpenClConformanceTest {

    @BeforeAll
    static void requireOpenCl() {
        SharedOpenCl.require();
    }

    /** The shared backend, for the nested classes' one-line overrides. */
    private static Backend cl() {
        return SharedOpenCl.backend();
    }

    // One line each: a suite class and the backend under test.
    @Nested class Activation extends ActivationConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class AdaptiveOptimizerUpdate extends AdaptiveOptimizerUpdateConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Autograd extends AutogradConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class BinaryLoss extends BinaryLossConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Checkpoint extends CheckpointConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class CheckpointResume extends CheckpointResumeConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class ClassLossEdge extends ClassLossEdgeConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class ClassMetric extends ClassMetricConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class ClassMetricEdge extends ClassMetricEdgeConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class ClassificationLoss extends ClassificationLossConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class ComparisonOps extends ComparisonOpsConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Conv extends ConvConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Convolution extends ConvolutionConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Copy extends CopyConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Creation extends CreationConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class DataLoader extends DataLoaderConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class DatasetSplit extends DatasetSplitConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Digits extends DigitsConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Elementwise extends ElementwiseConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class ElementwiseGradient extends ElementwiseGradientConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class ElementwiseOps extends ElementwiseOpsConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class FeatureScaler extends FeatureScalerConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Gemm extends GemmConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Indexing extends IndexingConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class IndexingOps extends IndexingOpsConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class LinearAlgebra extends LinearAlgebraConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class LinearAlgebraGradient extends LinearAlgebraGradientConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class LossGradient extends LossGradientConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Memory extends MemoryConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class MetricInput extends MetricInputConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Mnist extends MnistConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Movement extends MovementConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class MovementGradient extends MovementGradientConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class NnActivation extends NnActivationConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class NnGradient extends NnGradientConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class NnInit extends NnInitConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class NnLayer extends NnLayerConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class NnModule extends NnModuleConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class NnNormalization extends NnNormalizationConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class NnResidualSummary extends NnResidualSummaryConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class NnStateDict extends NnStateDictConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Optimizer extends OptimizerConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class OptimizerUpdate extends OptimizerUpdateConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Penalties extends PenaltiesConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Random extends RandomConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Reduce extends ReduceConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class ReductionGradient extends ReductionGradientConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class ReductionOps extends ReductionOpsConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class RegressionLoss extends RegressionLossConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class RegressionMetric extends RegressionMetricConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class SafeTensors extends SafeTensorsConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class SafeTensorsValidation extends SafeTensorsValidationConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class SafeTensorsWrite extends SafeTensorsWriteConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Scope extends ScopeConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class TensorDataset extends TensorDatasetConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class TrainerCallback extends TrainerCallbackConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Trainer extends TrainerConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class TrainerSetup extends TrainerSetupConformance { @Override protected Backend backend() { return cl(); } }
    @Nested class Training extends TrainingConformance { @Override protected Backend backend() { return cl(); } }
}
