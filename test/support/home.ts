// App Home as the use case draws it: the rows' quick actions decided by the domain for their owner.
import type { Presenter } from '../../src/i18n/presenter.ts';
import { homeView, type HomeInput } from '../../src/slack/blocks/home.ts';
import { homeOffers } from '../../src/usecases/opportunities.ts';
import { enUS } from './presenter.ts';

export function homeViewFor(input: Omit<HomeInput, 'offers'>, p: Presenter = enUS): ReturnType<typeof homeView> {
  return homeView(p, { ...input, offers: homeOffers(input.opportunities, input.cycles) });
}
