// Sentences for failures no user caused, and the app's own notices. Part of the one catalogue.
import { trusted } from '../markup.ts';
const english = {
  databaseUnavailable:
    'The pipeline database is not reachable right now, so nothing was changed. Please try again in a moment.',
  unexpected:
    'Something went wrong on our side and nothing was changed. Please try again; if it keeps happening, tell your admin.',
  savedNotShown:
    'Your change was saved, but it could not be read back to show it just now. Look at the opportunity again in a moment instead of making the change again.',
  slackUnavailable:
    "Slack didn't accept our reply just now. Your change was saved; run the command again to see the result.",
  privateChannel:
    "I can't post in this conversation. Invite me to the channel (`/invite @Pipeline`) or use a public channel.",
  notInWorkspace: "This request came from a workspace I don't know; nothing was done.",
  malformedRequest: "That request didn't look like one from Slack, so nothing was done. Please try again.",
  formContextRefused:
    "This form can't be saved: it was opened more than a day ago, by someone else, or it was changed on the way. Nothing was saved or posted. Close it and open it again from the opportunity's card or with `/opp`.",
  workspaceMismatch:
    'This request named a different workspace from the one it came from, so nothing was done. Please try again from Slack.',
  alreadyHandled:
    'That exact request was already handled, so nothing was changed this time. To do it again, run the command or click the button again.',
  helpPointer: 'Type `/opp help` for examples.',
  savingTitle: 'Saving…',
  savingText: 'Saving your changes…',
  savedTitle: 'Saved',
  savedText: 'Your changes were saved.',
  notSavedTitle: 'Not saved',
  notSavedHint: 'Nothing was changed. Press Back to correct the form and submit it again.',
  done: 'Done',
  back: 'Back',
} as const;

export const system = trusted(english);
