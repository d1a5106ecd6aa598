package org.nelm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by all processes named postgres, in ms, from Linux's /proc (zeros
 * elsewhere). The benchmarks run client, service and database on one machine, so on a CPU-bound run this tells
 * which side an operation's time goes to.
 */
final class CpuTime {

    /** /proc reports in clock ticks, 100 per second on Linux. */
    private static final int MS_PER_TICK = 10;

    private CpuTime() {
    }

    static long[] jvmAndPostgres() {
        long jvm = ticks(Path.of("/proc/self/stat"));
        long postgres = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                if (process.getFileName().toString().chars().allMatch(Character::isDigit)
                        && "postgres".equals(read(process.resolve("comm")).strip())) {
                    postgres += ticks(process.resolve("stat"));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            return new long[] {0, 0};
        }
        return new long[] {jvm * MS_PER_TICK, postgres * MS_PER_TICK};
    }

    /** utime + stime, fields 14 and 15 of /proc/<pid>/stat (counted after the parenthesized command name). */
    private static long ticks(Path stat) {
        String text = read(stat);
        if (text.isEmpty()) {
            return 0;
        }
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException processEnded) {
            return "";
        }
    }
}
