// A real Bluesky network for tests/realnet: @atproto/dev-env's TestNetwork (PLC directory, PDS,
// AppView, on the Postgres and Redis given in DB_POSTGRES_URL and REDIS_HOST), plus a tiny
// control server on 127.0.0.1 that tests call to make the AppView index what was written
// (POST /process). Prints one JSON line when ready: {"pds": URL, "control": URL}.
import net from "node:net";
import http from "node:http";

// dev-env's servers listen on every interface (no host given): tests must only ever be
// reachable from this machine, so a listen without a host is made a listen on 127.0.0.1.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === "number" && typeof args[1] !== "string") {
    args.splice(1, 0, "127.0.0.1");
  } else if (typeof args[0] === "object" && args[0] !== null && args[0].port !== undefined) {
    args[0] = { ...args[0], host: args[0].host ?? "127.0.0.1" };
  }
  return listen.apply(this, args);
};

const { TestNetwork } = await import("@atproto/dev-env"); // after the patch: it starts servers
// The PDS's and AppView's files go to os.tmpdir() and stay there: point it at the fixture's own
// folder, removed after the run. Set after the import, so dev-env's port claims (a lock folder
// in the real temp folder, shared by every dev-env on the machine) still see one another.
process.env.TMPDIR = process.env.BLUESKY_DATA_DIR ?? process.env.TMPDIR;

const network = await TestNetwork.create({
  dbPostgresSchema: "socialdesk", // a fresh database each run: the fixture makes it
  // The PDS's own rate limits, as on bsky.social (dev-env turns them off): the app meets real
  // 429s. The tests' customers and seeding pass with the bypass key; the app never has it.
  pds: { rateLimitsEnabled: true, rateLimitBypassKey: process.env.RATE_LIMIT_BYPASS_KEY },
});

const control = http.createServer(async (req, res) => {
  try {
    if (req.method === "POST" && req.url === "/process") {
      await network.processAll();
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end("{}");
    } else {
      res.writeHead(404);
      res.end();
    }
  } catch (e) {
    res.writeHead(500);
    res.end(String(e));
  }
});

async function stop() {
  control.close();
  await network.close();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

control.listen(0, "127.0.0.1", () => {
  const port = control.address().port;
  process.stdout.write(
    JSON.stringify({ pds: network.pds.url, control: `http://127.0.0.1:${port}` }) + "\n",
  );
});
