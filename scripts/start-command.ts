// What `npm start` runs (package.json's "start"), for everything that starts the server the same way: the
// end-to-end tests, the bench and the systemd unit (its test compares). Node's arguments, from the project folder.
export const START_ARGS: readonly string[] = ["scripts/start.mjs"];
