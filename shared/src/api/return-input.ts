/** What a client sends to validate or submit a return. Raw cell values: the server parses them. */
export interface ReturnInput {
  templateVersion: string;
  figures: Record<string, string | number | null>;
  /** Baseline (基期值) values, by field key, for fields whose template asks for one. */
  baselines?: Record<string, string | number | null>;
  /** Explanations (说明) of warnings, by issue key (see issueKey). */
  explanations?: Record<string, string>;
}
