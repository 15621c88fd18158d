package org.jgrad.conformance;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jgrad.DType;
import org.jgrad.backend.AdagradConfig;
import org.jgrad.backend.AdamConfig;
import org.jgrad.backend.Backend;
import org.jgrad.backend.Buffer;
import org.jgrad.backend.RmspropConfig;
import org.jgrad.backend.SgdConfig;

/**
 * The backend under test, wrapped to count the buffers it holds: allocations not yet freed, and
 * frees of buffers that were already freed. Lets the memory tests see what the core releases.
 * The fused optimizer steps go to the backend's own kernels.
 */
final class CountingBackend extends ForwardingBackend {
    private final Set<Buffer> live = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private int doubleFrees;

    CountingBackend(Backend inner) {
        super(inner);
    }

    /** Buffers allocated and not yet freed. */
    int live() {
        return live.size();
    }

    /** Frees of a buffer this backend had already freed (the core should free each buffer once). */
    synchronized int doubleFrees() {
        return doubleFrees;
    }

    @Override
    public String description() {
        return "counting " + delegate.description();
    }

    @Override
    public Buffer allocate(DType dtype, int length) {
        Buffer buffer = delegate.allocate(dtype, length);
        live.add(buffer);
        return buffer;
    }

    @Override
    public void free(Buffer buffer) {
        if (!live.remove(buffer)) {
            synchronized (this) {
                doubleFrees++;
            }
        }
        delegate.free(buffer);
    }

    @Override
    public void sgdStep(SgdConfig config, boolean firstStep, Buffer param, Buffer grad, Buffer momentumBuffer) {
        delegate.sgdStep(config, firstStep, param, grad, momentumBuffer);
    }

    @Override
    public void adamStep(AdamConfig config, int step, Buffer param, Buffer grad, Buffer expAvg, Buffer expAvgSq,
                         Buffer maxExpAvgSq) {
        delegate.adamStep(config, step, param, grad, expAvg, expAvgSq, maxExpAvgSq);
    }

    @Override
    public void rmspropStep(RmspropConfig config, Buffer param, Buffer grad, Buffer squareAvg, Buffer momentumBuffer,
                            Buffer gradAvg) {
        delegate.rmspropStep(config, param, grad, squareAvg, momentumBuffer, gradAvg);
    }

    @Override
    public void adagradStep(AdagradConfig config, int step, Buffer param, Buffer grad, Buffer sum) {
        delegate.adagradStep(config, step, param, grad, sum);
    }

}
