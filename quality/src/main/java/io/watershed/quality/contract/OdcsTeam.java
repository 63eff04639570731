package io.watershed.quality.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The owners of an ODCS contract: the team's {@code name}, plus the {@code username} of every current member whose
 * {@code role} mentions "owner" ({@code Owner}, {@code Data Owner} ...). When that gives nobody, every current member
 * is an owner. A member is current unless their {@code dateOut} is today or earlier. ODCS 3.1 writes {@code team} as
 * an object; the older list of members is read too.
 */
final class OdcsTeam {

  private OdcsTeam() {}

  static List<String> owners(JsonNode team, LocalDate today) {
    if (team.isMissingNode() || team.isNull()) {
      return List.of();
    }
    JsonNode members = team.isArray() ? team : team.path("members");
    Set<String> owners = new LinkedHashSet<>();
    String teamName = team.path("name").asText("").strip();
    if (!teamName.isEmpty()) {
      owners.add(teamName);
    }
    List<String> current = new ArrayList<>();
    for (JsonNode member : members) {
      String username = member.path("username").asText("").strip();
      if (username.isEmpty() || hasLeft(member, today)) {
        continue;
      }
      current.add(username);
      if (member.path("role").asText("").toLowerCase(Locale.ROOT).contains("owner")) {
        owners.add(username);
      }
    }
    if (owners.isEmpty()) {
      owners.addAll(current);
    }
    return List.copyOf(owners);
  }

  private static boolean hasLeft(JsonNode member, LocalDate today) {
    String dateOut = member.path("dateOut").asText("").strip();
    if (dateOut.isEmpty()) {
      return false;
    }
    try {
      return !LocalDate.parse(dateOut).isAfter(today);
    } catch (DateTimeParseException e) {
      return false; // the schema checks the format; an unreadable date does not remove an owner
    }
  }
}
