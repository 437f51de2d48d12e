/**
 * The view model of a site's index page: every page of the site, grouped by kind, each with
 * the facts a steering group looks for first — overdue actions, whether an agreement is in
 * force, when a group meets next.
 */
import { plural } from '../i18n/index.js';
import type { DocumentKind } from '../model/index.js';
import { agreementView } from './agreement-view.js';
import { nextMeeting } from './group-view.js';
import { planSummary } from './plan-view.js';
import type { RenderContext } from './render-context.js';

export interface IndexEntry {
  kind: DocumentKind;
  id: string;
  title: string;
  href: string | null;
  facts: string | null;
}

export interface IndexView {
  title: string;
  sections: Array<{
    kind: DocumentKind;
    heading: string;
    entries: IndexEntry[];
    /** Meetings only: the entries again, one list per group. */
    by_group: Array<{ heading: string; entries: IndexEntry[] }>;
  }>;
  left_out_text: string | null;
}

const SEP = ' · ';

/** Builds the index of the site whose pages are `pages` (`kind:id`). */
export function indexView(ctx: RenderContext, pages: ReadonlyArray<{ kind: DocumentKind; id: string }>): IndexView {
  const t = ctx.l.t;
  const ids = (kind: DocumentKind) => pages.filter((p) => p.kind === kind).map((p) => p.id);
  const entry = (kind: DocumentKind, id: string, title: string, facts: Array<string | null | undefined>): IndexEntry => ({
    kind,
    id,
    title,
    href: ctx.href(kind, id),
    facts: facts.filter(Boolean).join(SEP) || null,
  });

  const plans = ids('plan').map((id) => {
    // The summary alone: the whole view model of every plan again would double a site's work.
    const view = planSummary(ctx, ctx.plan(id)!);
    const overdue = view.rollup.overdue;
    return entry('plan', id, view.title, [
      view.period_text,
      overdue > 0 ? `${view.rollup.light.marker} ${plural(ctx.lang, overdue, t.overdue_count_one, t.overdue_count_other)}` : view.rollup.light.text,
      view.rollup.percent_text ? `${t.progress} ${view.rollup.percent_text}` : null,
    ]);
  });
  const agreements = ids('agreement').map((id) => {
    const view = agreementView(ctx, ctx.agreement(id)!);
    return entry('agreement', id, view.title, [view.type_label, view.term.light.text]);
  });
  const groups = ids('group').map((id) => {
    const group = ctx.group(id)!;
    const next = nextMeeting(ctx, group, ctx.asOf, true);
    return entry('group', id, group.name, [ctx.l.group_type[group.type], next ? ctx.t('next_meeting_fact', { date: ctx.date(next.date) }) : null]);
  });
  const meetingIds = ids('meeting');
  const meetings = meetingIds
    .map((id) => ctx.meeting(id)!)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .map((m) => entry('meeting', m.id, ctx.meetingTitle(m), [m.minutes ? t.minutes : t.notice]));
  const groupIds = [...new Set(meetingIds.map((id) => ctx.meeting(id)!.group))].sort();
  const entriesOfGroup = (entries: IndexEntry[]): Map<string, IndexEntry[]> => {
    const by = new Map<string, IndexEntry[]>();
    for (const e of entries) {
      const g = ctx.meeting(e.id)?.group;
      if (g === undefined) continue;
      const list = by.get(g);
      if (list) list.push(e);
      else by.set(g, [e]);
    }
    return by;
  };
  const assessments = ids('assessment').map((id) => {
    const a = ctx.assessment(id)!;
    return entry('assessment', id, a.title, [ctx.date(a.date)]);
  });

  const section = (kind: DocumentKind, entries: IndexEntry[]) => ({
    kind,
    heading: ctx.l.kind_plural[kind],
    entries,
    by_group:
      kind === 'meeting'
        ? ((byGroup) => groupIds.map((g) => ({ heading: ctx.group(g)?.name ?? g, entries: byGroup.get(g) ?? [] })))(entriesOfGroup(entries))
        : [],
  });
  // Every group id counts, also one whose file is broken: it is left out too.
  const leftOut = [...ctx.workspace.index.groups.keys()].some((id) => !ctx.isShown('group', id));
  return {
    title: ctx.workspace.config.name,
    sections: [
      section('plan', plans),
      section('agreement', agreements),
      section('group', groups),
      section('meeting', meetings),
      section('assessment', assessments),
    ].filter((s) => s.entries.length > 0),
    left_out_text: leftOut ? t.documents_left_out : null,
  };
}
