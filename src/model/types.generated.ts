/* eslint-disable */
// Generated from src/schema/*.schema.json by `npm run gen:types`. Do not edit by hand.

export namespace Workspace {
  /**
   * The workspace's settings. samverkan.yaml marks the root of a workspace.
   */
  export interface WorkspaceDoc {
    kind: 'workspace';
    /**
     * The collaboration's name, shown on every rendered document.
     */
    name: string;
    /**
     * Language of rendered documents: sv (Swedish) or en (English).
     */
    language?: 'sv' | 'en';
    /**
     * IANA time zone of the meeting times, e.g. Europe/Stockholm.
     */
    timezone?: string;
    /**
     * true for example or training data: every rendered page then says "Exempeldata – fiktiva uppgifter" (Example data – fictitious details), so invented ratings and figures are never taken for real ones.
     */
    example?: boolean;
    /**
     * Folder, relative to the workspace, where render writes by default.
     */
    output?: string;
    /**
     * Paths (glob patterns relative to the workspace) that are not documents.
     */
    ignore?: string[];
    /**
     * Severity per rule id: off, info, warning or error.
     */
    rules?: {
      [k: string]: 'off' | 'info' | 'warning' | 'error';
    };
  }
}

export namespace Organizations {
  /**
   * The organisations that take part: municipalities, regions, police, schools, voluntary organisations and their units.
   */
  export interface OrganizationsDoc {
    kind: 'organizations';
    /**
     * One entry per organisation or unit.
     */
    organizations: {
      /**
       * The organisation's id, used everywhere else to refer to it.
       */
      id: string;
      /**
       * Full name, e.g. Munkedals kommun.
       */
      name: string;
      /**
       * What kind of organisation it is.
       */
      type:
        | 'municipality'
        | 'region'
        | 'police'
        | 'prosecution'
        | 'county-board'
        | 'municipal-association'
        | 'school'
        | 'health-care'
        | 'social-services'
        | 'probation'
        | 'ngo'
        | 'government-agency'
        | 'other';
      /**
       * Short name for tables, e.g. Munkedal.
       */
      short_name?: string;
      /**
       * Organisation id this is a unit of (a förvaltning of a municipality), or null.
       */
      part_of?: string | null;
    }[];
  }
}

export namespace People {
  /**
   * Officials who take part in the collaboration. Never clients, victims or other private persons.
   */
  export interface PeopleDoc {
    kind: 'people';
    /**
     * One entry per official.
     */
    people: {
      /**
       * The person's id, used in rosters and as responsible.
       */
      id: string;
      /**
       * Name, or a role title where names are not to be kept.
       */
      name: string;
      /**
       * Job title, e.g. Samordnare kvinnofrid.
       */
      title?: string;
      /**
       * Organisation id of the employer.
       */
      organization: string;
      /**
       * Work e-mail address.
       */
      email?: string;
    }[];
  }
}

export namespace Agreement {
  /**
   * A collaboration agreement, memorandum, contractual cooperation or association charter between organisations.
   */
  export interface AgreementDoc {
    kind: 'agreement';
    /**
     * The agreement's id.
     */
    id: string;
    /**
     * The agreement's title.
     */
    title: string;
    /**
     * Where the agreement stands: draft (not yet signed by every party), active (in force; a yearly renewed agreement stays active after its first end), terminated (a party has given notice, see term.notice_given: in force until the term it ends with) or ended (no longer in force). Checked against the term by agreement/status.
     */
    status?: 'draft' | 'active' | 'terminated' | 'ended';
    /**
     * collaboration-agreement (samverkansavtal), memorandum (överenskommelse), contractual-cooperation (avtalssamverkan, 9 kap. 37 § KL) or association-charter (förbundsordning).
     */
    type: 'collaboration-agreement' | 'memorandum' | 'contractual-cooperation' | 'association-charter';
    /**
     * The parties, at least two. Exactly one is the lead (huvudman, huvudarbetsgivare).
     *
     * @minItems 2
     */
    parties: [
      {
        /**
         * Organisation id of the party.
         */
        organization: string;
        /**
         * lead (huvudman) or party.
         */
        role?: 'lead' | 'party';
        /**
         * Person id of who signs for the party.
         */
        signatory?: string;
        /**
         * Date the party signed.
         */
        signed?: string;
      },
      {
        /**
         * Organisation id of the party.
         */
        organization: string;
        /**
         * lead (huvudman) or party.
         */
        role?: 'lead' | 'party';
        /**
         * Person id of who signs for the party.
         */
        signatory?: string;
        /**
         * Date the party signed.
         */
        signed?: string;
      },
      ...{
        /**
         * Organisation id of the party.
         */
        organization: string;
        /**
         * lead (huvudman) or party.
         */
        role?: 'lead' | 'party';
        /**
         * Person id of who signs for the party.
         */
        signatory?: string;
        /**
         * Date the party signed.
         */
        signed?: string;
      }[]
    ];
    /**
     * What the collaboration is for (syfte).
     */
    purpose: string;
    /**
     * The vision the parties share.
     */
    vision?: string;
    /**
     * The agreement's goals, one sentence each.
     */
    goals?: string[];
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    mandate?: string;
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    authority?: string;
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    knowledge?: string;
    /**
     * Resurser: staff, budget and how costs are shared.
     */
    resources?: {
      /**
       * Positions the collaboration pays for.
       */
      staff?: {
        /**
         * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
         */
        role: string;
        /**
         * Full-time equivalents, e.g. 0.3 for 30 %.
         */
        fte?: number;
        /**
         * Organisation id of the employer (huvudarbetsgivare).
         */
        employer?: string;
        /**
         * Person id of who holds the position.
         */
        person?: string;
      }[];
      budget?: Money;
      /**
       * External funding: who pays part of the budget besides the parties, e.g. a grant from the county board. The parties share what is left (the parties' part).
       */
      funding?: {
        /**
         * Organisation id of the funder.
         */
        source: string;
        amount?: Money1;
        /**
         * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
         */
        note?: string;
      }[];
      /**
       * Each party's share, in percent, of the parties' part: the budget less the external funding. The shares sum to 100.
       */
      cost_sharing?: {
        /**
         * Organisation id of a party.
         */
        organization: string;
        /**
         * Share in percent, as written in the agreement (3.6 stays 3.6).
         */
        share: number;
      }[];
    };
    /**
     * Giltighetstid and uppsägningstid.
     */
    term: {
      /**
       * First day the agreement applies.
       */
      start: string;
      /**
       * Last day it applies; null means until further notice.
       */
      end?: string | null;
      /**
       * Notice period in months.
       */
      notice_months?: number;
      /**
       * none, or yearly: renewed a year at a time unless a party gives notice by notice_months before the end.
       */
      renewal?: 'none' | 'yearly';
      /**
       * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
       */
      notice_given?: string;
    };
    /**
     * How the agreement is followed up.
     */
    follow_up?: {
      /**
       * How often something happens: weekly, every N weeks, monthly, quarterly, half-yearly, yearly or ad hoc.
       */
      cadence?: string;
      /**
       * Group id that receives the follow-up.
       */
      reports_to?: string;
    };
    /**
     * Group ids set up under the agreement.
     */
    groups?: string[];
    adopted?: Adoption;
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    confidentiality?: string;
  }
  /**
   * What the collaboration costs in all, external funding included.
   */
  export interface Money {
    /**
     * The amount, a number without spaces.
     */
    amount: number;
    /**
     * Currency code, SEK unless given.
     */
    currency?: string;
    /**
     * The period the amount covers.
     */
    per?: 'year' | 'month' | 'project' | 'total';
  }
  /**
   * The amount; when it is for the same period and currency as the budget, it is taken off the budget before the parties share the rest.
   */
  export interface Money1 {
    /**
     * The amount, a number without spaces.
     */
    amount: number;
    /**
     * Currency code, SEK unless given.
     */
    currency?: string;
    /**
     * The period the amount covers.
     */
    per?: 'year' | 'month' | 'project' | 'total';
  }
  /**
   * Where and when the document was adopted (antagen, beslutad).
   */
  export interface Adoption {
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    body: string;
    /**
     * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
     */
    date: string;
    /**
     * The paragraph of the minutes, e.g. § 61.
     */
    paragraph?: string;
    /**
     * The diary number (diarienummer), e.g. Dnr KS 2008/12.
     */
    reference?: string;
  }
}

export namespace Group {
  /**
   * A steering group, working group, case group or other group: its roster and how it meets.
   */
  export interface GroupDoc {
    kind: 'group';
    /**
     * The group's id.
     */
    id: string;
    /**
     * The group's name.
     */
    name: string;
    /**
     * steering (styrgrupp), working (arbetsgrupp), case (ärendegrupp), reference (referensgrupp), coordination (samordningsgrupp), network (nätverk) or resource-team (resursteam).
     */
    type: 'steering' | 'working' | 'case' | 'reference' | 'coordination' | 'network' | 'resource-team';
    /**
     * Agreement id the group is set up under.
     */
    agreement?: string;
    /**
     * Group id this group reports to, or null.
     */
    reports_to?: string | null;
    /**
     * What the group is for.
     */
    purpose?: string;
    /**
     * What the group is tasked with and may do.
     */
    mandate?: string;
    /**
     * true if the group takes decisions (beslutande) rather than preparing them.
     */
    decides?: boolean;
    /**
     * open, internal or confidential. A case group is always confidential.
     */
    confidentiality?: 'open' | 'internal' | 'confidential';
    /**
     * The secrecy marking (sekretessmarkering) printed at the top of every document of a confidential or case group: the provision that applies, who marked it and when.
     */
    secrecy?: {
      /**
       * The provision of the Public Access to Information and Secrecy Act that applies, e.g. 26 kap. 1 § OSL.
       */
      provision: string;
      /**
       * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
       */
      by?: string;
      /**
       * The day the marking was made.
       */
      date?: string;
    };
    /**
     * How many members must be present for a decision: a number, or majority.
     */
    quorum?: number | 'majority';
    /**
     * When and where the group meets.
     */
    meetings?: {
      /**
       * How often something happens: weekly, every N weeks, monthly, quarterly, half-yearly, yearly or ad hoc.
       */
      cadence?: string;
      /**
       * Day of the week the group meets.
       */
      weekday?: 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
      /**
       * Start time, HH:MM in quotes.
       */
      time?: string;
      /**
       * Length of a meeting in minutes.
       */
      duration_minutes?: number;
      /**
       * Where the group meets.
       */
      location?: string;
      /**
       * A link to the online meeting room.
       */
      online?: string;
    };
    /**
     * Items on every agenda of the group.
     */
    standing_items?: AgendaItem[];
    /**
     * The roster. Members leave with an until date; history is kept.
     *
     * @minItems 1
     */
    members: [
      {
        /**
         * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
         */
        person: string;
        /**
         * chair (ordförande), vice-chair, secretary (sekreterare), member (ledamot), co-opted (adjungerad) or substitute (ersättare).
         */
        role?: 'chair' | 'vice-chair' | 'secretary' | 'member' | 'co-opted' | 'substitute';
        /**
         * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
         */
        represents?: string;
        /**
         * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
         */
        substitute?: string;
        /**
         * First day in the group.
         */
        from?: string;
        /**
         * Last day in the group, or null.
         */
        until?: string | null;
      },
      ...{
        /**
         * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
         */
        person: string;
        /**
         * chair (ordförande), vice-chair, secretary (sekreterare), member (ledamot), co-opted (adjungerad) or substitute (ersättare).
         */
        role?: 'chair' | 'vice-chair' | 'secretary' | 'member' | 'co-opted' | 'substitute';
        /**
         * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
         */
        represents?: string;
        /**
         * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
         */
        substitute?: string;
        /**
         * First day in the group.
         */
        from?: string;
        /**
         * Last day in the group, or null.
         */
        until?: string | null;
      }[]
    ];
  }
  /**
   * An item on a meeting's agenda (dagordning).
   */
  export interface AgendaItem {
    /**
     * What the item is about.
     */
    title: string;
    /**
     * information, decision, discussion, follow-up or report.
     */
    type?: 'information' | 'decision' | 'discussion' | 'follow-up' | 'report';
    /**
     * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
     */
    presenter?: string;
    /**
     * Minutes set aside for the item; the notice shows each item's start time.
     */
    duration_minutes?: number;
    /**
     * A longer description of the item.
     */
    description?: string;
    /**
     * Documents or plan items the item concerns, e.g. handlingsplan-nb/a3.
     */
    refs?: string[];
    /**
     * Papers that go with the item (handlingar).
     */
    documents?: string[];
    /**
     * Only in case groups: a case code such as Ä-2009-003. Never a name or an identity number.
     */
    case?: string;
    /**
     * true if the item falls under confidentiality (sekretess): public output shows only its number.
     */
    confidential?: boolean;
    /**
     * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
     */
    id?: string;
    /**
     * The item's § number as printed. When absent, items are numbered in file order from the meeting's first_number, each one after the previous.
     */
    number?: number;
    /**
     * The formal items that `meeting new` writes: opening (mötets öppnande), adjusters (val av justerare), agenda (godkännande av dagordningen), previous (föregående protokoll, with the previous minutes' meeting id in refs), follow-up (uppföljning), other (övriga frågor), next (nästa möte), closing (mötets avslutande). Absent for an ordinary item.
     */
    role?: 'opening' | 'adjusters' | 'agenda' | 'previous' | 'follow-up' | 'other' | 'next' | 'closing';
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    proposal?: string;
    /**
     * Bilagor: papers attached to the item, each with a link or a file next to the meeting file.
     */
    attachments?: (
      | {
          /**
           * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
           */
          title: string;
          /**
           * A link to it (https).
           */
          href: string;
        }
      | {
          /**
           * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
           */
          title: string;
          /**
           * A file path relative to the meeting file, inside the workspace.
           */
          file: string;
        }
    )[];
    /**
     * On a follow-up item: what it follows up, written by `meeting new` as it was when the meeting was prepared (open tasks of earlier minutes, plan actions overdue or due soon). A record: later changes to the tasks and actions do not change it.
     */
    follow_up?: {
      /**
       * A document id (agreement, plan, group, assessment, meeting) or a plan item as <plan-id>/<item-id>.
       */
      ref: string;
      /**
       * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
       */
      title: string;
      /**
       * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
       */
      responsible?: string;
      /**
       * When it was due.
       */
      due?: string;
      /**
       * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
       */
      status: string;
      /**
       * The due date it had passed when the meeting was prepared, if it was overdue.
       */
      overdue_since?: string;
    }[];
  }
}

export namespace Plan {
  /**
   * The mapping cells this goal or action answers: <assessment-id>/<criterion-id> for a criterion across every organisation assessed, or <assessment-id>/<criterion-id>/<organisation-id> for one cell. The plan then shows "from mapping …" and the mapping the goals and actions that answer each cell.
   */
  export type AssessmentRefs = string[];
  /**
   * planned, ongoing, done, paused or cancelled.
   */
  export type ActionStatus = 'planned' | 'ongoing' | 'done' | 'paused' | 'cancelled';
  
  /**
   * An action plan: goals with indicators, phases, and the actions that carry them out.
   */
  export interface PlanDoc {
    kind: 'plan';
    /**
     * The plan's id.
     */
    id: string;
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    title: string;
    /**
     * Organisation id (or group id) that owns the plan.
     */
    owner: string;
    /**
     * Agreement id this plan carries out, or null.
     */
    agreement?: string | null;
    /**
     * The period the plan covers.
     */
    period: {
      /**
       * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
       */
      start: string;
      /**
       * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
       */
      end: string;
    };
    /**
     * Version of the plan, in quotes, e.g. "2.0".
     */
    version?: string;
    /**
     * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
     */
    document_owner?: string;
    /**
     * Diarienummer: the registry number of the plan's case, e.g. "KS 2006/123". The adoption decision's own number, if it differs, goes in adopted.reference.
     */
    diary_number?: string;
    /**
     * Giltighetstid: from when the plan applies, and until when (null: until a new plan replaces it). May differ from `period`, the years the plan's work covers.
     */
    validity?: {
      /**
       * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
       */
      from: string;
      /**
       * The last day it applies; null: until further notice (tills vidare).
       */
      until?: string | null;
      /**
       * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
       */
      note?: string;
    };
    /**
     * Uppföljning: how and when the plan as a whole is followed up, and to whom (the document owner does it). The rendered plan has a follow-up section per period of `cadence` (yearly when not given).
     */
    follow_up?: {
      /**
       * How often it is followed up: yearly, half-yearly or quarterly give the periods of the follow-up section.
       */
      cadence?: string;
      /**
       * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
       */
      how?: string;
      /**
       * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
       */
      reports_to?: string;
    };
    adopted?: Adoption;
    /**
     * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
     */
    revised?: string;
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    vision?: string;
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    background?: string;
    /**
     * Who the plan is for.
     */
    target_groups?: string[];
    /**
     * Övergripande mål, each with sub-goals (delmål) and indicators.
     *
     * @minItems 1
     */
    goals: [
      {
        /**
         * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
         */
        id: string;
        /**
         * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
         */
        title: string;
        /**
         * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
         */
        description?: string;
        /**
         * The national strategy goal it serves: prevention, detection-protection-support, law-enforcement or knowledge-methods.
         */
        national_goal?: 'prevention' | 'detection-protection-support' | 'law-enforcement' | 'knowledge-methods';
        /**
         * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
         */
        focus_area?: string;
        from_assessment?: AssessmentRefs;
        indicators?: Indicator[];
        /**
         * Delmål.
         */
        subgoals?: {
          /**
           * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
           */
          id: string;
          /**
           * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
           */
          title: string;
          /**
           * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
           */
          description?: string;
          from_assessment?: AssessmentRefs;
          indicators?: Indicator[];
        }[];
      },
      ...{
        /**
         * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
         */
        id: string;
        /**
         * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
         */
        title: string;
        /**
         * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
         */
        description?: string;
        /**
         * The national strategy goal it serves: prevention, detection-protection-support, law-enforcement or knowledge-methods.
         */
        national_goal?: 'prevention' | 'detection-protection-support' | 'law-enforcement' | 'knowledge-methods';
        /**
         * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
         */
        focus_area?: string;
        from_assessment?: AssessmentRefs;
        indicators?: Indicator[];
        /**
         * Delmål.
         */
        subgoals?: {
          /**
           * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
           */
          id: string;
          /**
           * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
           */
          title: string;
          /**
           * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
           */
          description?: string;
          from_assessment?: AssessmentRefs;
          indicators?: Indicator[];
        }[];
      }[]
    ];
    /**
     * Steg: the plan's stages, in order.
     */
    phases?: {
      /**
       * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
       */
      id: string;
      /**
       * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
       */
      title: string;
      /**
       * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
       */
      description?: string;
      /**
       * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
       */
      start?: string;
      /**
       * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
       */
      end?: string;
    }[];
    /**
     * Aktiviteter: what is to be done, by whom, by when.
     */
    actions?: {
      /**
       * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
       */
      id: string;
      /**
       * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
       */
      title: string;
      /**
       * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
       */
      description?: string;
      /**
       * Goal or sub-goal ids in this plan that the action serves.
       */
      goals?: string[];
      from_assessment?: AssessmentRefs;
      /**
       * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
       */
      phase?: string;
      /**
       * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
       */
      responsible: string;
      /**
       * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
       */
      lead?: string;
      /**
       * Organisation ids that take part.
       */
      participants?: string[];
      /**
       * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
       */
      start?: string;
      /**
       * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
       */
      due: string;
      /**
       * planned, ongoing, done, paused or cancelled (in Swedish also "planerad", "pågående", "klar", "pausad", "avbruten").
       */
      status: 'planned' | 'ongoing' | 'done' | 'paused' | 'cancelled';
      /**
       * How far it has come, in percent.
       */
      progress?: number;
      budget?: Money;
      /**
       * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
       */
      deliverable?: string;
      /**
       * Uppföljning: dated notes on how it goes, oldest first.
       */
      follow_up?: {
        /**
         * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
         */
        date: string;
        status?: ActionStatus;
        progress?: number;
        /**
         * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
         */
        note?: string;
      }[];
    }[];
  }
  /**
   * Where and when the document was adopted (antagen, beslutad).
   */
  export interface Adoption {
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    body: string;
    /**
     * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
     */
    date: string;
    /**
     * The paragraph of the minutes, e.g. § 61.
     */
    paragraph?: string;
    /**
     * The diary number (diarienummer), e.g. Dnr KS 2008/12.
     */
    reference?: string;
  }
  /**
   * Indikator: how progress towards a goal is measured.
   */
  export interface Indicator {
    /**
     * The indicator's id within the plan.
     */
    id: string;
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    name: string;
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    unit?: string;
    /**
     * increase, decrease or reach: which way is better.
     */
    direction?: 'increase' | 'decrease' | 'reach';
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    source?: string;
    baseline?: Measure;
    target?: Measure1;
    /**
     * Measured values, oldest first.
     */
    measurements?: Measure2[];
  }
  /**
   * Utgångsläge.
   */
  export interface Measure {
    /**
     * The period measured, e.g. "2008" or "2008-H1", in quotes.
     */
    period: string;
    /**
     * The measured or targeted value.
     */
    value: number;
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    note?: string;
  }
  /**
   * Målvärde.
   */
  export interface Measure1 {
    /**
     * The period measured, e.g. "2008" or "2008-H1", in quotes.
     */
    period: string;
    /**
     * The measured or targeted value.
     */
    value: number;
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    note?: string;
  }
  export interface Measure2 {
    /**
     * The period measured, e.g. "2008" or "2008-H1", in quotes.
     */
    period: string;
    /**
     * The measured or targeted value.
     */
    value: number;
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    note?: string;
  }
  /**
   * An amount of money.
   */
  export interface Money {
    /**
     * The amount, a number without spaces.
     */
    amount: number;
    /**
     * Currency code, SEK unless given.
     */
    currency?: string;
    /**
     * The period the amount covers.
     */
    per?: 'year' | 'month' | 'project' | 'total';
  }
}

export namespace Meeting {
  /**
   * A meeting of a group: its notice and agenda, and after it the minutes.
   */
  export interface MeetingDoc {
    kind: 'meeting';
    /**
     * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
     */
    id: string;
    /**
     * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
     */
    group: string;
    /**
     * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
     */
    date: string;
    /**
     * Diarienummer of the meeting's papers, shown in the notice's header, e.g. KS 2009/123.
     */
    diary_number?: string;
    /**
     * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
     */
    sent?: string;
    /**
     * The § number of the first item, for groups that number their paragraphs through the year; 1 unless given.
     */
    first_number?: number;
    /**
     * Start time, HH:MM in quotes; the group's time unless given.
     */
    start?: string;
    /**
     * End time, HH:MM in quotes.
     */
    end?: string;
    /**
     * Where; the group's location unless given.
     */
    location?: string;
    /**
     * A link to the online meeting room, shown on the notice, or null.
     */
    online?: string | null;
    /**
     * How many times the meeting has been moved: raise it by one whenever you change date, start, end or location, so that calendars that imported it (Outlook, Google, Apple) update the event. 0 unless given.
     */
    sequence?: number;
    /**
     * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
     */
    chair?: string;
    /**
     * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
     */
    secretary?: string;
    /**
     * Justerare: person ids of who check and sign the minutes.
     */
    adjusters?: string[];
    /**
     * The agenda as the record has it, formal items (role:) included, written by `meeting new` and edited by hand. Rendering shows exactly these items, numbered by number: or in file order from first_number.
     */
    items?: AgendaItem[];
    /**
     * Förändringar sedan förra mötet: what changed in the group's plans, roster, agreement and meetings since its last meeting, as `samverkan meeting new` read it from git when the notice was prepared. Part of the record: the notice shows these lines as written, whatever happens later. Without git the list is left out.
     */
    changes?: {
      /**
       * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
       */
      document: string;
      /**
       * Its changes, one sentence each.
       */
      lines: {
        /**
         * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
         */
        text: string;
        /**
         * true if public output leaves this line out: it comes from a confidential group, meeting or item.
         */
        confidential?: boolean;
      }[];
    }[];
    /**
     * Protokoll: filled in at or after the meeting.
     */
    minutes?: {
      /**
       * draft until the adjusters have checked and signed the minutes, then adjusted.
       */
      status?: 'draft' | 'adjusted';
      /**
       * When and by whom the minutes were adjusted (justerat).
       */
      adjusted?: {
        /**
         * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
         */
        date: string;
        /**
         * Person ids of the adjusters who signed.
         *
         * @minItems 1
         */
        by: [string, ...string[]];
      };
      /**
       * Justeringens plats och tid: where and when the minutes are to be adjusted.
       */
      adjustment?: {
        /**
         * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
         */
        place?: string;
        /**
         * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
         */
        date?: string;
      };
      /**
       * The next meeting as the minutes say it, or null if they say none. Nothing else decides the next meeting shown in the minutes.
       */
      next_meeting?: NextMeeting | null;
      /**
       * Who was there.
       */
      attendance?: {
        /**
         * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
         */
        person: string;
        /**
         * present, absent or excused.
         */
        status: 'present' | 'absent' | 'excused';
        /**
         * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
         */
        substitute_for?: string;
      }[];
      /**
       * Decisions, each under an agenda item (its § number or its id).
       */
      decisions?: {
        /**
         * The agenda item: its § number as printed, or its id.
         */
        item: number | string;
        /**
         * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
         */
        text?: string;
      }[];
      /**
       * What was said under an item (minnesanteckningar).
       */
      notes?: {
        /**
         * The agenda item: its § number as printed, or its id.
         */
        item: number | string;
        /**
         * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
         */
        text?: string;
      }[];
      /**
       * Rättelser: once the minutes are adjusted they are a record and are not edited; a mistake found later is corrected by adding a dated note here, which the minutes show under the item it names (or after the last paragraph).
       */
      corrections?: {
        /**
         * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
         */
        date: string;
        /**
         * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
         */
        text: string;
        /**
         * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
         */
        by?: string;
        /**
         * The agenda item the correction concerns: its § number as printed, or its id. A correction of a confidential item is withheld from public output with it.
         */
        item?: number | string;
      }[];
      /**
       * New follow-ups, carried to the next agenda until done.
       */
      tasks?: {
        /**
         * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
         */
        id: string;
        /**
         * The agenda item the task comes from: its § number as printed, or its id. A task from a confidential item is withheld from public output with it; in a meeting with confidential items, a task that names no item is withheld too.
         */
        item?: number | string;
        /**
         * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
         */
        title: string;
        /**
         * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
         */
        responsible: string;
        /**
         * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
         */
        due?: string;
        done?: boolean;
      }[];
    };
  }
  /**
   * An item on a meeting's agenda (dagordning).
   */
  export interface AgendaItem {
    /**
     * What the item is about.
     */
    title: string;
    /**
     * information, decision, discussion, follow-up or report.
     */
    type?: 'information' | 'decision' | 'discussion' | 'follow-up' | 'report';
    /**
     * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
     */
    presenter?: string;
    /**
     * Minutes set aside for the item; the notice shows each item's start time.
     */
    duration_minutes?: number;
    /**
     * A longer description of the item.
     */
    description?: string;
    /**
     * Documents or plan items the item concerns, e.g. handlingsplan-nb/a3.
     */
    refs?: string[];
    /**
     * Papers that go with the item (handlingar).
     */
    documents?: string[];
    /**
     * Only in case groups: a case code such as Ä-2009-003. Never a name or an identity number.
     */
    case?: string;
    /**
     * true if the item falls under confidentiality (sekretess): public output shows only its number.
     */
    confidential?: boolean;
    /**
     * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
     */
    id?: string;
    /**
     * The item's § number as printed. When absent, items are numbered in file order from the meeting's first_number, each one after the previous.
     */
    number?: number;
    /**
     * The formal items that `meeting new` writes: opening (mötets öppnande), adjusters (val av justerare), agenda (godkännande av dagordningen), previous (föregående protokoll, with the previous minutes' meeting id in refs), follow-up (uppföljning), other (övriga frågor), next (nästa möte), closing (mötets avslutande). Absent for an ordinary item.
     */
    role?: 'opening' | 'adjusters' | 'agenda' | 'previous' | 'follow-up' | 'other' | 'next' | 'closing';
    /**
     * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
     */
    proposal?: string;
    /**
     * Bilagor: papers attached to the item, each with a link or a file next to the meeting file.
     */
    attachments?: (
      | {
          /**
           * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
           */
          title: string;
          /**
           * A link to it (https).
           */
          href: string;
        }
      | {
          /**
           * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
           */
          title: string;
          /**
           * A file path relative to the meeting file, inside the workspace.
           */
          file: string;
        }
    )[];
    /**
     * On a follow-up item: what it follows up, written by `meeting new` as it was when the meeting was prepared (open tasks of earlier minutes, plan actions overdue or due soon). A record: later changes to the tasks and actions do not change it.
     */
    follow_up?: {
      /**
       * A document id (agreement, plan, group, assessment, meeting) or a plan item as <plan-id>/<item-id>.
       */
      ref: string;
      /**
       * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
       */
      title: string;
      /**
       * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
       */
      responsible?: string;
      /**
       * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
       */
      due?: string;
      /**
       * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
       */
      status: string;
      /**
       * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
       */
      overdue_since?: string;
    }[];
  }
  /**
   * The next meeting as the minutes say it: a date, and a time and place if they were said.
   */
  export interface NextMeeting {
    /**
     * A date written YYYY-MM-DD, between 1900-01-01 and 2199-12-31.
     */
    date: string;
    /**
     * Start time, HH:MM in quotes.
     */
    start?: string;
    /**
     * Where.
     */
    location?: string;
  }
}

export namespace Assessment {
  /**
   * A mapping of organisations against criteria, its results and the development areas it found.
   */
  export interface AssessmentDoc {
    kind: 'assessment';
    /**
     * The assessment's id.
     */
    id: string;
    /**
     * The assessment's title.
     */
    title: string;
    /**
     * Date of the report.
     */
    date: string;
    /**
     * How the mapping was done.
     */
    method?: string;
    /**
     * Person, group or organisation id of who did it.
     */
    conducted_by?: string;
    /**
     * The main findings in a few sentences.
     */
    summary?: string;
    /**
     * Organisation ids that were assessed.
     *
     * @minItems 1
     */
    subjects: [string, ...string[]];
    /**
     * What each subject was assessed against.
     *
     * @minItems 1
     */
    criteria: [
      {
        /**
         * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
         */
        id: string;
        /**
         * governance, organisation, collaboration, competence or another area name.
         */
        area: string;
        /**
         * The criterion as a statement.
         */
        text: string;
      },
      ...{
        /**
         * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
         */
        id: string;
        /**
         * governance, organisation, collaboration, competence or another area name.
         */
        area: string;
        /**
         * The criterion as a statement.
         */
        text: string;
      }[]
    ];
    /**
     * One rating per subject and criterion.
     */
    results?: {
      /**
       * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
       */
      subject: string;
      /**
       * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
       */
      criterion: string;
      /**
       * met, partly, not-met, not-applicable (the criterion does not apply to this organisation, e.g. it runs no such service) or unknown (it applies, but was not found out).
       */
      rating: 'met' | 'partly' | 'not-met' | 'not-applicable' | 'unknown';
      /**
       * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
       */
      note?: string;
    }[];
    /**
     * Utvecklingsområden: what needs to improve, where, and the plan actions that address it.
     */
    development_areas?: {
      /**
       * A slug: lower-case letters a–z, digits and hyphens, starting with a letter or digit, at most 64 characters. Ids can never be paths.
       */
      id: string;
      /**
       * Free text. Markdown is allowed in long text fields; HTML is shown as plain text.
       */
      text: string;
      /**
       * Organisation ids it concerns; all subjects if left out.
       */
      subjects?: string[];
      /**
       * Plan actions that address it, as <plan-id>/<action-id>.
       */
      actions?: string[];
    }[];
  }
}
