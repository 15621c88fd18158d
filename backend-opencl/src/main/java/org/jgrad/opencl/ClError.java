package org.jgrad.opencl;

import java.util.Map;

/** Turns OpenCL return codes into exceptions that name the call and the error. */
final class ClError {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(-1, "CL_DEVICE_NOT_FOUND"), Map.entry(-2, "CL_DEVICE_NOT_AVAILABLE"),
            Map.entry(-3, "CL_COMPILER_NOT_AVAILABLE"), Map.entry(-4, "CL_MEM_OBJECT_ALLOCATION_FAILURE"),
            Map.entry(-5, "CL_OUT_OF_RESOURCES"), Map.entry(-6, "CL_OUT_OF_HOST_MEMORY"),
            Map.entry(-11, "CL_BUILD_PROGRAM_FAILURE"), Map.entry(-30, "CL_INVALID_VALUE"),
            Map.entry(-33, "CL_INVALID_DEVICE"), Map.entry(-34, "CL_INVALID_CONTEXT"),
            Map.entry(-36, "CL_INVALID_COMMAND_QUEUE"), Map.entry(-38, "CL_INVALID_MEM_OBJECT"),
            Map.entry(-42, "CL_INVALID_BINARY"), Map.entry(-44, "CL_INVALID_PROGRAM"),
            Map.entry(-46, "CL_INVALID_KERNEL_NAME"), Map.entry(-48, "CL_INVALID_KERNEL"),
            Map.entry(-49, "CL_INVALID_ARG_INDEX"), Map.entry(-50, "CL_INVALID_ARG_VALUE"),
            Map.entry(-51, "CL_INVALID_ARG_SIZE"), Map.entry(-52, "CL_INVALID_KERNEL_ARGS"),
            Map.entry(-54, "CL_INVALID_WORK_GROUP_SIZE"), Map.entry(-55, "CL_INVALID_WORK_ITEM_SIZE"),
            Map.entry(-61, "CL_INVALID_BUFFER_SIZE"), Map.entry(-1001, "CL_PLATFORM_NOT_FOUND_KHR"));

    private ClError() {
    }

    /** Throws unless {@code code} is CL_SUCCESS. */
    static void check(int code, String call) {
        if (code != 0) {
            throw new OpenClException(call, code, NAMES.getOrDefault(code, "error " + code));
        }
    }

    /** Whether {@code code} says the device ran out of memory, which the allocator answers by emptying its cache. */
    static boolean outOfMemory(int code) {
        return code == -4 || code == -5;
    }
}
