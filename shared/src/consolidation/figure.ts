/** One reporting unit's value of one indicator: the only thing consolidation ever adds up. */
export interface Figure {
  unit: string;
  indicator: string;
  value: number;
}
