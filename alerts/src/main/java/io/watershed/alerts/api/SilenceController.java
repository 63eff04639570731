package io.watershed.alerts.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.watershed.alerts.api.ApiViews.SilenceList;
import io.watershed.alerts.api.ApiViews.SilenceRequest;
import io.watershed.alerts.api.ApiViews.SilenceView;
import io.watershed.alerts.silence.Silence;
import io.watershed.alerts.silence.SilenceStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;

/**
 * Silences with expiry: {@code GET/POST /api/v1/silences}, {@code DELETE /api/v1/silences/{id}} (ends it now).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SilenceController {

  /** A silence longer than this is refused: forgotten silences are how real alerts get missed. */
  static final Duration MAX_SILENCE = Duration.ofDays(30);

  private final SilenceStore silences;
  private final InstantSource clock;

  public SilenceController(SilenceStore silences, InstantSource clock) {
    this.silences = silences;
    this.clock = clock;
  }

  /** @param all include silences that have ended */
  @Get("/silences")
  public SilenceList list(@Nullable @QueryValue Boolean all) {
    Instant now = clock.instant();
    return new SilenceList(
        silences.list(Boolean.TRUE.equals(all), now, 0, Params.MAX_LIMIT).stream()
            .map(s -> SilenceView.of(s, now))
            .toList());
  }

  @Post("/silences")
  public HttpResponse<SilenceView> create(@Nullable @Body SilenceRequest body) {
    if (body == null) {
      throw new BadParameterException("body", "a JSON object with createdBy, a matcher and endsAt or duration");
    }
    Instant now = clock.instant();
    String createdBy = Params.required("createdBy", body.createdBy());
    String product = Params.optional(body.product());
    String fingerprint = Params.optional(body.fingerprint());
    String node = Params.optional(body.rootCauseNode());
    if (product == null && fingerprint == null && node == null) {
      throw new BadParameterException("product", "give at least one of product, fingerprint or rootCauseNode");
    }
    Instant startsAt = Params.instant("startsAt", body.startsAt());
    startsAt = startsAt == null ? now : startsAt;
    Instant endsAt = Params.instant("endsAt", body.endsAt());
    Duration duration = Params.duration("duration", body.duration());
    if (endsAt != null && duration != null) {
      throw new BadParameterException("duration", "give endsAt or duration, not both");
    }
    if (endsAt == null && duration == null) {
      throw new BadParameterException("endsAt", "give endsAt or duration");
    }
    if (endsAt == null) {
      if (duration.isNegative() || duration.isZero()) {
        throw new BadParameterException("duration", "must be positive");
      }
      endsAt = startsAt.plus(duration);
    }
    if (!endsAt.isAfter(now) || !endsAt.isAfter(startsAt)) {
      throw new BadParameterException("endsAt", "must be in the future and after startsAt");
    }
    if (Duration.between(startsAt, endsAt).compareTo(MAX_SILENCE) > 0) {
      throw new BadParameterException(body.duration() != null ? "duration" : "endsAt", "a silence lasts 30 days at most");
    }
    String comment = Params.optional(body.comment());
    Silence silence = silences.create(new Silence(UUID.randomUUID().toString().replace("-", "").substring(0, 16),
        product, fingerprint, node, startsAt, endsAt, createdBy, comment, now));
    return HttpResponse.created(SilenceView.of(silence, now), URI.create("/api/v1/silences/" + silence.id()));
  }

  /** Ends a silence now; what it held back is planned again. */
  @Delete("/silences/{id}")
  public SilenceView expire(@PathVariable String id) {
    Instant now = clock.instant();
    return silences.expire(id, now)
        .map(s -> SilenceView.of(s, now))
        .orElseThrow(() -> new ResourceNotFoundException("silence", id));
  }
}
