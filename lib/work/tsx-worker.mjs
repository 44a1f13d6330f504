// The worker entry under tsx (unit tests): worker threads do not inherit tsx's loader on Node 20, so
// this registers it, then loads the real entry. Only lib/work/testing.ts starts it; the app's
// threads run the bundled lib/work/worker.ts.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
