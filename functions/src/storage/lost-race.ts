/** Attempts at a commit that keeps losing its race (head or lock marker moved) before answering a conflict. */
export const MAX_COMMIT_ATTEMPTS = 12;

/** A commit refused because another one moved the entity it was guarded by first (409/412). */
export function isLostRace(error: unknown): boolean {
  const status = (error as { statusCode?: number }).statusCode;
  return status === 409 || status === 412;
}

/** A short random pause before reading again after a lost race, longer with each attempt. */
export function waitAfterLostRace(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
}
