package io.watershed.ingest.event;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import io.watershed.graph.write.LineageEvent;
import io.watershed.ingest.event.EventRules.EventKindRule;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.UUID;

/**
 * Turns request bytes into events: JSON syntax, then Watershed's structural rules ({@link EventRules}), then the
 * OpenLineage Java model (which types every standard facet), then {@link EventMapper}. Any failure is an {@link
 * InvalidEventException} naming the field and the rule.
 */
@Singleton
public class EventParser {

  /** Deepest JSON nesting accepted; real events stay far below it. */
  static final int MAX_NESTING = 200;

  private final ObjectMapper trees;
  private final ObjectMapper openLineage;

  public EventParser() {
    this.trees = new ObjectMapper();
    trees
        .getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    trees.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.openLineage = OpenLineageClientUtils.newObjectMapper().registerModule(KnownUris.module());
  }

  /** Parses a request body into a JSON tree. */
  public JsonNode readTree(byte[] body) {
    if (body == null || body.length == 0) {
      throw new InvalidEventException("", "the request body is empty; expected a JSON event");
    }
    try {
      return trees.readTree(body);
    } catch (JsonParseException e) {
      var loc = e.getLocation();
      throw new InvalidEventException(
          "", "malformed JSON at line " + loc.getLineNr() + ", column " + loc.getColumnNr());
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("", "malformed JSON: " + e.getClass().getSimpleName());
    } catch (IOException e) {
      throw new InvalidEventException("", "unreadable body");
    }
  }

  /** Validates one event and maps it for the graph. */
  public LineageEvent parse(JsonNode event, ZonedDateTime receivedAt) {
    EventKindRule kind = EventRules.check(event);
    Class<?> type =
        switch (kind) {
          case RUN -> OpenLineage.RunEvent.class;
          case DATASET -> OpenLineage.DatasetEvent.class;
          case JOB -> OpenLineage.JobEvent.class;
        };
    Object typed;
    try {
      typed = openLineage.treeToValue(event, type);
    } catch (JsonMappingException e) {
      throw new InvalidEventException(path(e), typeRule(e), InvalidEventException.Reason.INVALID_FACET);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidEventException("", "not an OpenLineage event: " + e.getClass().getSimpleName());
    }
    return new EventMapper().map(event, typed, receivedAt);
  }

  /** {@code outputs[0].outputFacets.outputStatistics.rowCount} from Jackson's reference path. */
  static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String typeRule(JsonMappingException e) {
    Class<?> target =
        e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m ? m.getTargetType() : null;
    if (target == null) {
      return "has a value of the wrong type for its OpenLineage facet or field";
    }
    if (Number.class.isAssignableFrom(target) && !Double.class.equals(target) && !Float.class.equals(target)
        || target == long.class
        || target == int.class
        || target == BigInteger.class) {
      return "must be an integer";
    }
    if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
      return "must be a number";
    }
    if (Temporal.class.isAssignableFrom(target)) {
      return "must be an RFC 3339 date-time with a UTC offset";
    }
    if (target == UUID.class) {
      return "must be a UUID";
    }
    if (target == URI.class) {
      return "must be a URI";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "must be true or false";
    }
    if (target == String.class) {
      return "must be a string";
    }
    if (Collection.class.isAssignableFrom(target)) {
      return "must be an array";
    }
    return "must be an object of the OpenLineage type " + target.getSimpleName();
  }
}
