package org.jgrad.opencl;

import static org.lwjgl.opencl.CL10.CL_PROGRAM_BINARIES;
import static org.lwjgl.opencl.CL10.CL_PROGRAM_BINARY_SIZES;
import static org.lwjgl.opencl.CL10.CL_PROGRAM_BUILD_LOG;
import static org.lwjgl.opencl.CL10.clBuildProgram;
import static org.lwjgl.opencl.CL10.clCreateProgramWithBinary;
import static org.lwjgl.opencl.CL10.clCreateProgramWithSource;
import static org.lwjgl.opencl.CL10.clGetProgramBuildInfo;
import static org.lwjgl.opencl.CL10.clGetProgramInfo;
import static org.lwjgl.opencl.CL10.clReleaseProgram;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * Builds the kernel program for a device, keeping the compiled binary on disk so later runs skip
 * the compiler. The file name is a SHA-256 of the device, driver, build options and source, so a
 * changed kernel or driver builds afresh; a binary the driver rejects is rebuilt from source.
 * The folder is {@code -Djgrad.opencl.cache}, else {@code ~/.cache/jgrad/opencl}, created when
 * missing; when it cannot be written the program is still built, just not kept.
 */
final class ProgramCache {
    static final String CACHE_PROPERTY = "jgrad.opencl.cache";
    private static final System.Logger LOG = System.getLogger(ProgramCache.class.getName());

    private ProgramCache() {
    }

    static Path directory() {
        String set = System.getProperty(CACHE_PROPERTY);
        return set != null && !set.isBlank() ? Path.of(set)
                : Path.of(System.getProperty("user.home"), ".cache", "jgrad", "opencl");
    }

    /** The built program for {@code device}: from the cached binary when there is a good one, else compiled. */
    static long build(long context, ClDevice device, String source, String options) {
        Path file = directory().resolve(key(device, source, options) + ".bin");
        if (Files.isReadable(file)) {
            try {
                long program = fromBinary(context, device, Files.readAllBytes(file), options);
                if (program != 0) {
                    return program;
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot read " + file + ": " + e.getMessage());
            }
            LOG.log(System.Logger.Level.INFO, "cached OpenCL binary " + file + " was rejected; rebuilding");
        }
        long program = fromSource(context, device, source, options);
        store(program, file);
        return program;
    }

    private static long fromSource(long context, ClDevice device, String source, String options) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var error = stack.mallocInt(1);
            long program = clCreateProgramWithSource(context, source, error);
            ClError.check(error.get(0), "clCreateProgramWithSource");
            int code = clBuildProgram(program, device.id(), options, null, 0);
            if (code != 0) {
                String log = buildLog(program, device);
                clReleaseProgram(program);
                throw new IllegalStateException("OpenCL kernels failed to build on " + device.describe() + " (error "
                        + code + "):\n" + log);
            }
            return program;
        }
    }

    /** The program from a binary, or 0 when the driver does not accept it. */
    private static long fromBinary(long context, ClDevice device, byte[] binary, String options) {
        ByteBuffer bytes = MemoryUtil.memAlloc(binary.length).put(binary).flip();
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var error = stack.mallocInt(1);
            var status = stack.mallocInt(1);
            long program = clCreateProgramWithBinary(context, stack.pointers(device.id()), bytes, status, error);
            if (error.get(0) != 0 || status.get(0) != 0) {
                if (program != 0) {
                    clReleaseProgram(program);
                }
                return 0;
            }
            if (clBuildProgram(program, device.id(), options, null, 0) != 0) {
                clReleaseProgram(program);
                return 0;
            }
            return program;
        } finally {
            MemoryUtil.memFree(bytes);
        }
    }

    /** Writes the program's binary atomically (temp file, then rename); a failure only costs the next run a build. */
    private static void store(long program, Path file) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer size = stack.mallocPointer(1);
            ClError.check(clGetProgramInfo(program, CL_PROGRAM_BINARY_SIZES, size, null), "clGetProgramInfo(sizes)");
            ByteBuffer binary = MemoryUtil.memAlloc((int) size.get(0));
            try {
                PointerBuffer where = stack.pointers(binary);
                ClError.check(clGetProgramInfo(program, CL_PROGRAM_BINARIES, where, null), "clGetProgramInfo(binaries)");
                byte[] bytes = new byte[binary.remaining()];
                binary.get(bytes);
                Files.createDirectories(file.getParent());
                Path temp = Files.createTempFile(file.getParent(), "program", ".tmp");
                Files.write(temp, bytes);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot cache the OpenCL program in " + file.getParent() + ": " + e);
            } finally {
                MemoryUtil.memFree(binary);
            }
        }
    }

    private static String buildLog(long program, ClDevice device) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer size = stack.mallocPointer(1);
            clGetProgramBuildInfo(program, device.id(), CL_PROGRAM_BUILD_LOG, (ByteBuffer) null, size);
            ByteBuffer log = MemoryUtil.memAlloc((int) size.get(0));
            try {
                clGetProgramBuildInfo(program, device.id(), CL_PROGRAM_BUILD_LOG, log, null);
                return MemoryUtil.memASCII(log, Math.max(0, log.remaining() - 1));
            } finally {
                MemoryUtil.memFree(log);
            }
        }
    }

    private static String key(ClDevice device, String source, String options) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String identity = device.platformName() + '\n' + device.name() + '\n' + device.version() + '\n'
                    + device.driver() + '\n' + options + '\n';
            sha.update(identity.getBytes(StandardCharsets.UTF_8));
            sha.update(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
