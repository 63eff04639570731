package io.watershed.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.watershed.graph.testing.TestNeo4j;
import io.watershed.server.support.Http;
import io.watershed.server.support.SharedNeo4jTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With API keys configured, ingest requires {@code Authorization: Bearer <key>}. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyIT implements SharedNeo4jTest {

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(SharedNeo4jTest.super.getProperties());
    p.put("watershed.ingest.api-keys", "key-one,key-two");
    return p;
  }

  @Test
  void shouldRequireAValidBearerKey() {
    TestNeo4j.shared().clean();
    Http http = new Http(server.getURL().toString());
    String event = IngestBehaviourIT.lifecycle().get(0);
    Http.Response none = http.post("/api/v1/lineage", event);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().get("field").asText()).isEqualTo("Authorization");
    assertThat(http.post("/api/v1/lineage", event, "Authorization", "Bearer wrong").status()).isEqualTo(401);
    assertThat(http.post("/api/v1/lineage", event, "Authorization", "Bearer key-two").status()).isEqualTo(201);
  }
}
