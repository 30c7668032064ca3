// The words an opportunity's rules and their problems share: its status, how it closes and how it moves.
// A leaf module (it imports nothing), so problems.ts can name them without importing opportunity.ts,
// which throws those problems: no import circle in the domain.
export type OpportunityStatus = 'not_started' | 'in_progress' | 'won' | 'lost';
export type CloseOutcome = 'won' | 'lost';
export type MoveAction = 'first' | 'next' | 'previous' | 'skip' | 'jump' | 'update';
