package io.watershed.quality.contract;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns an unknown key into a helpful sentence: the known key it was probably meant to be, or the list of them. */
final class KeySuggestions {

  private KeySuggestions() {}

  static String unknownKey(String key, Collection<String> known) {
    Optional<String> suggestion = closest(key, known);
    if (suggestion.isPresent()) {
      return "is not a known key; did you mean '" + suggestion.get() + "'?";
    }
    return "is not a known key; expected one of: " + known.stream().sorted().collect(Collectors.joining(", "));
  }

  static Optional<String> closest(String key, Collection<String> known) {
    String folded = fold(key);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      // Same letters, other case or separators: outputPorts, output-ports, OUTPUT_PORTS.
      if (fold(candidate).equals(folded)) {
        return Optional.of(candidate);
      }
      int distance = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    int allowed = key.length() <= 4 ? 1 : 2;
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  private static String fold(String key) {
    return key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
  }

  /** Levenshtein distance; keys are short, so the quadratic table is fine. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
