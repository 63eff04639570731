package io.watershed.bench.mesh;

import io.openlineage.client.OpenLineageClientUtils;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the first N events of a mesh as NDJSON (one event per line), for tools that replay files. */
public final class NdjsonWriter {

  private NdjsonWriter() {}

  /** Writes events [first, first + count) and returns the number of bytes written. */
  public static long write(EventFactory events, long first, long count, Path file) throws IOException {
    long bytes = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long i = first; i < first + count; i++) {
        String json = OpenLineageClientUtils.toJson(events.eventAt(i));
        out.write(json);
        out.write('\n');
        bytes += json.getBytes(StandardCharsets.UTF_8).length + 1;
      }
    }
    return bytes;
  }
}
