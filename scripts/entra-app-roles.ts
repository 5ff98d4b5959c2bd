import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { entraAppRoles } from '../functions/src/auth/app-roles.js';
import { loadCatalogue } from '../shared/src/index.js';

/**
 * `npm run -s entra-app-roles > app-roles.json` prints the app roles of the API registration
 * (the three roles and one park.<code> per park), as the JSON array that
 * `az ad app update --id <API client id> --app-roles @app-roles.json` sets, or that goes under
 * "appRoles" in the registration's manifest. Ids are stable: applying it again after a park is
 * added keeps everyone's assignments.
 */
export function main(_argv: readonly string[], write: (text: string) => void): number {
  write(`${JSON.stringify(entraAppRoles(loadCatalogue()), null, 2)}\n`);
  return 0;
}

const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2), (text) => process.stdout.write(text));
}
