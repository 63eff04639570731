package io.watershed.quality.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A directory of contract files: every {@code *.yml}, {@code *.yaml} and {@code *.json} directly in it (not in
 * subdirectories; hidden files, such as editors' lock files, are skipped). Each file holds one contract in either
 * form. A bad file is reported and does not hide the good ones. When two files name the same product, the file whose
 * name sorts first keeps it and the other is reported, so the outcome does not depend on the order the file system
 * lists them in.
 */
public final class ContractDirectory {

  private final Path directory;
  private final ContractParser parser;

  public ContractDirectory(Path directory, ContractParser parser) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  public Path directory() {
    return directory;
  }

  /** Reads every contract file now. Never throws for bad contents: problems are in the snapshot. */
  public ContractSnapshot load() {
    List<Path> files;
    try {
      files = contractFiles();
    } catch (NoSuchFileException e) {
      return directoryProblem("does not exist");
    } catch (IOException e) {
      return directoryProblem("cannot be listed: " + e.getMessage());
    }
    if (files == null) {
      return directoryProblem("is not a directory");
    }
    List<LoadedContract> contracts = new ArrayList<>();
    List<FileProblems> failures = new ArrayList<>();
    Map<ProductName, LoadedContract> byName = new HashMap<>();
    for (Path file : files) {
      DataProductContract contract;
      try {
        contract = read(file);
      } catch (ContractValidationException e) {
        failures.add(new FileProblems(file, e.problems()));
        continue;
      }
      LoadedContract first = byName.get(contract.name());
      if (first != null) {
        failures.add(new FileProblems(file, List.of(new ContractProblem(contract.source().nameField(),
            contract.source().nameLine(), "names the product '" + contract.name() + "', which "
                + first.file().getFileName() + " already defines; product names must be unique across files"))));
        continue;
      }
      LoadedContract loaded = new LoadedContract(file, contract, false);
      byName.put(contract.name(), loaded);
      contracts.add(loaded);
    }
    return new ContractSnapshot(directory, contracts, failures);
  }

  /** Whether a file name is one this directory reads. */
  public static boolean isContractFile(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return false;
    }
    String text = name.toString().toLowerCase(Locale.ROOT);
    return !text.startsWith(".") && (text.endsWith(".yml") || text.endsWith(".yaml") || text.endsWith(".json"));
  }

  /** The contract files, sorted by name; null when the path is not a directory. */
  List<Path> contractFiles() throws IOException {
    if (!Files.isDirectory(directory)) {
      if (!Files.exists(directory)) {
        throw new NoSuchFileException(directory.toString());
      }
      return null;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(ContractDirectory::isContractFile).filter(Files::isRegularFile).sorted().toList();
    }
  }

  /**
   * What the watcher compares between polls: name, size and modification time of each contract file. Cheap to take
   * and enough to notice edits where file events are not delivered (network file systems, some containers).
   */
  List<String> stamps() {
    try {
      List<Path> files = contractFiles();
      if (files == null) {
        return List.of();
      }
      List<String> stamps = new ArrayList<>();
      for (Path file : files) {
        try {
          BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
          stamps.add(file.getFileName() + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
          stamps.add(file.getFileName() + "|unreadable");
        }
      }
      return stamps;
    } catch (IOException e) {
      return List.of();
    }
  }

  private DataProductContract read(Path file) {
    try {
      long size = Files.size(file);
      if (size > ContractParser.MAX_DOCUMENT_BYTES) {
        // Refuse before reading: a runaway file must not be pulled into memory.
        throw ContractParser.tooBig(size);
      }
      return parser.parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw ContractValidationException.of("", 0, "cannot be read: " + e);
    }
  }

  private ContractSnapshot directoryProblem(String rule) {
    return new ContractSnapshot(directory, List.of(),
        List.of(new FileProblems(directory, List.of(new ContractProblem("", 0, rule)))));
  }
}
