/**
 * Identifiers shared by the fake Slack Web API and the request builders, so that a request built with the
 * defaults and the fake's answers describe the same workspace, app and bot.
 */
export const SLACK_DEFAULTS = {
  teamId: 'T0PIPE0001',
  teamDomain: 'acme-sales',
  teamName: 'Acme Sales',
  enterpriseId: null,
  appId: 'A0PIPE0001',
  botId: 'B0PIPE0001',
  botUserId: 'U0PIPEBOT1',
  botName: 'pipeline_assistant',
  userId: 'U0REP00001',
  userName: 'ana.rep',
  channelId: 'C0SALES001',
  channelName: 'sales',
  /** Legacy verification token. Slack still sends it; apps must ignore it and verify signatures instead. */
  verificationToken: 'vErIfIcAtIoNtOkEn0000000',
  botToken: 'xoxb-1000000000001-1000000000002-fakebottoken000000000001',
  signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
} as const;

export type SlackDefaults = typeof SLACK_DEFAULTS;
