// The presenters tests build messages with: the one of a person whose Slack speaks US English unless a
// test says otherwise.
import { type Presenter, presenterFor } from '../../src/i18n/presenter.ts';

/** US English: the catalogue and the formats ("$12,000.50", "Dec 15, 2026") most tests assert. */
export const enUS: Presenter = presenterFor('en-US');
