// Sentences that confirm what a command did, and the channel announcements. Part of the one catalogue.
export const notices = {
  cycleAdded: (code: string) =>
    `Sales cycle ${code} added. Add its stages with \`/opp stage add ${code} <stage no> <description> completed:<pct> chance:<pct>\`.`,
  stageAdded: (cycle: string, stage: number) => `Stage ${stage} added to sales cycle ${cycle}.`,
  codeAdded: (code: string, type: 'won' | 'lost') => `Close code ${code} (${type === 'won' ? 'Won' : 'Lost'}) added.`,
  contactAdded: (name: string, no: string, customerNo: string | null) =>
    `Contact ${name} (${no}) added${customerNo ? `, with customer ${customerNo}` : ''}.`,
  customerAdded: (name: string, no: string, created: boolean) =>
    created ? `Customer ${no} created for ${name}.` : `${name} is already customer ${no}.`,
  activityAdded: (code: string, steps: number) =>
    `Activity ${code} added with ${steps} ${steps === 1 ? 'step' : 'steps'}.`,
  activityList: (lines: string[]) =>
    lines.length
      ? `*Activities*\n${lines.join('\n')}`
      : 'No activities yet. Add one with `/opp activity add <CODE> <description> step:"Call;1W"`.',
  activityLine: (code: string, description: string, steps: string) =>
    `• *${code}* ${description}${steps ? ` — ${steps}` : ''}`,
  created: (no: string) => `Opportunity ${no} created.`,
  moved: (no: string) => `Opportunity ${no} updated.`,
  deleted: (no: string, description: string) => `Opportunity ${no} (${description}) and its history were deleted.`,
  purged: (count: number) => `${count} closed ${count === 1 ? 'opportunity was' : 'opportunities were'} deleted.`,
  purgeCancelled: 'Nothing was deleted.',
  purgeExpired:
    'This confirmation has expired, so nothing was deleted. Run `/opp purge` again to see what would be deleted.',
  wonAnnouncement: (userId: string, no: string, description: string, amount: string) =>
    `:tada: <@${userId}> won ${no} ${description} (${amount}).`,
  quoteAnnouncement: (userId: string, quoteNo: string, no: string, description: string, amount: string) =>
    `:page_facing_up: <@${userId}> created sales quote ${quoteNo} for ${no} ${description} (${amount}).`,
  orderAnnouncement: (userId: string, orderNo: string, no: string, amount: string) =>
    `:package: <@${userId}> made sales order ${orderNo} from the quote of ${no} (${amount}).`,
  laterVersion: (what: string) => `${what} aren't available in this version yet; nothing was changed.`,
  digestsLater: 'Pipeline digests, statistics and exports',
  rolesLater: 'Roles and workspace administration',
  helpTitle: 'Pipeline — /opp',
} as const;
