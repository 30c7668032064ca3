// The page of App Home a pager button asks for: the number of open opportunities before it, carried in
// the button's value (and in the Home view's private_metadata) rather than in any process's memory.
// A value is only a position: which opportunities it shows is decided again for whoever clicks.
import { z } from 'zod';

/** Far beyond any pipeline: a larger value is not a page Home ever drew. */
const MAX_OFFSET = 10_000_000;

/** A page's position: open opportunities before it. */
export const HOME_OFFSET = z.number().int().min(0).max(MAX_OFFSET);

export const HOME_PAGE_VALUE = z
  .string()
  .trim()
  .regex(/^\d{1,8}$/)
  .transform(Number)
  .pipe(HOME_OFFSET);

export function homePageValue(offset: number): string {
  return String(offset);
}
