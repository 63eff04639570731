package io.watershed.quality.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * Reads one contract document in either form: Watershed's short form (a top-level {@code spec}) or ODCS v3 (a
 * top-level {@code apiVersion} and {@code kind: DataContract}), YAML or JSON. Thread-safe; share one instance.
 *
 * <p>A document is either accepted whole or rejected with every problem found, each naming its field and line.
 */
public final class ContractParser {

  /** Contracts are small; anything bigger than this is a mistake or an attack and is refused unread. */
  public static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

  private final OdcsParser odcs;

  public ContractParser() {
    this(Clock.systemUTC());
  }

  /** @param clock today's date decides which ODCS team members have left ({@code dateOut}) */
  public ContractParser(Clock clock) {
    this.odcs = new OdcsParser(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * @throws ContractValidationException with every problem found when the document is not an acceptable contract
   */
  public DataProductContract parse(String text) {
    Objects.requireNonNull(text, "text");
    SourceDocument document = SourceDocumentReader.read(text);
    return switch (detect(document)) {
      case SHORT -> ShortFormParser.parse(document);
      case ODCS -> odcs.parse(document);
    };
  }

  /**
   * Parses UTF-8 bytes (a file, a request body). The size is checked before anything is decoded.
   *
   * @throws ContractValidationException when the bytes are too many, not UTF-8, or not an acceptable contract
   */
  public DataProductContract parse(byte[] utf8) {
    Objects.requireNonNull(utf8, "utf8");
    if (utf8.length > MAX_DOCUMENT_BYTES) {
      throw tooBig(utf8.length);
    }
    return parse(decode(utf8));
  }

  /** Which form a document is in, judged by its top-level keys only. */
  static ContractFormat detect(SourceDocument document) {
    ObjectNode root = document.root();
    boolean shortForm = root.has("spec");
    boolean odcs = root.has("apiVersion") || root.has("kind");
    if (shortForm && odcs) {
      throw ContractValidationException.of("spec", document.lineOf(FieldPath.ROOT.key("spec")),
          "cannot stand next to 'apiVersion'/'kind': a document is either the short form (spec) or ODCS");
    }
    if (shortForm) {
      return ContractFormat.SHORT;
    }
    if (odcs) {
      return ContractFormat.ODCS;
    }
    throw ContractValidationException.of("", document.lineOf(FieldPath.ROOT),
        "is neither a short-form contract (top-level 'spec') nor an ODCS contract ('apiVersion' and "
            + "'kind: DataContract')");
  }

  static void checkSize(String text) {
    // A char is at most 3 UTF-8 bytes (a surrogate pair, 2 chars, is 4), so short texts need no counting.
    if ((long) text.length() * 3 <= MAX_DOCUMENT_BYTES) {
      return;
    }
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
      if (bytes > MAX_DOCUMENT_BYTES) {
        throw tooBig(text.getBytes(StandardCharsets.UTF_8).length);
      }
    }
  }

  static ContractValidationException tooBig(long bytes) {
    return ContractValidationException.of("", 0, "is " + bytes + " bytes; a contract may be at most "
        + MAX_DOCUMENT_BYTES + " bytes (1 MiB)");
  }

  private static String decode(byte[] utf8) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(utf8))
          .toString();
    } catch (CharacterCodingException e) {
      throw ContractValidationException.of("", 0, "is not UTF-8 text");
    }
  }
}
