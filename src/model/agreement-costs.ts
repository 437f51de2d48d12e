/**
 * Who pays what under an agreement: the budget, the external funding (a county board's grant)
 * taken off it, and the rest, the parties' part, shared among the parties by their shares. The
 * one place this is worked out, so the rendered agreement and the cost-sharing rule agree, and
 * the amounts shown add up to their totals to the krona.
 */
import type { AgreementDoc } from './index.js';

export type Money = NonNullable<NonNullable<AgreementDoc['resources']>['budget']>;

export interface ExternalFunding {
  source: string;
  amount: Money | null;
  /** True if the amount is for the budget's currency and period, so it is taken off the budget. */
  counted: boolean;
}

export interface CostSharing {
  budget: Money | null;
  external: ExternalFunding[];
  /** The external funding taken off the budget, in the budget's currency and period; null without budget. */
  externalTotal: number | null;
  /**
   * The budget less the external funding: what the parties pay together. Null when there is no
   * budget, or an external amount is for another currency or period (it cannot be taken off).
   */
  partiesPart: number | null;
  /** Each party's share in percent as written, and its amount of the parties' part in whole units. */
  shares: Array<{ organization: string; share: number; amount: number | null }>;
  /** The shares added up (100 when they are right). */
  shareTotal: number;
}

/** Shares that add up to this much within rounding count as 100 %. */
const SHARE_TOLERANCE = 0.01;

/** True if `total` is 100 within the rounding of shares written with decimals. */
export function sharesAddUp(total: number): boolean {
  return Math.abs(total - 100) <= SHARE_TOLERANCE;
}

function sameUnit(a: Money, b: Money): boolean {
  return (a.currency ?? 'SEK') === (b.currency ?? 'SEK') && a.per === b.per;
}

/**
 * Splits `total` whole units by `shares` (percent) so the parts add up to `total` exactly: each
 * part rounded down, and the units left over go to the largest remainders (Hare's method).
 */
export function splitWhole(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  if (sum <= 0) return shares.map(() => 0);
  const whole = Math.round(total);
  const exact = shares.map((s) => (whole * s) / sum);
  const parts = exact.map((x) => Math.floor(x + 1e-9));
  let left = whole - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - parts[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

/** The cost sharing of an agreement, worked out from its resources. */
export function costSharing(agreement: Pick<AgreementDoc, 'resources'>): CostSharing {
  const resources = agreement.resources ?? {};
  const budget = resources.budget ?? null;
  const external = (resources.funding ?? []).map((f) => ({
    source: f.source,
    amount: f.amount ?? null,
    counted: budget !== null && f.amount !== undefined && sameUnit(f.amount, budget),
  }));
  const rows = resources.cost_sharing ?? [];
  const shareTotal = Math.round(rows.reduce((sum, r) => sum + r.share, 0) * 1000) / 1000;
  const externalTotal = budget ? external.filter((f) => f.counted).reduce((sum, f) => sum + f.amount!.amount, 0) : null;
  const uncountable = external.some((f) => f.amount !== null && !f.counted);
  const partiesPart = budget && !uncountable && externalTotal !== null && externalTotal <= budget.amount ? budget.amount - externalTotal : null;
  let amounts: Array<number | null> = rows.map(() => null);
  if (partiesPart !== null) {
    // Shares that add up are split to the krona; others are shown as they are, for the rule to report.
    amounts = sharesAddUp(shareTotal)
      ? splitWhole(partiesPart, rows.map((r) => r.share))
      : rows.map((r) => Math.round((partiesPart * r.share) / 100));
  }
  return {
    budget,
    external,
    externalTotal,
    partiesPart,
    shares: rows.map((r, i) => ({ organization: r.organization, share: r.share, amount: amounts[i] })),
    shareTotal,
  };
}
