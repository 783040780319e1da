// Loaded into the app's own process by bench/profile-floor.ts (NODE_OPTIONS=--import): each SIGUSR2 toggles a
// V8 CPU profile through the in-process inspector, so only the measured requests are in it (not start-up or
// warm-up). On start it writes `<PROFILE_FLOOR_OUT>.started`; on stop the profile itself, `<PROFILE_FLOOR_OUT>`.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";

const out = process.env.PROFILE_FLOOR_OUT;
if (out) {
  const session = new Session();
  session.connect();
  const post = (method, params = {}) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))),
    );
  let running = false;
  process.on("SIGUSR2", () => {
    void (async () => {
      if (!running) {
        await post("Profiler.enable");
        await post("Profiler.setSamplingInterval", { interval: 250 });
        await post("Profiler.start");
        running = true;
        writeFileSync(`${out}.started`, "");
      } else {
        const { profile } = await post("Profiler.stop");
        running = false;
        writeFileSync(out, JSON.stringify(profile));
      }
    })();
  });
}
