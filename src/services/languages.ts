// Which language a member or a channel is written to in. A member's own choice (`/opp language fr`)
// overrides their Slack locale; a channel's choice, else the workspace's language, else English, decides
// the language of what is posted there. Read fresh on every request (one primary-key lookup), so a
// choice made through one app instance is followed at once by every other.
import { INPUT_LANGUAGES, type InputLanguage } from '../domain/typed-input/language.ts';
import type { SqlDatabase } from '../store/kysely.ts';
import type { Clock } from './clock.ts';
import { transaction } from './db.ts';
import { ensureWorkspace } from './workspace.ts';

type Scope = 'member' | 'channel';

/** The language a stored choice names (null: none, or one this version does not know). */
export function asLanguage(text: string | null | undefined): InputLanguage | null {
  return INPUT_LANGUAGES.find((language) => language === text) ?? null;
}

export interface ChannelLanguage {
  language: InputLanguage;
  /** Where it comes from: the channel's own choice, the workspace's language, or neither (English). */
  source: 'channel' | 'workspace' | 'default';
}

/** A channel's language from its own choice and the workspace's language (as stored; either may be absent). */
export function channelLanguageOf(
  channelChoice: string | null | undefined,
  workspaceLanguage: string | null | undefined,
): ChannelLanguage {
  const own = asLanguage(channelChoice);
  if (own) return { language: own, source: 'channel' };
  const workspace = asLanguage(workspaceLanguage);
  if (workspace) return { language: workspace, source: 'workspace' };
  return { language: 'en', source: 'default' };
}

export class LanguageService {
  constructor(
    private readonly db: SqlDatabase,
    private readonly clock: Clock,
  ) {}

  /** The language a member chose for themselves; null: they follow their Slack locale. */
  async memberChoice(workspaceId: string, userId: string): Promise<InputLanguage | null> {
    return this.choice(workspaceId, 'member', userId);
  }

  /** The language of the posts in a channel. */
  async channelLanguage(workspaceId: string, channelId: string): Promise<ChannelLanguage> {
    const row = await this.db
      .selectFrom('workspace')
      .leftJoin('language_choice', (join) =>
        join
          .onRef('language_choice.workspace_id', '=', 'workspace.id')
          .on('language_choice.scope', '=', 'channel')
          .on('language_choice.subject_id', '=', channelId),
      )
      .select(['workspace.language as workspaceLanguage', 'language_choice.language as channelLanguage'])
      .where('workspace.id', '=', workspaceId)
      .executeTakeFirst();
    return channelLanguageOf(row?.channelLanguage, row?.workspaceLanguage);
  }

  /** Sets (or, with null, forgets) a member's own language. */
  chooseForMember(workspaceId: string, userId: string, language: InputLanguage | null): Promise<void> {
    return this.choose(workspaceId, 'member', userId, language, userId);
  }

  /** Sets (or, with null, forgets) a channel's language. */
  chooseForChannel(
    workspaceId: string,
    channelId: string,
    language: InputLanguage | null,
    chosenBy: string,
  ): Promise<void> {
    return this.choose(workspaceId, 'channel', channelId, language, chosenBy);
  }

  private async choice(workspaceId: string, scope: Scope, subjectId: string): Promise<InputLanguage | null> {
    const row = await this.db
      .selectFrom('language_choice')
      .select('language')
      .where('workspace_id', '=', workspaceId)
      .where('scope', '=', scope)
      .where('subject_id', '=', subjectId)
      .executeTakeFirst();
    return asLanguage(row?.language);
  }

  private async choose(
    workspaceId: string,
    scope: Scope,
    subjectId: string,
    language: InputLanguage | null,
    chosenBy: string,
  ): Promise<void> {
    await transaction(this.db, async (tx) => {
      await ensureWorkspace(tx, workspaceId);
      if (language === null) {
        await tx
          .deleteFrom('language_choice')
          .where('workspace_id', '=', workspaceId)
          .where('scope', '=', scope)
          .where('subject_id', '=', subjectId)
          .execute();
        return;
      }
      const row = {
        workspace_id: workspaceId,
        scope,
        subject_id: subjectId,
        language,
        chosen_by: chosenBy,
        updated_at: this.clock.now(),
      };
      await tx
        .insertInto('language_choice')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['workspace_id', 'scope', 'subject_id'])
            .doUpdateSet({ language, chosen_by: chosenBy, updated_at: row.updated_at }),
        )
        .execute();
    });
  }
}
