import { config } from 'zod';

// The pane's Content-Security-Policy allows no eval (shared/src/api/security-headers.ts). zod
// would otherwise probe `new Function` to compile its parsers, which the browser refuses and
// reports as a violation; its interpreted parsers are quick enough for the API's answers.
// Imported first by index.tsx, before any schema parses.
config({ jitless: true });
