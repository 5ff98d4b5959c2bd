import { z } from 'zod';
import { localizedSchema } from '../catalogue/catalogue-schema.js';
import { named } from './documents.js';
import { roleSchema } from './returns.js';

/**
 * Who calls, as the API tells the pane: how it signs people in (before sign-in), and who the
 * signed-in user is here (the pane's first screen after sign-in).
 */

/**
 * How the API knows who calls (AUTH_MODE): Microsoft Entra ID tokens it validates itself, App
 * Service Authentication in front of it, or the local development mode's demo tokens.
 */
export const authModeSchema = z.enum(['entra', 'app-service', 'dev-token']);
export type AuthMode = z.infer<typeof authModeSchema>;

/** GET /auth-info (no sign-in needed): what the pane should offer on its sign-in screen. */
export const authInfoResponseSchema = named(
  'AuthInfoResponse',
  z.object({
    authMode: authModeSchema,
    devTokens: z
      .boolean()
      .meta({ description: 'The API runs in local development mode: demo tokens are accepted (never in Azure). The pane shows the token field only then.' }),
  }),
);
export type AuthInfoResponse = z.infer<typeof authInfoResponseSchema>;

/** GET /me: the signed-in caller as the API sees them. */
export const meResponseSchema = named(
  'MeResponse',
  z.object({
    id: z.string().meta({ description: 'The user’s object id (oid) in Entra ID; the demo user’s id with demo tokens.' }),
    name: z.string(),
    role: roleSchema,
    park: z
      .object({ code: z.string(), name: localizedSchema })
      .nullable()
      .meta({ description: 'The park of a statistician or reviewer (from the park.<code> app role); null for the zone consolidator.' }),
    authMode: authModeSchema,
  }),
);
export type MeResponse = z.infer<typeof meResponseSchema>;
