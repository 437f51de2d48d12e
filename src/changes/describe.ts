/**
 * The words for each change (src/changes/diff.ts), in Swedish or English, from src/i18n: one
 * sentence per change, ready for text, Markdown, JSON and the meeting notice.
 */
import { fill, formatDate, formatNumber, formatPercentAsWritten, labelsFor, plural, type Lang } from '../i18n/index.js';
import type { Change, DocumentChanges } from './diff.js';

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const lower = (s: string | undefined, fallback: string) => (s ? s.charAt(0).toLowerCase() + s.slice(1) : fallback);

/** A value as the sentence shows it: dates in words, numbers in the language's style. */
function shown(value: string | number | undefined, lang: Lang): string {
  if (value === undefined || value === '') return labelsFor(lang).t.chg_none_value;
  if (typeof value === 'number') return formatNumber(value, lang);
  if (isDate(value)) return formatDate(value, lang);
  if (/^-?\d+(\.\d+)?$/.test(value)) return formatNumber(Number(value), lang);
  return value;
}

/** The sentence that tells one change. */
export function describeChange(change: Change, lang: Lang): string {
  const labels = labelsFor(lang);
  const t = labels.t;
  const p = change.params;
  const s = (key: keyof typeof t, extra: Record<string, string | number> = {}) => fill(t[key], { ...p, ...extra });
  const date = (v: string | number | undefined) => (isDate(v) ? formatDate(v, lang) : String(v ?? ''));
  const status = (v: string | number | undefined) => lower((labels.action_status as Record<string, string>)[String(v)], String(v));
  const role = (v: string | number | undefined) => lower((labels.member_role as Record<string, string>)[String(v)], String(v));
  const percent = (v: string | number | undefined) => (typeof v === 'number' ? formatPercentAsWritten(v, lang) : t.chg_none_value);
  switch (change.type) {
    case 'document-added': return t.chg_document_added;
    case 'document-removed': return t.chg_document_removed;
    case 'document-edited': return t.chg_document_edited;
    case 'action-added': return p.due ? s('chg_action_added', { due: date(p.due) }) : s('chg_action_added_nodue');
    case 'action-removed': return s('chg_action_removed');
    case 'action-done': return s('chg_action_done');
    case 'action-cancelled': return s('chg_action_cancelled');
    case 'action-status': return s('chg_action_status', { from: status(p.from), to: status(p.to) });
    case 'action-progress':
      return p.from === '' ? s('chg_action_progress_first', { to: percent(p.to) }) : s('chg_action_progress', { from: percent(p.from), to: percent(p.to) });
    case 'action-due': {
      const days = Math.abs(Number(p.days));
      const words = plural(lang, days, t.chg_days_one, t.chg_days_other);
      return s(Number(p.days) > 0 ? 'chg_action_due_later' : 'chg_action_due_earlier', { from: date(p.from), to: date(p.to), days: words });
    }
    case 'action-follow-up': return s('chg_action_follow_up', { date: date(p.date) }).replace(/: $/, '.');
    case 'action-edited': return s('chg_action_edited');
    case 'goal-added': return s(p.subgoal ? 'chg_subgoal_added' : 'chg_goal_added');
    case 'goal-removed': return s(p.subgoal ? 'chg_subgoal_removed' : 'chg_goal_removed');
    case 'goal-edited': return p.from !== undefined ? s('chg_goal_renamed') : s('chg_goal_edited');
    case 'indicator-added': return s('chg_indicator_added');
    case 'indicator-removed': return s('chg_indicator_removed');
    case 'indicator-target':
      return p.from === '' ? s('chg_indicator_target_first', { value: shown(p.value, lang) }) : s('chg_indicator_target', { value: shown(p.value, lang), from: shown(p.from, lang) });
    case 'indicator-edited': return s('chg_indicator_edited');
    case 'measurement-added': return s('chg_measurement_added', { value: shown(p.value, lang) });
    case 'measurement-changed': return s('chg_measurement_changed', { value: shown(p.value, lang), from: shown(p.from, lang) });
    case 'member-joined': return s('chg_member_joined', { role: role(p.role) });
    case 'member-left': return s('chg_member_left', { role: role(p.role) });
    case 'member-role': return s('chg_member_role', { from: role(p.from), to: role(p.to) });
    case 'chair-new': return s('chg_chair_new');
    case 'party-added': return s('chg_party_added');
    case 'party-removed': return s('chg_party_removed');
    case 'party-signed': return s('chg_party_signed', { date: date(p.date) });
    case 'agreement-status': {
      const word = (v: string | number | undefined) => lower((labels.agreement_status as Record<string, string>)[String(v)], shown(v, lang));
      return s('chg_agreement_status', { from: word(p.from), to: word(p.to) });
    }
    case 'term-changed': {
      const field = t[`chg_term_${p.field}` as keyof typeof t] ?? String(p.field);
      const value = (v: string | number | undefined) =>
        p.field === 'renewal' && v !== '' ? lower((labels.renewal as Record<string, string>)[String(v)], String(v)) : shown(v, lang);
      return s('chg_term_changed', { field, from: value(p.from), to: value(p.to) });
    }
    case 'cost-share':
      if (p.from === '') return s('chg_cost_share_added', { to: percent(p.to) });
      if (p.to === '') return s('chg_cost_share_removed', { from: percent(p.from) });
      return s('chg_cost_share', { from: percent(p.from), to: percent(p.to) });
    case 'meeting-planned': return s('chg_meeting_planned', { date: date(p.date) });
    // The decisions and tasks follow as lines of their own; a count would tell of withheld ones.
    case 'meeting-held': return s('chg_meeting_held', { date: date(p.date) });
    case 'minutes-adjusted': return s('chg_minutes_adjusted', { date: date(p.date) });
    case 'decision': return p.item !== undefined ? s('chg_decision') : s('chg_decision_noitem');
    case 'task': {
      const who = [p.responsible, p.due ? fill(t.chg_task_due, { due: date(p.due) }) : undefined].filter((x) => x !== undefined && x !== '').join(', ');
      return who ? s('chg_task', { who }) : s('chg_task_nowho');
    }
    case 'task-done': return s('chg_task_done');
    case 'minutes-correction': return s('chg_minutes_correction', { date: date(p.date) });
  }
}

/** The heading of a document's changes: its kind and title (a meeting: group and date). */
export function describeDocument(doc: DocumentChanges, lang: Lang): string {
  const labels = labelsFor(lang);
  const kind = labels.kind[doc.kind];
  const title = doc.kind === 'meeting' && doc.date ? `${doc.title} ${formatDate(doc.date, lang)}` : doc.title;
  return `${kind}: ${title}`;
}
