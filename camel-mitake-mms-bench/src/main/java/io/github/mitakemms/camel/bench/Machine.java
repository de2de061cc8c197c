package io.github.mitakemms.camel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", " + System.getProperty("java.vm.name")
               + " " + System.getProperty("java.runtime.version") + ", " + System.getProperty("os.name") + " "
               + System.getProperty("os.arch");
    }

    /**
     * The 1-minute load average, or "?" off Linux. It counts the harness's own runnable threads too (16 senders and
     * their HTTP threads at 0 ms latency), so it tells what else ran only when compared across runs.
     */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
