'use strict';
// Azurite as start-azurite.ts runs it: its own entry point, under this one, in a child process
// with an IPC channel to its parent. Azurite stops gracefully (and saves its databases) on a
// 'shutdown' message, which it listens for only once all its services listen; a message that
// comes earlier is dropped. This entry:
//
// - passes on a 'shutdown' that came too early, once Azurite listens for it;
// - stops Azurite when its parent is gone (the channel closes: `npm start` killed outright, or
//   crashed). Azurite runs in a process group of its own, so nothing else would stop it, and an
//   Azurite left running holds the data folder under the next start's Azurite and writes its
//   older databases over the newer ones;
// - sends Azurite one 'shutdown' only: Azurite's listener is a `once`, and a second request,
//   made through a signal, would fail inside it and kill it before it saves.
//
// Plain CommonJS, so that it runs before the event loop delivers any message.

let requested = false;
let passedOn = false;

/** Azurite listens once its services listen, until a 'shutdown' reaches it (its listener is a `once`). */
function azuriteListens() {
  return process.listenerCount('message') > 1; // this file's listener, and Azurite's
}

function passOn() {
  if (passedOn || !requested) return;
  if (azuriteListens()) {
    passedOn = true;
    process.emit('message', 'shutdown');
  } else {
    setTimeout(passOn, 20);
  }
}

function request() {
  requested = true;
  passOn();
}

process.on('message', (message) => {
  if (message !== 'shutdown') return;
  if (azuriteListens())
    passedOn = true; // Azurite's own listener, called after this one, takes it
  else request();
});
process.on('disconnect', request);
// With its parent gone, what it says while closing goes to pipes nobody reads: a write there fails
// (EPIPE), which unhandled would end it before it saves.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

require('azurite/dist/src/azurite.js');
