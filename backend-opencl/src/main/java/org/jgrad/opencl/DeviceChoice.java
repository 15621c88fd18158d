package org.jgrad.opencl;

import static org.lwjgl.opencl.CL10.CL_DEVICE_EXTENSIONS;
import static org.lwjgl.opencl.CL10.CL_DEVICE_NAME;
import static org.lwjgl.opencl.CL10.CL_DEVICE_NOT_FOUND;
import static org.lwjgl.opencl.CL10.CL_DEVICE_SINGLE_FP_CONFIG;
import static org.lwjgl.opencl.CL10.CL_DEVICE_TYPE;
import static org.lwjgl.opencl.CL10.CL_DEVICE_TYPE_ALL;
import static org.lwjgl.opencl.CL10.CL_DEVICE_TYPE_CPU;
import static org.lwjgl.opencl.CL10.CL_DEVICE_VERSION;
import static org.lwjgl.opencl.CL10.CL_DRIVER_VERSION;
import static org.lwjgl.opencl.CL10.CL_PLATFORM_NAME;
import static org.lwjgl.opencl.CL10.clGetDeviceIDs;
import static org.lwjgl.opencl.CL10.clGetDeviceInfo;
import static org.lwjgl.opencl.CL10.clGetPlatformIDs;
import static org.lwjgl.opencl.CL10.clGetPlatformInfo;
import static org.lwjgl.opencl.CL12.CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jgrad.backend.BackendUnavailableException;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

/**
 * Finds the OpenCL devices and picks one: {@code -Djgrad.opencl.device} chooses by index in the
 * list or by a case-insensitive piece of the device or platform name; otherwise the first GPU,
 * else the first CPU device. Each step that finds nothing says so in one line: no library, no
 * platform, no device.
 */
final class DeviceChoice {
    static final String DEVICE_PROPERTY = "jgrad.opencl.device";

    private DeviceChoice() {
    }

    /** The device to use, per the property or GPU first. */
    static ClDevice choose() throws BackendUnavailableException {
        List<ClDevice> devices = devices();
        String wanted = System.getProperty(DEVICE_PROPERTY);
        if (wanted == null || wanted.isBlank()) {
            return devices.stream().min(Comparator.comparing(ClDevice::cpu)).orElseThrow();
        }
        String key = wanted.trim().toLowerCase(Locale.ROOT);
        if (key.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(key);
            if (index < devices.size()) {
                return devices.get(index);
            }
        }
        return devices.stream()
                .filter(d -> (d.name() + " " + d.platformName()).toLowerCase(Locale.ROOT).contains(key))
                .findFirst()
                .orElseThrow(() -> new BackendUnavailableException("no OpenCL device matches -D" + DEVICE_PROPERTY + "="
                        + wanted + "; found " + devices.stream().map(ClDevice::describe).toList()));
    }

    /** Every device of every platform, in platform order; fails with the missing step's reason. */
    static List<ClDevice> devices() throws BackendUnavailableException {
        try (JvmSignalHandlers kept = JvmSignalHandlers.keep()) {
            String libraryFailure = OpenClLibrary.load();
            if (libraryFailure != null) {
                throw new BackendUnavailableException(libraryFailure);
            }
            List<ClDevice> found = new ArrayList<>();
            long[] platforms = platforms();
            if (platforms.length == 0) {
                throw new BackendUnavailableException("no OpenCL platform (the OpenCL library loaded but lists no "
                        + "installed driver; on Debian install pocl-opencl-icd or a GPU vendor's ICD)");
            }
            List<String> names = new ArrayList<>();
            for (long platform : platforms) {
                String platformName = info(platform, true, CL_PLATFORM_NAME);
                names.add(platformName);
                for (long device : deviceIds(platform)) {
                    found.add(describe(platform, platformName, device));
                }
            }
            if (found.isEmpty()) {
                throw new BackendUnavailableException("no OpenCL device on platform(s) " + names
                        + " (PoCL reports none when it cannot write its cache: set POCL_CACHE_DIR to a writable folder)");
            }
            return found;
        }
    }

    private static long[] platforms() {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            int code = clGetPlatformIDs(null, count);
            if (code == -1001 || count.get(0) == 0) { // CL_PLATFORM_NOT_FOUND_KHR from the ICD loader
                return new long[0];
            }
            ClError.check(code, "clGetPlatformIDs");
            PointerBuffer ids = stack.mallocPointer(count.get(0));
            ClError.check(clGetPlatformIDs(ids, (IntBuffer) null), "clGetPlatformIDs");
            return toArray(ids);
        }
    }

    private static long[] deviceIds(long platform) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            int code = clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, null, count);
            if (code == CL_DEVICE_NOT_FOUND) {
                return new long[0];
            }
            ClError.check(code, "clGetDeviceIDs");
            PointerBuffer ids = stack.mallocPointer(count.get(0));
            ClError.check(clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, ids, (IntBuffer) null), "clGetDeviceIDs");
            return toArray(ids);
        }
    }

    private static ClDevice describe(long platform, String platformName, long device) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            var type = stack.mallocLong(1);
            ClError.check(clGetDeviceInfo(device, CL_DEVICE_TYPE, type, null), "clGetDeviceInfo(CL_DEVICE_TYPE)");
            boolean cpu = (type.get(0) & CL_DEVICE_TYPE_CPU) != 0;
            boolean fp64 = info(device, false, CL_DEVICE_EXTENSIONS).contains("cl_khr_fp64");
            var fpConfig = stack.mallocLong(1);
            ClError.check(clGetDeviceInfo(device, CL_DEVICE_SINGLE_FP_CONFIG, fpConfig, null),
                    "clGetDeviceInfo(CL_DEVICE_SINGLE_FP_CONFIG)");
            boolean rounded = (fpConfig.get(0) & CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0;
            return new ClDevice(platform, device, platformName, info(device, false, CL_DEVICE_NAME), cpu,
                    info(device, false, CL_DEVICE_VERSION), info(device, false, CL_DRIVER_VERSION), fp64, rounded);
        }
    }

    /** A string property of a platform or device. */
    private static String info(long handle, boolean platform, int param) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            PointerBuffer size = stack.mallocPointer(1);
            String call = platform ? "clGetPlatformInfo" : "clGetDeviceInfo";
            ClError.check(platform ? clGetPlatformInfo(handle, param, (ByteBuffer) null, size)
                    : clGetDeviceInfo(handle, param, (ByteBuffer) null, size), call);
            ByteBuffer text = MemoryUtil.memAlloc((int) size.get(0));
            try {
                ClError.check(platform ? clGetPlatformInfo(handle, param, text, null)
                        : clGetDeviceInfo(handle, param, text, null), call);
                return MemoryUtil.memASCII(text, Math.max(0, text.remaining() - 1)).trim();
            } finally {
                MemoryUtil.memFree(text);
            }
        }
    }

    private static long[] toArray(PointerBuffer ids) {
        long[] out = new long[ids.remaining()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i);
        }
        return out;
    }
}
