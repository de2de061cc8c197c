package io.github.mitakemms.camel.bench;

import java.lang.management.ManagementFactory;

/** What this JVM has spent so far: CPU time of the process and bytes allocated in the heap by all its threads. */
public final class JvmCounters {

    private JvmCounters() {
    }

    /** The process CPU time in nanoseconds, all threads (application, GC, JIT); -1 when the JVM cannot tell. */
    public static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Milliseconds the JIT compilers have spent so far; -1 when the JVM cannot tell. */
    public static long compilationMillis() {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /** Bytes allocated in the heap by every thread since the JVM started, terminated threads included. */
    public static long allocatedBytes() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                ? threads.getTotalThreadAllocatedBytes() : -1;
    }
}
