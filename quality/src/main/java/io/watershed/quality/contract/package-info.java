/**
 * Data-product contracts: what a product promises (output ports, schema, quality, freshness, availability) and who
 * hears about it when the promise breaks.
 *
 * <p>Public API, for other modules: the model ({@link io.watershed.quality.contract.DataProductContract} and the
 * records it holds), {@link io.watershed.quality.contract.ContractParser} (one document, either form),
 * {@link io.watershed.quality.contract.ContractDirectory} and
 * {@link io.watershed.quality.contract.ContractDirectoryWatcher} (a directory of contract files, with
 * {@link io.watershed.quality.contract.ContractSnapshot}, {@link io.watershed.quality.contract.LoadedContract},
 * {@link io.watershed.quality.contract.FileProblems}, {@link io.watershed.quality.contract.ContractChanges} and
 * {@link io.watershed.quality.contract.ContractChangeListener}),
 * {@link io.watershed.quality.contract.ContractValidationException} with its
 * {@link io.watershed.quality.contract.ContractProblem}s, {@link io.watershed.quality.contract.ContractDurations}
 * and {@link io.watershed.quality.contract.ContractsConfiguration}. Everything package-private here is an internal
 * detail of parsing (source trees with line numbers, readers of the two forms, the ODCS mapping) and may change.
 *
 * <p>The file formats are described in {@code docs/contracts.md}.
 */
package io.watershed.quality.contract;
