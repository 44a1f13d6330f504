/**
 * A small pool of worker threads with a FIFO queue: one task per thread at a time, each under a time
 * budget (over it, the thread is terminated and a fresh one started for the next task) and the
 * thread's memory limit (`resourceLimits`, set by whoever creates the Worker). The caller's event loop
 * only posts the input and receives the answer.
 *
 *   const pool = new WorkerPool({ name: "compute", threads: 1, timeoutMs: 20_000, create: () => new Worker(...) });
 *   const json = await pool.run<string>({ kind: "compare", input });  // WorkBudgetError past the budget
 *
 * A new thread first says `{ready: true}`; tasks are posted (and their clocks started) only then.
 * Framework-free; the worker side is lib/work/worker.ts (message shapes below).
 */
import type { Worker } from "node:worker_threads";

export interface Task {
  kind: string;
  input: unknown;
}

/** What a worker answers for one task. */
export type TaskReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: TaskErrorData };

/** An error thrown by the task itself, as it crosses the thread boundary. */
export interface TaskErrorData {
  name: string;
  message: string;
  code?: string;
}

export type BudgetReason = "timeout" | "memory" | "crashed";

/** The task ran out of its budget (time or memory), or its thread died: the work was abandoned. */
export class WorkBudgetError extends Error {
  constructor(
    readonly reason: BudgetReason,
    readonly lane: string,
    message: string,
  ) {
    super(message);
    this.name = "WorkBudgetError";
  }
}

/*
 * Next bundles route handlers and pages apart, each with its own copy of this module, while the lanes
 * are one per process (lib/work/index.ts): an error may come from another copy's class, so callers
 * test errors with these guards (by name), never with instanceof.
 */
export function isWorkBudgetError(error: unknown): error is WorkBudgetError {
  return error instanceof Error && error.name === "WorkBudgetError" && "reason" in error;
}

export function isWorkTaskError(error: unknown): error is WorkTaskError {
  return error instanceof Error && error.name === "WorkTaskError" && "data" in error;
}

/** The task threw (e.g. a refused input); `data` keeps the original error's name, code and message. */
export class WorkTaskError extends Error {
  constructor(readonly data: TaskErrorData) {
    super(data.message);
    this.name = "WorkTaskError";
  }
}

export interface PoolOptions {
  name: string;
  threads: number;
  timeoutMs: number;
  /** Starts one worker thread (with its resourceLimits). */
  create: () => Worker;
}

interface Job {
  task: Task;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  settled: boolean;
  timer?: NodeJS.Timeout;
  started?: number;
  outOfMemory?: boolean;
}

let nextId = 1;

export class WorkerPool {
  private readonly idle: Worker[] = [];
  /** Threads started but not yet ready, with the task waiting for each. */
  private readonly booting = new Map<Worker, Job | null>();
  private readonly busy = new Map<Worker, Job & { id: number }>();
  private readonly queue: Job[] = [];
  private live = 0;
  private closed = false;
  /** Moving average of task durations (ms), for Retry-After estimates. */
  averageMs = 0;

  constructor(private readonly options: PoolOptions) {}

  get name(): string {
    return this.options.name;
  }
  get threads(): number {
    return this.options.threads;
  }
  /** Tasks running now. */
  get running(): number {
    return this.busy.size;
  }
  /** Tasks waiting for a thread. */
  get waiting(): number {
    return this.queue.length;
  }

  run<T>(task: Task): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`worker pool "${this.name}" is closed`));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ task, resolve: resolve as (v: unknown) => void, reject, settled: false });
      this.pump();
    });
  }

  /** Stops every thread; queued and running tasks fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.settle(job, new Error(`worker pool "${this.name}" closed`));
    for (const [, job] of this.booting) if (job) this.settle(job, new Error(`worker pool "${this.name}" closed`));
    const all = [...this.idle.splice(0), ...this.busy.keys(), ...this.booting.keys()];
    this.booting.clear();
    for (const [, job] of this.busy) this.settle(job, new Error(`worker pool "${this.name}" closed`));
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
    this.live = 0;
  }

  private pump(): void {
    while (this.queue.length && (this.idle.length || this.live < this.options.threads)) {
      const job = this.queue.shift()!;
      const worker = this.idle.pop();
      if (worker) this.start(worker, job);
      else this.booting.set(this.spawn(), job);
    }
  }

  private spawn(): Worker {
    const worker = this.options.create();
    this.live++;
    worker.on("message", (reply: TaskReply | { ready: true }) => {
      if ("ready" in reply) this.onReady(worker);
      else this.onReply(worker, reply);
    });
    worker.on("error", (error: Error & { code?: string }) => {
      const job = this.busy.get(worker);
      if (job && error.code === "ERR_WORKER_OUT_OF_MEMORY") job.outOfMemory = true;
      else console.error(`[work:${this.name}] worker thread failed:`, error);
    });
    worker.on("exit", () => this.onExit(worker));
    return worker;
  }

  private onReady(worker: Worker): void {
    const job = this.booting.get(worker);
    this.booting.delete(worker);
    if (job && !job.settled) this.start(worker, job);
    else {
      worker.unref();
      this.idle.push(worker);
      this.pump();
    }
  }

  private start(worker: Worker, job: Job): void {
    const id = nextId++;
    const running = Object.assign(job, { id, started: performance.now() });
    this.busy.set(worker, running);
    worker.ref();
    running.timer = setTimeout(() => {
      this.settle(
        running,
        new WorkBudgetError(
          "timeout",
          this.name,
          `The ${job.task.kind} task took longer than its ${this.options.timeoutMs} ms budget and was stopped.`,
        ),
      );
      this.retire(worker);
    }, this.options.timeoutMs);
    worker.postMessage({ id, task: job.task });
  }

  private onReply(worker: Worker, reply: TaskReply): void {
    const job = this.busy.get(worker);
    if (!job || job.id !== reply.id) return;
    this.busy.delete(worker);
    const ms = performance.now() - job.started!;
    this.averageMs = this.averageMs ? this.averageMs * 0.8 + ms * 0.2 : ms;
    if (reply.ok) this.settle(job, null, reply.value);
    else this.settle(job, new WorkTaskError(reply.error));
    if (this.closed) return;
    worker.unref();
    this.idle.push(worker);
    this.pump();
  }

  /** A thread that ran out of time: stop it; the next task gets a fresh one. */
  private retire(worker: Worker): void {
    this.busy.delete(worker);
    this.live--;
    worker.removeAllListeners("exit");
    worker.on("exit", () => undefined);
    void worker.terminate();
    this.pump();
  }

  private onExit(worker: Worker): void {
    const job = this.busy.get(worker) ?? this.booting.get(worker) ?? undefined;
    this.booting.delete(worker);
    this.busy.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    this.live--;
    if (job)
      this.settle(
        job,
        job.outOfMemory
          ? new WorkBudgetError("memory", this.name, `The ${job.task.kind} task ran out of its memory budget.`)
          : new WorkBudgetError("crashed", this.name, `The worker thread running the ${job.task.kind} task stopped.`),
      );
    if (!this.closed) this.pump();
  }

  private settle(job: Job, error: Error | null, value?: unknown): void {
    if (job.settled) return;
    job.settled = true;
    clearTimeout(job.timer);
    if (error) job.reject(error);
    else job.resolve(value);
  }
}
