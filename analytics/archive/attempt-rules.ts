// The attempt rules a grades question may take (sql/metrics/grades/parts/chosen-results.sql says what
// each counts), and which of them curation rolls up unless the deployment asks for more.

export const ATTEMPT_RULES = ['first', 'best', 'latest'] as const;
export type AttemptRule = (typeof ATTEMPT_RULES)[number];

/** The rule a question takes when it names none; always rolled up (the rollups with no rule use it). */
export const DEFAULT_ATTEMPT_RULE: AttemptRule = 'first';

/**
 * Rolled up by default: the default rule only. Each rule's rollups cost about three minutes of curation
 * at 300,000 students (the bench), so best and latest read the detail unless the deployment asks for
 * them too (XUEJI_ROLLUP_ATTEMPTS, README).
 */
export const DEFAULT_ROLLED_UP_ATTEMPTS: readonly AttemptRule[] = [DEFAULT_ATTEMPT_RULE];
