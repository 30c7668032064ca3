// Bolt's StateStore over the one-use install states of src/services/oauth-states.ts. Unknown, used or
// expired states throw @slack/oauth's InvalidStateError, which the install failure page turns into
// "Installation link expired".
import type { InstallURLOptions, StateStore } from '@slack/bolt';
import { InvalidStateError } from '@slack/oauth';
import type { OAuthStates } from '../services/oauth-states.ts';

export class OAuthStateStore implements StateStore {
  constructor(private readonly states: OAuthStates) {}

  generateStateParam(installOptions: InstallURLOptions): Promise<string> {
    return this.states.create(installOptions);
  }

  /** Expiry is read on the app's clock (as when the state was made), not Bolt's `now`. */
  async verifyStateParam(_now: Date, state: string): Promise<InstallURLOptions> {
    const consumed = await this.states.consume(state);
    if (!consumed.ok) {
      throw new InvalidStateError(
        consumed.reason === 'expired' ? 'The state has expired.' : 'The state is unknown or was already used.',
      );
    }
    // Stored by generateStateParam from Bolt's own InstallURLOptions.
    return consumed.installOptions as InstallURLOptions;
  }
}
