package io.watershed.server.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.OpenLineageClientUtils;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/** Sends events the way integrations do: the real OpenLineage Java client over its HTTP transport. */
public final class Emitter implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final OpenLineageClient client;

  public Emitter(String baseUrl, HttpConfig.Compression compression) {
    HttpConfig config = new HttpConfig();
    config.setUrl(URI.create(baseUrl));
    config.setEndpoint("/api/v1/lineage");
    config.setTimeoutInMillis(30_000);
    config.setCompression(compression);
    this.client = OpenLineageClient.builder().transport(new HttpTransport(config)).build();
  }

  public Emitter(String baseUrl) {
    this(baseUrl, null);
  }

  /** Parses the JSON with the client's model (as an integration would hold it) and emits it. */
  public void emitJson(String json) {
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (tree.has("run")) {
      client.emit(OpenLineageClientUtils.runEventFromJson(json));
    } else if (tree.has("dataset")) {
      client.emit(OpenLineageClientUtils.fromJson(json, new TypeReference<OpenLineage.DatasetEvent>() {}));
    } else {
      client.emit(OpenLineageClientUtils.fromJson(json, new TypeReference<OpenLineage.JobEvent>() {}));
    }
  }

  public void emit(OpenLineage.RunEvent event) {
    client.emit(event);
  }

  @Override
  public void close() throws Exception {
    client.close();
  }
}
