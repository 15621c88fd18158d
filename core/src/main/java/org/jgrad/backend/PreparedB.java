package org.jgrad.backend;

/**
 * The B operand of a run of GEMMs that all multiply by one matrix, prepared once by
 * {@link Backend#prepareGemmB} (as MKL's packed GEMM: an RNN multiplies by its recurrent weight at
 * every step of a sequence). The backend may keep B in its kernel's layout, so that no product of
 * the run copies B again. Closing it frees what the backend made; the matrix stays the caller's,
 * and must not change while the operand is open.
 */
public interface PreparedB extends AutoCloseable {

    /** The matrix as given, for products the backend computes without its preparation. */
    Buffer buffer();

    /** The product the operand was prepared for: its k, n, transB, ldb and offsetB fix B. */
    GemmShape shape();

    @Override
    void close();

    /**
     * Fails unless {@code product} multiplies by this B: one batch entry, and the k, n, transB,
     * ldb and offsetB it was prepared for (m, A, C, alpha and beta are free).
     */
    default void requireFits(GemmShape product) {
        GemmShape p = shape();
        if (product.batch() != 1 || product.k() != p.k() || product.n() != p.n() || product.transB() != p.transB()
                || product.ldb() != p.ldb() || product.offsetB() != p.offsetB()) {
            throw new IllegalArgumentException("gemm: B was prepared for k=" + p.k() + " n=" + p.n() + " transB="
                    + p.transB() + " ldb=" + p.ldb() + " offsetB=" + p.offsetB() + " and one batch entry, but the product has batch="
                    + product.batch() + " k=" + product.k() + " n=" + product.n() + " transB=" + product.transB() + " ldb="
                    + product.ldb() + " offsetB=" + product.offsetB());
        }
    }

    /** No preparation: the matrix itself ({@link Backend#prepareGemmB}'s default). */
    record Plain(GemmShape shape, Buffer buffer) implements PreparedB {
        @Override
        public void close() {
        }
    }
}
