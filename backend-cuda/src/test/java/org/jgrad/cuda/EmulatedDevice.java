package org.jgrad.cuda;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import jcuda.driver.CUdeviceptr;
import org.jgrad.backend.device.CachingAllocator;
import org.jgrad.backend.device.DeviceMemory;

/**
 * The CUDA backend's device parts over the host emulation's "serve" mode: memory, copies and
 * launches go to a child process that runs the kernels' source (host_emulation.cpp). With it the
 * real CudaBackend, its argument packing and the kernels' logic run end to end without a GPU; the
 * driver, cuBLAS and the GPU's arithmetic are not part of it.
 */
final class EmulatedDevice implements DeviceMemory<CUdeviceptr>, Transfers, Launcher {
    private final Process process;
    private final OutputStream out;
    private final InputStream in;
    private final Map<CUdeviceptr, Long> addresses = new IdentityHashMap<>();

    private EmulatedDevice() {
        try {
            process = new ProcessBuilder(HostEmulation.binary().toString(), "serve")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        in = new BufferedInputStream(process.getInputStream(), 1 << 16);
    }

    /** A CUDA backend whose device is the host emulation. */
    static CudaBackend backend() {
        EmulatedDevice device = new EmulatedDevice();
        return new CudaBackend(new CudaBackend.Parts("host emulation", new CachingAllocator<>("cuda", device), device, device,
                new CudaGemm(device, null, false), device::shutdown));
    }

    private static ByteBuffer le(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private synchronized void send(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("host emulation died", e);
        }
    }

    private synchronized byte[] receive(int bytes) {
        try {
            out.flush();
            byte[] data = in.readNBytes(bytes);
            if (data.length != bytes) {
                throw new IllegalStateException("host emulation died (exit " + process.waitFor() + ")");
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized CUdeviceptr allocate(long bytes) {
        send(le(9).put((byte) 'A').putLong(bytes).array());
        long address = le(8).put(receive(8)).getLong(0);
        CUdeviceptr pointer = new CUdeviceptr();
        addresses.put(pointer, address);
        return pointer;
    }

    @Override
    public synchronized void release(CUdeviceptr block) {
        send(le(9).put((byte) 'F').putLong(addresses.remove(block)).array());
    }

    @Override
    public long freeBytes() {
        return Long.MAX_VALUE;
    }

    @Override
    public synchronized void upload(float[] src, CudaBuffer dst) {
        ByteBuffer data = le(4 * src.length);
        data.asFloatBuffer().put(src);
        upload(dst, data.array());
    }

    @Override
    public synchronized void upload(int[] src, CudaBuffer dst) {
        ByteBuffer data = le(4 * src.length);
        data.asIntBuffer().put(src);
        upload(dst, data.array());
    }

    private void upload(CudaBuffer dst, byte[] data) {
        Checks.length("upload", "host array", data.length / 4, dst.length());
        if (data.length > 0) {
            send(le(17).put((byte) 'U').putLong(addresses.get(dst.pointer())).putLong(data.length).array());
            send(data);
        }
    }

    private synchronized ByteBuffer download(CudaBuffer src, int offset, int count) {
        if (count == 0) {
            return le(0);
        }
        send(le(17).put((byte) 'D').putLong(addresses.get(src.pointer()) + 4L * offset).putLong(4L * count).array());
        return le(4 * count).put(receive(4 * count)).flip();
    }

    @Override
    public float[] downloadFloat(CudaBuffer src) {
        float[] values = new float[src.length()];
        download(src, 0, values.length).asFloatBuffer().get(values);
        return values;
    }

    @Override
    public int[] downloadInt(CudaBuffer src) {
        int[] values = new int[src.length()];
        download(src, 0, values.length).asIntBuffer().get(values);
        return values;
    }

    @Override
    public int readInt(CudaBuffer src, int index) {
        return download(src, index, 1).getInt(0);
    }

    @Override
    public void synchronize() {
    }

    @Override
    public synchronized void launch(String kernel, int gridX, int gridY, int gridZ, int blockX, int blockY,
                                    Object... args) {
        byte[] name = kernel.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer head = le(1 + 4 + name.length + 6 * 4).put((byte) 'L').putInt(name.length).put(name)
                .putInt(gridX).putInt(gridY).putInt(gridZ).putInt(blockX).putInt(blockY).putInt(args.length);
        send(head.array());
        for (Object arg : args) {
            byte[] bytes = bytes(arg);
            send(le(4).putInt(bytes.length).array());
            send(bytes);
        }
    }

    private byte[] bytes(Object arg) {
        if (arg == null) {
            return new byte[8];
        } else if (arg instanceof Integer v) {
            return le(4).putInt(v).array();
        } else if (arg instanceof Boolean v) {
            return le(4).putInt(v ? 1 : 0).array();
        } else if (arg instanceof Float v) {
            return le(4).putFloat(v).array();
        } else if (arg instanceof Long v) {
            return le(8).putLong(v).array();
        } else if (arg instanceof byte[] struct) {
            return struct;
        } else if (arg instanceof CUdeviceptr pointer) {
            return le(8).putLong(addresses.get(pointer)).array();
        }
        throw new IllegalArgumentException("cannot pass " + arg);
    }

    /** Nothing: the backend closes its launcher before its memory, which still needs the process. */
    @Override
    public void close() {
    }

    /** Ends the child process; the backend's last step on close. */
    private synchronized void shutdown() {
        try {
            out.close();
            process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
