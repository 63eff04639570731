package io.watershed.graph.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NodeIdTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "dataset:postgres://db:5432:shop.public.orders|DATASET|postgres://db:5432|shop.public.orders",
        "dataset:s3://bucket:path/to/file.parquet|DATASET|s3://bucket|path/to/file.parquet",
        "dataset:gs://mock-bucket:test.csv|DATASET|gs://mock-bucket|test.csv",
        "dataset:file:/tmp/cll_test/tbl1|DATASET|file|/tmp/cll_test/tbl1",
        "dataset:bigquery:proj.ds.table|DATASET|bigquery|proj.ds.table",
        "job:airflow:dag.task|JOB|airflow|dag.task",
        "job:my-scheduler-namespace:myjob.mytask|JOB|my-scheduler-namespace|myjob.mytask",
        "dataset:kafka://broker:9092:orders:v2|DATASET|kafka://broker:9092|orders:v2"
      })
  void shouldSplitNamespaceAndName(String text, String type, String namespace, String name) {
    NodeId id = NodeId.parse(text);
    assertThat(id.type().name()).isEqualTo(type);
    assertThat(id.namespace()).isEqualTo(namespace);
    assertThat(id.name()).isEqualTo(name);
    assertThat(id.toString()).isEqualTo(text);
  }

  @Test
  void shouldTakeTheFieldAfterTheLastColon() {
    NodeId id = NodeId.parse("datasetField:postgres://db:5432:shop.public.orders:amount");
    assertThat(id.namespace()).isEqualTo("postgres://db:5432");
    assertThat(id.name()).isEqualTo("shop.public.orders");
    assertThat(id.field()).isEqualTo("amount");
  }

  @Test
  void shouldRejectWhatCannotBeANodeId() {
    assertThatThrownBy(() -> NodeId.parse("table:a:b")).hasMessageContaining("unknown node type");
    assertThatThrownBy(() -> NodeId.parse("dataset:only-namespace")).hasMessageContaining("name is missing");
    assertThatThrownBy(() -> NodeId.parse("")).isInstanceOf(InvalidNodeIdException.class);
    assertThatThrownBy(() -> NodeId.parse("datasetField:ns:table")).hasMessageContaining("datasetField");
  }
}
