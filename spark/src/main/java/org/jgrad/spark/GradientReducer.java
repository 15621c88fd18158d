package org.jgrad.spark;

import java.util.Arrays;
import org.apache.spark.SparkEnv;
import org.apache.spark.rpc.RpcCallContext;
import org.apache.spark.rpc.RpcEndpointRef;
import org.apache.spark.rpc.RpcEnv;
import org.apache.spark.rpc.ThreadSafeRpcEndpoint;
import org.apache.spark.util.RpcUtils;
import scala.PartialFunction;
import scala.runtime.AbstractPartialFunction;
import scala.runtime.BoxedUnit;

/**
 * The driver's end of the per-step exchange, an endpoint on Spark's own RPC environment (as
 * Spark's BarrierCoordinator is): it collects one {@link GradientMessage.Push} per partition for a
 * step, combines them in partition order, and answers every replica with the same sum. Messages
 * are handled one at a time. Pushes from an older stage attempt (a stage Spark is retrying) are
 * refused, and replicas still waiting on one are released with a failure.
 */
final class GradientReducer implements ThreadSafeRpcEndpoint {
    private final RpcEnv rpcEnv;
    private int stage = -1;
    private int attempt = -1;
    private long step = -1;
    private GradientMessage.Push[] pushes;
    private RpcCallContext[] waiting;

    private GradientReducer(RpcEnv rpcEnv) {
        this.rpcEnv = rpcEnv;
    }

    /** Registers a reducer named {@code name} on the driver; stop it with {@link #stop(RpcEndpointRef)}. */
    static RpcEndpointRef start(String name) {
        RpcEnv env = SparkEnv.get().rpcEnv();
        return env.setupEndpoint(name, new GradientReducer(env));
    }

    static void stop(RpcEndpointRef reducer) {
        SparkEnv.get().rpcEnv().stop(reducer);
    }

    /** From a task: a reference to the reducer {@code name} on the driver. */
    static RpcEndpointRef connect(String name) {
        SparkEnv env = SparkEnv.get();
        return RpcUtils.makeDriverRef(name, env.conf(), env.rpcEnv());
    }

    @Override
    public RpcEnv rpcEnv() {
        return rpcEnv;
    }

    @Override
    public PartialFunction<Object, BoxedUnit> receiveAndReply(RpcCallContext context) {
        return new AbstractPartialFunction<>() {
            @Override
            public boolean isDefinedAt(Object message) {
                return message instanceof GradientMessage.Push;
            }

            @Override
            public <A1, B1> B1 applyOrElse(A1 message, scala.Function1<A1, B1> otherwise) {
                if (!(message instanceof GradientMessage.Push push)) {
                    return otherwise.apply(message);
                }
                receive(push, context);
                @SuppressWarnings("unchecked")
                B1 unit = (B1) BoxedUnit.UNIT;
                return unit;
            }
        };
    }

    private void receive(GradientMessage.Push push, RpcCallContext context) {
        int order = compare(push);
        if (order < 0) {
            context.sendFailure(new IllegalStateException("stale push from stage " + push.stage() + " attempt "
                    + push.attempt() + " step " + push.step() + "; the reducer is at stage " + stage + " attempt "
                    + attempt + " step " + step));
            return;
        }
        if (order > 0) {
            release("a newer stage attempt or step started");
            stage = push.stage();
            attempt = push.attempt();
            step = push.step();
            pushes = new GradientMessage.Push[push.workers()];
            waiting = new RpcCallContext[push.workers()];
        }
        pushes[push.partition()] = push;
        waiting[push.partition()] = context;
        if (Arrays.stream(pushes).allMatch(p -> p != null)) {
            GradientMessage.Sum sum = GradientMessage.combine(pushes);
            for (RpcCallContext c : waiting) {
                c.reply(sum);
            }
            pushes = new GradientMessage.Push[pushes.length];
            waiting = new RpcCallContext[waiting.length];
        }
    }

    /** Negative when {@code push} belongs to an older stage, attempt or step than the one collected now. */
    private int compare(GradientMessage.Push push) {
        int byStage = Integer.compare(push.stage(), stage);
        if (byStage != 0) {
            return byStage;
        }
        int byAttempt = Integer.compare(push.attempt(), attempt);
        return byAttempt != 0 ? byAttempt : Long.compare(push.step(), step);
    }

    private void release(String why) {
        if (waiting == null) {
            return;
        }
        for (RpcCallContext c : waiting) {
            if (c != null) {
                c.sendFailure(new IllegalStateException("gradient exchange abandoned: " + why));
            }
        }
    }
}
