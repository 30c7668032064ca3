// Sentences that confirm what a command did, and the channel announcements. Part of the one catalogue.
import { icuFor } from '../icu.ts';
import { trusted } from '../markup.ts';

const m = icuFor('en');

interface ShownSettings {
  repsSeeOnlyOwn: boolean;
  repsAddContacts: boolean;
  currency: string;
  defaultSalesCycleCode: string | null;
  staleDays: number;
  /** The workspace's language for channel posts, by name. */
  language: string;
}
const english = {
  cycleAdded: (code: string) =>
    `Sales cycle ${code} added. Add its stages with \`/opp stage add ${code} &lt;stage no&gt; &lt;description&gt; completed:&lt;pct&gt; chance:&lt;pct&gt;\`.`,
  stageAdded: (cycle: string, stage: number) => `Stage ${stage} added to sales cycle ${cycle}.`,
  codeAdded: (code: string, type: 'won' | 'lost') => `Close code ${code} (${type === 'won' ? 'Won' : 'Lost'}) added.`,
  // ---- setup edits: each change reads "field before → after"; they are joined with "; "
  setupField: {
    description: 'description',
    completed: 'completed',
    chances: 'chances of success',
    quoteRequired: 'quote required',
    allowSkip: 'can be skipped',
    dateFormula: 'date formula',
    activity: 'activity',
    calculation: 'probability calculation',
    name: 'name',
    company: 'company',
    customer: 'customer',
  },
  setupChange: (field: string, before: string, after: string) => `${field} ${before} → ${after}`,
  setupNone: 'none',
  quoted: (text: string) => `“${text}”`,
  setupUnchanged: 'Nothing changed: it already had those values.',
  cycleEdited: (code: string, changes: string, calculationChanged: boolean) =>
    `Sales cycle ${code} changed: ${changes}.${calculationChanged ? ' Opportunities keep the probability their entries were made with; the new calculation applies from their next change.' : ''}`,
  stageEdited: (cycle: string, stage: number, changes: string) =>
    `Stage ${stage} of sales cycle ${cycle} changed: ${changes}. Entries already made keep their figures; the new values apply from the next move into, or update at, this stage.`,
  codeEdited: (code: string, changes: string) => `Close code ${code} changed: ${changes}.`,
  contactEdited: (name: string, no: string, changes: string, handedOver: number, oldCompany: string | null) =>
    `Contact ${name} (${no}) changed: ${changes}.` +
    (handedOver > 0 && oldCompany !== null
      ? m(
          ' {n, plural, one {# opportunity} other {# opportunities}} of theirs at {company} stay with {company}, now their contact (with its history, tasks, quote and order), as in Business Central.',
          { n: handedOver, company: oldCompany },
        )
      : ''),
  cycleBlocked: (code: string, blocked: boolean) =>
    blocked
      ? `Sales cycle ${code} is blocked: new opportunities can't use it; the ones that do go on as before.`
      : `Sales cycle ${code} is no longer blocked: new opportunities can use it again.`,
  cycleDeleted: (code: string) => `Sales cycle ${code} deleted, with its stages.`,
  stageDeleted: (cycle: string, stage: number) => `Stage ${stage} deleted from sales cycle ${cycle}.`,
  codeDeleted: (code: string) => `Close code ${code} deleted.`,
  contactAdded: (name: string, no: string, customerNo: string | null) =>
    `Contact ${name} (${no}) added${customerNo ? `, with customer ${customerNo}` : ''}.`,
  customerAdded: (name: string, no: string, created: boolean) =>
    created ? `Customer ${no} created for ${name}.` : `${name} is already customer ${no}.`,
  activityAdded: (code: string, steps: number) =>
    m('Activity {code} added with {steps, plural, one {# step} other {# steps}}.', { code, steps }),
  activityList: (lines: string[]) =>
    lines.length
      ? `*Activities*\n${lines.join('\n')}`
      : 'No activities yet. Add one with `/opp activity add &lt;CODE&gt; &lt;description&gt; step:"Call;1W"`.',
  activityLine: (code: string, description: string, steps: string) =>
    `• *${code}* ${description}${steps ? ` — ${steps}` : ''}`,
  created: (no: string) => `Opportunity ${no} created.`,
  moved: (no: string) => `Opportunity ${no} updated.`,
  /** The direct message a new salesperson gets when someone else gives them an opportunity. */
  reassignedToYou: (actor: string, no: string, description: string, from: string | null) =>
    `${actor} made you the salesperson of *${no}* ${description}${from ? ` (it was ${from}'s)` : ''}. \`/opp show ${no}\` shows it.`,
  reassignedFallback: (no: string) => `You are now the salesperson of ${no}.`,
  deleted: (no: string, description: string) => `Opportunity ${no} (${description}) and its history were deleted.`,
  purged: (count: number) =>
    m('{count, plural, one {# closed opportunity was} other {# closed opportunities were}} deleted.', { count }),
  purgeCancelled: 'Nothing was deleted.',
  purgeExpired:
    'This confirmation has expired, so nothing was deleted. Run `/opp purge` again to see what would be deleted.',
  wonAnnouncement: (person: string, no: string, description: string, amount: string) =>
    `:tada: ${person} won ${no} ${description} (${amount}).`,
  quoteAnnouncement: (person: string, quoteNo: string, no: string, description: string, amount: string) =>
    `:page_facing_up: ${person} created sales quote ${quoteNo} for ${no} ${description} (${amount}).`,
  orderAnnouncement: (person: string, orderNo: string, no: string, amount: string) =>
    `:package: ${person} made sales order ${orderNo} from the quote of ${no} (${amount}).`,
  digestPosted: 'The pipeline digest is posted in this channel.',
  digestDelayed: (reason: string) => `The digest couldn't be posted just now (${reason}); I'll try again shortly.`,
  digestRateLimited: 'Slack asked us to slow down',
  subscribed: (channel: string, schedule: string, next: string) =>
    `${channel} will get the pipeline digest ${schedule}. The next one: ${next}.`,
  subscriptionReplaced: (channel: string, schedule: string, cycle: string | null) =>
    `It replaces the digest ${channel} had ${schedule}${cycle ? ` (sales cycle ${cycle})` : ''}: a channel has one schedule.`,
  unsubscribed: (channel: string) => `${channel} won't get scheduled digests any more.`,
  notSubscribed: (channel: string) => `${channel} has no scheduled digest, so nothing changed.`,
  noSubscriptions:
    'No channel has a scheduled digest yet. Start one with `/opp subscribe #channel weekly day:monday at:08:00`.',
  subscriptionsTitle: '*Scheduled digests*',
  subscriptionLine: (channel: string, schedule: string, cycle: string | null, next: string) =>
    `• ${channel} ${schedule}${cycle ? ` (sales cycle ${cycle})` : ''} — next ${next}`,
  scheduleDaily: (at: string, zone: string) => `every day at ${at} (${zone})`,
  scheduleWeekly: (weekday: string, at: string, zone: string) => `every ${weekday} at ${at} (${zone})`,
  scheduleMonthly: (day: number, at: string, zone: string) =>
    `every month on ${day >= 31 ? 'the last day' : `day ${day}`} at ${at} (${zone})`,
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  exported: (count: number) =>
    m(
      'Exported {count, plural, one {# opportunity} other {# opportunities}}: the CSV file is in your direct messages with the app.',
      { count },
    ),
  exportSent: (count: number) =>
    m('Your export: {count, plural, one {# opportunity} other {# opportunities}}, as a CSV file.', { count }),
  exportTitle: (date: string) => `Opportunities ${date}`,
  exportFailed:
    "Slack didn't take the CSV file just now, so nothing was sent to you. Please run the export again in a moment.",
  firstAdmin:
    'Nobody had the admin role in this workspace yet, so you are now its admin: you set up sales cycles, codes and contacts and give people roles with `/opp role @user admin|manager|rep` (see `/opp roles`).',
  roleGranted: (person: string, role: 'admin' | 'manager' | 'rep') =>
    `${person} is now ${roleWithArticle(role)} in this workspace.`,
  roleUnchanged: (person: string, role: 'admin' | 'manager' | 'rep') =>
    `${person} is already ${roleWithArticle(role)}, so nothing changed.`,
  /** Admins and managers as mentions. */
  roles: (admins: string[], managers: string[]) =>
    [
      '*Roles in this workspace*',
      `Admins: ${mentions(admins)}`,
      `Managers: ${mentions(managers)}`,
      'Everyone else is a rep. Admins change roles with `/opp role @user admin|manager|rep`.',
    ].join('\n'),
  settings: (s: ShownSettings) =>
    [
      '*Settings of this workspace*',
      `• Reps see only their own opportunities: ${s.repsSeeOnlyOwn ? 'yes' : 'no'} (\`reps-see-own:${s.repsSeeOnlyOwn ? 'no' : 'yes'}\` to change it)`,
      `• Reps and managers add contacts: ${s.repsAddContacts ? 'yes' : 'no, only admins'} (\`reps-add-contacts:${s.repsAddContacts ? 'no' : 'yes'}\` to change it)`,
      `• Currency of amounts: ${s.currency} (\`currency:EUR\`, say)`,
      `• Default sales cycle of new opportunities: ${s.defaultSalesCycleCode ?? 'none'} (\`default-cycle:&lt;CODE&gt;\` or \`default-cycle:none\`)`,
      `• Digests call an opportunity stale after ${m('{n, plural, one {# day} other {# days}}', { n: s.staleDays })} without a change (\`stale-days:&lt;days&gt;\`)`,
      `• Language of channel posts: ${s.language} (\`language:fr\`; a channel may choose its own with \`/opp language #channel fr\`)`,
      'Admins change them with `/opp setting &lt;key&gt;:&lt;value&gt;`, several at once if they like.',
    ].join('\n'),
  repsSeeOwnChanged: (repsSeeOnlyOwn: boolean) =>
    repsSeeOnlyOwn
      ? 'Reps now see only the opportunities where they are the salesperson; managers and admins still see all.'
      : 'Reps now see all opportunities of the workspace again (they still change only their own).',
  repsAddContactsChanged: (repsAddContacts: boolean) =>
    repsAddContacts
      ? 'Reps and managers may now add contacts (`/opp contact add`), so a new prospect need not wait for an admin.'
      : 'Only admins add contacts now; reps and managers pick from the contacts there are.',
  languageChanged: (language: string) =>
    `Channels that chose no language of their own now get digests and announcements in ${language}.`,
  /** `/opp language`: what is in force for the person and, in a channel, for its posts. */
  languageShown: (yours: string, chosen: boolean, channel: string | null, channelLanguage: string | null) =>
    [
      chosen
        ? `I answer you in ${yours}, as you chose (\`/opp language auto\` to follow your Slack language).`
        : `I answer you in ${yours}, your Slack language (\`/opp language fr\`, say, to choose another).`,
      channel && channelLanguage ? `Digests and announcements in ${channel} are written in ${channelLanguage}.` : null,
      'Languages: `en`, `fr`, `it`, `nb`, `zh`. Managers and admins choose a channel’s with `/opp language #channel fr`.',
    ]
      .filter((line) => line !== null)
      .join('\n'),
  languageChosen: (language: string) => `From now on I answer you in ${language}.`,
  languageAuto: (language: string) => `I follow your Slack language again: ${language}.`,
  channelLanguageChosen: (channel: string, language: string) =>
    `Digests and announcements in ${channel} will now be written in ${language}.`,
  channelLanguageAuto: (channel: string, language: string) =>
    `${channel} has no language of its own any more: its digests and announcements follow the workspace’s, ${language}.`,
  currencyChanged: (currency: string) => `Amounts are now shown in ${currency}.`,
  defaultCycleChanged: (code: string | null) =>
    code === null
      ? 'New opportunities have no default sales cycle now: with several cycles, people choose one.'
      : `New opportunities now get sales cycle ${code} unless another is chosen.`,
  staleDaysChanged: (days: number) =>
    m('Digests now call an opportunity stale after {days, plural, one {# day} other {# days}} without a change.', {
      days,
    }),
  workspaceDeleted: (opportunities: number, contacts: number) =>
    m(
      "All of this workspace's pipeline data was deleted: {opportunities, plural, one {# opportunity} other {# opportunities}}, {contacts, plural, one {# contact} other {# contacts}}, and the setup, subscriptions, roles and settings. As in a new workspace, the next person to use /opp becomes its admin.",
      { opportunities, contacts },
    ),
  workspaceDeleteCancelled: 'Nothing was deleted.',
  workspaceDeleteExpired:
    'This confirmation has expired or was already used, so nothing was deleted. Run `/opp workspace delete` again if you still mean it.',
  // ---- channel alerts (`/opp alert …`) and the messages they post
  alerts: {
    added: (id: number, channel: string, kinds: string, filters: string) =>
      `Alert ${id}: ${channel} will hear when opportunities are ${kinds} (${filters}). Several changes of one opportunity within a minute are one message. \`/opp alert remove ${id}\` ends it.`,
    removed: (id: number, channel: string) =>
      `Alert ${id} removed: ${channel} won't hear about those changes any more.`,
    none: 'No channel has alerts yet. Start one with `/opp alert #deals won lost value:&gt;50k`.',
    title: '*Channel alerts*',
    line: (id: number, channel: string, kinds: string, filters: string) =>
      `• *${id}* ${channel}: ${kinds} (${filters})`,
    lineDisabled: (id: number, channel: string, kinds: string, filters: string, since: string) =>
      `• *${id}* ${channel}: ${kinds} (${filters}) — off since ${since}: I can't post there any more`,
    kinds: { created: 'created', stage: 'moved to another stage', won: 'won', lost: 'lost', reassigned: 'reassigned' },
    kindSeparator: ', ',
    everyOpportunity: 'every opportunity',
    valueAbove: (amount: string) => `value above ${amount}`,
    valueAtLeast: (amount: string) => `value at least ${amount}`,
    valueBelow: (amount: string) => `value below ${amount}`,
    valueAtMost: (amount: string) => `value at most ${amount}`,
    cycleFilter: (code: string) => `sales cycle ${code}`,
    ownerFilter: (person: string) => `salesperson ${person}`,
    filterSeparator: ' · ',
    someone: 'Someone',
    created: (person: string, no: string, description: string) => `:new: ${person} created *${no}* ${description}.`,
    moved: (person: string, no: string, description: string, stage: string) =>
      `:arrow_right: ${person} moved *${no}* ${description} to stage ${stage}.`,
    won: (person: string, no: string, description: string, amount: string) =>
      `:tada: ${person} won *${no}* ${description} (${amount}).`,
    lost: (person: string, no: string, description: string, amount: string) =>
      `:x: ${person} lost *${no}* ${description} (${amount}).`,
    reassigned: (person: string, no: string, description: string, to: string) =>
      `:bust_in_silhouette: ${person} gave *${no}* ${description} to ${to}.`,
    figures: (stage: string, value: string, weighted: string, closing: string, owner: string) =>
      `Stage: ${stage} · Value: ${value} · Weighted: ${weighted} · Closing: ${closing} · Salesperson: ${owner}`,
    fallback: (no: string, description: string) => `Pipeline alert: ${no} ${description}`,
    disabledForAdmins: (id: number, channel: string, reason: string) =>
      `Alert ${id} for ${channel} is off: I can't post there any more (Slack says \`${reason}\`; the channel was archived or deleted, or I was removed from it). Invite me back and set it up again with \`/opp alert\`, or remove it with \`/opp alert remove ${id}\`.`,
  },
} as const;

export const notices = trusted(english);

function roleWithArticle(role: 'admin' | 'manager' | 'rep'): string {
  return role === 'admin' ? 'an admin' : role === 'manager' ? 'a manager' : 'a rep';
}

function mentions(people: string[]): string {
  return people.length === 0 ? 'none' : people.join(', ');
}
