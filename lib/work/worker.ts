/**
 * Entry of the worker threads (lib/work/pool.ts starts them): runs one task per message from
 * lib/work/tasks.ts and answers `{id, ok, value}` or `{id, ok: false, error: {name, code, message}}`.
 * Under `next build` Turbopack bundles this file as its own chunk (it is named by
 * `new Worker(new URL("./worker.ts", import.meta.url))` in lib/work/index.ts); under tsx (tests) the
 * thread inherits tsx's loader from the parent's execArgv.
 */
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { Task, TaskReply } from "./pool.ts";
import { TASKS } from "./tasks.ts";

const port = parentPort;
if (!port) throw new Error("lib/work/worker.ts runs only as a worker thread");

// A lower priority for this thread only (Linux keeps niceness per thread; who = 0 is the caller).
const nice = (workerData as { nice?: number } | null)?.nice ?? 0;
if (nice > 0) {
  try {
    setPriority(nice);
  } catch {
    // Not permitted or not supported here: the thread runs at the process's priority.
  }
}

// Loaded and listening: the pool starts a task's clock only from here, so start-up is not billed to it.
port.postMessage({ ready: true });

port.on("message", (message: { id: number; task: Task }) => {
  const { id, task } = message;
  const reply = (r: TaskReply) => port.postMessage(r);
  const run = TASKS[task.kind as keyof typeof TASKS] as ((input: unknown) => unknown) | undefined;
  if (!run) {
    reply({ id, ok: false, error: { name: "Error", message: `unknown task "${task.kind}"` } });
    return;
  }
  Promise.resolve()
    .then(() => run(task.input))
    .then(
      (value) => reply({ id, ok: true, value }),
      (error: unknown) => {
        const e: Error & { code?: unknown } = error instanceof Error ? error : new Error(String(error));
        const code = typeof e.code === "string" ? { code: e.code } : {};
        reply({ id, ok: false, error: { name: e.name, message: e.message, ...code } });
      },
    );
});
