/** English message table, looked up by issue code; {params} are filled from the issue. */
export const MESSAGES_EN: Readonly<Record<string, string>> = {
};
