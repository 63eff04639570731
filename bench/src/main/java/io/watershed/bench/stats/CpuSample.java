package io.watershed.bench.stats;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time of the whole host (from /proc/stat, Linux only) and of this JVM at one instant. Two samples tell how much
 * of the machine the benchmark itself used, which matters when client and server share a small machine: what the
 * client burns is not available to the server.
 *
 * @param hostBusyTicks host CPU time spent not idle, in USER_HZ ticks (-1 when /proc/stat is unreadable)
 * @param hostTotalTicks all host CPU time, in ticks (-1 when unreadable)
 * @param selfCpuNanos CPU time of this JVM (-1 when the JVM does not tell)
 * @param wallNanos {@link System#nanoTime()} at the sample
 */
public record CpuSample(long hostBusyTicks, long hostTotalTicks, long selfCpuNanos, long wallNanos) {

  private static final Path PROC_STAT = Path.of("/proc/stat");

  public static CpuSample now() {
    long busy = -1;
    long total = -1;
    try {
      List<String> lines = Files.readAllLines(PROC_STAT);
      // "cpu  user nice system idle iowait irq softirq steal guest guest_nice": idle + iowait is the idle time.
      String[] f = lines.get(0).trim().split("\\s+");
      long sum = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) {
        sum += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      total = sum;
      busy = sum - idle;
    } catch (IOException | RuntimeException e) {
      // Not Linux, or an unexpected format: report host CPU as unknown rather than fail the benchmark.
    }
    long self = -1;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      self = os.getProcessCpuTime();
    }
    return new CpuSample(busy, total, self, System.nanoTime());
  }

  /** Host CPU busy share (0..1 of all cores) between two samples, or -1 when unknown. */
  public static double hostBusyShare(CpuSample from, CpuSample to) {
    if (from.hostTotalTicks < 0 || to.hostTotalTicks <= from.hostTotalTicks) {
      return -1;
    }
    return (double) (to.hostBusyTicks - from.hostBusyTicks) / (to.hostTotalTicks - from.hostTotalTicks);
  }

  /** This JVM's CPU use between two samples, in cores (1.0 = one core fully busy), or -1 when unknown. */
  public static double selfCores(CpuSample from, CpuSample to) {
    if (from.selfCpuNanos < 0 || to.wallNanos <= from.wallNanos) {
      return -1;
    }
    return (double) (to.selfCpuNanos - from.selfCpuNanos) / (to.wallNanos - from.wallNanos);
  }
}
