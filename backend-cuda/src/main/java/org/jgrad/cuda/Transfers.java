package org.jgrad.cuda;

/** Host-device copies; only the downloads wait for queued work. */
interface Transfers {
    void upload(float[] src, CudaBuffer dst);

    void upload(int[] src, CudaBuffer dst);

    float[] downloadFloat(CudaBuffer src);

    int[] downloadInt(CudaBuffer src);

    /** One int at element {@code index} of an INT32 buffer. */
    int readInt(CudaBuffer src, int index);

    /** Waits for all queued work. */
    void synchronize();
}
