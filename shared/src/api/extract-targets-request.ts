/** POST /api/extract: a plan text (行动方案) as the consolidator uploads it, decoded to a string. */
export interface ExtractTargetsRequest {
  text: string;
}
