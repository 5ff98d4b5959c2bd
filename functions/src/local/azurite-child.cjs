'use strict';
// Azurite as start-azurite.ts runs it: its own entry point, under this one, in a child process
// with an IPC channel to its parent. The channel closing is the stop: start-azurite.ts closes it
// to stop Azurite, and it closes by itself when the parent is gone (`npm start` killed outright,
// or crashed). Azurite runs in a process group of its own, so nothing else would stop it, and an
// Azurite left running holds the data folder under the next start's Azurite and writes its older
// databases over the newer ones.
//
// Azurite stops gracefully (and saves its databases) on a 'shutdown' message, which it listens
// for (once) only when all its services listen: this entry hands it one, then or at once. Not a
// signal: a second request, made through a signal, would fail inside Azurite and kill it before
// it saves. Plain CommonJS, so that the listener is there before the event loop runs.

function shutdownWhenAzuriteListens() {
  if (process.listenerCount('message') > 0) process.emit('message', 'shutdown');
  else setTimeout(shutdownWhenAzuriteListens, 20);
}

process.once('disconnect', shutdownWhenAzuriteListens);
// With its parent gone, what it says while closing goes to pipes nobody reads: a write there fails
// (EPIPE), which unhandled would end it before it saves.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

require('azurite/dist/src/azurite.js');
