package io.watershed.alerts.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one version's schema differs from the previous version's.
 *
 * <p>A field that disappears is <em>removed</em>, unless a new field of the same type took its place (same
 * position in the field list): then it was <em>renamed</em>. A field whose type changed (both types known) is
 * <em>retyped</em>. Removed, renamed and retyped fields break consumers that read them; added fields do not.
 */
public record SchemaDiff(
    List<String> added, List<String> removed, List<Rename> renamed, List<Retype> retyped, Map<String, String> before) {

  /** {@code from} became {@code to}. */
  public record Rename(String from, String to) {}

  /** {@code field} changed type. */
  public record Retype(String field, String from, String to) {}

  public SchemaDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    renamed = List.copyOf(renamed);
    retyped = List.copyOf(retyped);
    before = Map.copyOf(before);
  }

  public static SchemaDiff between(List<SchemaField> previous, List<SchemaField> current) {
    Map<String, SchemaField> old = byName(previous);
    Map<String, SchemaField> now = byName(current);
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<Rename> renamed = new ArrayList<>();
    List<Retype> retyped = new ArrayList<>();
    for (SchemaField f : current) {
      if (!old.containsKey(f.name())) {
        added.add(f.name());
      }
    }
    for (int i = 0; i < previous.size(); i++) {
      SchemaField f = previous.get(i);
      SchemaField same = now.get(f.name());
      if (same == null) {
        SchemaField successor = i < current.size() ? current.get(i) : null;
        boolean rename = successor != null
            && added.contains(successor.name())
            && f.type() != null
            && SchemaField.normalType(f.type()).equals(SchemaField.normalType(successor.type()));
        if (rename) {
          renamed.add(new Rename(f.name(), successor.name()));
          added.remove(successor.name());
        } else {
          removed.add(f.name());
        }
      } else if (f.type() != null && same.type() != null
          && !SchemaField.normalType(f.type()).equals(SchemaField.normalType(same.type()))) {
        retyped.add(new Retype(f.name(), f.type(), same.type()));
      }
    }
    Map<String, String> before = new LinkedHashMap<>();
    old.forEach((name, f) -> before.put(name, f.type() == null ? "" : f.type()));
    return new SchemaDiff(added, removed, renamed, retyped, before);
  }

  public boolean breaking() {
    return !removed.isEmpty() || !renamed.isEmpty() || !retyped.isEmpty();
  }

  public boolean changed() {
    return breaking() || !added.isEmpty();
  }

  /** The fields consumers can no longer read as before: removed, renamed (old names) and retyped. */
  public List<String> brokenFields() {
    List<String> out = new ArrayList<>(removed);
    renamed.forEach(r -> out.add(r.from()));
    retyped.forEach(r -> out.add(r.field()));
    return out;
  }

  /** Each broken field with its type before the change. */
  public Map<String, String> brokenTypes() {
    Map<String, String> out = new LinkedHashMap<>();
    brokenFields().forEach(f -> out.put(f, before.getOrDefault(f, "")));
    return out;
  }

  /** True when {@code later} has every broken field again, with its old type where that was known. */
  public static boolean restores(Map<String, String> brokenTypes, List<SchemaField> later) {
    Map<String, SchemaField> now = byName(later);
    for (Map.Entry<String, String> broken : brokenTypes.entrySet()) {
      SchemaField f = now.get(broken.getKey());
      if (f == null) {
        return false;
      }
      if (!broken.getValue().isEmpty() && f.type() != null
          && !SchemaField.normalType(broken.getValue()).equals(SchemaField.normalType(f.type()))) {
        return false;
      }
    }
    return true;
  }

  /** One line for people, e.g. "removed amount; renamed cust to customer_id; retyped price from INT to STRING". */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (!removed.isEmpty()) {
      parts.add("removed " + String.join(", ", removed));
    }
    renamed.forEach(r -> parts.add("renamed " + r.from() + " to " + r.to()));
    retyped.forEach(r -> parts.add("retyped " + r.field() + " from " + r.from() + " to " + r.to()));
    if (!added.isEmpty()) {
      parts.add("added " + String.join(", ", added));
    }
    return String.join("; ", parts);
  }

  private static Map<String, SchemaField> byName(List<SchemaField> fields) {
    Map<String, SchemaField> out = new LinkedHashMap<>();
    fields.forEach(f -> out.putIfAbsent(f.name(), f));
    return out;
  }
}
