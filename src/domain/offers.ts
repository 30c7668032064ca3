// What an opportunity offers the person reading it: the buttons of its card and of its App Home row.
// Decided once, here, from the rules (which stage moves are possible now, when a quote, an order or a
// deletion is allowed) and from whether the reader may change the opportunity at all; the builders only
// draw the list.
import type { Decimal } from './decimal.ts';
import { type ActionsInput, availableActions } from './opportunity.ts';
import { decide, type Role } from './permissions.ts';

export type Offer =
  'activate' | 'next' | 'update' | 'close' | 'createQuote' | 'makeOrder' | 'viewQuote' | 'edit' | 'note' | 'delete';

/** The offers an App Home row shows (the others are on the card). */
export const QUICK_OFFERS: readonly Offer[] = ['activate', 'next', 'update', 'close'];

export interface OfferInput extends ActionsInput {
  hasQuote: boolean;
  /** The active entry's estimated value; null before the start. */
  estimatedValue: Decimal | null;
  /**
   * The one person who will see the offers (a private reply, App Home); undefined for a message the
   * whole channel sees, where every click is checked again for whoever makes it.
   */
  reader?: { role: Role; isOwner: boolean } | undefined;
}

/**
 * In display order:
 * - Activate first stage: not started, and the cycle has a first stage;
 * - Next: the next stage exists and Next works in one click — it keeps the current estimated value (or
 *   takes the linked quote's amount), which must be greater than 0, so after "Activate first stage"
 *   (value 0) the estimates are given in the Update form first;
 * - Update: any move other than First; Close: Not Started or In Progress;
 * - Create quote: In Progress without a quote; Make order: a quote is linked; View quote: a quote is
 *   linked (it only reads, so it is offered to every reader);
 * - Edit (description, contact, salesperson, priority; a closed one only its description) and Add note:
 *   always; Delete: anything but In Progress.
 * Nothing else for a reader who may not change the opportunity: each button would only be refused.
 */
export function offersFor(input: OfferInput): Offer[] {
  if (input.reader && !decide(input.reader.role, 'change-opportunity', { isOwner: input.reader.isOwner }).allowed)
    return input.hasQuote ? ['viewQuote'] : [];
  const moves = availableActions(input);
  const { status, hasQuote } = input;
  const open = status === 'not_started' || status === 'in_progress';
  const nextInOneClick = hasQuote || (input.estimatedValue?.greaterThan(0) ?? false);
  const offers: Offer[] = [];
  if (status === 'not_started' && moves.includes('first')) offers.push('activate');
  if (open && moves.includes('next') && nextInOneClick) offers.push('next');
  if (open && moves.some((move) => move !== 'first')) offers.push('update');
  if (open) offers.push('close');
  if (status === 'in_progress' && !hasQuote) offers.push('createQuote');
  if (hasQuote) offers.push('makeOrder', 'viewQuote');
  offers.push('edit', 'note');
  if (status !== 'in_progress') offers.push('delete');
  return offers;
}
