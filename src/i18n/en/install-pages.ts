// The pages a browser shows during an OAuth installation: plain text (HTML-escaped where it is placed),
// not Slack markup. Part of the one catalogue.
export const installPages = {
  retry: (installPath: string) => `Start again from ${installPath}.`,
  installed: {
    title: 'Pipeline is installed',
    text: (where: string) =>
      `Pipeline is now installed in ${where}. Open Slack and type /opp help to start. You installed it, so you are its admin in this workspace.`,
  },
  cancelled: {
    title: 'Installation cancelled',
    text: (retry: string) => `Pipeline was not installed: the installation was cancelled. ${retry}`,
  },
  expired: {
    title: 'Installation link expired',
    text: (retry: string) =>
      `Pipeline was not installed: this installation link is incomplete, expired or was opened in another browser. ${retry}`,
  },
  failed: {
    title: 'Installation failed',
    text: (retry: string) =>
      `Pipeline was not installed: something went wrong while completing the installation. ${retry}`,
  },
  databaseDown: {
    title: 'Installation failed',
    text: (installPath: string) =>
      `Pipeline could not start the installation: its database is not reachable right now. Start again from ${installPath} in a moment.`,
  },
  /** Where it was installed when Slack names no team. */
  somewhere: 'Slack',
} as const;
