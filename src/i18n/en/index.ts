// The English message catalogue: every sentence a user reads comes from one of these sections.
export { describeRuleProblem } from './rules.ts';
export { describeInputProblem } from './input.ts';
export { system } from './system.ts';
export { ui } from './ui.ts';
export { notices } from './notices.ts';
export { describeScheduleProblem } from './schedule.ts';
export { digestText } from './digest.ts';
export { installPages } from './install-pages.ts';
