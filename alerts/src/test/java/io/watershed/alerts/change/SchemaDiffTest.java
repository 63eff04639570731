package io.watershed.alerts.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

  private static List<SchemaField> fields(String... spec) {
    return Arrays.stream(spec)
        .map(s -> s.split(":"))
        .map(p -> new SchemaField(p[0], p.length > 1 ? p[1] : null))
        .toList();
  }

  @Test
  void shouldFindNothingBetweenEqualSchemasWhateverTheTypeCase() {
    SchemaDiff diff = SchemaDiff.between(fields("id:INT64", "name:STRING"), fields("id:int64", "name: string "));

    assertThat(diff.changed()).isFalse();
  }

  @Test
  void shouldCallAddedFieldsNonBreaking() {
    SchemaDiff diff = SchemaDiff.between(fields("id:INT64"), fields("id:INT64", "email:STRING"));

    assertThat(diff.breaking()).isFalse();
    assertThat(diff.added()).containsExactly("email");
    assertThat(diff.describe()).isEqualTo("added email");
  }

  @Test
  void shouldTellRemovedFromRenamedFromRetyped() {
    SchemaDiff diff = SchemaDiff.between(
        fields("id:INT64", "cust:STRING", "amount:NUMERIC", "note:STRING"),
        fields("id:STRING", "customer:STRING", "amount:NUMERIC"));

    assertThat(diff.breaking()).isTrue();
    assertThat(diff.removed()).containsExactly("note");
    assertThat(diff.renamed()).containsExactly(new SchemaDiff.Rename("cust", "customer"));
    assertThat(diff.retyped()).containsExactly(new SchemaDiff.Retype("id", "INT64", "STRING"));
    assertThat(diff.added()).isEmpty();
    assertThat(diff.brokenTypes()).containsExactly(
        Map.entry("note", "STRING"), Map.entry("cust", "STRING"), Map.entry("id", "INT64"));
  }

  @Test
  void shouldNotCallItARenameWhenTheTypeDiffersOrIsUnknown() {
    assertThat(SchemaDiff.between(fields("a:INT64"), fields("b:STRING")).removed()).containsExactly("a");
    assertThat(SchemaDiff.between(fields("a"), fields("b")).removed()).containsExactly("a");
    assertThat(SchemaDiff.between(fields("a:INT64"), fields("a")).changed()).as("unknown type is no retype").isFalse();
  }

  @Test
  void shouldKnowWhenALaterSchemaRestoresTheBrokenFields() {
    Map<String, String> broken = Map.of("amount", "NUMERIC", "note", "");

    assertThat(SchemaDiff.restores(broken, fields("amount:numeric", "note:STRING", "extra:INT64"))).isTrue();
    assertThat(SchemaDiff.restores(broken, fields("amount:STRING", "note:STRING"))).isFalse();
    assertThat(SchemaDiff.restores(broken, fields("amount:NUMERIC"))).isFalse();
  }

  @Test
  void shouldReadStoredSchemas() {
    assertThat(SchemaField.parseList("[{\"name\":\"id\",\"type\":\"INT64\"},{\"name\":\"x\"},{\"type\":\"T\"}]"))
        .containsExactly(new SchemaField("id", "INT64"), new SchemaField("x", null));
    assertThat(SchemaField.parseList("garbage")).isEmpty();
    assertThat(SchemaField.parseList(null)).isEmpty();
  }
}
