package org.jgrad.spark;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.BarrierTaskContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rpc.RpcEndpointRef;
import org.apache.spark.rpc.RpcTimeout;
import org.jgrad.data.Batch;
import org.jgrad.io.TrainingProgress;
import org.jgrad.train.ScheduleStep;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.jdk.javaapi.FutureConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;

/**
 * The task of one barrier stage: a replica on one partition runs the round's steps. Each step it
 * computes its gradient on its own batch, sends (loss, gradient) to the driver's
 * {@link GradientReducer}, gets back the sum over all replicas in partition order and takes the
 * optimizer step, so all replicas apply the same update. The barrier stage starts all replicas
 * together and makes Spark rerun all of them when one fails. If any loss is not finite, every
 * replica learns it from the same exchange and stops before applying that step.
 */
final class ReplicaRound extends AbstractFunction1<Iterator<LabeledExample>, Iterator<RoundResult>>
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final long KILL_CHECK_MS = 100;
    private static final ClassTag<GradientMessage.Sum> SUM = ClassTag$.MODULE$.apply(GradientMessage.Sum.class);
    private final TrainingSpec spec;
    private final Broadcast<RoundPlan> plan;
    private final String reducer;

    ReplicaRound(TrainingSpec spec, Broadcast<RoundPlan> plan, String reducer) {
        this.spec = spec;
        this.plan = plan;
        this.reducer = reducer;
    }

    @Override
    public Iterator<RoundResult> apply(Iterator<LabeledExample> examples) {
        BarrierTaskContext context = BarrierTaskContext.get();
        int partition = context.partitionId();
        int workers = context.getTaskInfos().length;
        RpcEndpointRef driver = GradientReducer.connect(reducer);
        RoundPlan round = plan.value();
        PartitionData data = PartitionData.pack(CollectionConverters.asJava(examples));
        double[] losses = new double[round.steps()];
        double computeSeconds = 0;
        double syncSeconds = 0;
        try (Replica replica = Replica.restored(spec, round.state())) {
            for (int i = 0; i < round.steps(); i++) {
                long step = round.firstStep() + i;
                long start = System.nanoTime();
                int[] rows = BatchOrder.batch(spec.seed(), spec.epochOf(step), partition, data.size(), spec.batchSize(),
                        spec.stepInEpoch(step));
                float loss;
                float[] gradients;
                try (Batch batch = data.batch(rows)) {
                    loss = replica.computeGradients(batch);
                    gradients = replica.gradients();
                }
                long computed = System.nanoTime();
                GradientMessage.Sum sum = exchange(context, driver, new GradientMessage.Push(context.stageId(),
                        context.stageAttemptNumber(), step, partition, workers, loss, gradients));
                long synced = System.nanoTime();
                computeSeconds += (computed - start) / 1e9;
                syncSeconds += (synced - computed) / 1e9;
                if (sum.failed()) {
                    return result(new RoundResult(partition, losses, replica.parameterHash(), null, computeSeconds,
                            syncSeconds, sum.badPartition(), step, sum.badLoss()));
                }
                replica.applyGradients(sum.gradients());
                if (replica.schedule() != null && spec.scheduleStep() == ScheduleStep.PER_BATCH) {
                    replica.schedule().step();
                }
                losses[i] = sum.meanLoss();
                computeSeconds += (System.nanoTime() - synced) / 1e9;
            }
            long end = round.firstStep() + round.steps();
            byte[] state = partition == 0 ? replica.stateBytes(new TrainingProgress(spec.epochOf(end), end)) : null;
            return result(new RoundResult(partition, losses, replica.parameterHash(), state, computeSeconds, syncSeconds,
                    -1, -1, 0f));
        }
    }

    /**
     * Sends this replica's push and waits for the sum. Spark cancels the other tasks of a failed
     * barrier stage without interrupting them, so the wait checks the task's kill flag every
     * {@value #KILL_CHECK_MS} ms (the reply itself is taken as soon as it arrives).
     */
    private static GradientMessage.Sum exchange(BarrierTaskContext context, RpcEndpointRef driver,
            GradientMessage.Push push) {
        CompletableFuture<GradientMessage.Sum> reply = FutureConverters.asJava(
                driver.ask(push, RpcTimeout.apply(SparkEnv.get().conf(), "spark.rpc.askTimeout", "120s"), SUM))
                .toCompletableFuture();
        while (true) {
            try {
                return reply.get(KILL_CHECK_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                context.killTaskIfInterrupted();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                context.killTaskIfInterrupted();
                throw new IllegalStateException("interrupted while waiting for the gradient sum of step " + push.step(), e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("gradient exchange of step " + push.step() + " failed: "
                        + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    private static Iterator<RoundResult> result(RoundResult result) {
        return CollectionConverters.asScala(List.of(result).iterator());
    }
}
