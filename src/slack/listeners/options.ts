// external_select option loads (contact pickers): answered inside the ack, within Slack's 3 seconds.
import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { companySearchOptions, contactSearchOptions, type PlainTextOption } from '../blocks/index.ts';
import { presenterFor } from '../../i18n/presenter.ts';
import { requestContext } from '../request-context.ts';
import { workspaceOf } from '../workspace.ts';
import type { SlackDeps } from './support.ts';

const OPTIONS_BUDGET_MS = 2_000;

type OptionsArgs = SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs;

export function contactOptionsListener(deps: SlackDeps, companiesOnly: boolean) {
  return async ({ ack, body, logger, context, client }: OptionsArgs): Promise<void> => {
    const workspaceId = workspaceOf(context);
    const query = String(body.value ?? '').slice(0, 100);
    let options: PlainTextOption[] = [];
    try {
      const search = deps.users.resolve(client, workspaceId, body.user.id).then(async (user) => {
        const ctx = requestContext(deps, { workspaceId, user, surface: 'options' });
        const contacts = await deps.useCases.setup.searchContacts(ctx, { text: query, limit: 100 });
        const p = presenterFor(ctx.locale);
        return companiesOnly ? companySearchOptions(p, contacts) : contactSearchOptions(p, contacts);
      });
      const found = await Promise.race([
        search,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), OPTIONS_BUDGET_MS).unref()),
      ]);
      if (found) options = found;
    } catch (error) {
      logger.error(error);
    }
    await ack({ options });
  };
}
