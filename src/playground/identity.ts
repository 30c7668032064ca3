// The playground's Slack workspace: its team, the app's bot, the people one can act as, and the channels.
// Ids have Slack's shapes (the app's payload checks refuse anything else).

export type PlaygroundRole = 'admin' | 'manager' | 'rep';

export interface PlaygroundPerson {
  readonly id: string;
  /** The handle (`@priya`), what a slash command's `user_name` carries. */
  readonly handle: string;
  readonly realName: string;
  /** The role the demo gives them (the app stores roles; this is what the seed asks it for). */
  readonly role: PlaygroundRole;
  readonly title: string;
  readonly timeZone: string;
  /** Their Slack locale (users.info with include_locale). */
  readonly locale: string;
}

export interface PlaygroundChannel {
  readonly id: string;
  readonly name: string;
  readonly purpose: string;
}

export const PLAYGROUND_TEAM = {
  id: 'T0PLAYGRND',
  domain: 'pipeline-playground',
  name: 'Acme Sales (playground)',
  appId: 'A0PLAYAPP01',
  botId: 'B0PLAYBOT01',
  botUserId: 'U0PLAYBOT01',
  botName: 'Pipeline',
} as const;

export const PLAYGROUND_PEOPLE: readonly PlaygroundPerson[] = [
  {
    id: 'U0PLAYADM01',
    handle: 'priya',
    realName: 'Priya Shah',
    role: 'admin',
    title: 'Sales operations',
    timeZone: 'Europe/London',
    locale: 'en-GB',
  },
  {
    id: 'U0PLAYREP01',
    handle: 'alex',
    realName: 'Alex Morgan',
    role: 'rep',
    title: 'Account executive',
    timeZone: 'Europe/Berlin',
    locale: 'de-DE',
  },
  {
    id: 'U0PLAYREP02',
    handle: 'sam',
    realName: 'Sam Rivera',
    role: 'rep',
    title: 'Account executive',
    timeZone: 'America/New_York',
    locale: 'en-US',
  },
  {
    id: 'U0PLAYMGR01',
    handle: 'jo',
    realName: 'Jo Chen',
    role: 'manager',
    title: 'Sales manager',
    timeZone: 'Asia/Singapore',
    locale: 'zh-CN',
  },
];

export const PLAYGROUND_CHANNELS: readonly PlaygroundChannel[] = [
  { id: 'C0PLAYSALES', name: 'sales', purpose: 'Where the team works its opportunities' },
  { id: 'C0PLAYDIGST', name: 'pipeline', purpose: 'Digests and announcements' },
];

export const SALES_CHANNEL = PLAYGROUND_CHANNELS[0] as PlaygroundChannel;
export const DIGEST_CHANNEL = PLAYGROUND_CHANNELS[1] as PlaygroundChannel;
export const FIRST_PERSON = PLAYGROUND_PEOPLE[0] as PlaygroundPerson;

/** The app's direct-message channel with a person (Slack: `D…`). */
export function directChannelOf(userId: string): string {
  return `D${userId.slice(1)}`;
}

export function personById(userId: string): PlaygroundPerson | undefined {
  return PLAYGROUND_PEOPLE.find((p) => p.id === userId);
}
