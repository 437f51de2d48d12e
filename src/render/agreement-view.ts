/**
 * The view model of a collaboration agreement: parties and the lead, the prerequisites for
 * collaborating (mandate, knowledge, resources, authority), cost sharing in percent and in
 * money, the term and whether it is in force on the reference date, and signature lines.
 */
import { formatAmount, formatCadence, formatPercent, plural } from '../i18n/index.js';
import { addDays } from '../model/dates.js';
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
  funding: Array<{ source: string; amount_text: string | null; note: string | null }>;
  cost_sharing: Array<{ name: string; share_text: string; amount_text: string | null }>;
  has_resources: boolean;
  term: {
    start_text: string;
    end_text: string;
    notice_text: string | null;
    renewal_label: string | null;
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

function termLight(ctx: RenderContext, agreement: AgreementDoc): LightView {
  const s = ctx.l.state;
  const { start, end } = agreement.term;
  if (start > ctx.asOf) return ctx.light('grey', s.term_not_started);
  if (end && end < ctx.asOf) return ctx.light('red', s.term_ended);
  if (end && end <= addDays(ctx.asOf, 90)) return ctx.light('yellow', s.term_ending);
  return ctx.light('green', s.term_valid);
}

/** Builds the view model of an agreement. */
export function agreementView(ctx: RenderContext, agreement: AgreementDoc): AgreementView {
  const lead = agreement.parties.find((p) => p.role === 'lead');
  const budget = agreement.resources?.budget;
  const staff = agreement.resources?.staff ?? [];
  const funding = agreement.resources?.funding ?? [];
  const costSharing = agreement.resources?.cost_sharing ?? [];
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
      fte_text: s.fte !== undefined ? formatPercent(s.fte * 100, ctx.lang) : null,
      employer: s.employer ? ctx.orgShort(s.employer) : null,
      person: s.person ? ctx.personName(s.person) : null,
    })),
    budget_text: budget ? moneyText(ctx, budget) : null,
    funding: funding.map((f) => ({
      source: ctx.orgName(f.source),
      amount_text: f.amount ? moneyText(ctx, f.amount) : null,
      note: f.note ?? null,
    })),
    cost_sharing: costSharing.map((c) => ({
      name: ctx.orgShort(c.organization),
      share_text: formatPercent(c.share, ctx.lang),
      amount_text: budget
        ? `${formatAmount(Math.round((budget.amount * c.share) / 100), budget.currency, ctx.lang)}${budget.per ? ` ${ctx.l.money_per[budget.per]}` : ''}`
        : null,
    })),
    has_resources: staff.length + funding.length + costSharing.length > 0 || budget !== undefined,
    term: {
      start_text: ctx.date(agreement.term.start),
      end_text: agreement.term.end ? ctx.date(agreement.term.end) : ctx.l.t.until_further_notice,
      notice_text:
        agreement.term.notice_months !== undefined
          ? plural(ctx.lang, agreement.term.notice_months, ctx.l.t.month_one, ctx.l.t.month_other)
          : null,
      renewal_label: agreement.term.renewal ? ctx.l.renewal[agreement.term.renewal] : null,
      light: termLight(ctx, agreement),
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
