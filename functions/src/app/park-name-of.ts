import type { Catalogue } from '@zj/shared';
import type { LocalizedParam } from './domain-error.js';

/** A park's name for messages (金山园 / Jinshan Park); the code itself for a park the catalogue lacks. */
export function parkNameOf(catalogue: Catalogue, code: string): LocalizedParam {
  return catalogue.parks.find((p) => p.code === code)?.name ?? { zh: code, en: code };
}
