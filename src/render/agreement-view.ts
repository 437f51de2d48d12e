/**
 * The view model of a collaboration agreement: parties and the lead, the prerequisites for
 * collaborating (mandate, knowledge, resources, authority), the budget with the external funding
 * apart and the parties' shares of what is left, the term in one sentence that agrees with the
 * status, and signature lines. Term and costs are worked out in src/model (agreement-term.ts,
 * agreement-costs.ts); this file only words them.
 */
import { formatCadence, formatPercentAsWritten, plural } from '../i18n/index.js';
import { costSharing, sharesAddUp, type Money } from '../model/agreement-costs.js';
import { termState, type TermState } from '../model/agreement-term.js';
import type { AgreementDoc } from '../model/index.js';
import { adoptionText, moneyText } from './plan-view.js';
import type { LightView, RefView, RenderContext } from './render-context.js';

export interface AgreementView {
  id: string;
  title: string;
  type_label: string;
  lead: string | null;
  parties: Array<{ name: string; role_label: string; signatory: string | null; signed_text: string | null }>;
  purpose: string;
  vision: string | null;
  goals: string[];
  mandate: string | null;
  authority: string | null;
  knowledge: string | null;
  staff: Array<{ role: string; fte_text: string | null; employer: string | null; person: string | null }>;
  budget_text: string | null;
  /** External funding, apart from the parties' shares. */
  funding: Array<{ source: string; amount_text: string | null; note: string | null }>;
  /** The external funding taken off the budget, when there is more than one funder. */
  funding_total_text: string | null;
  /** One sentence: the budget, the external funding and the parties' part, which add up. */
  costs_summary: string | null;
  /** Each party's share of the parties' part, as written, and its amount. */
  cost_sharing: Array<{ name: string; share_text: string; amount_text: string | null }>;
  /** What the parties pay together, the amount the shares are shares of. */
  parties_part_text: string | null;
  /** "Parterna delar parternas del, 300 000 kr per år, så här:", when there are amounts. */
  cost_sharing_intro: string | null;
  /** The shares added up ("100 %") and the amounts added up (the parties' part exactly). */
  share_total_text: string;
  amount_total_text: string | null;
  /** True when the shares have amounts (a budget, and funding that can be taken off it). */
  has_amounts: boolean;
  has_resources: boolean;
  /** The written status (Utkast, Gäller, Uppsagt, Har upphört), or null if the file has none. */
  status_text: string | null;
  term: {
    start_text: string;
    end_text: string;
    notice_text: string | null;
    renewal_label: string | null;
    /** The term in one sentence, e.g. "Gäller 1 januari 2024 – 31 december 2026, förlängs med ett år i taget om …". */
    sentence: string;
    light: LightView;
  };
  groups: RefView[];
  follow_up_text: string | null;
  reports_to_text: string | null;
  adopted_text: string | null;
  confidentiality: string | null;
  plans: RefView[];
  signatures: Array<{ party: string; name: string; date_text: string | null }>;
}

function termLight(ctx: RenderContext, agreement: AgreementDoc, state: TermState): LightView {
  const s = ctx.l.state;
  switch (state.phase) {
    case 'draft':
      return ctx.light('grey', ctx.l.agreement_status.draft);
    case 'not-started':
      return ctx.light('grey', s.term_not_started);
    // An end the status records is history, not an alarm; one it does not is.
    case 'ended':
      return ctx.light(agreement.status === 'ended' ? 'grey' : 'red', s.term_ended);
    case 'ending':
      return ctx.light('yellow', s.term_ending);
    case 'in-force':
      // Notice given: still in force, but it will end, which the parties need to plan for.
      return agreement.status === 'terminated' ? ctx.light('yellow', ctx.l.agreement_status.terminated) : ctx.light('green', s.term_valid);
  }
}

/** The term in one sentence, as the agreement would write it, for the state it is in on the reference date. */
function termSentence(ctx: RenderContext, agreement: AgreementDoc, state: TermState): string {
  const { term } = agreement;
  const notice = term.notice_months !== undefined ? plural(ctx.lang, term.notice_months, ctx.l.t.month_one, ctx.l.t.month_other) : null;
  const noticeSentence = notice && term.notice_months! > 0 ? ` ${ctx.t('term_notice_sentence', { notice })}` : '';
  if (agreement.status === 'terminated' && term.notice_given && state.lastDay) {
    return ctx.t('term_terminated', { given: ctx.date(term.notice_given), last_day: ctx.date(state.lastDay) });
  }
  if (state.renews && term.end) {
    const range = ctx.range(state.periodStart, state.periodEnd);
    const params = { range, first_range: ctx.range(term.start, term.end), notice_by: state.noticeBy ? ctx.date(state.noticeBy) : undefined };
    if (state.renewals === 0) return ctx.t(state.noticeBy ? 'term_yearly' : 'term_yearly_no_notice', params);
    return ctx.t(state.noticeBy ? 'term_yearly_renewed' : 'term_yearly_renewed_no_notice', params);
  }
  if (!term.end) return `${ctx.t('term_open', { start: ctx.date(term.start) })}${noticeSentence}`;
  if (state.phase === 'ended') return ctx.t('term_ended', { range: ctx.range(term.start, state.lastDay ?? term.end) });
  return `${ctx.t('term_fixed', { range: ctx.range(term.start, term.end) })}${noticeSentence}`;
}

/** An amount in the budget's currency and period: "54 000 kr per år". */
function sameAs(ctx: RenderContext, budget: Money, amount: number): string {
  return moneyText(ctx, { ...budget, amount });
}

/** Builds the view model of an agreement. */
export function agreementView(ctx: RenderContext, agreement: AgreementDoc): AgreementView {
  const lead = agreement.parties.find((p) => p.role === 'lead');
  const budget = agreement.resources?.budget;
  const staff = agreement.resources?.staff ?? [];
  const funding = agreement.resources?.funding ?? [];
  const costs = costSharing(agreement);
  const state = termState(agreement, ctx.asOf);
  const amounts = costs.budget !== null && costs.partiesPart !== null;
  let costsSummary: string | null = null;
  if (costs.budget && costs.partiesPart !== null && costs.externalTotal !== null) {
    costsSummary =
      costs.externalTotal > 0
        ? ctx.t('costs_summary', { budget: moneyText(ctx, costs.budget), external: sameAs(ctx, costs.budget, costs.externalTotal), parties: sameAs(ctx, costs.budget, costs.partiesPart) })
        : ctx.t('costs_summary_no_external', { budget: moneyText(ctx, costs.budget) });
  } else if (costs.budget && costs.external.some((f) => f.amount !== null && !f.counted)) {
    costsSummary = ctx.l.t.costs_uncountable;
  }
  const plans = ctx
    .documents('plan')
    .filter((p) => p.agreement === agreement.id)
    .map((p) => ctx.ref('plan', p.id)!);
  return {
    id: agreement.id,
    title: agreement.title,
    type_label: ctx.l.agreement_type[agreement.type],
    lead: lead ? ctx.orgName(lead.organization) : null,
    parties: agreement.parties.map((p) => ({
      name: ctx.orgName(p.organization),
      role_label: ctx.l.party_role[p.role ?? 'party'],
      signatory: p.signatory ? ctx.personWithTitle(p.signatory) : null,
      signed_text: p.signed ? ctx.date(p.signed) : null,
    })),
    purpose: agreement.purpose,
    vision: agreement.vision ?? null,
    goals: agreement.goals ?? [],
    mandate: agreement.mandate ?? null,
    authority: agreement.authority ?? null,
    knowledge: agreement.knowledge ?? null,
    staff: staff.map((s) => ({
      role: s.role,
      fte_text: s.fte !== undefined ? formatPercentAsWritten(s.fte * 100, ctx.lang) : null,
      employer: s.employer ? ctx.orgShort(s.employer) : null,
      person: s.person ? ctx.personName(s.person) : null,
    })),
    budget_text: budget ? moneyText(ctx, budget) : null,
    funding: funding.map((f) => ({
      source: ctx.orgName(f.source),
      amount_text: f.amount ? moneyText(ctx, f.amount) : null,
      note: f.note ?? null,
    })),
    funding_total_text: costs.budget && costs.externalTotal !== null && costs.external.filter((f) => f.counted).length > 1 ? sameAs(ctx, costs.budget, costs.externalTotal) : null,
    costs_summary: costsSummary,
    cost_sharing: costs.shares.map((c) => ({
      name: ctx.orgShort(c.organization),
      share_text: formatPercentAsWritten(c.share, ctx.lang),
      amount_text: c.amount !== null && costs.budget ? sameAs(ctx, costs.budget, c.amount) : null,
    })),
    parties_part_text: amounts ? sameAs(ctx, costs.budget!, costs.partiesPart!) : null,
    cost_sharing_intro: amounts ? ctx.t('cost_sharing_of', { amount: sameAs(ctx, costs.budget!, costs.partiesPart!) }) : null,
    share_total_text: formatPercentAsWritten(costs.shareTotal, ctx.lang),
    amount_total_text:
      amounts && costs.shares.length > 0
        ? sameAs(ctx, costs.budget!, sharesAddUp(costs.shareTotal) ? costs.partiesPart! : costs.shares.reduce((sum, c) => sum + (c.amount ?? 0), 0))
        : null,
    has_amounts: amounts && costs.shares.length > 0,
    has_resources: staff.length + funding.length + costs.shares.length > 0 || budget !== undefined,
    status_text: agreement.status ? ctx.l.agreement_status[agreement.status] : null,
    term: {
      start_text: ctx.date(agreement.term.start),
      end_text: agreement.term.end ? ctx.date(agreement.term.end) : ctx.l.t.until_further_notice,
      notice_text:
        agreement.term.notice_months !== undefined
          ? plural(ctx.lang, agreement.term.notice_months, ctx.l.t.month_one, ctx.l.t.month_other)
          : null,
      renewal_label: agreement.term.renewal ? ctx.l.renewal[agreement.term.renewal] : null,
      sentence: termSentence(ctx, agreement, state),
      light: termLight(ctx, agreement, state),
    },
    groups: (agreement.groups ?? []).map((g) => ctx.ref('group', g)!),
    follow_up_text: agreement.follow_up?.cadence ? ctx.t('follow_up_text', { cadence: formatCadence(agreement.follow_up.cadence, ctx.l) }) : null,
    reports_to_text: agreement.follow_up?.reports_to
      ? ctx.t('follow_up_reports_to', { group: ctx.group(agreement.follow_up.reports_to)?.name ?? agreement.follow_up.reports_to })
      : null,
    adopted_text: adoptionText(ctx, agreement.adopted),
    confidentiality: agreement.confidentiality ?? null,
    plans,
    signatures: agreement.parties.map((p) => ({
      party: ctx.orgName(p.organization),
      name: p.signatory ? ctx.personWithTitle(p.signatory) : ctx.l.t.signature_line,
      date_text: p.signed ? ctx.date(p.signed) : null,
    })),
  };
}
