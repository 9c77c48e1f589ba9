/**
 * The dependency graph shared by signals, computeds and effects.
 *
 * Internal module. With the current owner (scope.ts), it holds the only
 * global state of the reactive core: the current observer, the batch depth,
 * the global write counter and the effect queue. All of it is restored in
 * `finally` blocks, so a throw never leaves it changed.
 *
 * The graph is push-pull. A write bumps the source's version and pushes a
 * cheap "maybe stale" mark (`OUTDATED`) down to every computed that observes
 * it, queueing the effects at the bottom. Nothing is recomputed during the
 * push. When the queue flushes (or anyone reads a computed), each node pulls:
 * it asks its sources, in the order it last read them, whether their version
 * moved since it read them, refreshing computed sources first. A node whose
 * sources all kept their versions is not re-run (equality cut-off), and a
 * computed read during a run is refreshed before it returns its value, so no
 * run ever sees one source updated and another stale (glitch-free).
 *
 * Dependencies are `Link` objects, each in two doubly linked lists: the
 * target's `_deps` (in read order) and the source's `_subs`. A run walks its
 * previous links with a cursor and reuses them, so re-running with the same
 * dependencies allocates nothing.
 */

/** Flag: the node's function is executing (cycle detection). */
export const RUNNING = 1 << 0;
/** Flag: the node was notified in the current push and has not been refreshed. */
export const NOTIFIED = 1 << 1;
/** Flag: a computed may be stale and must check its sources before use. */
export const OUTDATED = 1 << 2;
/** Flag: the node's dependency links are in their sources' subscriber lists. */
export const TRACKING = 1 << 3;
/** Flag: the node was disposed. */
export const DISPOSED = 1 << 4;
/** Flag: a computed's cached value is an error to rethrow. */
export const HAS_ERROR = 1 << 5;
/** Flag: the node is a computed (writes to signals are refused while it runs). */
export const IS_COMPUTED = 1 << 6;

/** Flush passes after which a still non-empty effect queue is an infinite loop. */
export const MAX_FLUSH_PASSES = 100;

/** Version a reused link carries until it is read in the current run. */
const UNREAD = -1;

/** Something that can be depended on: a signal or a computed. */
export interface SourceNode {
  /** Bumped on every change of value (or of error). */
  _version: number;
  /** The link to the target currently running, if it reads this source. */
  _node: Link | undefined;
  /** Head of the subscriber list. */
  _subs: Link | undefined;
  /** Flags (always 0 for a signal). */
  _flags: number;
  /** Dependencies (always undefined for a signal). */
  _deps: Link | undefined;
  /** Brings the value up to date; returns false when the node is running (a cycle). */
  _refresh(): boolean;
  /** Adds a link to the subscriber list. */
  _subscribe(link: Link): void;
  /** Removes a link from the subscriber list (no-op when absent). */
  _unsubscribe(link: Link): void;
}

/** Something that depends on sources: a computed or an effect. */
export interface TargetNode {
  /** Flags. */
  _flags: number;
  /** Head of the dependency list, in read order. */
  _deps: Link | undefined;
  /** During a run, the last dependency read so far. */
  _cursor: Link | undefined;
  /** Marks the node stale (a source changed). */
  _notify(): void;
}

/** An effect as the queue sees it. */
export interface QueuedEffect {
  /** Creation order; the queue runs effects by ascending id. */
  _id: number;
  /** Flags. */
  _flags: number;
  /** Dependencies. */
  _deps: Link | undefined;
  /** Re-runs the effect if one of its sources really changed. */
  _flush(): void;
}

/** An edge from a source to a target. */
export class Link {
  /** The node depended on. */
  source: SourceNode;
  /** The dependent node. */
  target: TargetNode;
  /** The source's version when the target last read it. */
  version: number;
  /** Previous link in the target's dependency list. */
  prevDep: Link | undefined = undefined;
  /** Next link in the target's dependency list. */
  nextDep: Link | undefined = undefined;
  /** Previous link in the source's subscriber list. */
  prevSub: Link | undefined = undefined;
  /** Next link in the source's subscriber list. */
  nextSub: Link | undefined = undefined;
  /** The source's `_node` before this run claimed it, restored afterwards. */
  rollback: Link | undefined = undefined;

  constructor(source: SourceNode, target: TargetNode, version: number) {
    this.source = source;
    this.target = target;
    this.version = version;
  }
}

/** The computed or effect currently running, whose reads are tracked. */
export let observer: TargetNode | undefined;

/** Incremented on every signal change; lets unobserved computeds skip checks. */
export let globalVersion = 0;

let batchDepth = 0;
let queue: QueuedEffect[] = [];
let spare: QueuedEffect[] = [];

/** Sets the current observer and returns the previous one (restore it in `finally`). */
export function swapObserver(next: TargetNode | undefined): TargetNode | undefined {
  const prev = observer;
  observer = next;
  return prev;
}

/** Records that some signal changed. */
export function bumpGlobalVersion(): void {
  globalVersion++;
}

/**
 * Records that the current observer reads `source`.
 *
 * Returns the link (so a computed can store its post-refresh version in it),
 * or undefined when nothing is tracking.
 */
export function track(source: SourceNode): Link | undefined {
  const target = observer;
  if (target === undefined) return undefined;
  let link = source._node;
  if (link !== undefined && link.target === target) {
    // Read before by this target: a link of the previous run, reused in place,
    // or one already read in this run.
    if (link.version === UNREAD) placeAfterCursor(target, link);
    link.version = source._version;
    return link;
  }
  link = new Link(source, target, source._version);
  link.rollback = source._node;
  source._node = link;
  insertAfterCursor(target, link);
  if ((target._flags & TRACKING) !== 0) source._subscribe(link);
  return link;
}

function insertAfterCursor(target: TargetNode, link: Link): void {
  const cursor = target._cursor;
  const next = cursor === undefined ? target._deps : cursor.nextDep;
  link.prevDep = cursor;
  link.nextDep = next;
  if (next !== undefined) next.prevDep = link;
  if (cursor !== undefined) cursor.nextDep = link;
  else target._deps = link;
  target._cursor = link;
}

function placeAfterCursor(target: TargetNode, link: Link): void {
  const cursor = target._cursor;
  const expected = cursor === undefined ? target._deps : cursor.nextDep;
  if (expected === link) {
    // Same read order as last run: the common case, nothing moves.
    target._cursor = link;
    return;
  }
  const prev = link.prevDep;
  const next = link.nextDep;
  if (prev !== undefined) prev.nextDep = next;
  else target._deps = next;
  if (next !== undefined) next.prevDep = prev;
  insertAfterCursor(target, link);
}

/** Prepares a target's links for a new run (call before swapping the observer in). */
export function beginTracking(target: TargetNode): void {
  for (let link = target._deps; link !== undefined; link = link.nextDep) {
    link.version = UNREAD;
    link.rollback = link.source._node;
    link.source._node = link;
  }
  target._cursor = undefined;
}

/** Ends a run: restores the sources' `_node` and drops the links not read this run. */
export function endTracking(target: TargetNode): void {
  for (let link = target._deps; link !== undefined; link = link.nextDep) {
    link.source._node = link.rollback;
    link.rollback = undefined;
  }
  const cursor = target._cursor;
  let stale: Link | undefined;
  if (cursor === undefined) {
    stale = target._deps;
    target._deps = undefined;
  } else {
    stale = cursor.nextDep;
    cursor.nextDep = undefined;
  }
  const subscribed = (target._flags & TRACKING) !== 0;
  while (stale !== undefined) {
    const next: Link | undefined = stale.nextDep;
    if (subscribed) stale.source._unsubscribe(stale);
    stale.prevDep = undefined;
    stale.nextDep = undefined;
    stale = next;
  }
  target._cursor = undefined;
}

/** Unsubscribes (when subscribed) and drops every dependency of a target. */
export function dropDependencies(target: TargetNode): void {
  const subscribed = (target._flags & TRACKING) !== 0;
  let link = target._deps;
  target._deps = undefined;
  target._flags &= ~TRACKING;
  while (link !== undefined) {
    const next: Link | undefined = link.nextDep;
    if (subscribed) link.source._unsubscribe(link);
    link.prevDep = undefined;
    link.nextDep = undefined;
    link = next;
  }
}

/**
 * Whether a source of `target` changed since the target read it.
 *
 * Checks sources in read order and refreshes computed sources on the way, so
 * a branch condition is settled before the branch's own sources are looked at.
 */
export function needsToRecompute(target: TargetNode): boolean {
  for (let link = target._deps; link !== undefined; link = link.nextDep) {
    const source = link.source;
    if (
      source._version !== link.version ||
      !source._refresh() ||
      source._version !== link.version
    ) {
      return true;
    }
  }
  return false;
}

/** Adds a link at the head of a source's subscriber list. */
export function pushSub(source: SourceNode, link: Link): void {
  const head = source._subs;
  link.prevSub = undefined;
  link.nextSub = head;
  if (head !== undefined) head.prevSub = link;
  source._subs = link;
}

/** Removes a link from a source's subscriber list; false when it was not there. */
export function removeSub(source: SourceNode, link: Link): boolean {
  const prev = link.prevSub;
  const next = link.nextSub;
  if (prev === undefined && source._subs !== link) return false;
  if (prev !== undefined) prev.nextSub = next;
  else source._subs = next;
  if (next !== undefined) next.prevSub = prev;
  link.prevSub = undefined;
  link.nextSub = undefined;
  return true;
}

/** Number of links in a source's subscriber list. */
export function countSubs(source: SourceNode): number {
  let n = 0;
  for (let link = source._subs; link !== undefined; link = link.nextSub) n++;
  return n;
}

/** Queues a notified effect for the next flush. */
export function enqueue(effect: QueuedEffect): void {
  queue.push(effect);
}

/** Opens a batch; pair with `endBatch` in a `finally`. */
export function startBatch(): void {
  batchDepth++;
}

const byId = (a: QueuedEffect, b: QueuedEffect): number => a._id - b._id;

// Notification order follows subscriber lists (newest subscriber first), so
// the queue is often already ascending or descending: avoid a sort then.
function sortById(list: QueuedEffect[]): void {
  let ascending = true;
  let descending = true;
  for (let i = 1; i < list.length && (ascending || descending); i++) {
    const prev = (list[i - 1] as QueuedEffect)._id;
    const next = (list[i] as QueuedEffect)._id;
    if (prev > next) ascending = false;
    else descending = false;
  }
  if (ascending) return;
  if (descending) list.reverse();
  else list.sort(byId);
}

/**
 * Closes a batch; closing the outermost one flushes the effect queue.
 *
 * A flush runs in passes: each pass takes the queued effects, runs them in
 * creation order (each at most once per pass) and collects the effects their
 * writes queued for the next pass. An effect that throws does not stop the
 * others; the first error is rethrown once the queue is empty.
 *
 * # Errors
 * Throws when the queue is still not empty after `MAX_FLUSH_PASSES` passes
 * (effects keep re-triggering each other); the pending effects are dropped.
 */
export function endBatch(): void {
  if (batchDepth > 1) {
    batchDepth--;
    return;
  }
  let failed = false;
  let error: unknown;
  let passes = 0;
  try {
    while (queue.length > 0) {
      if (++passes > MAX_FLUSH_PASSES) {
        abandonQueue();
        throw new Error(
          `letui signals: effects did not settle after ${MAX_FLUSH_PASSES} flush passes ` +
            "(infinite update loop: an effect writes a signal that it, or an effect it " +
            "triggers, depends on)",
        );
      }
      const list = queue;
      queue = spare;
      spare = list;
      sortById(list);
      for (let i = 0; i < list.length; i++) {
        const effect = list[i] as QueuedEffect;
        effect._flags &= ~NOTIFIED;
        try {
          effect._flush();
        } catch (err) {
          if (!failed) {
            failed = true;
            error = err;
          }
        }
      }
      list.length = 0;
    }
  } finally {
    batchDepth--;
  }
  if (failed) throw error;
}

function abandonQueue(): void {
  for (const effect of queue) {
    effect._flags &= ~NOTIFIED;
    clearNotified(effect);
  }
  queue.length = 0;
}

// Computeds between an abandoned effect and the written signals stay marked
// NOTIFIED (they were never refreshed), which would stop later notifications
// from passing through them. Clear the marks; OUTDATED stays so that their
// next read still checks their sources.
function clearNotified(target: { _deps: Link | undefined }): void {
  for (let link = target._deps; link !== undefined; link = link.nextDep) {
    const source = link.source;
    if ((source._flags & NOTIFIED) !== 0) {
      source._flags &= ~NOTIFIED;
      clearNotified(source);
    }
  }
}

/**
 * Runs `fn` as one batch and returns its result: its writes apply at once,
 * and effects run once, when the outermost batch ends (also when `fn` throws).
 * Reads inside see the new values (computeds included).
 *
 * # Errors
 * Rethrows what `fn` throws, or else the first error of an effect run by the
 * flush; if both throw, an `AggregateError` carries both.
 *
 * # Examples
 * ```ts
 * batch(() => {
 *   first.value = "Grace";
 *   last.value = "Hopper";
 * }); // effects reading both run once
 * ```
 */
export function batch<T>(fn: () => T): T {
  batchDepth++;
  let result: T;
  try {
    result = fn();
  } catch (fnError) {
    try {
      endBatch();
    } catch (flushError) {
      throw new AggregateError(
        [fnError, flushError],
        "letui signals: batch() callback threw, and effects threw while flushing",
      );
    }
    throw fnError;
  }
  endBatch();
  return result;
}

/**
 * Runs `fn` and returns its result without tracking its reads: the running
 * computed or effect does not depend on what `fn` reads.
 */
export function untrack<T>(fn: () => T): T {
  const prev = observer;
  observer = undefined;
  try {
    return fn();
  } finally {
    observer = prev;
  }
}
