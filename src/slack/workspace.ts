// One source for the workspace a request runs in: the team Bolt authorised it for (context.teamId: in
// OAuth mode the team of the installation whose token the request runs with; with one bot token the team
// Bolt read from the payload, see buildSource in @slack/bolt's App.js). A step of the inbound middleware
// checks that every team id the body names is that one, then puts it on the context; every listener
// reads it with workspaceOf. A body that names any other team (a view submitted from a workspace that
// never installed the app, carrying an installed one's app_installed_team_id; an event whose envelope
// and authorization disagree; a click whose team and user's team differ) runs nothing.
import type { Context } from '@slack/bolt';
import type { Markup } from '../i18n/markup.ts';
import { type MiddlewareStepArgs, refuseRequest } from './middleware/refusal.ts';

/** The context key the verified workspace is kept under. */
const VERIFIED_WORKSPACE = 'verifiedWorkspaceId';

type Body = Record<string, unknown>;

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Body)[key] : undefined;
}

/** Every team id the body names, wherever Slack (or someone editing the payload) may put one. */
export function teamIdsNamed(body: Body): string[] {
  const named: unknown[] = [];
  if (typeof body.command === 'string') {
    named.push(body.team_id);
  } else if (body.type === 'event_callback') {
    named.push(body.team_id);
    const authorizations = Array.isArray(body.authorizations) ? (body.authorizations as unknown[]) : [];
    for (const authorization of authorizations) named.push(field(authorization, 'team_id'));
  } else {
    // Interactions: buttons, option loads, view submissions (view_closed and shortcuts alike).
    named.push(field(body.team, 'id'), field(body.user, 'team_id'));
    named.push(field(body.view, 'team_id'), field(body.view, 'app_installed_team_id'));
  }
  const ids = named.filter((id): id is string => typeof id === 'string' && id !== '');
  return [...new Set(ids)];
}

/**
 * True when the request may go on, with its workspace on the context. Otherwise it is answered here
 * (`sentence` where the surface shows one), logged, and dropped.
 */
export async function verifyWorkspace(args: MiddlewareStepArgs, sentence: Markup): Promise<boolean> {
  const body = args.body as Body;
  const authorised = args.context.teamId;
  const named = teamIdsNamed(body);
  const others = named.filter((id) => id !== authorised);
  if (typeof authorised === 'string' && authorised !== '' && others.length === 0) {
    args.context[VERIFIED_WORKSPACE] = authorised;
    return true;
  }
  const kind = String(body.type ?? body.command ?? 'request');
  args.logger.warn(
    `refused a ${kind}: authorised for workspace ${authorised ?? '(none)'} but it names ${named.join(', ') || 'no workspace'}`,
  );
  await refuseRequest(args, sentence);
  return false;
}

/** The workspace the request runs in, as verifyWorkspace found it: the only one listeners use. */
export function workspaceOf(context: Context): string {
  const id = context[VERIFIED_WORKSPACE];
  if (typeof id !== 'string' || id === '') throw new Error('the workspace of this request was not verified');
  return id;
}
