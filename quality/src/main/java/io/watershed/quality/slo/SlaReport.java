package io.watershed.quality.slo;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * SLA compliance of a product over a window {@code [from, to]}, computed exactly from its state intervals
 * (docs/quality.md has a worked example).
 *
 * @param inSloSeconds time IN_SLO within the window
 * @param outOfSloSeconds time OUT_OF_SLO within the window: the violation time
 * @param unknownSeconds time UNKNOWN within the window; neither met nor violated, so outside the compliance ratio
 * @param compliance {@code inSlo / (inSlo + outOfSlo)}; null when nothing was measured in the window
 * @param target the availability target, null when the contract has none (then no budget and no burn rates)
 * @param errorBudgetSeconds {@code (1 - target) x window}
 * @param errorBudgetRemainingSeconds {@code budget - outOfSlo}; negative once the budget is overspent
 * @param errorBudgetRemainingRatio {@code remaining / budget}; with a zero budget (target 1) 1 while nothing was
 *     violated and 0 after
 * @param burnRate1h {@code (outOfSlo in the last hour / 1h) / (1 - target)}: 1 spends the budget exactly over the
 *     window; null with target 1
 * @param burnRate6h the same over the last six hours
 */
public record SlaReport(
    Instant from,
    Instant to,
    long windowSeconds,
    double inSloSeconds,
    double outOfSloSeconds,
    double unknownSeconds,
    @Nullable Double compliance,
    @Nullable Double target,
    @Nullable Double errorBudgetSeconds,
    @Nullable Double errorBudgetRemainingSeconds,
    @Nullable Double errorBudgetRemainingRatio,
    @Nullable Double burnRate1h,
    @Nullable Double burnRate6h) {}
