// App Home as the use case draws it: the rows' quick actions decided by the domain for their owner.
import { homeView, type HomeInput } from '../../src/slack/blocks/home.ts';
import { homeOffers } from '../../src/usecases/opportunities.ts';

export function homeViewFor(input: Omit<HomeInput, 'offers'>): ReturnType<typeof homeView> {
  return homeView({ ...input, offers: homeOffers(input.opportunities, input.cycles) });
}
