export type Role = 'statistician' | 'reviewer' | 'consolidator';

/** Who did something: a signed-in user with their role and park. */
export interface Actor {
  id: string;
  name: string;
  role: Role;
  /** The park a statistician or reviewer belongs to; null for the zone consolidator. */
  park: string | null;
}
