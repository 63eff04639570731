package io.watershed.quality.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProductNameTest {

  @ParameterizedTest
  @ValueSource(strings = {"customer-lifetime-value", "orders_v2", "a", "sales.eu.daily", "0"})
  void shouldAcceptLowercaseLettersDigitsDashUnderscoreAndDot(String name) {
    assertThat(ProductName.of(name).value()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Customer", "customer value", "customer/value", "clv!", "é"})
  void shouldRejectOtherCharacters(String name) {
    assertThatThrownBy(() -> ProductName.of(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ProductName.RULE);
  }

  @Test
  void shouldRejectNamesLongerThan128Characters() {
    assertThat(ProductName.isValid("a".repeat(128))).isTrue();
    assertThat(ProductName.isValid("a".repeat(129))).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "My Quantum, my-quantum",
    "my_table, my_table",
    "'  Air Quality (NYC)!  ', air-quality-nyc",
    "53581432-6C55-4BA2-A65F-72344A91553A, 53581432-6c55-4ba2-a65f-72344a91553a",
    "--Orders--, orders",
    "Données clients, donn-es-clients"
  })
  void shouldNormalizeFreeFormNames(String raw, String expected) {
    assertThat(ProductName.normalize(raw)).contains(ProductName.of(expected));
  }

  @Test
  void shouldNormalizeToEmptyWhenNothingUsableIsLeft() {
    assertThat(ProductName.normalize("!!!")).isEmpty();
    assertThat(ProductName.normalize("   ")).isEmpty();
    assertThat(ProductName.normalize(null)).isEmpty();
  }

  @Test
  void shouldCutNormalizedNamesTo128Characters() {
    assertThat(ProductName.normalize("x".repeat(127) + " yz")).contains(ProductName.of("x".repeat(127)));
  }
}
